/**
 * extractPlaces: zones defined in the plan's text (members LOCATED_IN the zone) and, for every
 * task, LOCATED_IN the divisions and zones its own text is in or about, each with the line and
 * quote that names the place. District nodes come with their gazetteer ancestors.
 */
import { readFileSync } from 'node:fs';
import type {
  Division, Evidence, ExtractContext, GraphFragment, GraphNode, GraphRelationship, Paragraph, TaskDraft,
} from '../model.ts';
import { evidenceAt } from './evidence.ts';
import { districtNode, divisionNodes } from './gazetteer.ts';
import { findPlaceMentions, type MatchOptions } from './matcher.ts';
import { passageSubjects } from './passage.ts';
import { findZoneDefinitions } from './zones.ts';

interface KnownZone { name: string; aliases: string[] }
const knownZones: Division[] = (
  JSON.parse(readFileSync(new URL('../data/zones.json', import.meta.url), 'utf8')) as { zones: KnownZone[] }
).zones.map((z) => ({ id: `zone:${z.name}`, name: z.name, level: 'ZONE', aliases: z.aliases }));

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
      const surface = p.original?.length === p.text.length ? p.original.slice(m.start, m.end) : m.surface;
      out.push({ division: m.division, surface, evidence: evidenceAt(document, p, m.start, m.end) });
    }
  }
  return out;
}

/** Collects nodes by id, unioning aliases, so a fragment holds each District once. */
class FragmentBuilder {
  private nodes = new Map<string, GraphNode>();
  private relationships: GraphRelationship[] = [];
  private relKeys = new Set<string>();

  addNode(node: GraphNode): void {
    const seen = this.nodes.get(node.id);
    if (!seen) {
      this.nodes.set(node.id, structuredClone(node));
      return;
    }
    const aliases = new Set([...((seen.properties.aliases as string[]) ?? []), ...((node.properties.aliases as string[]) ?? [])]);
    seen.properties.aliases = [...aliases];
  }

  addDivision(d: Division, surface?: string): void {
    const fragment = divisionNodes(d);
    for (const n of fragment.nodes) this.addNode(n);
    for (const r of fragment.relationships) this.addRelationship(r);
    if (surface && surface !== d.name) this.addNode(districtNode(d, [surface]));
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

function* walk(tasks: TaskDraft[]): Generator<TaskDraft> {
  for (const t of tasks) {
    yield t;
    yield* walk(t.children);
  }
}

/** Every paragraph a plan's text holds: task paragraphs, loose paragraphs, footnotes. */
function allParagraphs(ctx: ExtractContext): Paragraph[] {
  const paras: Paragraph[] = [];
  for (const t of walk(ctx.plan.tasks)) paras.push(...t.paragraphs);
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

  const options: MatchOptions = { jurisdiction: ctx.jurisdiction, zones };
  // 一是…二是… under "花都" or after "花都将以…": the passage's place, read after the task's own.
  const subjects = passageSubjects(document, ctx.plan, options);
  for (const task of walk(ctx.plan.tasks)) {
    // An annex item naming a main-text task is that task (one task, two places).
    const taskId = ctx.taskId(task.sameAs ?? task.ref);
    const subject = subjects.get(task);
    for (const place of [...placesIn(document, taskParagraphs(task), options), ...(subject ? [subject] : [])]) {
      if (place.division.level === 'ZONE') out.addNode(districtNode(place.division));
      else out.addDivision(place.division, place.surface);
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
