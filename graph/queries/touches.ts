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
 * The first entries of `tallies` (a list of maps with a count `n`, in page order: {document, n}
 * or {n, plan, planId}) whose `n` add up to `needed`: every task a page of `needed` can hold is
 * in their documents, or plans.
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
  if (!options.includeEnclosing) return `${directCount} AS ${name}`;
  // Tasks only, no sort keys: reading three properties of every edge into the areas above was a
  // third of the count's db hits (the count is most of the graph once the province is above).
  return `COUNT { ${ownOrAbove(options, '(t)', 't')} RETURN t } AS ${name}`;
}

/**
 * How many tasks touch `a` (bound) directly: the sum of its plan tallies' direct counts when
 * those tallies count every task touching it (their task counts add up to its TOUCHES degree: a
 * task is in one plan), else the direct edges counted. The province's direct edges are 250 k
 * at 2,000 documents, each edge's `direct` read (300 ms); its plan tallies are 2,005.
 */
const directCount = `[sums IN [reduce(acc = [0, 0], n IN COLLECT { MATCH (:Plan)-[k:TALLY]->(a) RETURN [k.tasks, k.direct] } | [acc[0] + n[0], acc[1] + n[1]])] |
  CASE WHEN sums[0] = COUNT { (a)<-[:TOUCHES]-() } THEN sums[1] ELSE COUNT { (a)<-[:TOUCHES {direct: true}]-() } END][0]`;

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

/**
 * `span`, where a page of `$skip` and `$limit` falls among plans (pageSpan), from `counts` (a
 * list of {n, plan, planId} in plan order that `producer`, a subquery body, binds), for a CALL.
 * Only the span leaves, by an aggregation: Neo4j keeps a subquery's variables in the rows after
 * it and counts a list once per row, so a list of `$skip + $limit` tallies carried into the
 * page's sort took it past the transaction's memory (花都区 at offset 1,000 at 2,000 documents:
 * QUERY_TOO_LARGE). The plans' documents are read again from the index (planTallyDocuments).
 */
function spanOf(producer: string, counts: string): string {
  return `${producer}
WITH ${pageSpan(counts).replaceAll('\n', '\n  ')} AS s
RETURN collect(s)[0] AS span`;
}

/** After spanOf: whether the counts reach the page's end, and the span's keys (before is 0 without a span). */
const SPAN_KEYS =
  'coalesce(span.n, 0) >= $skip + $limit AS covered, coalesce(span.before, 0) AS before, span.first AS first, span.firstId AS firstId, span.last AS last, span.lastId AS lastId';

/**
 * The plan `plan`, `planId` is not before the span's first plan `first`, `firstId` (bound): by
 * title, then by id within the first title. The title's bound stands alone so that a range of
 * the TALLY pair index can use it.
 */
const fromFirst = (plan: string, planId: string) => `${plan} >= first AND (${plan} > first OR ${planId} >= firstId)`;

/**
 * The plan `plan`, `planId` is a titled plan within the span `first`, `firstId` … `last`,
 * `lastId` (bound), or at most `last`, `lastId` when `from` is false.
 */
function inSpan(plan: string, planId: string, from = true): string {
  return `${from ? `${fromFirst(plan, planId)} AND ` : ''}${plan} <= last AND ${planId} IS NOT NULL AND (${plan} < last OR ${planId} <= lastId)`;
}

/**
 * For a page past every task the counted plans hold: the plan `plan`, `planId` is untitled (or
 * none), or not before the span's first plan (when the page starts inside the counted plans).
 */
const AFTER_SPAN_START = (plan: string, planId: string) =>
  `${plan} IS NULL OR ${planId} IS NULL OR (first IS NOT NULL AND ${fromFirst(plan, planId)})`;

/**
 * `doc` rows: the documents of the tallies of `pair` with `n` > 0 from the plan `first`,
 * `firstId` (or from the first, when `from` is false) up to `last`, `lastId` (bound), a range of
 * the TALLY pair index.
 */
function planTallyDocuments(pair: string, n: string, from = true): string {
  return `MATCH ()-[k:TALLY]->()
USING INDEX SEEK k:TALLY(${TALLY_PAIR_INDEX.properties.join(', ')})
WHERE k.pair = ${pair} AND ${n} > 0
  AND ${inSpan('k.plan', 'k.planId', from)}
RETURN DISTINCT k.document AS doc`;
}

/**
 * Where a page of `$skip` and `$limit` falls among `tallies` (a list of {n, plan, planId} in
 * plan order, each `n` the exact number of the plan's tasks in the list being paged), as
 * `{n, before, first, firstId, last, lastId}`: `before` the tasks of the plans wholly before the
 * page, `first` … `last` the plans holding it, `n` the tasks up to `last` (less than
 * `$skip + $limit` when the tallies end first; `first` is then null if they all end before it).
 */
function pageSpan(tallies: string): string {
  return `reduce(acc = {n: 0, before: 0, first: null, firstId: null, last: null, lastId: null}, p IN ${tallies} |
  CASE
    WHEN acc.n >= $skip + $limit THEN acc
    WHEN acc.n + p.n <= $skip THEN {n: acc.n + p.n, before: acc.n + p.n, first: null, firstId: null, last: null, lastId: null}
    ELSE {n: acc.n + p.n, before: acc.before, first: coalesce(acc.first, p.plan),
      firstId: CASE WHEN acc.first IS NULL THEN p.planId ELSE acc.firstId END, last: p.plan, lastId: p.planId}
  END)`;
}

/**
 * The tasks touching `a` (bound) that a page of `$skip` and `$limit` in plan order (plan title,
 * plan id, line) needs, with `before`, how many tasks sort before them: a plan's tasks are
 * consecutive in that order, and its tally (graph/write/tallies.ts, one per plan and area)
 * counts them, so the first `$skip + $limit` plan tallies, from the pair index in order
 * (indexedTallies), say which plans hold the page (pageSpan) and how many tasks the plans
 * before them hold. Only the plans holding the page are read, whatever its offset: reading
 * every plan up to the page and sorting all their tasks kept `$skip + $limit` rows (花都区 at
 * offset 10,000: 311 ms, 39 MB; carrying the tallies' list into those rows was refused past
 * offset 1,000). A task without a plan (or in an untitled one) has no indexed tally and sorts
 * last: a page reaching past every task the indexed tallies count reads the area's edges, keeping
 * those of the plans it holds and those without a titled plan. Reading a small area's edges
 * for every page made a first page slower (a town of 1,979 tasks: 14.3 against 7.8 ms at 2,000
 * documents). Yields touchedTasks' rows and `before` (the same in every row): the page is
 * `$skip - before` rows on. Not for includeEnclosing (firstPlansEnclosedTasks).
 */
export function firstPlansTouchedTasks(options: TouchesOptions): string {
  if (options.includeEnclosing) throw new Error('firstPlansTouchedTasks: without includeEnclosing only (firstPlansEnclosedTasks)');
  const n = tallyCount(options);
  const indexed = `CALL (a) {
  ${indexedTallies('a.id', n, '$skip + $limit', true).replaceAll('\n', '\n  ')}
}`;
  const held = `CALL (a, first, firstId, last, lastId) {
  ${planTallyDocuments('a.id', n).replaceAll('\n', '\n  ')}
}
MATCH ${intoArea(options, '(t:Task {document: doc})')}
${documentSeek}
WHERE ${inSpan('k.plan', 'k.planId')}
RETURN t, k.plan AS tPlan, k.planId AS tPlanId, k.line AS tLine`;
  const tail = `MATCH ${intoArea(options)}
WHERE ${AFTER_SPAN_START('k.plan', 'k.planId')}
RETURN t, k.plan AS tPlan, k.planId AS tPlanId, k.line AS tLine`;
  return `CALL (a) {
  ${spanOf(indexed, 'indexed').replaceAll('\n', '\n  ')}
}
WITH a, ${SPAN_KEYS}
${coveredOrEvery('a, covered, first, firstId, last, lastId', held, tail)}`;
}

/**
 * The rows (t, tPlan, tPlanId, tLine) of `covered` when `covered` (a bound boolean) says the
 * tallies read hold the page, else of `every`, in a CALL over `bound`.
 */
function coveredOrEvery(bound: string, covered: string, every: string): string {
  return `CALL (${bound}) {
  WITH * WHERE covered
  ${covered.replaceAll('\n', '\n  ')}
  UNION ALL
  WITH * WHERE NOT covered
  ${every.replaceAll('\n', '\n  ')}
}`;
}

/**
 * firstPlansTouchedTasks with includeEnclosing (`a` bound): the area's first plan tallies and
 * the first direct plan tallies of every area above it, each from the pair index in order,
 * merged by plan. A task can be counted by several of them (in 花都区 and directly in 广州市), so
 * a plan counts as its largest tally there, a lower bound of its tasks: the plans taken until
 * those add up to the page hold the page, and any plan sorting before the last one taken is
 * among them (a list it is missing from has `$skip + $limit` earlier plans, each one task or
 * more). Those plans' tasks are read and counted by plan (an aggregation: memory per plan, not per
 * task), which says exactly which plans hold the page and how many tasks come before them, and
 * only those plans' tasks are read again, sorted and cut. Sorting every task up to the page took
 * 155 MB at offset 60,000 for 狮岭镇 at 2,000 documents and was refused at 120,000 (with the
 * tallies' list carried into those rows as well: 227 MB at offset 500). When the lower bounds do not add up
 * to the page, every list ended before `$skip + $limit` entries, so every titled plan is among
 * them and all are counted; a page past every task they hold reads the edges (touchedTasks)
 * and keeps the tasks from the span's first plan on and those without a titled plan. Reading
 * every edge into the areas above (910 k for 花都区 at 2,000 documents, most of them the
 * province's) to order 150 k tasks took 8.9 s.
 */
export function firstPlansEnclosedTasks(options: TouchesOptions): string {
  if (!options.includeEnclosing) throw new Error('firstPlansEnclosedTasks: for includeEnclosing only (firstPlansTouchedTasks)');
  const n = tallyCount(options);
  const indexed = (pair: string, count: string) => indexedTallies(pair, count, '$skip + $limit', true).replaceAll('\n', '\n    ');
  const merged = `CALL (a, enclosing) {
  CALL (a) {
    ${indexed('a.id', n)}
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
WITH p.plan AS plan, p.planId AS planId, max(p.n) AS n
ORDER BY plan, planId
WITH collect({n: n, plan: plan, planId: planId}) AS merged`;
  // The plans' tasks under the options, as tPlan, tPlanId, tLine rows of `t`, read from the
  // documents of every list's tallies within the span (up to `last` when `from` is false).
  const tasksOfPlans = (from: boolean) => {
    const docs = (pair: string, count: string) => planTallyDocuments(pair, count, from).replaceAll('\n', '\n  ');
    return `CALL (a, enclosing, ${from ? 'first, firstId, ' : ''}last, lastId) {
  ${docs('a.id', n)}
  UNION
  UNWIND enclosing AS e
  ${docs('e.id', 'k.direct')}
}
MATCH (t:Task {document: doc})
${documentSeek}
${enclosingTouch(options)}
WITH t, tPlan, tPlanId, tLine WHERE ${inSpan('tPlan', 'tPlanId', from)}`;
  };
  const counted = `CALL (a, enclosing, last, lastId) {
  ${tasksOfPlans(false).replaceAll('\n', '\n  ')}
  WITH tPlan, tPlanId, count(*) AS n ORDER BY tPlan, tPlanId
  RETURN collect({n: n, plan: tPlan, planId: tPlanId}) AS plans
}`;
  const held = `${tasksOfPlans(true)}
RETURN t, tPlan, tPlanId, tLine`;
  const tail = `${touchedTasks(options)}
WITH * WHERE ${AFTER_SPAN_START('tPlan', 'tPlanId')}
RETURN t, tPlan, tPlanId, tLine`;
  // The last plan the lower bounds take for the page (coveringTallies' last entry; null for none).
  return `${enclosingAreas()}
CALL (a, enclosing) {
  ${merged.replaceAll('\n', '\n  ')}
  WITH ${coveringTallies('merged', '$skip + $limit').replaceAll('\n', '\n  ')}[-1] AS b
  RETURN collect(b)[0] AS bound
}
WITH a, enclosing, bound.plan AS last, bound.planId AS lastId
CALL (a, enclosing, last, lastId) {
  WITH * WHERE last IS NOT NULL
  ${spanOf(counted, 'plans').replaceAll('\n', '\n  ')}
}
WITH a, enclosing, ${SPAN_KEYS}
${coveredOrEvery('a, enclosing, covered, first, firstId, last, lastId', held, tail)}`;
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
