/**
 * Department workload: how many tasks each body leads and supports, per plan.
 */
import { cypherQuery, int, row, type CypherQuery } from './cypher.ts';

/** Per department id: rows `{ id, items }`, items `{ plan, led, supported }` busiest plan first. */
export function departmentWorkloadQuery(departmentIds: readonly string[]): CypherQuery {
  return cypherQuery(
    'department.workload',
    `
UNWIND $ids AS id
MATCH (:Department {id: id})-[r:LEADS|SUPPORTS]->(t:Task)-[:PART_OF*1..]->(p:Plan)
WITH id, p, count(DISTINCT CASE type(r) WHEN 'LEADS' THEN t END) AS led, count(DISTINCT CASE type(r) WHEN 'SUPPORTS' THEN t END) AS supported
ORDER BY led + supported DESC, p.title
RETURN id, collect({plan: ${row('p', 'Plan')}, led: led, supported: supported}) AS items`,
    { ids: [...departmentIds] },
  );
}

/**
 * The busiest bodies overall (or within some plans): rows `{ department, led, supported }`,
 * most tasks first.
 */
export function workloadRankingQuery(planIds: string[] | undefined, first: number): CypherQuery {
  return cypherQuery(
    'workload.ranking',
    `
MATCH (d:Department)-[r:LEADS|SUPPORTS]->(t:Task)-[:PART_OF*1..]->(p:Plan)
WHERE $planIds IS NULL OR p.id IN $planIds
WITH d, count(DISTINCT CASE type(r) WHEN 'LEADS' THEN t END) AS led, count(DISTINCT CASE type(r) WHEN 'SUPPORTS' THEN t END) AS supported
RETURN ${row('d', 'Department')} AS department, led, supported
ORDER BY led + supported DESC, led DESC, d.name
LIMIT $first`,
    { planIds: planIds ?? null, first: int(first) },
  );
}
