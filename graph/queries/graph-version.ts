/**
 * The graph version the writer stamps on every change (graph/write/version.ts). `version` is
 * null when no PlanGraph write has happened since the database was created or cleared: then
 * nobody can say whether the graph changes, and answers must not be reused.
 */
import { GRAPH_STATE_ID, GRAPH_STATE_LABEL } from '../write/version.ts';
import { cypherQuery, type CypherQuery } from './cypher.ts';

/** One row `{ version }` (the id constraint of graph/schema.ts keeps the node single). */
export function graphVersionQuery(): CypherQuery {
  return cypherQuery(
    'graph.version',
    `
OPTIONAL MATCH (s:${GRAPH_STATE_LABEL} {id: '${GRAPH_STATE_ID}'})
RETURN s.version AS version`,
  );
}
