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
import { TALLY_PAIR_INDEX } from '../schema.ts';

export interface TouchesOptions {
  includeDescendants: boolean;
  includeEnclosing: boolean;
}

/**
 * Edges `k` into `a` itself: every TOUCHES, or only the direct ones; from `task`, a pattern
 * binding `t` (any task; one document's tasks, `(t:Task {document: doc})`; or `(t)` already bound).
 */
export function intoArea(options: TouchesOptions, task = '(t:Task)'): string {
  return options.includeDescendants ? `${task}-[k:TOUCHES]->(a)` : `${task}-[k:TOUCHES {direct: true}]->(a)`;
}

/** A tally `k`'s count under the options (graph/write/tallies.ts): every task touching the area, or the direct ones. */
export function tallyCount(options: TouchesOptions): string {
  return options.includeDescendants ? 'k.tasks' : 'k.direct';
}

/**
 * The first entries of `tallies` (a list of {document, n} in page order) whose `n` add up to
 * `needed`: every task a page of `needed` can hold is in their documents.
 */
export function coveringTallies(tallies: string, needed: string): string {
  return `${tallies}[0..reduce(acc = {n: 0, take: 0}, p IN ${tallies} |
  CASE WHEN acc.n >= ${needed} THEN acc ELSE {n: acc.n + p.n, take: acc.take + 1} END).take]`;
}

/**
 * `enclosing`: the areas containing `a` (bound), each once, for a `CALL`. Collected DISTINCT so
 * Neo4j walks LOCATED_IN breadth first, each area reached once (VarLengthExpand(Pruning,BFS)):
 * every document that lists 广州市 in a zone adds its own edge to the zone (412 at 2,000
 * documents), and the pattern on its own yields one row per path, 421 rows for 花都区's six
 * areas, each of which was then joined to the area's tasks (1.3 M rows for 广州都市圈 alone:
 * db.memory.transaction.max).
 */
export function enclosingAreas(area = 'a'): string {
  return `CALL (${area}) {
  MATCH (${area})-[:LOCATED_IN*1..]->(x:District)
  RETURN collect(DISTINCT x) AS enclosing
}`;
}

export function touchedTasks(options: TouchesOptions): string {
  if (!options.includeEnclosing) {
    return `MATCH ${intoArea(options)}
WITH t, k.plan AS tPlan, k.planId AS tPlanId, k.line AS tLine`;
  }
  return `${ownOrAbove(options, '(t:Task)', 't, k.plan AS tPlan, k.planId AS tPlanId, k.line AS tLine')}
WITH DISTINCT t, tPlan, tPlanId, tLine`;
}

/**
 * With includeEnclosing, `CALL (a) { … }` yielding `returns` (over `t` and its edge `k`) for
 * the tasks touching `a` and those directly in an area above it, each row once (UNION); `task`
 * the pattern binding `t` (`(t)` when no label check is wanted: a count).
 */
function ownOrAbove(options: TouchesOptions, task: string, returns: string): string {
  return `CALL (a) {
  MATCH ${intoArea(options, task)}
  RETURN ${returns}
  UNION
  ${enclosingAreas().replaceAll('\n', '\n  ')}
  UNWIND enclosing AS e
  MATCH ${task}-[k:TOUCHES {direct: true}]->(e)
  RETURN ${returns}
}`;
}

/**
 * How many tasks touch `a` (bound), as `expression AS name`: with includeDescendants alone,
 * the number of TOUCHES edges into it, which Neo4j keeps per node (no walk, however many).
 */
export function touchedCount(options: TouchesOptions, name = 'totalCount'): string {
  if (options.includeDescendants && !options.includeEnclosing) return `COUNT { (a)<-[:TOUCHES]-() } AS ${name}`;
  if (!options.includeEnclosing) return `COUNT { (a)<-[:TOUCHES {direct: true}]-() } AS ${name}`;
  // Tasks only, no sort keys: reading three properties of every edge into the areas above was a
  // third of the count's db hits (the count is most of the graph once the province is above).
  return `COUNT { ${ownOrAbove(options, '(t)', 't')} RETURN t } AS ${name}`;
}

/**
 * A predicate: task `t` touches `a` (both bound, and with includeEnclosing `enclosing` from
 * enclosingAreas), binding nothing; for checking the tasks of one body rather than walking
 * the area's.
 */
export function touchesPredicate(options: TouchesOptions): string {
  const own = options.includeDescendants ? 'EXISTS { (t)-[:TOUCHES]->(a) }' : 'EXISTS { (t)-[:TOUCHES {direct: true}]->(a) }';
  if (!options.includeEnclosing) return own;
  return `(${own} OR EXISTS { MATCH (t)-[:TOUCHES {direct: true}]->(e) WHERE e IN enclosing })`;
}

/**
 * The first `limit` tallies of `pair` (a Cypher expression: a body's `d.id + '>' + a.id`, or an
 * area's id for its plans' tallies) in plan order, straight from the TALLY pair index
 * (graph/schema.ts), for a `CALL`: `collect({document, n}) AS indexed`, n the tally's count
 * `n` (and with `withPlan` its `plan` and `planId`). A tally without a plan title or id is not in the index.
 * A SEEK: the index's order is the ORDER BY's, so a scan from the first tally, filtered, then
 * cut at the limit, also plans; a plan cached on a smaller or different graph chose it, and
 * it reads every tally before the pair's (668 of 801 on 40 documents; millions at scale).
 */
export function indexedTallies(pair: string, n: string, limit: string, withPlan = false): string {
  return `MATCH ()-[k:TALLY]->()
USING INDEX SEEK k:TALLY(${TALLY_PAIR_INDEX.properties.join(', ')})
WHERE k.pair = ${pair} AND k.plan IS NOT NULL AND k.planId IS NOT NULL AND ${n} > 0
WITH k ORDER BY k.pair, k.plan, k.planId
LIMIT ${limit}
RETURN collect({document: k.document, n: ${n}${withPlan ? ', plan: k.plan, planId: k.planId' : ''}}) AS indexed`;
}

/**
 * A covering document's tasks are found by the Task(document) index, a seek per document: on a
 * small graph (the seeds) Neo4j otherwise planned a scan of every task filtered by document,
 * a plan that stays cached as the graph grows until its statistics drift far enough.
 */
const documentSeek = 'USING INDEX SEEK t:Task(document)';

/** The tasks touching `a` in the documents of the first of `tallies` that hold `$skip + $limit` tasks, as touchedTasks' rows. */
function coveredTasks(options: TouchesOptions, tallies: string): string {
  return `UNWIND ${coveringTallies(tallies, '$skip + $limit')} AS p
WITH DISTINCT a, p.document AS doc
MATCH ${intoArea(options, '(t:Task {document: doc})')}
${documentSeek}
RETURN t, k.plan AS tPlan, k.planId AS tPlanId, k.line AS tLine`;
}

/**
 * firstPlansTouchedTasks for a page reaching past the indexed plan tallies: every plan tally of
 * the area in plan order, and the edges when those do not account for every task touching `a`
 * (a task without a plan has no tally).
 */
function everyPlanTouchedTasks(options: TouchesOptions): string {
  const n = tallyCount(options);
  return `CALL (a) {
  MATCH (:Plan)-[k:TALLY]->(a)
  WHERE ${n} > 0
  WITH k ORDER BY k.plan, k.planId
  RETURN collect({document: k.document, n: ${n}}) AS plans
}
WITH a, plans, reduce(s = 0, p IN plans | s + p.n) = totalCount AS tallied
CALL (a, plans, tallied) {
  WITH * WHERE tallied
  ${coveredTasks(options, 'plans').replaceAll('\n', '\n  ')}
  UNION ALL
  WITH * WHERE NOT tallied
  MATCH ${intoArea(options)}
  RETURN t, k.plan AS tPlan, k.planId AS tPlanId, k.line AS tLine
}`;
}

/**
 * The tasks touching `a` (bound, with `totalCount` from touchedCount) that a page of `$skip` and
 * `$limit` in plan order (plan title, plan id, line) can hold: those of the documents of the
 * area's first plan tallies (graph/write/tallies.ts, one per plan and area) until the page is
 * covered, so a page of the province reads a few plans' tasks, not every task's edge. The first
 * `$skip + $limit` plan tallies (each counts one task or more) come from the pair index in order
 * (indexedTallies), not by sorting every plan touching the area (thousands in a city at 5,000
 * documents). A task without a plan has no tally and sorts last, so only a page reaching past
 * every planned task is read as before (everyPlanTouchedTasks). Reading a small area's edges
 * instead made a first page slower (a town of 1,979 tasks: 14.3 against 7.8 ms at 2,000
 * documents). Yields the rows touchedTasks yields. Not for includeEnclosing (a tally is per
 * area touched).
 */
export function firstPlansTouchedTasks(options: TouchesOptions): string {
  if (options.includeEnclosing) throw new Error('firstPlansTouchedTasks: includeEnclosing is read from the edges (touchedTasks)');
  return `CALL (a, totalCount) {
  CALL (a) {
    ${indexedTallies('a.id', tallyCount(options), '$skip + $limit').replaceAll('\n', '\n    ')}
  }
  WITH a, totalCount, indexed, reduce(s = 0, p IN indexed | s + p.n) >= $skip + $limit AS covered
  ${coveredOrEvery('a, totalCount, indexed, covered', coveredTasks(options, 'indexed'), everyPlanTouchedTasks(options))}
}`;
}

/**
 * The rows (t, tPlan, tPlanId, tLine) of `covered` when `covered` (a bound boolean) says the
 * tallies read hold the page, else of `every`, in a CALL over `bound`.
 */
function coveredOrEvery(bound: string, covered: string, every: string): string {
  return `CALL (${bound}) {
    WITH * WHERE covered
    ${covered.replaceAll('\n', '\n    ')}
    UNION ALL
    WITH * WHERE NOT covered
    ${every.replaceAll('\n', '\n    ')}
    RETURN t, tPlan, tPlanId, tLine
  }
  RETURN t, tPlan, tPlanId, tLine`;
}

/**
 * The tasks a page of `$skip` and `$limit` in plan order can hold with includeEnclosing (`a`
 * bound), as firstPlansTouchedTasks' rows: the area's first plan tallies and the
 * first direct plan tallies of every area above it, each from the pair index in order, merged
 * by plan. A task can be counted by several of them (in 花都区 and directly in 广州市), so a
 * plan counts as its largest tally there, a lower bound of its tasks: the plans taken until
 * those add up to the page hold the page, and any plan sorting before the last one taken is
 * among them (a list it is missing from has `$skip + $limit` earlier plans, each one task or
 * more). Only those documents' tasks are then read and checked. Reading every edge into the
 * areas above (910 k for 花都区 at 2,000 documents, most of them the province's) to order 150 k
 * tasks took 8.9 s. A page reaching past the indexed tallies reads them all (touchedTasks).
 */
export function firstPlansEnclosedTasks(options: TouchesOptions): string {
  if (!options.includeEnclosing) throw new Error('firstPlansEnclosedTasks: for includeEnclosing only (firstPlansTouchedTasks)');
  const indexed = (pair: string, n: string) => indexedTallies(pair, n, '$skip + $limit', true).replaceAll('\n', '\n        ');
  return `CALL (a) {
  ${enclosingAreas().replaceAll('\n', '\n  ')}
  CALL (a, enclosing) {
    CALL (a, enclosing) {
      CALL (a) {
        ${indexed('a.id', tallyCount(options))}
      }
      RETURN indexed
      UNION ALL
      UNWIND enclosing AS e
      CALL (e) {
        ${indexed('e.id', 'k.direct')}
      }
      RETURN indexed
    }
    UNWIND indexed AS p
    WITH p.plan AS plan, p.planId AS planId, p.document AS document, max(p.n) AS n
    ORDER BY plan, planId
    RETURN collect({document: document, n: n}) AS merged
  }
  WITH a, enclosing, merged, reduce(s = 0, p IN merged | s + p.n) >= $skip + $limit AS covered
  ${coveredOrEvery('a, enclosing, merged, covered', coveredEnclosedTasks(options), touchedTasks(options))}
}`;
}

/** The tasks touching `a` with includeEnclosing in the documents of the first of `merged` that hold `$skip + $limit` tasks. */
function coveredEnclosedTasks(options: TouchesOptions): string {
  return `UNWIND ${coveringTallies('merged', '$skip + $limit')} AS p
WITH DISTINCT a, enclosing, p.document AS doc
MATCH (t:Task {document: doc})
${documentSeek}
${enclosingTouch(options)}
RETURN t, tPlan, tPlanId, tLine`;
}

/**
 * Task `t` (bound, with `a` and `enclosing` from enclosingAreas) kept if it touches `a` under
 * the options with includeEnclosing, with its sort keys from one such edge (every TOUCHES edge
 * of a task carries its plan and line).
 */
export function enclosingTouch(options: TouchesOptions): string {
  const own = options.includeDescendants ? 'x = a' : '(x = a AND k.direct)';
  return `CALL (t, a, enclosing) {
  MATCH (t)-[k:TOUCHES]->(x)
  WHERE ${own} OR (k.direct AND x IN enclosing)
  RETURN k.plan AS tPlan, k.planId AS tPlanId, k.line AS tLine
  LIMIT 1
}`;
}
