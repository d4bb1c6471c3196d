/**
 * The "touches" rule of graph-model.md as a Cypher fragment, shared by the flagship
 * (District.leadingDepartments), District.tasks and the `touches` task filter.
 *
 * Expects the area node bound to `a` and parameters $includeDescendants, $includeEnclosing;
 * yields one row per touched task, bound to `t` (distinct). Wrap it in `CALL (a) { … }` to
 * keep other variables.
 *
 * Reading of the rule, worked from the area outwards so the database never walks every task:
 *   inner    = A, plus every division inside A (LOCATED_IN*, any depth) when includeDescendants
 *   zones    = zones (level ZONE) that list a member of `inner` (member -LOCATED_IN-> zone)
 *   above    = areas containing A (LOCATED_IN* upwards, zones included) when includeEnclosing
 *   places   = inner + zones + above     (rule 1 targets; `above` is rule 3)
 *   governed = inner + above             (rule 2 targets; `above` is rule 3)
 * A task touches when something in its scope (itself, PART_OF ancestors, PART_OF
 * descendants, projects included) is LOCATED_IN one of `places`, or its plan GOVERNS one
 * of `governed`. From an anchor x located in a place, the tasks whose scope holds x are x
 * itself and x's ancestors (x -PART_OF*0..-> t) and x's descendants (t -PART_OF*1..-> x).
 */
export const touchedTasksFragment = `
CALL (a) {
  OPTIONAL MATCH (d:District)-[:LOCATED_IN*1..]->(a)
  WHERE $includeDescendants
  WITH a, collect(DISTINCT d) AS below
  RETURN [a] + below AS inner
}
CALL (a) {
  OPTIONAL MATCH (a)-[:LOCATED_IN*1..]->(e:District)
  WHERE $includeEnclosing
  RETURN collect(DISTINCT e) AS above
}
CALL (inner) {
  UNWIND inner AS member
  OPTIONAL MATCH (member)-[:LOCATED_IN]->(z:District {level: 'ZONE'})
  RETURN collect(DISTINCT z) AS zones
}
WITH inner + zones + above AS places, inner + above AS governed
CALL (places, governed) {
  UNWIND places AS place
  MATCH (x)-[:LOCATED_IN]->(place)
  WHERE x:Task OR x:Project
  WITH DISTINCT x
  CALL (x) {
    MATCH (x)-[:PART_OF*0..]->(t:Task)
    RETURN t
    UNION
    MATCH (t:Task)-[:PART_OF*1..]->(x)
    RETURN t
  }
  RETURN t
  UNION
  UNWIND governed AS place
  MATCH (t:Task)-[:PART_OF*1..]->(:Plan)-[:GOVERNS]->(place)
  RETURN t
}
WITH DISTINCT t`;

export interface TouchesOptions {
  includeDescendants: boolean;
  includeEnclosing: boolean;
}
