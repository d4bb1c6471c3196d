/**
 * Batched relationship queries behind the API's nested fields: each takes the ids of many
 * parents and returns one row per parent that has neighbours, `{ id, items }`, items in a
 * stable order (document, line, then name/id). One query per field per request level,
 * whatever the number of parents.
 */
import type { NodeLabel } from '../../loaders/model.ts';
import { NODE_LABELS } from '../../loaders/vocabulary.ts';
import { cypherQuery, row, type CypherQuery } from './cypher.ts';

export type BatchQuery = (ids: readonly string[]) => CypherQuery;

/** `match` binds `x` (label `label`) for each `id`. */
function neighbours(name: string, match: string, label: string): BatchQuery {
  const text = `
UNWIND $ids AS id
${match}
WITH DISTINCT id, x
ORDER BY x.document, x.line, x.name, x.id
RETURN id, collect(${row('x', label)}) AS items`;
  return (ids) => cypherQuery(name, text, { ids: [...ids] });
}

/**
 * Tasks as `neighbours` gives them, each with its plan prefetched as `_plan` (the plan
 * taskPlanQuery would give: the first by document, line, id), so Task.plan needs no second
 * round trip.
 */
function tasksWithPlan(name: string, match: string): BatchQuery {
  const text = `
UNWIND $ids AS id
${match}
WITH DISTINCT id, x
${planOfTask('x')}
WITH id, x, p
ORDER BY x.document, x.line, x.name, x.id
RETURN id, collect(${taskRowWithPlan('x')}) AS items`;
  return (ids) => cypherQuery(name, text, { ids: [...ids] });
}

/** Binds `p` to task `t`'s plan, as taskPlanQuery finds it (null when it has none). */
export const planOfTask = (t: string): string => `CALL (${t}) {
  OPTIONAL MATCH (${t})-[:PART_OF*1..]->(p:Plan)
  WITH p ORDER BY p.document, p.line, p.name, p.id
  RETURN head(collect(p)) AS p
}`;

export const taskRowWithPlan = (t: string): string => row(t, 'Task', `_plan: ${row('p', 'Plan')}`);

export const planIssuerQuery = neighbours('plan.issuer', 'MATCH (:Plan {id: id})-[:ISSUED_BY]->(x:Department)', 'Department');
export const planJurisdictionQuery = neighbours('plan.jurisdiction', 'MATCH (:Plan {id: id})-[:GOVERNS]->(x:District)', 'District');
export const planGoalsQuery = neighbours('plan.goals', 'MATCH (x:Goal)-[:PART_OF]->(:Plan {id: id})', 'Goal');

export const goalPlanQuery = neighbours('goal.plan', 'MATCH (:Goal {id: id})-[:PART_OF]->(x:Plan)', 'Plan');
export const goalTargetedByQuery = neighbours('goal.targetedBy', 'MATCH (x:Task)-[:TARGETS]->(:Goal {id: id})', 'Task');

export const taskPlanQuery = neighbours('task.plan', 'MATCH (:Task {id: id})-[:PART_OF*1..]->(x:Plan)', 'Plan');
export const taskParentQuery = neighbours('task.parent', 'MATCH (:Task {id: id})-[:PART_OF]->(x:Task)', 'Task');
export const taskChildrenQuery = neighbours('task.children', 'MATCH (x:Task)-[:PART_OF]->(:Task {id: id})', 'Task');
export const taskDistrictsQuery = neighbours('task.districts', 'MATCH (:Task {id: id})-[:LOCATED_IN]->(x:District)', 'District');
export const taskProjectsQuery = neighbours('task.projects', 'MATCH (x:Project)-[:PART_OF]->(:Task {id: id})', 'Project');
export const taskGoalsQuery = neighbours('task.goals', 'MATCH (:Task {id: id})-[:TARGETS]->(x:Goal)', 'Goal');

export const departmentLeadsQuery = tasksWithPlan('department.leads', 'MATCH (:Department {id: id})-[:LEADS]->(x:Task)');
export const departmentSupportsQuery = tasksWithPlan('department.supports', 'MATCH (:Department {id: id})-[:SUPPORTS]->(x:Task)');
/** A body's area: the writer stores it as the `jurisdiction` property holding a District id (div:440114). */
export const departmentJurisdictionQuery = neighbours(
  'department.jurisdiction',
  `MATCH (d:Department {id: id})
MATCH (x:District {id: d.jurisdiction})`,
  'District',
);

/** A division's parent is the division it lies in; a zone it is a member of is not its parent. */
export const districtParentQuery = neighbours(
  'district.parent',
  `MATCH (:District {id: id})-[:LOCATED_IN]->(x:District)
WHERE x.level <> 'ZONE'`,
  'District',
);
export const districtChildrenQuery = neighbours('district.children', 'MATCH (x:District)-[:LOCATED_IN]->(:District {id: id})', 'District');
export const districtProjectsQuery = neighbours('district.projects', 'MATCH (x:Project)-[:LOCATED_IN]->(:District {id: id})', 'Project');

export const projectDistrictsQuery = neighbours('project.districts', 'MATCH (:Project {id: id})-[:LOCATED_IN]->(x:District)', 'District');
export const projectTasksQuery = neighbours('project.tasks', 'MATCH (:Project {id: id})-[:PART_OF]->(x:Task)', 'Task');
export const projectPlanQuery = neighbours('project.plan', 'MATCH (:Project {id: id})-[:PART_OF*1..]->(x:Plan)', 'Plan');

/** Expression turning a responsibility relationship `r` and its department `d` into an Assignment row. */
export const assignmentRow = (d: string, r: string): string =>
  `{department: ${row(d, 'Department')}, role: CASE type(${r}) WHEN 'LEADS' THEN 'LEAD' ELSE 'SUPPORT' END, evidence: ${r} {.document, .line, .quote}}`;

/** An Assignment row naming its department by id (`department` the id), for answers that carry each body's row once. */
export const assignmentRef = (d: string, r: string): string =>
  `{department: ${d}.id, role: CASE type(${r}) WHEN 'LEADS' THEN 'LEAD' ELSE 'SUPPORT' END, evidence: ${r} {.document, .line, .quote}}`;

/** LEADS and SUPPORTS into each task, leads first, then by department name. */
export function taskAssignmentsQuery(ids: readonly string[]): CypherQuery {
  return cypherQuery(
    'task.assignments',
    `
UNWIND $ids AS id
MATCH (d:Department)-[r:LEADS|SUPPORTS]->(:Task {id: id})
WITH id, d, r
ORDER BY type(r), d.name, d.id
RETURN id, collect(${assignmentRow('d', 'r')}) AS items`,
    { ids: [...ids] },
  );
}

/** Task texts by id (rows `{ id, items: [text] }`), for task rows fetched without it. */
export function taskTextQuery(ids: readonly string[]): CypherQuery {
  return cypherQuery(
    'task.text',
    `
UNWIND $ids AS id
MATCH (t:Task {id: id})
RETURN id, collect(coalesce(t.text, t.title, '')) AS items`,
    { ids: [...ids] },
  );
}

export type NodeKind = NodeLabel;

/** Nodes of one kind by id; rows `{ id, node }`. */
export function nodesByIdsQuery(label: NodeKind, ids: readonly string[]): CypherQuery {
  if (!NODE_LABELS.includes(label)) throw new Error(`unknown node kind ${label}`);
  return cypherQuery(
    `${label.toLowerCase()}.byIds`,
    `
UNWIND $ids AS id
MATCH (x:${label} {id: id})
RETURN id, ${row('x', label)} AS node`,
    { ids: [...ids] },
  );
}
