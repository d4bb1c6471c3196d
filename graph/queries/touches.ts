/**
 * The "touches" rule of docs/contract/graph-model.md, read from the TOUCHES edges the writer keeps
 * (graph/write/touches.ts): `(:Task)-[:TOUCHES {direct, plan, line}]->(:District)` for every
 * area a task touches with includeDescendants, `direct` on those it touches without it.
 * includeEnclosing adds the tasks with a direct edge to an area containing A (rule 3).
 *
 * Expects the area node bound to `a`; yields one row per touched task: `t` and its order keys
 * `tPlan` (its plan's title) and `tLine` (its line), and `tPlanId`, distinct. The text is specialised per
 * option (four variants, each planned once), so a read walks only the edges its answer needs.
 */
export interface TouchesOptions {
  includeDescendants: boolean;
  includeEnclosing: boolean;
}

/** Edges into `a` itself: every TOUCHES, or only the direct ones. */
function intoArea(options: TouchesOptions, rel = 'k'): string {
  return options.includeDescendants ? `(t:Task)-[${rel}:TOUCHES]->(a)` : `(t:Task)-[${rel}:TOUCHES {direct: true}]->(a)`;
}

export function touchedTasks(options: TouchesOptions): string {
  if (!options.includeEnclosing) {
    return `MATCH ${intoArea(options)}
WITH t, k.plan AS tPlan, k.planId AS tPlanId, k.line AS tLine`;
  }
  return `CALL (a) {
  MATCH ${intoArea(options)}
  RETURN t, k.plan AS tPlan, k.planId AS tPlanId, k.line AS tLine
  UNION
  MATCH (a)-[:LOCATED_IN*1..]->(e:District)
  MATCH (t:Task)-[k:TOUCHES {direct: true}]->(e)
  RETURN t, k.plan AS tPlan, k.planId AS tPlanId, k.line AS tLine
}
WITH DISTINCT t, tPlan, tPlanId, tLine`;
}

/**
 * How many tasks touch `a` (bound), as `expression AS name`: with includeDescendants alone,
 * the number of TOUCHES edges into it, which Neo4j keeps per node (no walk, however many).
 */
export function touchedCount(options: TouchesOptions, name = 'totalCount'): string {
  if (options.includeDescendants && !options.includeEnclosing) return `COUNT { (a)<-[:TOUCHES]-() } AS ${name}`;
  if (!options.includeEnclosing) return `COUNT { (a)<-[:TOUCHES {direct: true}]-() } AS ${name}`;
  return `COUNT { ${touchedTasks(options)} RETURN t } AS ${name}`;
}

/**
 * A predicate: task `t` touches `a` (both bound), binding nothing; for checking the tasks of
 * one body rather than walking the area's.
 */
export function touchesPredicate(options: TouchesOptions): string {
  const own = options.includeDescendants ? 'EXISTS { (t)-[:TOUCHES]->(a) }' : 'EXISTS { (t)-[:TOUCHES {direct: true}]->(a) }';
  if (!options.includeEnclosing) return own;
  return `(${own} OR EXISTS { MATCH (t)-[:TOUCHES {direct: true}]->(e) WHERE (a)-[:LOCATED_IN*1..]->(e) })`;
}
