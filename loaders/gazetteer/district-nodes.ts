/**
 * District nodes for gazetteer divisions and zones, and the gazetteer's LOCATED_IN chain above
 * them: what every extractor that names a place adds to its fragment.
 */
import type { Division, GraphFragment, GraphNode, GraphRelationship } from '../model.ts';
import { ancestry, GAZETTEER_SOURCE } from './divisions.ts';

/** The District node for a division (gazetteer division or zone). */
export function districtNode(d: Division, extraAliases: string[] = []): GraphNode {
  const aliases = [...new Set([...d.aliases, ...extraAliases])].filter((a) => a !== d.name);
  const properties: GraphNode['properties'] = { id: d.id, name: d.name, aliases, level: d.level };
  if (d.code) {
    properties.code = d.code;
    properties.source = GAZETTEER_SOURCE;
  }
  return { id: d.id, labels: ['District'], properties };
}

/**
 * The District node of `d` and of its ancestors, with LOCATED_IN child → parent
 * (gazetteer facts: `source` instead of document/line/quote).
 */
export function divisionNodes(d: Division): GraphFragment {
  const nodes: GraphNode[] = [];
  const relationships: GraphRelationship[] = [];
  const chain = d.level === 'ZONE' ? [d] : ancestry(d);
  chain.forEach((cur, i) => {
    nodes.push(districtNode(cur));
    const parent = chain[i + 1];
    if (parent) relationships.push({ type: 'LOCATED_IN', start: cur.id, end: parent.id, properties: { source: GAZETTEER_SOURCE } });
  });
  return { nodes, relationships };
}
