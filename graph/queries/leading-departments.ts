/**
 * The flagship question in one query: for each area, the bodies that lead (and, when asked,
 * support) tasks touching it, each with how many such tasks and plans, and one page of those
 * tasks, every task carrying its plan and all of its assignments with evidence, so a request for
 *   district { leadingDepartments { department role taskCount tasks { plan assignments { evidence } } } }
 * needs nothing else from the database. Bounded: one page of bodies, one page of tasks each
 * (the rest through `tasks(filter: {touches, ledBy})`); the counts stream (count(*) per body),
 * so no list of the area's tasks is ever held, however many touch it.
 */
import { cypherQuery, int, lightTaskRow, row, type CypherQuery } from './cypher.ts';
import { assignmentRow } from './relations.ts';
import { touchedTasks, type TouchesOptions } from './touches.ts';

export interface LeadingDepartmentsOptions extends TouchesOptions {
  includeSupporting: boolean;
}

export interface BodyPage {
  /** Bodies (department and role) to skip and to return. */
  skip: number;
  limit: number;
  /** Tasks per body. */
  tasks: number;
}

/**
 * The tasks body `d` has in role `relType` that touch `a` (all bound), with their sort keys
 * (plan title and line as the TOUCHES edges carry them). One pattern with both ends bound, so
 * the planner walks from whichever side is smaller: a town's few tasks, or a body's few
 * tasks in the province.
 */
function bodyTasks(options: TouchesOptions, types: string): string {
  if (!options.includeEnclosing) {
    return `MATCH (d)-[r:${types}]->(t:Task)-[k:TOUCHES${options.includeDescendants ? '' : ' {direct: true}'}]->(a)
    WHERE type(r) = relType
    WITH t, k.plan AS tPlan, k.line AS tLine`;
  }
  return `MATCH (d)-[r:${types}]->(t:Task)
    WHERE type(r) = relType
    CALL (t, a) {
      MATCH (t)-[k:TOUCHES]->(x)
      WHERE (x = a AND (${options.includeDescendants} OR k.direct)) OR (k.direct AND (a)-[:LOCATED_IN*1..]->(x))
      RETURN k.plan AS tPlan, k.line AS tLine
      LIMIT 1
    }
    WITH t, tPlan, tLine`;
}

/**
 * Rows `{ id, groups }`, groups `{ department, role, taskCount, planCount, tasks }`: leads
 * first, then most tasks first, then name; tasks by plan title and reading order.
 */
export function leadingDepartmentsQuery(areaIds: readonly string[], options: LeadingDepartmentsOptions, page: BodyPage): CypherQuery {
  const types = options.includeSupporting ? 'LEADS|SUPPORTS' : 'LEADS';
  return cypherQuery(
    'district.leadingDepartments',
    `
UNWIND $ids AS id
MATCH (a:District {id: id})
CALL (a) {
  ${touchedTasks(options).replaceAll('\n', '\n  ')}
  MATCH (d:Department)-[r:${types}]->(t)
  WITH d, type(r) AS relType, count(*) AS taskCount, count(DISTINCT tPlanId) AS planCount
  ORDER BY relType, taskCount DESC, d.name, d.id
  SKIP $skip LIMIT $limit
  RETURN collect({d: d, relType: relType, taskCount: taskCount, planCount: planCount}) AS bodies
}
CALL (a, bodies) {
  UNWIND bodies AS b
  WITH a, b, b.d AS body
  CALL (a, b) {
    WITH a, b.d AS d, b.relType AS relType
    ${bodyTasks(options, types)}
    ORDER BY tPlan, tLine, t.id
    LIMIT $tasks
    CALL (t) {
      OPTIONAL MATCH (t)-[:PART_OF*1..]->(p:Plan)
      RETURN p LIMIT 1
    }
    CALL (t) {
      MATCH (ad:Department)-[ar:LEADS|SUPPORTS]->(t)
      WITH ad, ar
      ORDER BY type(ar), ad.name, ad.id
      RETURN collect(${assignmentRow('ad', 'ar')}) AS assignments
    }
    RETURN collect(${lightTaskRow('t', `_plan: ${row('p', 'Plan')}, _assignments: assignments`)}) AS tasks
  }
  RETURN collect({
    department: ${row('body', 'Department')},
    role: CASE b.relType WHEN 'LEADS' THEN 'LEAD' ELSE 'SUPPORT' END,
    taskCount: b.taskCount,
    planCount: b.planCount,
    tasks: tasks
  }) AS groups
}
RETURN id, groups`,
    { ids: [...areaIds], skip: int(page.skip), limit: int(page.limit), tasks: int(page.tasks) },
  );
}

export interface LeadingDepartmentsGroup<Row> {
  department: Row;
  role: 'LEAD' | 'SUPPORT';
  taskCount: number;
  planCount: number;
  tasks: Row[];
}
