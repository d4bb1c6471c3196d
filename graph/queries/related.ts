/**
 * Related tasks across plans: tasks of other plans that share something with a task:
 * a place (both LOCATED_IN the same District), a project (the same Project PART_OF both),
 * a goal (both TARGETS it) or a body (the same Department LEADS or SUPPORTS both).
 * Ranked by what they share, places, projects and goals weighing more than bodies (a
 * provincial department takes part in hundreds of tasks).
 */
import { cypherQuery, int, row, type CypherQuery } from './cypher.ts';

export function relatedTasksQuery(taskIds: readonly string[], first: number): CypherQuery {
  return cypherQuery(
    'task.related',
    `
UNWIND $ids AS id
MATCH (t:Task {id: id})
OPTIONAL MATCH (t)-[:PART_OF*1..]->(tp:Plan)
CALL (t, tp) {
  CALL (t) {
    MATCH (t)-[:LOCATED_IN]->(s:District)<-[:LOCATED_IN]-(o:Task)
    RETURN o, s, 'District' AS kind, 'LOCATED_IN' AS via, 3 AS weight
    UNION
    MATCH (t)<-[:PART_OF]-(s:Project)-[:PART_OF]->(o:Task)
    RETURN o, s, 'Project' AS kind, 'PART_OF' AS via, 3 AS weight
    UNION
    MATCH (t)-[:TARGETS]->(s:Goal)<-[:TARGETS]-(o:Task)
    RETURN o, s, 'Goal' AS kind, 'TARGETS' AS via, 3 AS weight
    UNION
    MATCH (t)<-[r1:LEADS|SUPPORTS]-(s:Department)-[r2:LEADS|SUPPORTS]->(o:Task)
    RETURN o, s, 'Department' AS kind, type(r1) + '/' + type(r2) AS via, 1 AS weight
  }
  MATCH (o)-[:PART_OF*1..]->(op:Plan)
  WHERE tp IS NULL OR op <> tp
  WITH o, op, collect(DISTINCT {kind: kind, id: s.id, name: coalesce(s.name, s.title, s.id), via: via}) AS shared, sum(weight) AS weight
  ORDER BY weight DESC, op.title, o.line, o.id
  LIMIT $first
  RETURN collect({task: ${row('o', 'Task', `_plan: ${row('op', 'Plan')}`)}, shared: shared, weight: weight}) AS items
}
RETURN id, items`,
    { ids: [...taskIds], first: int(first) },
  );
}
