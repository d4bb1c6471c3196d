/**
 * Per-plan tallies of the tasks each body leads in each area, and of each plan's tasks there,
 * so the flagship's counts and first tasks, and a page of an area's tasks, cost what the answer
 * costs, not what the area's tasks cost:
 *
 *   (:Department)-[:TALLY {document, planId, plan, role: 'LEADS', tasks, direct, pair}]->(:District)
 *   (:Plan)-[:TALLY {document, planId, plan, tasks, direct, pair}]->(:District)
 *
 * one per document, plan, body and area the body's led tasks of that plan touch (the second
 * kind: one per plan and area, whoever is responsible): `tasks` of them touch the area
 * (TOUCHES), `direct` of them directly (TOUCHES {direct: true}), `plan` is the plan's title
 * (what task lists are ordered by). The tasks a body's page starts with are in the plans whose
 * tallies come first by title; likewise an area's page of tasks.
 *
 * Leads only: supporting bodies are three to four times as many assignments (a 按职责分工负责
 * clause names a dozen), seven in ten of the body tallies when they had them (seeds + 500
 * corpus documents: 224k of 313k), each written with every load; the flagship's default is
 * leads, and `includeSupporting` reads the TOUCHES edges instead
 * (graph/queries/leading-departments.ts). `role` is kept so a reader never has to guess.
 *
 * Beside them, one total per body and area (what the flagship pages bodies by), the sum of the
 * body's LEADS tallies there, so ordering an area's bodies reads one edge per body, not one per
 * (body, plan) (the province's grew with every plan loaded):
 *
 *   (:Department)-[:TOTAL {role: 'LEADS', tasks, direct, plans, plansDirect}]->(:District)
 *
 * `plans` counting the tallies of a plan (not those of tasks without one; `plansDirect` those
 * with direct > 0). Every change to a LEADS tally moves its total by the same amounts
 * (APPLY_TOTAL_CHANGES), so a total costs what changed, never a recount. A total is a sum of
 * counters: two writers creating one at once leave two, and a reader sums them (the sum stays
 * exact; each move goes to one of them).
 *
 * A tally carries `pair` (its body's id and the area's, `dept:…>div:…`; the area's id alone for
 * a plan's tally), indexed with `plan` and `planId` (graph/schema.ts TALLY_PAIR_INDEX), so a
 * body's first plans in an area are read in order from the index, not sorted from all of them.
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
import { TALLY_TYPE, DERIVED_TYPE, TOTAL_TYPE } from './allow-list.ts';

/** The `pair` of body `d`'s tallies in area `a` (see the header). */
export function bodyPair(d: string, a: string): string {
  return `${d}.id + '>' + ${a}.id`;
}

/** A tally's `pair`, from its ends `d` (a body, or a plan for a plan's tally) and `a`, and its `role` (null for a plan's). */
function tallyPair(d: string, a: string, role: string): string {
  return `CASE WHEN ${role} IS NULL THEN ${a}.id ELSE ${bodyPair(d, a)} END`;
}

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
  WITH d, a, role, planId, plan, tasks, direct, olds, head(olds) AS kept, tail(olds) AS extra, ${tallyPair('d', 'a', 'role')} AS pair
  // What the group moves its body's total by, read before any old tally goes.
  WITH *, CASE WHEN role = 'LEADS' THEN {d: d, a: a,
      tasks: coalesce(tasks, 0) - reduce(s = 0, o IN olds | s + o.tasks),
      direct: coalesce(direct, 0) - reduce(s = 0, o IN olds | s + o.direct),
      plans: CASE WHEN planId IS NULL THEN 0 ELSE CASE WHEN tasks IS NULL THEN 0 ELSE 1 END - size(olds) END,
      plansDirect: CASE WHEN planId IS NULL THEN 0 ELSE CASE WHEN direct > 0 THEN 1 ELSE 0 END - size([o IN olds WHERE o.direct > 0]) END} END AS change
  // Writes first, deletes last: a deleted tally's properties cannot be read.
  CALL (kept, plan, tasks, direct, pair) {
    WITH kept WHERE tasks IS NOT NULL AND kept IS NOT NULL
      AND NOT (kept.tasks = tasks AND kept.direct = direct AND coalesce(kept.plan = plan, kept.plan IS NULL AND plan IS NULL)
        AND coalesce(kept.pair = pair, false))
    SET kept.tasks = tasks, kept.direct = direct, kept.plan = plan, kept.pair = pair
  }
  CALL (doc, d, a, role, planId, plan, tasks, direct, kept, pair) {
    WITH * WHERE tasks IS NOT NULL AND kept IS NULL
    CREATE (d)-[:${TALLY_TYPE} {document: doc, role: role, planId: planId, plan: plan, tasks: tasks, direct: direct, pair: pair}]->(a)
  }
  CALL (kept, tasks, extra) {
    UNWIND extra + CASE WHEN tasks IS NULL AND kept IS NOT NULL THEN [kept] ELSE [] END AS e
    DELETE e
  }
  RETURN count(*) AS groups,
         collect(CASE WHEN change.tasks <> 0 OR change.direct <> 0 OR change.plans <> 0 OR change.plansDirect <> 0 THEN change END) AS changes
}`;

/**
 * Rows bound to `changes`, a list of {d, a, tasks, direct, plans, plansDirect}: what LEADS
 * tallies of body d in area a moved by; each (d, a) total moves by their sum (one of its
 * edges, if two writers left two), is created when there is none, and goes when it is all zero.
 * Yields `totals`, how many (d, a) moved.
 */
const APPLY_TOTAL_CHANGES = `CALL (changes) {
  UNWIND changes AS c
  WITH c.d AS d, c.a AS a, sum(c.tasks) AS tasks, sum(c.direct) AS direct, sum(c.plans) AS plans, sum(c.plansDirect) AS plansDirect
  WHERE tasks <> 0 OR direct <> 0 OR plans <> 0 OR plansDirect <> 0
  CALL (d, a) {
    OPTIONAL MATCH (d)-[s:${TOTAL_TYPE}]->(a)
    RETURN s LIMIT 1
  }
  CALL (s, tasks, direct, plans, plansDirect) {
    WITH s WHERE s IS NOT NULL
    SET s.tasks = s.tasks + tasks, s.direct = s.direct + direct, s.plans = s.plans + plans, s.plansDirect = s.plansDirect + plansDirect
  }
  CALL (d, a, s, tasks, direct, plans, plansDirect) {
    WITH * WHERE s IS NULL
    CREATE (d)-[:${TOTAL_TYPE} {role: 'LEADS', tasks: tasks, direct: direct, plans: plans, plansDirect: plansDirect}]->(a)
  }
  CALL (s) {
    WITH s WHERE s IS NOT NULL AND s.tasks = 0 AND s.direct = 0 AND s.plans = 0 AND s.plansDirect = 0
    DELETE s
  }
  RETURN count(*) AS totals
}`;

/** Settles the tallies of the given documents (after their TOUCHES are exact) and moves their totals; returns how many (body, area, role, plan) groups it looked at. */
export const REFRESH_DOCUMENT_TALLIES = `CYPHER replan=skip
UNWIND $docs AS doc
${SETTLE_TALLIES}
WITH sum(groups) AS groups, collect(changes) AS changes
WITH groups, reduce(acc = [], c IN changes | acc + c) AS changes
${APPLY_TOTAL_CHANGES}
RETURN groups`;

/**
 * The settling alone, bound to `doc` and yielding `groups` and `changes`: for the rebuild's
 * per-document transactions, which count the totals afresh at the end (RECOUNT_TOTALS).
 */
export const SETTLE_DOCUMENT_TALLIES = SETTLE_TALLIES;

/**
 * Every total counted afresh from the tallies (the rebuild's last step; an implicit
 * transaction, for CALL IN TRANSACTIONS): the old ones go first, so for that moment an area
 * has no bodies.
 */
export const RECOUNT_TOTALS = [
  `MATCH ()-[s:${TOTAL_TYPE}]->() CALL (s) { DELETE s } IN TRANSACTIONS OF 10000 ROWS`,
  `MATCH (d:Department)-[k:${TALLY_TYPE} {role: 'LEADS'}]->(a:District)
WITH d, a, sum(k.tasks) AS tasks, sum(k.direct) AS direct, count(k.planId) AS plans,
     sum(CASE WHEN k.direct > 0 AND k.planId IS NOT NULL THEN 1 ELSE 0 END) AS plansDirect
CALL (d, a, tasks, direct, plans, plansDirect) {
  CREATE (d)-[:${TOTAL_TYPE} {role: 'LEADS', tasks: tasks, direct: direct, plans: plans, plansDirect: plansDirect}]->(a)
} IN TRANSACTIONS OF 10000 ROWS`,
];

/**
 * Rows bound to `edited`, a list of {t, changes}: tasks of documents not being written, with the
 * TOUCHES edges their recomputation deleted and created (touches.ts: {a, direct, planId, plan,
 * n}); each tally those edges count in moves by n (LEADS tallies once per lead of the task, as
 * SETTLE_TALLIES counts them), one that reaches zero goes, a new one is created, and the
 * bodies' totals move with them. Yields `resettle`, the documents whose tallies did not add up.
 * `SET k.tasks = k.tasks + …` takes the tally's write lock before it reads, so two writers
 * moving one tally both count.
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
    // Whether a tally is there after this row: one created, or the moved one unless it went.
    WITH *, CASE WHEN k IS NULL THEN now > 0 AND NOT off ELSE NOT (now = 0 AND NOT off) END AS stays
    // What the body's total moves by (the tally before the move: now less what moved).
    WITH *, CASE WHEN role = 'LEADS' AND (k IS NOT NULL OR stays) THEN {d: d, a: a,
        tasks: CASE WHEN k IS NULL THEN now ELSE tasks END,
        direct: CASE WHEN k IS NULL THEN nowDirect ELSE direct END,
        plans: CASE WHEN planId IS NULL OR (k IS NOT NULL AND stays) THEN 0 WHEN k IS NULL THEN 1 ELSE -1 END,
        plansDirect: CASE WHEN planId IS NULL THEN 0 ELSE CASE WHEN stays AND nowDirect > 0 THEN 1 ELSE 0 END
          - CASE WHEN k IS NOT NULL AND nowDirect - direct > 0 THEN 1 ELSE 0 END END} END AS change
    CALL (doc, d, role, a, planId, plan, k, now, nowDirect, off) {
      WITH * WHERE k IS NULL AND now > 0 AND NOT off
      CREATE (d)-[:${TALLY_TYPE} {document: doc, role: role, planId: planId, plan: plan, tasks: now, direct: nowDirect, pair: ${tallyPair('d', 'a', 'role')}}]->(a)
    }
    CALL (k, now, off) {
      WITH k WHERE k IS NOT NULL AND now = 0 AND NOT off
      DELETE k
    }
    RETURN CASE WHEN off THEN doc END AS resettle, change
  }
  WITH collect(DISTINCT resettle) AS resettle, collect(change) AS changes
  ${APPLY_TOTAL_CHANGES.replaceAll('\n', '\n  ')}
  RETURN resettle
}`;
