/**
 * The graph version the writer stamps on every change (graph/write/version.ts). `version` is
 * null when no PlanGraph write has happened since the database was created or cleared: then
 * nobody can say whether the graph changes, and answers must not be reused.
 */
import { cypherQuery, type CypherQuery } from './cypher.ts';

/**
 * One row `{ version }`. Every GraphState node's version, joined: there is normally one, but the
 * writer MERGEs it without a constraint, so two first-ever loads racing could leave two; a
 * change to either still changes the joined value.
 */
export function graphVersionQuery(): CypherQuery {
  return cypherQuery(
    'graph.version',
    `
MATCH (s:GraphState)
WITH s.version AS v ORDER BY v
RETURN CASE WHEN count(v) = 0 THEN null ELSE reduce(out = '', x IN collect(v) | out + x + ';') END AS version`,
  );
}
