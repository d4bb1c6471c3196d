/**
 * The flagship question in one query: for each area, the bodies that lead (and, when asked,
 * support) tasks touching it, each with those tasks, every task carrying its plan and all of
 * its assignments with evidence, so a request for
 *   district { leadingDepartments { department role tasks { plan assignments { evidence } } } }
 * needs nothing else from the database.
 */
import { cypherQuery, row, type CypherQuery } from './cypher.ts';
import { assignmentRow } from './relations.ts';
import { touchedTasksFragment, type TouchesOptions } from './touches.ts';

export interface LeadingDepartmentsOptions extends TouchesOptions {
  includeSupporting: boolean;
}

/**
 * Rows `{ id, items }`, items `{ department, role, tasks }` ordered leads first, then by the
 * number of tasks (most first), then department name; tasks by plan title and reading order.
 */
export function leadingDepartmentsQuery(areaIds: readonly string[], options: LeadingDepartmentsOptions): CypherQuery {
  return cypherQuery(
    'district.leadingDepartments',
    `
UNWIND $ids AS id
MATCH (a:District {id: id})
CALL (a) {
${touchedTasksFragment.trim()}
  MATCH (d:Department)-[r:LEADS|SUPPORTS]->(t)
  WHERE type(r) = 'LEADS' OR $includeSupporting
  WITH DISTINCT d, type(r) AS relType, t
  OPTIONAL MATCH (t)-[:PART_OF*1..]->(p:Plan)
  CALL (t) {
    MATCH (ad:Department)-[ar:LEADS|SUPPORTS]->(t)
    WITH ad, ar
    ORDER BY type(ar), ad.name, ad.id
    RETURN collect(${assignmentRow('ad', 'ar')}) AS assignments
  }
  WITH d, relType, t, p, assignments
  ORDER BY p.title, t.line, t.id
  WITH d, relType, collect(${row('t', 'Task', `_plan: ${row('p', 'Plan')}, _assignments: assignments`)}) AS tasks
  RETURN d, relType, tasks
  ORDER BY relType, size(tasks) DESC, d.name, d.id
}
RETURN id, collect({department: ${row('d', 'Department')}, role: CASE relType WHEN 'LEADS' THEN 'LEAD' ELSE 'SUPPORT' END, tasks: tasks}) AS items`,
    {
      ids: [...areaIds],
      includeDescendants: options.includeDescendants,
      includeEnclosing: options.includeEnclosing,
      includeSupporting: options.includeSupporting,
    },
  );
}
