/**
 * Every task in plan order, no filter: `tasks(first: 20)`, the first question a GraphQL client
 * asks. Ordering every task by its plan reads every task's plan (250 k at 2,000 documents,
 * 1.4 s) before the first row; here the plans come in title order from the Plan(title) index and
 * their tasks are read plan by plan until the page is full (3 plans for a first page).
 */
import { cypherQuery, int, type CypherQuery } from './cypher.ts';
import { rowsToRead, type Page } from './page.ts';
import { planOfTask, taskRowWithPlan } from './relations.ts';

/**
 * The order is taskConnectionQuery's PLAN order (plan title, plan id, line, task id; a null sorts
 * last): the tasks of titled plans first, then those of untitled plans by plan id, then tasks in
 * no plan. The latter two (`rest`) are read only when the page reaches past the titled plans'
 * tasks, and then `before` (how many those are) says where in them the page starts. The index
 * is named (USING INDEX) as the tallied pages' are (touches.ts): the planner's choice otherwise
 * follows index samples, and a label scan then sorts every plan before the first row.
 *
 * A task is PART_OF one parent, a task or its plan (loaders/pipeline.ts writes a tree), so it
 * has one plan and is listed once, and the tasks in no plan are those under a task with no
 * parent (reading those roots' degrees, not every task's ancestors). Rows are the same as
 * taskConnectionQuery's: `totalCount` (null without `withTotal`), `page` holding `limit` rows,
 * one more without the total (toConnection).
 */
export function allTasksQuery(page: Page, withTotal: boolean): CypherQuery {
  return cypherQuery(
    'tasks.connection',
    `
${withTotal ? 'CALL () {\n  MATCH (t:Task)\n  RETURN count(t) AS totalCount\n}' : 'WITH null AS totalCount'}
CALL () {
  MATCH (p:Plan) USING INDEX p:Plan(title)
  WHERE p.title IS NOT NULL
  WITH p ORDER BY p.title, p.id
  MATCH (t:Task)-[:PART_OF*1..]->(p)
  WITH t, p.title AS pt, p.id AS pid, t.line AS ln
  ORDER BY pt, pid, ln, t.id
  SKIP $skip LIMIT $limit
  RETURN collect(t) AS titled
}
OPTIONAL CALL (titled) {
  WITH titled WHERE size(titled) < $limit
  CALL () {
    MATCH (p:Plan) WHERE p.title IS NOT NULL
    MATCH (t:Task)-[:PART_OF*1..]->(p)
    RETURN count(t) AS before
  }
  CALL () {
    MATCH (p:Plan) WHERE p.title IS NULL
    MATCH (t:Task)-[:PART_OF*1..]->(p)
    RETURN t, p.id AS pid
    UNION ALL
    MATCH (r:Task) WHERE NOT EXISTS { (r)-[:PART_OF]->() }
    MATCH (t:Task)-[:PART_OF*0..]->(r)
    RETURN t, null AS pid
  }
  WITH titled, before, t ORDER BY pid, t.line, t.id
  WITH titled, before, collect(t) AS rest
  WITH titled, rest, CASE WHEN $skip > before THEN $skip - before ELSE 0 END AS from
  RETURN rest[from..from + $limit - size(titled)] AS rest
}
CALL (titled, rest) {
  WITH titled + coalesce(rest, []) AS tasks
  UNWIND range(0, size(tasks) - 1) AS i
  WITH i, tasks[i] AS t
  ${planOfTask('t').replaceAll('\n', '\n  ')}
  WITH t, p ORDER BY i
  RETURN collect(${taskRowWithPlan('t')}) AS page
}
RETURN totalCount, page`,
    { skip: int(page.skip), limit: int(rowsToRead(page, withTotal)) },
  );
}
