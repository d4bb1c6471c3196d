/**
 * A body's led or supported tasks, one page at a time with the total: Department.leads and
 * Department.supports. The total is the body's edge count (its degree, no walk); the page comes
 * from the body's assignments in reading order (graph/write/reading.ts: an index in order, by
 * prefix), so it reads the page's edges, not every task the body has, and only its rows look
 * up their plan.
 */
import { cypherQuery, int, type CypherQuery } from './cypher.ts';
import { planOfTask, taskRowWithPlan } from './relations.ts';
import type { Page } from './tasks.ts';
import { READING_PROPERTY, readingPrefix } from '../write/reading.ts';

export type Responsibility = 'LEADS' | 'SUPPORTS';

/**
 * The page of tasks `x` (bound, a Department) has in this role, as `collect(...) AS items`, in
 * reading order (document, line, id): the body's edges from the `reading` index (two edges to one
 * task, from two lines of its document, are one row). A SEEK on the prefix, never a scan in the
 * index's order filtered until the page is full (indexedTallies says why).
 */
export function responsibilityPage(type: Responsibility, x = 'x'): string {
  return `CALL (${x}) {
  MATCH ()-[r:${type}]->(t:Task)
  USING INDEX SEEK r:${type}(${READING_PROPERTY})
  WHERE r.${READING_PROPERTY} STARTS WITH ${readingPrefix(x)}
  WITH DISTINCT r.${READING_PROPERTY} AS reading, t
  ORDER BY reading
  SKIP $skip LIMIT $limit
  ${planOfTask('t').replaceAll('\n', '\n  ')}
  RETURN collect(${taskRowWithPlan('t')}) AS items
}`;
}

/** How many tasks `x` has in this role: every LEADS/SUPPORTS edge ends at a Task (graph model), so its degree. */
export function responsibilityCount(type: Responsibility, x = 'x'): string {
  return `COUNT { (${x})-[:${type}]->() }`;
}

/** Rows `{ id, totalCount, items }` for each department id. */
export function departmentTasksPageQuery(type: Responsibility, ids: readonly string[], page: Page): CypherQuery {
  if (type !== 'LEADS' && type !== 'SUPPORTS') throw new Error(`unknown responsibility ${type}`);
  return cypherQuery(
    `department.${type === 'LEADS' ? 'leads' : 'supports'}`,
    `
UNWIND $ids AS id
MATCH (x:Department {id: id})
${responsibilityPage(type)}
RETURN id, ${responsibilityCount(type)} AS totalCount, items`,
    { ids: [...ids], skip: int(page.skip), limit: int(page.limit) },
  );
}
