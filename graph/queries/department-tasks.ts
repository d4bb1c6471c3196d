/**
 * A body's led or supported tasks, one page at a time with the total: Department.leads and
 * Department.supports. The total is the body's edge count (no walk); the page is ordered by
 * the tasks' own properties, so only its rows look up their plan.
 */
import { cypherQuery, int, type CypherQuery } from './cypher.ts';
import { planOfTask, taskRowWithPlan } from './relations.ts';
import type { Page } from './tasks.ts';

export type Responsibility = 'LEADS' | 'SUPPORTS';

/** The page of tasks `x` (bound, a Department) has in this role, as `collect(...) AS items`, ordered as the unpaged list was. */
export function responsibilityPage(type: Responsibility, x = 'x'): string {
  return `CALL (${x}) {
  MATCH (${x})-[:${type}]->(t:Task)
  WITH DISTINCT t
  ORDER BY t.document, t.line, t.name, t.id
  SKIP $skip LIMIT $limit
  ${planOfTask('t').replaceAll('\n', '\n  ')}
  RETURN collect(${taskRowWithPlan('t')}) AS items
}`;
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
RETURN id, COUNT { (x)-[:${type}]->(:Task) } AS totalCount, items`,
    { ids: [...ids], skip: int(page.skip), limit: int(page.limit) },
  );
}
