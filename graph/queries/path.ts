/**
 * How two entities are connected: shortest paths over the model's relationships, either
 * direction, at most 12 hops. Each path comes back as its nodes (with kind) and its
 * relationships (type, ends, provenance), in walking order.
 */
import { cypherQuery, int, type CypherQuery } from './cypher.ts';
import { NODE_LABELS } from '../../loaders/vocabulary.ts';

const modelRelationships = 'LEADS|SUPPORTS|LOCATED_IN|TARGETS|PART_OF|ISSUED_BY|GOVERNS';
const maxHops = 12;
const kinds = [...NODE_LABELS];

/** The node with this id, looked up per label so each lookup uses that label's id index. */
function byId(param: string, variable: string): string {
  const branches = kinds.map((k) => `  MATCH (n:${k} {id: ${param}}) RETURN n`).join('\n  UNION\n');
  return `CALL () {\n${branches}\n}\nWITH ${variable === 'b' ? 'a, ' : ''}n AS ${variable}`;
}

export function shortestPathsQuery(fromId: string, toId: string, first: number): CypherQuery {
  return cypherQuery(
    'path.shortest',
    `
${byId('$from', 'a')}
${byId('$to', 'b')}
MATCH p = allShortestPaths((a)-[:${modelRelationships}*..${maxHops}]-(b))
WITH p
// Ties in a stable order (by the ids along the path): the same graph gives the same answer,
// whatever order the store happens to hold the nodes in.
ORDER BY [n IN nodes(p) | n.id]
LIMIT $first
RETURN
  [n IN nodes(p) | n {.*, label: [l IN labels(n) WHERE l IN $kinds][0]}] AS nodes,
  [r IN relationships(p) | {
    type: type(r), from: startNode(r).id, to: endNode(r).id,
    document: r.document, line: r.line, quote: r.quote, source: r.source
  }] AS relationships`,
    { from: fromId, to: toId, kinds, first: int(first) },
  );
}
