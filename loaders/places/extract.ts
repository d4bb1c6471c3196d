/**
 * extractPlaces: zones defined in the plan's text (members LOCATED_IN the zone) and, for every
 * task, LOCATED_IN the divisions and zones its own text is in or about, each with the line and
 * quote that names the place. District nodes come with their gazetteer ancestors.
 */
import type {
  Division, Evidence, ExtractContext, GraphFragment, GraphNode, GraphRelationship, Paragraph, TaskDraft,
} from '../model.ts';
import { aligned, evidenceAt, verbatim } from '../text/provenance.ts';
import { districtNode, divisionNodes } from '../gazetteer/district-nodes.ts';
import { findPlaceMentions, type MatchOptions } from '../gazetteer/place-mentions.ts';
import { coextensiveDivision, knownZoneFragment, knownZones, zoneAtStart } from './known-zones.ts';
import { passageSubjects } from './passage.ts';
import { simplify } from '../read/script.ts';
import { findZoneDefinitions } from './zones.ts';
import { allTasks } from '../structure/tasks.ts';


/** A place a stretch of text is in or about, with the evidence naming it. */
export interface LocatedPlace {
  division: Division;
  evidence: Evidence;
  /** The name as written (花都, 狮岭镇). */
  surface: string;
}

/** Places named in these paragraphs, one per division (first mention), in reading order. */
export function placesIn(document: string, paragraphs: Paragraph[], options: MatchOptions): LocatedPlace[] {
  const out: LocatedPlace[] = [];
  for (const p of paragraphs) {
    for (const m of findPlaceMentions(p.text, options)) {
      if (out.some((o) => o.division.id === m.division.id)) continue;
      // The name as written: the verbatim (possibly Traditional) text where it aligns with the matched copy.
      const surface = aligned(p) ? verbatim(p, m.start, m.end) : m.surface;
      out.push({ division: m.division, surface, evidence: evidenceAt(document, p, m.start, m.end) });
    }
  }
  return out;
}

/** A copy of a node the builder may change (property values are scalars or arrays of them). */
function copyNode(node: GraphNode): GraphNode {
  const properties = { ...node.properties };
  for (const k in properties) {
    const v = properties[k];
    if (Array.isArray(v)) properties[k] = [...v] as typeof v;
  }
  return { id: node.id, labels: [...node.labels], properties };
}

/** Collects nodes by id, unioning aliases, so a fragment holds each District once. */
class FragmentBuilder {
  private nodes = new Map<string, GraphNode>();
  private relationships: GraphRelationship[] = [];
  private relKeys = new Set<string>();
  /** Divisions, and known zones, whose whole fragment is in already: adding one again changes nothing. */
  private completeDivisions = new Set<string>();
  private completeZones = new Set<string>();

  addNode(node: GraphNode): void {
    const seen = this.nodes.get(node.id);
    if (!seen) {
      this.nodes.set(node.id, copyNode(node));
      return;
    }
    const have = (seen.properties.aliases as string[]) ?? [];
    const more = (node.properties.aliases as string[]) ?? [];
    // Most repeats bring no new alias (every task in 花都区 names 花都区 again).
    if (more.every((a) => have.includes(a)) && new Set(have).size === have.length) return;
    seen.properties.aliases = [...new Set([...have, ...more])];
  }

  merge(fragment: GraphFragment): void {
    for (const n of fragment.nodes) this.addNode(n);
    for (const r of fragment.relationships) this.addRelationship(r);
  }

  addDivision(d: Division, surface?: string): void {
    if (!this.completeDivisions.has(d.id)) {
      this.merge(divisionNodes(d));
      this.completeDivisions.add(d.id);
    }
    if (surface && surface !== d.name) this.addNode(districtNode(d, [surface]));
  }

  /** A known zone with its members and containers (knownZoneFragment), once. */
  addKnownZone(zone: Division): void {
    if (this.completeZones.has(zone.id)) return;
    this.merge(knownZoneFragment(zone));
    this.completeZones.add(zone.id);
  }

  hasRelationship(type: GraphRelationship['type'], start: string, end: string): boolean {
    return this.relKeys.has(`${type}|${start}|${end}`);
  }

  addRelationship(r: GraphRelationship): void {
    const key = `${r.type}|${r.start}|${r.end}`;
    if (this.relKeys.has(key)) return;
    this.relKeys.add(key);
    this.relationships.push(r);
  }

  build(): GraphFragment {
    return { nodes: [...this.nodes.values()], relationships: this.relationships };
  }
}

/** Every paragraph a plan's text holds: task paragraphs, loose paragraphs, footnotes. */
function allParagraphs(ctx: ExtractContext): Paragraph[] {
  const paras: Paragraph[] = [];
  for (const t of allTasks(ctx.plan.tasks)) paras.push(...t.paragraphs);
  paras.push(...ctx.plan.looseParagraphs, ...ctx.plan.footnotes);
  return paras;
}

/** The paragraphs to read for a task's own places; a task with none is read from its title. */
function taskParagraphs(task: TaskDraft): Paragraph[] {
  if (task.paragraphs.length > 0) return task.paragraphs;
  const { line } = task.evidence;
  return [{ text: task.title, original: task.title, line, segments: [{ offset: 0, line }], kind: 'body' }];
}

export function extractPlaces(ctx: ExtractContext): GraphFragment {
  const document = ctx.source.document;
  const out = new FragmentBuilder();
  if (ctx.jurisdiction) out.addDivision(ctx.jurisdiction);

  // Zones this document defines, then zones known by name from elsewhere.
  const defined = findZoneDefinitions(allParagraphs(ctx), ctx.jurisdiction);
  for (const def of defined) {
    const evidence = evidenceAt(document, def.paragraph, def.offset, def.offset + def.zone.name.length);
    out.addNode({ ...districtNode(def.zone), properties: { ...districtNode(def.zone).properties, ...evidence } });
    for (const member of def.members) {
      out.addDivision(member);
      out.addRelationship({ type: 'LOCATED_IN', start: member.id, end: def.zone.id, properties: { ...evidence } });
    }
  }
  const zones = [...defined.map((d) => d.zone), ...knownZones.filter((k) => !defined.some((d) => d.zone.id === k.id))];
  const isDefined = (zone: Division) => defined.some((d) => d.zone.id === zone.id);

  // A plan issued for a zone that is no division (横琴粤澳深度合作区…实施方案) governs that zone.
  const titleZone = ctx.jurisdiction ? undefined : zoneAtStart(ctx.source.script === 'traditional' ? simplify(ctx.plan.title) : ctx.plan.title);
  if (titleZone) {
    out.addKnownZone(titleZone.zone);
    const { line, quote } = ctx.plan.evidence;
    const surface = ctx.plan.title.slice(0, titleZone.surface.length);
    out.addRelationship({ type: 'GOVERNS', start: ctx.planId, end: titleZone.zone.id, properties: { document, line, quote, surface } });
  }

  const options: MatchOptions = { jurisdiction: ctx.jurisdiction, zones };
  // 一是…二是… under "花都" or after "花都将以…": the passage's place, read after the task's own.
  const subjects = passageSubjects(document, ctx.plan, options);
  for (const task of allTasks(ctx.plan.tasks)) {
    // An annex item naming a main-text task is that task (one task, two places).
    const taskId = ctx.taskId(task.sameAs ?? task.ref);
    const subject = subjects.get(task);
    const places = [...placesIn(document, taskParagraphs(task), options), ...(subject ? [subject] : [])];
    // 南沙新区 is the ground of 南沙区: a task in the zone is in the district too, with the same evidence.
    const covered = new Set<LocatedPlace>();
    for (const place of [...places]) {
      const same = place.division.level === 'ZONE' ? coextensiveDivision(place.division) : undefined;
      if (!same || places.some((p) => p.division.id === same.id)) continue;
      const located = { ...place, division: same };
      covered.add(located);
      places.push(located);
    }
    for (const place of places) {
      if (place.division.level !== 'ZONE') out.addDivision(place.division, covered.has(place) ? undefined : place.surface);
      else if (isDefined(place.division)) out.addNode(districtNode(place.division));
      else out.addKnownZone(place.division);
      // The first evidence for a task's place is kept; a repeat (an annex item naming its main-text task) builds nothing.
      if (out.hasRelationship('LOCATED_IN', taskId, place.division.id)) continue;
      out.addRelationship({
        type: 'LOCATED_IN',
        start: taskId,
        end: place.division.id,
        properties: { ...place.evidence, surface: place.surface },
      });
    }
  }
  return out.build();
}
