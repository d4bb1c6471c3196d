/**
 * Department workload: how many tasks each body leads and supports, per plan.
 */
import { cypherQuery, int, row, type CypherQuery } from './cypher.ts';
import { responsibilityCount } from './department-tasks.ts';
import type { Page } from './page.ts';

/** Distinct tasks led and supported among assignments `r` to tasks `t`. */
const ROLE_COUNTS = "count(DISTINCT CASE type(r) WHEN 'LEADS' THEN t END) AS led, count(DISTINCT CASE type(r) WHEN 'SUPPORTS' THEN t END) AS supported";

/**
 * Per department id: rows `{ id, items }`, items `{ plan, led, supported }`, busiest plan first
 * (then plan title and id), the page `page` of them: a body busy everywhere is in a plan of
 * every document (401 plans for 广东省发展和改革委员会 at 2,000 documents).
 */
export function departmentWorkloadQuery(departmentIds: readonly string[], page: Page): CypherQuery {
  return cypherQuery(
    'department.workload',
    `
UNWIND $ids AS id
MATCH (:Department {id: id})-[r:LEADS|SUPPORTS]->(t:Task)-[:PART_OF*1..]->(p:Plan)
WITH id, p, ${ROLE_COUNTS}
ORDER BY led + supported DESC, p.title, p.id
WITH id, collect({p: p, led: led, supported: supported})[$skip..$skip + $limit] AS busiest
UNWIND busiest AS w
WITH id, w.p AS p, w.led AS led, w.supported AS supported
RETURN id, collect({plan: ${row('p', 'Plan')}, led: led, supported: supported}) AS items`,
    { ids: [...departmentIds], skip: int(page.skip), limit: int(page.limit) },
  );
}

/**
 * The busiest bodies overall (or within some plans): rows `{ department, led, supported }`,
 * most tasks first. Overall, each body's counts are its LEADS and SUPPORTS degrees (every such
 * edge ends at a task, one per body and task: graph model), read per body (571 at 2,000
 * documents) instead of walking every assignment to its plan (8.8 M db hits, 0.8 s). Within
 * plans, from those plans' tasks.
 */
export function workloadRankingQuery(planIds: string[] | undefined, first: number): CypherQuery {
  const counted = planIds === undefined
    ? `MATCH (d:Department)
WITH d, ${responsibilityCount('LEADS', 'd')} AS led, ${responsibilityCount('SUPPORTS', 'd')} AS supported
WHERE led + supported > 0`
    : `MATCH (p:Plan) WHERE p.id IN $planIds
MATCH (d:Department)-[r:LEADS|SUPPORTS]->(t:Task)-[:PART_OF*1..]->(p)
WITH d, ${ROLE_COUNTS}`;
  return cypherQuery(
    'workload.ranking',
    `
${counted}
RETURN ${row('d', 'Department')} AS department, led, supported
ORDER BY led + supported DESC, led DESC, d.name, d.id
LIMIT $first`,
    { ...(planIds === undefined ? {} : { planIds }), first: int(first) },
  );
}
