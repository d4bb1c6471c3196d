/**
 * Zones known by name from loaders/data/zones.json. Those fixed by a national or provincial act
 * (粤港澳大湾区, 珠江三角洲, 横琴粤澳深度合作区, 南沙新区 …) list the divisions lying in them and the
 * divisions they lie in; a document that names such a zone brings those edges along as reference
 * facts (source: gazetteer), so a task about 珠三角 touches its nine cities.
 */
import { readFileSync } from 'node:fs';
import type { Division, GraphFragment, GraphNode, GraphRelationship } from '../model.ts';
import { divisionById, GAZETTEER_SOURCE } from '../gazetteer/divisions.ts';
import { divisionNodes, districtNode } from '../gazetteer/district-nodes.ts';
import { zoneId } from '../ids.ts';

interface ZoneEntry { name: string; aliases: string[]; members?: string[]; within?: string[]; coextensive?: string }
const entries = (
  JSON.parse(readFileSync(new URL('../data/zones.json', import.meta.url), 'utf8')) as { zones: ZoneEntry[] }
).zones;

const codes = (list: string[] | undefined, zone: string): Division[] =>
  (list ?? []).map((code) => {
    const d = divisionById(code);
    if (!d) throw new Error(`loaders/data/zones.json: ${zone} lists ${code}, which is not in divisions.json`);
    return d;
  });

interface KnownZone { zone: Division; members: Division[]; within: Division[]; coextensive?: Division }
const known: KnownZone[] = entries.map((e) => ({
  zone: { id: zoneId(e.name), name: e.name, level: 'ZONE', aliases: e.aliases },
  members: codes(e.members, e.name),
  within: codes(e.within, e.name),
  coextensive: e.coextensive ? codes([e.coextensive], e.name)[0] : undefined,
}));

/** The division covering the same ground as a known zone (南沙新区 → 南沙区), if any. */
export function coextensiveDivision(zone: Division): Division | undefined {
  return known.find((z) => z.zone.id === zone.id)?.coextensive;
}

export const knownZones: Division[] = known.map((k) => k.zone);

/** The zone node, plus member → zone and zone → container edges with their divisions' hierarchy. */
export function knownZoneFragment(zone: Division): GraphFragment {
  const k = known.find((z) => z.zone.id === zone.id);
  const node: GraphNode = districtNode(zone);
  const nodes: GraphNode[] = [node];
  const relationships: GraphRelationship[] = [];
  if (!k || (k.members.length === 0 && k.within.length === 0)) return { nodes, relationships };
  node.properties.source = GAZETTEER_SOURCE;
  const link = (start: string, end: string) =>
    relationships.push({ type: 'LOCATED_IN', start, end, properties: { source: GAZETTEER_SOURCE } });
  for (const d of [...k.members, ...k.within]) {
    const f = divisionNodes(d);
    nodes.push(...f.nodes);
    relationships.push(...f.relationships);
  }
  for (const m of k.members) link(m.id, zone.id);
  for (const w of k.within) link(zone.id, w.id);
  return { nodes, relationships };
}

/** A known zone whose name (or alias) opens a title: 横琴粤澳深度合作区促进文旅会展商贸产业发展实施方案. */
export function zoneAtStart(title: string): { zone: Division; surface: string } | undefined {
  let best: { zone: Division; surface: string } | undefined;
  for (const k of known) {
    for (const n of [k.zone.name, ...k.zone.aliases]) {
      if (n.length >= 3 && title.startsWith(n) && (!best || n.length > best.surface.length)) best = { zone: k.zone, surface: n };
    }
  }
  return best;
}
