/**
 * The "touches" rule of graph-model.md, materialised when documents are written, so a read
 * costs what its answer costs, not what the graph holds: `(:Task)-[:TOUCHES {direct, plan, planId, line}]->(:District)`
 * for every area the task touches with includeDescendants (the default), `direct: true` on
 * those it touches with includeDescendants false. includeEnclosing is read at query time from
 * the direct edges (graph/queries/touches.ts): a province-wide task would otherwise get an edge
 * to every town. `plan` (the task's plan title), `planId` and `line` are what lists of touched
 * tasks are ordered and counted by (plan title, then reading order; plans per body), so a page
 * is sorted without visiting each task's plan.
 *
 * For a task t, from what its scope (t, its PART_OF ancestors and descendants, projects
 * included) is LOCATED_IN (`located`) and what its plan GOVERNS (`governed`):
 *   direct(t)  = located + governed + the members of every zone in located
 *   TOUCHES(t) = every area reachable from direct(t) upwards (LOCATED_IN*0..)
 * which is exactly the set of areas A the rule's reading outwards from A finds t for (inner = A
 * and what lies in it; zones listing a member of inner; what is located in those, or governed
 * by plans of inner): tests/integration/api-flagship.test.ts checks answers against the rule
 * worked task by task (touches.harness.ts), touches-materialised.test.ts against a rebuild.
 *
 * Who keeps them exact: a document's write recomputes the edges of all its tasks (inside its
 * transaction, after its facts). Its facts can also change other documents' tasks' answers,
 * through the two things documents share: a LOCATED_IN between areas (a zone a document
 * defines lists 花都区 as a member: every task touching 花都区 now touches the zone) and a
 * project's LOCATED_IN (a project one plan places in 狮岭镇 and another plan's box lists).
 * The writer reads which of those pairs exist before and after the write; for each pair that
 * appeared or went, the tasks it can change are recomputed too. Those tasks' documents refer to
 * the same shared nodes, so the write holds those nodes' locks (cypher.LOCK_SHARED) and two
 * concurrent writes see each other's committed pairs.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { DERIVED_TYPE, TALLY_TYPE, TOTAL_TYPE } from './allow-list.ts';
import type { PreparedDocument } from './prepare.ts';
import { APPLY_TALLY_CHANGES, RECOUNT_TOTALS, REFRESH_DOCUMENT_TALLIES, SETTLE_DOCUMENT_TALLIES } from './tallies.ts';
import { TOUCHES_VERSION } from './version.ts';
import { SET_ALL_READING } from './reading.ts';

/**
 * Rows bound to `t` (tasks): their TOUCHES computed again from the graph, and only the
 * difference written (leaving per task `gone` and `made`, the edges deleted and created, as
 * {a, direct, planId, plan, n: -1 or +1}): an edge whose area is no longer reached, or whose
 * properties are not what they should be (or a second edge to one area), is deleted; a reached
 * area without an edge gets one. Deleting every edge and creating them all again made a write's transaction
 * hold every recomputed edge twice: a plan adding a zone over 花都区 recomputes every other
 * plan's task touching 花都区, and with a 10,000-task plan loaded that one transaction went over
 * db.memory.transaction.max (tests/integration/hostile-inputs.test.ts); now it holds the new
 * zone edges only. What the tasks share is looked up once for them all, not once per task: a
 * zone's members (a zone has every task located in it among its incoming LOCATED_IN, so
 * reading its members costs its in-degree) and the areas above each directly touched area. The
 * areas whose edge stays (`held`) come out of the pass over the old edges, so a reached area is
 * created without looking for its edge in the graph again (that check, an Expand(Into) per
 * reached area, was 40% of a refresh's db hits).
 */
const RECOMPUTE_TASKS = `
CALL (t) {
  CALL (t) {
    MATCH (t)-[:PART_OF*0..]->(x)
    WHERE x:Task OR x:Project
    RETURN x
    UNION
    MATCH (x)-[:PART_OF*1..]->(t)
    WHERE x:Task OR x:Project
    RETURN x
  }
  MATCH (x)-[:LOCATED_IN]->(p:District)
  RETURN collect(DISTINCT p) AS located
}
CALL (t) {
  OPTIONAL MATCH (t)-[:PART_OF*1..]->(p:Plan)
  OPTIONAL MATCH (p)-[:GOVERNS]->(g:District)
  RETURN head(collect(p)) AS plan, collect(DISTINCT g) AS governed
}
WITH collect({t: t, plan: plan, located: located, governed: governed}) AS rows
CALL (rows) {
  UNWIND rows AS r
  UNWIND r.located AS z
  WITH DISTINCT z
  WHERE z.level = 'ZONE'
  MATCH (m:District)-[:LOCATED_IN]->(z)
  WITH z, collect(DISTINCT m) AS members
  RETURN collect({zone: z, members: members}) AS zones
}
WITH rows, zones,
     [r IN rows | {t: r.t, plan: r.plan,
       direct: r.located + r.governed + reduce(acc = [], x IN [x IN zones WHERE x.zone IN r.located] | acc + x.members)}] AS tasks
CALL (tasks) {
  UNWIND tasks AS task
  UNWIND task.direct AS d
  WITH DISTINCT d
  MATCH (d)-[:LOCATED_IN*0..]->(a:District)
  WITH d, collect(DISTINCT a) AS up
  RETURN collect({d: d, up: up}) AS ups
}
UNWIND tasks AS task
WITH task.t AS t, task.plan AS plan, task.direct AS direct,
     reduce(acc = [], x IN [x IN ups WHERE x.d IN task.direct] | acc + x.up) AS reached
CALL (t, plan, direct, reached) {
  MATCH (t)-[old:${DERIVED_TYPE}]->(a)
  WITH a, collect(old) AS edges
  WITH a, edges, head(edges) AS kept
  WITH a, edges, kept, a IN reached
        AND coalesce(kept.direct = (a IN direct), false)
        AND coalesce(kept.plan = plan.title, kept.plan IS NULL AND plan.title IS NULL)
        AND coalesce(kept.planId = plan.id, kept.planId IS NULL AND plan.id IS NULL)
        AND coalesce(kept.line = t.line, kept.line IS NULL AND t.line IS NULL) AS ok
  WITH collect(CASE WHEN ok THEN a END) AS held,
       collect({a: a, stale: [e IN edges WHERE e <> kept OR NOT ok]}) AS areas
  CALL (areas) {
    UNWIND areas AS area
    UNWIND area.stale AS e
    WITH e, {a: area.a, direct: e.direct, planId: e.planId, plan: e.plan, n: -1} AS change
    DELETE e
    RETURN count(e) AS deleted, collect(change) AS gone
  }
  RETURN held, deleted, gone
}
CALL (t, plan, direct, reached, held) {
  UNWIND reached AS a
  WITH DISTINCT a
  WHERE NOT a IN held
  CREATE (t)-[:${DERIVED_TYPE} {direct: a IN direct, plan: plan.title, planId: plan.id, line: t.line}]->(a)
  RETURN count(*) AS created, collect({a: a, direct: a IN direct, planId: plan.id, plan: plan.title, n: 1}) AS made
}`;

/** Recomputes the TOUCHES of every task of the given documents (their tallies are settled afresh after). */
export const REFRESH_DOCUMENT_TOUCHES = `CYPHER replan=skip
UNWIND $docs AS doc
MATCH (t:Task {document: doc})
${RECOMPUTE_TASKS.trim()}
RETURN count(t) AS tasks`;

/**
 * Recomputes the TOUCHES of the tasks with these ids (other documents' tasks a flipped pair can
 * change) and moves their documents' tallies by the edges that went and came (tallies.ts); yields
 * `tasks` and `resettle`, the documents whose tallies did not add up and must be settled afresh.
 */
export const REFRESH_TASK_TOUCHES = `CYPHER replan=skip
UNWIND $ids AS id
MATCH (t:Task {id: id})
${RECOMPUTE_TASKS.trim()}
WITH count(t) AS tasks, collect(CASE WHEN size(gone) + size(made) > 0 THEN {t: t, changes: gone + made} END) AS edited
${APPLY_TALLY_CHANGES}
RETURN tasks, resettle`;

/**
 * An area pair (start District or Project → District) whose LOCATED_IN can change what other
 * documents' tasks touch; `key` is `start\u0000end`.
 */
export interface LocationPair {
  start: string;
  end: string;
  project: boolean;
}
const pairKey = (p: LocationPair) => `${p.project ? 'P' : 'D'}\u0000${p.start}\u0000${p.end}`;

/** The pairs the document writes (owned or gazetteer), from its prepared relationships. */
export function locationPairsOf(doc: PreparedDocument): LocationPair[] {
  const out: LocationPair[] = [];
  for (const g of doc.relationships) {
    if (g.type !== 'LOCATED_IN' || g.endLabel !== 'District') continue;
    if (g.startLabel !== 'District' && g.startLabel !== 'Project') continue;
    for (const r of g.relationships) out.push({ start: r.start, end: r.end, project: g.startLabel === 'Project' });
  }
  return out;
}

/** The pairs the documents' previous versions wrote (owned ones only: gazetteer edges never go with a document). */
const PREVIOUS_PAIRS = `CYPHER replan=skip
UNWIND $docs AS doc
MATCH (c)-[:LOCATED_IN {document: doc}]->(p:District)
WHERE c:District OR c:Project
RETURN DISTINCT c.id AS start, p.id AS end, c:Project AS project`;

/** Which pairs exist now (any LOCATED_IN from start to end, whoever wrote it). */
const EXISTING_PAIRS = `CYPHER replan=skip
UNWIND $pairs AS pair
CALL (pair) {
  MATCH (c:District {id: pair.start})
  WHERE NOT pair.project
  RETURN c
  UNION
  MATCH (c:Project {id: pair.start})
  WHERE pair.project
  RETURN c
}
MATCH (p:District {id: pair.end})
WHERE EXISTS { (c)-[:LOCATED_IN]->(p) }
RETURN pair.start AS start, pair.end AS end, pair.project AS project`;

/**
 * The tasks (of documents other than `$docs`) whose TOUCHES a flipped pair can change:
 * an area pair c → P: tasks touching c (they gain or lose what lies above P) and tasks
 * directly located in P when P is a zone (they gain or lose member c);
 * a project pair x → P: tasks whose scope holds x (x's ancestors and descendants).
 */
const AFFECTED_TASKS = `CYPHER replan=skip
UNWIND $pairs AS pair
CALL (pair) {
  MATCH (t:Task)-[:${DERIVED_TYPE}]->(:District {id: pair.start})
  WHERE NOT pair.project
  RETURN t
  UNION
  MATCH (t:Task)-[:${DERIVED_TYPE} {direct: true}]->(z:District {id: pair.end})
  WHERE NOT pair.project AND z.level = 'ZONE'
  RETURN t
  UNION
  MATCH (:Project {id: pair.start})-[:PART_OF*1..]->(t:Task)
  WHERE pair.project
  RETURN t
  UNION
  MATCH (t:Task)-[:PART_OF*1..]->(:Project {id: pair.start})
  WHERE pair.project
  RETURN t
}
WITH DISTINCT t
WHERE NOT t.document IN $docs
RETURN t.id AS id`;

/** What a group's write needs to keep other documents' TOUCHES exact: the pairs and whether each existed before. */
export interface PairsBefore {
  pairs: LocationPair[];
  existed: Set<string>;
}

/**
 * Before a group's documents are removed or written (and after its shared nodes are locked):
 * the pairs their previous and new versions have, and which of them exist.
 */
export async function pairsBeforeWrite(tx: ManagedTransaction, docs: PreparedDocument[], previousOf: string[]): Promise<PairsBefore> {
  const byKey = new Map<string, LocationPair>();
  for (const doc of docs) for (const p of locationPairsOf(doc)) byKey.set(pairKey(p), p);
  if (previousOf.length > 0) {
    const previous = await tx.run(PREVIOUS_PAIRS, { docs: previousOf });
    for (const r of previous.records) {
      const p = { start: r.get('start') as string, end: r.get('end') as string, project: r.get('project') as boolean };
      byKey.set(pairKey(p), p);
    }
  }
  const pairs = [...byKey.values()];
  return { pairs, existed: await existingPairs(tx, pairs) };
}

async function existingPairs(tx: ManagedTransaction, pairs: LocationPair[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const result = await tx.run(EXISTING_PAIRS, { pairs });
  return new Set(result.records.map((r) => pairKey({ start: r.get('start'), end: r.get('end'), project: r.get('project') })));
}

/**
 * After a group's facts are written (and before unreferenced shared nodes are removed: a
 * TOUCHES edge keeps its area): every task of the written documents, and the other tasks a
 * flipped pair can change, get their TOUCHES again, those other documents' tallies moving by the
 * edges that changed (tallies.ts); then the written documents' tallies, and any that did not add
 * up, are settled afresh. Returns how many tasks were recomputed.
 */
export async function refreshTouchesAfterWrite(tx: ManagedTransaction, documents: string[], before: PairsBefore): Promise<number> {
  let tasks = 0;
  const written = await tx.run(REFRESH_DOCUMENT_TOUCHES, { docs: documents });
  tasks += Number(written.records[0]?.get('tasks') ?? 0);
  const tallied = new Set(documents);
  const after = await existingPairs(tx, before.pairs);
  const flipped = before.pairs.filter((p) => before.existed.has(pairKey(p)) !== after.has(pairKey(p)));
  if (flipped.length > 0) {
    const affected = await tx.run(AFFECTED_TASKS, { pairs: flipped, docs: documents });
    const ids = affected.records.map((r) => r.get('id') as string);
    for (let i = 0; i < ids.length; i += 500) {
      const result = await tx.run(REFRESH_TASK_TOUCHES, { ids: ids.slice(i, i + 500) });
      tasks += Number(result.records[0]?.get('tasks') ?? 0);
      // Their tallies moved by the changed edges; one that did not add up is settled afresh below.
      for (const doc of (result.records[0]?.get('resettle') ?? []) as string[]) tallied.add(doc);
    }
  }
  const docs = [...tallied];
  for (let i = 0; i < docs.length; i += 50) await tx.run(REFRESH_DOCUMENT_TALLIES, { docs: docs.slice(i, i + 50) });
  return tasks;
}

/** Every task's TOUCHES recomputed (only what differs is written), a few documents per transaction of its own. */
const REBUILD_ALL = `
MATCH (t:Task)
WITH DISTINCT t.document AS doc
CALL (doc) {
  CALL (doc) {
    MATCH (t:Task {document: doc})
    ${RECOMPUTE_TASKS.trim().replaceAll('\n', '\n    ')}
    RETURN count(t) AS tasks
  }
  ${SETTLE_DOCUMENT_TALLIES.replaceAll('\n', '\n  ')}
  RETURN tasks
} IN TRANSACTIONS OF 5 ROWS
RETURN sum(tasks) AS tasks`;

/**
 * Rebuilds every TOUCHES edge and TALLY count (`plangraph rebuild-touches`, and the first write
 * to a graph written before them; a tally of a document without tasks goes too), then counts
 * every body's TOTAL afresh from the tallies. Stamps the GraphState node with TOUCHES_VERSION
 * and a new version (the response cache drops what it held).
 */
export async function rebuildTouches(driver: Driver, database?: string): Promise<{ tasks: number; edges: number; tallies: number; totals: number; ms: number }> {
  const started = Date.now();
  // CALL IN TRANSACTIONS needs an implicit (auto-commit) transaction: session.run, not executeQuery.
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    await session.run(REBUILD_ALL);
    await session.run(`MATCH ()-[k:${TALLY_TYPE}]->() WHERE NOT EXISTS { MATCH (:Task {document: k.document}) }
      CALL (k) { DELETE k } IN TRANSACTIONS OF 10000 ROWS`);
    for (const statement of RECOUNT_TOTALS) await session.run(statement);
    await session.run(SET_ALL_READING);
  } finally {
    await session.close();
  }
  const stamped = await driver.executeQuery(
    `MERGE (s:GraphState {id: 'graph'}) SET s.touchesVersion = $v, s.version = randomUUID(), s.changedAt = datetime()
     WITH s
     CALL () { MATCH (t:Task) RETURN count(t) AS tasks }
     CALL () { MATCH ()-[r:${DERIVED_TYPE}]->() RETURN count(r) AS edges }
     CALL () { MATCH ()-[r:${TALLY_TYPE}]->() RETURN count(r) AS tallies }
     CALL () { MATCH ()-[r:${TOTAL_TYPE}]->() RETURN count(r) AS totals }
     RETURN tasks, edges, tallies, totals`,
    { v: TOUCHES_VERSION },
    { database },
  );
  const rec = stamped.records[0];
  return { tasks: Number(rec.get('tasks')), edges: Number(rec.get('edges')), tallies: Number(rec.get('tallies')), totals: Number(rec.get('totals')), ms: Date.now() - started };
}

/**
 * A graph whose tasks were written before TOUCHES (no stamp, and at least one task) gets them
 * all before anything is written to it; true when it did. An empty graph is only stamped.
 */
export async function migrateTouches(driver: Driver, database?: string): Promise<boolean> {
  const state = await driver.executeQuery(
    `OPTIONAL MATCH (s:GraphState {id: 'graph'})
     RETURN s.touchesVersion AS v, EXISTS { MATCH (:Task) } AS hasTasks`,
    {},
    { database },
  );
  const rec = state.records[0];
  if (Number(rec.get('v') ?? 0) >= TOUCHES_VERSION) return false;
  if (!rec.get('hasTasks')) {
    await driver.executeQuery(`MERGE (s:GraphState {id: 'graph'}) SET s.touchesVersion = $v`, { v: TOUCHES_VERSION }, { database });
    return false;
  }
  await rebuildTouches(driver, database);
  return true;
}
