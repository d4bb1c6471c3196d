/**
 * How many tasks touch each area (docs/contract/graph-model.md "Touches"), and how many of those name a
 * leading body: beside an empty District.leadingDepartments, this says why (番禺区: tasks touch
 * it, none has a 牵头 body) instead of leaving the analyst to guess at a wrong name or a bug.
 */
import { cypherQuery, type CypherQuery } from './cypher.ts';
import { touchedTasks, type TouchesOptions } from './touches.ts';

/** Rows `{ id, touching, led }` for the areas among `areaIds` that exist. */
export function touchingTaskCountQuery(areaIds: readonly string[], options: TouchesOptions): CypherQuery {
  return cypherQuery(
    'district.touchingTasks',
    `
UNWIND $ids AS id
MATCH (a:District {id: id})
CALL (a) {
  ${touchedTasks(options)}
  RETURN count(DISTINCT t) AS touching, count(DISTINCT CASE WHEN EXISTS { (:Department)-[:LEADS]->(t) } THEN t END) AS led
}
RETURN id, touching, led`,
    { ids: [...areaIds] },
  );
}
