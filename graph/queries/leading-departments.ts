/**
 * The flagship question in one query: for each area, the bodies that lead (and, when asked,
 * support) tasks touching it, each with those tasks, every task carrying its plan and all of
 * its assignments with evidence, so a request for
 *   district { leadingDepartments { department role tasks { plan assignments { evidence } } } }
 * needs nothing else from the database.
 */
import { cypherQuery, lightTaskRow, row, type CypherQuery } from './cypher.ts';
import { assignmentRow } from './relations.ts';
import { touchedTasksFragment, type TouchesOptions } from './touches.ts';

export interface LeadingDepartmentsOptions extends TouchesOptions {
  includeSupporting: boolean;
}

/**
 * Rows `{ id, groups, tasks }`, normalised so the answer grows with the number of tasks, not
 * tasks × bodies (a provincial task can list fifteen bodies):
 *  - tasks: every touched task with a LEADS (or, with includeSupporting, a SUPPORTS) once,
 *    carrying its plan and all its assignments, by plan title and reading order;
 *  - groups: `{ department, role, taskIds }`, leads first, then most tasks first, then name.
 * `assembleLeadingDepartments` joins them back into `{ department, role, tasks }`.
 */
export function leadingDepartmentsQuery(areaIds: readonly string[], options: LeadingDepartmentsOptions): CypherQuery {
  return cypherQuery(
    'district.leadingDepartments',
    `
UNWIND $ids AS id
MATCH (a:District {id: id})
CALL (a) {
${touchedTasksFragment.trim()}
  WHERE EXISTS { (:Department)-[:LEADS]->(t) } OR ($includeSupporting AND EXISTS { (:Department)-[:SUPPORTS]->(t) })
  RETURN collect(t) AS touched
}
CALL (touched) {
  UNWIND touched AS t
  OPTIONAL MATCH (t)-[:PART_OF*1..]->(p:Plan)
  CALL (t) {
    MATCH (ad:Department)-[ar:LEADS|SUPPORTS]->(t)
    WITH ad, ar
    ORDER BY type(ar), ad.name, ad.id
    RETURN collect(${assignmentRow('ad', 'ar')}) AS assignments
  }
  WITH t, p, assignments
  ORDER BY p.title, t.line, t.id
  RETURN collect(${lightTaskRow('t', `_plan: ${row('p', 'Plan')}, _assignments: assignments`)}) AS tasks
}
CALL (touched) {
  UNWIND touched AS t
  MATCH (d:Department)-[r:LEADS|SUPPORTS]->(t)
  WHERE type(r) = 'LEADS' OR $includeSupporting
  OPTIONAL MATCH (t)-[:PART_OF*1..]->(p:Plan)
  WITH d, type(r) AS relType, t, p
  ORDER BY p.title, t.line, t.id
  WITH d, relType, collect(t.id) AS taskIds
  ORDER BY relType, size(taskIds) DESC, d.name, d.id
  RETURN collect({department: ${row('d', 'Department')}, role: CASE relType WHEN 'LEADS' THEN 'LEAD' ELSE 'SUPPORT' END, taskIds: taskIds}) AS groups
}
RETURN id, groups, tasks`,
    {
      ids: [...areaIds],
      includeDescendants: options.includeDescendants,
      includeEnclosing: options.includeEnclosing,
      includeSupporting: options.includeSupporting,
    },
  );
}

export interface LeadingDepartmentsGroup<Row> {
  department: Row;
  role: 'LEAD' | 'SUPPORT';
  tasks: Row[];
}

/** Joins a row of leadingDepartmentsQuery back into groups holding their task rows. */
export function assembleLeadingDepartments<Row extends { id: string }>(row: {
  groups: { department: Row; role: 'LEAD' | 'SUPPORT'; taskIds: string[] }[];
  tasks: Row[];
}): LeadingDepartmentsGroup<Row>[] {
  const byId = new Map(row.tasks.map((t) => [t.id, t]));
  return row.groups.map((g) => ({
    department: g.department,
    role: g.role,
    tasks: g.taskIds.map((id) => byId.get(id)).filter((t): t is Row => t !== undefined),
  }));
}
