/**
 * Per-plan tallies of the tasks each body leads in each area, and of each plan's tasks there,
 * so the flagship's counts and first tasks, and a page of an area's tasks, cost what the answer
 * costs, not what the area's tasks cost:
 *
 *   (:Department)-[:TALLY {document, planId, plan, role: 'LEADS', tasks, direct}]->(:District)
 *   (:Plan)-[:TALLY {document, planId, plan, tasks, direct}]->(:District)
 *
 * one per document, plan, body and area the body's led tasks of that plan touch (the second
 * kind: one per plan and area, whoever is responsible): `tasks` of them touch the area
 * (TOUCHES), `direct` of them directly (TOUCHES {direct: true}), `plan` is the plan's title
 * (what task lists are ordered by). A body's count in an area is the sum over its tallies there
 * and its plan count their number, so the province's counts read one edge per (body, plan)
 * instead of every task × its bodies; the tasks a body's page starts with are in the plans
 * whose tallies come first by title; likewise an area's page of tasks.
 *
 * Leads only: supporting bodies are three to four times as many assignments (a 按职责分工负责
 * clause names a dozen), seven in ten of the body tallies when they had them (seeds + 500
 * corpus documents: 224k of 313k), each written with every load; the flagship's default is
 * leads, and `includeSupporting` reads the TOUCHES edges instead
 * (graph/queries/leading-departments.ts). `role` is kept so a reader never has to guess.
 *
 * Every fact a tally counts belongs to its document (its tasks, their LEADS, their
 * TOUCHES as kept by touches.ts), so a document's tallies are exact when computed after its
 * TOUCHES: touches.ts settles them (SETTLE_TALLIES) for the written documents, writing only the
 * difference (a changed count is SET, a tally no longer reached deleted, a new one created).
 *
 * Documents a write changes only through their tasks' TOUCHES (a zone added over 广州市 reaches
 * hundreds) are not settled afresh but moved (APPLY_TALLY_CHANGES): their own facts
 * did not change, only some of their tasks' TOUCHES edges, so each tally they reach moves by the
 * edges that went (-1) and came (+1). Settling them afresh re-read every task of ~290 documents
 * whenever a zone flipped an area under a big city (3.4 s a time on a 600-document graph);
 * moving costs what changed. A move that would not add up (a tally missing, or below zero, or
 * held twice) names its document, which is then settled afresh.
 */
import { TALLY_TYPE, DERIVED_TYPE } from './allow-list.ts';

/**
 * Rows bound to `doc` (document names): the tallies their tasks give now, grouped with the
 * tallies the graph holds for them on (body or plan, area, role, plan id), then each group settled.
 */
const SETTLE_TALLIES = `CALL (doc) {
  CALL (doc) {
    MATCH (t:Task {document: doc})-[k:${DERIVED_TYPE}]->(a:District)
    MATCH (d:Department)-[:LEADS]->(t)
    WITH d, a, 'LEADS' AS role, k.planId AS planId, k.plan AS plan, count(*) AS tasks,
         sum(CASE WHEN k.direct THEN 1 ELSE 0 END) AS direct
    RETURN d, a, role, planId, plan, tasks, direct, null AS old
    UNION ALL
    MATCH (t:Task {document: doc})-[k:${DERIVED_TYPE}]->(a:District)
    WITH a, k.planId AS planId, k.plan AS plan, count(*) AS tasks, sum(CASE WHEN k.direct THEN 1 ELSE 0 END) AS direct
    MATCH (d:Plan {id: planId})
    RETURN d, a, null AS role, planId, plan, tasks, direct, null AS old
    UNION ALL
    MATCH (d)-[old:${TALLY_TYPE} {document: doc}]->(a:District)
    RETURN d, a, old.role AS role, old.planId AS planId, null AS plan, null AS tasks, null AS direct, old
  }
  WITH d, a, role, planId, collect(old) AS olds, max(plan) AS plan, max(tasks) AS tasks, max(direct) AS direct
  WITH d, a, role, planId, plan, tasks, direct, head(olds) AS kept, tail(olds) AS extra
  // Writes first, deletes last: a deleted tally's properties cannot be read.
  CALL (kept, plan, tasks, direct) {
    WITH kept WHERE tasks IS NOT NULL AND kept IS NOT NULL
      AND NOT (kept.tasks = tasks AND kept.direct = direct AND coalesce(kept.plan = plan, kept.plan IS NULL AND plan IS NULL))
    SET kept.tasks = tasks, kept.direct = direct, kept.plan = plan
  }
  CALL (doc, d, a, role, planId, plan, tasks, direct, kept) {
    WITH * WHERE tasks IS NOT NULL AND kept IS NULL
    CREATE (d)-[:${TALLY_TYPE} {document: doc, role: role, planId: planId, plan: plan, tasks: tasks, direct: direct}]->(a)
  }
  CALL (kept, tasks, extra) {
    UNWIND extra + CASE WHEN tasks IS NULL AND kept IS NOT NULL THEN [kept] ELSE [] END AS e
    DELETE e
  }
  RETURN count(*) AS groups
}`;

/** Settles the tallies of the given documents (after their TOUCHES are exact); returns how many (body, area, role, plan) groups it looked at. */
export const REFRESH_DOCUMENT_TALLIES = `CYPHER replan=skip
UNWIND $docs AS doc
${SETTLE_TALLIES}
RETURN sum(groups) AS groups`;

/** The settling alone, bound to `doc` and yielding `groups`: for the rebuild's per-document transactions. */
export const SETTLE_DOCUMENT_TALLIES = SETTLE_TALLIES;

/**
 * Rows bound to `edited`, a list of {t, changes}: tasks of documents not being written, with the
 * TOUCHES edges their recomputation deleted and created (touches.ts: {a, direct, planId, plan,
 * n}); each tally those edges count in moves by n (LEADS tallies once per lead of the task, as
 * SETTLE_TALLIES counts them), one that reaches zero goes, a new one is created. Yields
 * `resettle`, the documents whose tallies did not add up. `SET k.tasks = k.tasks + …` takes the
 * tally's write lock before it reads, so two writers moving one tally both count.
 */
export const APPLY_TALLY_CHANGES = `CALL (edited) {
  UNWIND edited AS e
  WITH e.t AS t, e.changes AS changes
  UNWIND changes AS c
  CALL (t, c) {
    MATCH (d:Department)-[:LEADS]->(t)
    RETURN d, 'LEADS' AS role
    UNION ALL
    MATCH (d:Plan {id: c.planId})
    RETURN d, null AS role
  }
  WITH t.document AS doc, d, role, c.a AS a, c.planId AS planId, max(c.plan) AS plan,
       sum(c.n) AS tasks, sum(CASE WHEN c.direct THEN c.n ELSE 0 END) AS direct
  WHERE tasks <> 0 OR direct <> 0
  CALL (doc, d, role, a, planId, plan, tasks, direct) {
    WITH *, COLLECT {
      MATCH (d)-[k:${TALLY_TYPE} {document: doc}]->(a)
      WHERE coalesce(k.planId = planId, k.planId IS NULL AND planId IS NULL)
        AND coalesce(k.role = role, k.role IS NULL AND role IS NULL)
      RETURN k
    } AS held
    WITH *, head(held) AS k
    CALL (k, tasks, direct) {
      WITH k WHERE k IS NOT NULL
      SET k.tasks = k.tasks + tasks, k.direct = k.direct + direct
    }
    WITH *, coalesce(k.tasks, tasks) AS now, coalesce(k.direct, direct) AS nowDirect
    WITH *, size(held) > 1 OR now < 0 OR nowDirect < 0 OR nowDirect > now AS off
    CALL (doc, d, role, a, planId, plan, k, now, nowDirect, off) {
      WITH * WHERE k IS NULL AND now > 0 AND NOT off
      CREATE (d)-[:${TALLY_TYPE} {document: doc, role: role, planId: planId, plan: plan, tasks: now, direct: nowDirect}]->(a)
    }
    CALL (k, now, off) {
      WITH k WHERE k IS NOT NULL AND now = 0 AND NOT off
      DELETE k
    }
    RETURN CASE WHEN off THEN doc END AS resettle
  }
  RETURN collect(DISTINCT resettle) AS resettle
}`;
