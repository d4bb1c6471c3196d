/**
 * A task's LOCATED_IN edges with the text each was read from, batched like relations.ts: one
 * row per task, `{ id, items: [{ district, evidence }] }`, in reading order. Task.districts
 * gives the places; this gives each with its line (the explorer shows it on click).
 */
import { cypherQuery, row, type CypherQuery } from './cypher.ts';

export function taskLocationsQuery(ids: readonly string[]): CypherQuery {
  return cypherQuery(
    'task.locations',
    `
UNWIND $ids AS id
MATCH (:Task {id: id})-[r:LOCATED_IN]->(x:District)
WITH id, x, r
ORDER BY r.line, x.name, x.id
RETURN id, collect({district: ${row('x', 'District')}, evidence: r {.document, .line, .quote}}) AS items`,
    { ids: [...ids] },
  );
}
