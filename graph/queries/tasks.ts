/**
 * Task lists with totals and offset pages: the filtered `tasks` connection, a plan's tasks
 * and the tasks touching areas. Each is one query returning the total and one page.
 */
import { TASK_FULLTEXT_INDEX } from '../schema.ts';
import { cypherQuery, int, type CypherQuery } from './cypher.ts';
import { enclosingAreas, firstPlansEnclosedTasks, firstPlansTouchedTasks, touchedCount, touchedTasks, touchesPredicate, type TouchesOptions } from './touches.ts';
import { planOfTask, taskRowWithPlan } from './relations.ts';
import { allTasksQuery } from './all-tasks.ts';
import { rowsToRead, type Page } from './page.ts';
import { bodyCheck, hitLists, listCap, PLAN_CHECK, type HitList } from './hit-lists.ts';

export type { Page } from './page.ts';

/** Filters with every name already resolved to node ids (see names.ts). */
export interface ResolvedTaskFilter {
  /** District id: tasks touching it or any area inside it. */
  touches?: string;
  /** How `touches` counts areas (default: inside yes, enclosing no). */
  touchesOptions?: TouchesOptions;
  /** Department ids; a task qualifies when any of them LEADS it. */
  ledBy?: string[];
  supportedBy?: string[];
  planIds?: string[];
  /** Full-text words (Lucene-escaped by the caller). */
  text?: string;
}

export type TaskOrder = 'RELEVANCE' | 'PLAN' | 'REF' | 'TITLE';

/** A task row with its plan prefetched (Task.plan needs no second query). */
const taskWithPlan = taskRowWithPlan('t');

/**
 * Sort keys given `pt` (plan title), `pid` (plan id) and `ln` (line) per row. By plan: title,
 * then the plan itself (two plans of one title, say two versions loaded as two documents, keep
 * their tasks apart instead of interleaving their lines), then reading order.
 */
const orderingsByKeys: Record<TaskOrder, string> = {
  RELEVANCE: 'score DESC, pt, pid, ln, t.id',
  PLAN: 'pt, pid, ln, t.id',
  REF: 't.ref, pt, pid, t.id',
  TITLE: 't.title, pt, pid, ln, t.id',
};

/** Each order's first key when it is the task's own (no plan needed to compare it). */
const firstKeys: Partial<Record<TaskOrder, { key: string; desc: boolean }>> = {
  RELEVANCE: { key: 'score', desc: true },
  REF: { key: 't.ref', desc: false },
  TITLE: { key: 't.title', desc: false },
};

/**
 * A page of the tasks touching `a` (bound, with `totalCount`) in `order`, for a CALL's body
 * returning `page`. In plan order (RELEVANCE is plan order here: every score is 0) only the
 * plans holding the page are read (firstPlansTouchedTasks, firstPlansEnclosedTasks), and the
 * page is cut from their sorted tasks `$skip - before` on; in any other order every edge.
 */
function touchedPage(options: TouchesOptions, order: TaskOrder): string[] {
  if (order === 'PLAN' || order === 'RELEVANCE') {
    return [
      indented(options.includeEnclosing ? firstPlansEnclosedTasks(options) : firstPlansTouchedTasks(options)),
      `  WITH before, t, tPlan AS pt, tPlanId AS pid, tLine AS ln ORDER BY ${orderingsByKeys.PLAN}`,
      '  WITH before, collect(t) AS ordered',
      '  UNWIND ordered[$skip - before..$skip - before + $limit] AS t',
      ...withPlan,
    ];
  }
  return [indented(touchedTasks(options)), '  WITH t, tPlan AS pt, tPlanId AS pid, tLine AS ln, 0.0 AS score', ...pageRows(order)];
}

/** The page's rows: `t` ordered and cut, each with its plan (planOfTask's choice). */
const pageRows = (order: TaskOrder) => [`  ORDER BY ${orderingsByKeys[order]}`, '  SKIP $skip LIMIT $limit', ...withPlan];

/** `text` indented one level inside a CALL's body. */
const indented = (text: string) => `  ${text.replaceAll('\n', '\n  ')}`;

/** The page's tasks `t`, in order, each with its plan (planOfTask), collected. */
const withPlan = [indented(planOfTask('t')), `  RETURN collect(${taskWithPlan}) AS page`];

/**
 * Without `withTotal` (the request does not select totalCount) the total is not computed where
 * it costs a pass of its own (every filter but an area alone, and an area with includeEnclosing:
 * a count of the distinct tasks touching it and the areas above, most of the graph), and the
 * page holds one row more than asked, so hasNextPage needs no total (toConnection).
 */
export function taskConnectionQuery(filter: ResolvedTaskFilter, order: TaskOrder, page: Page, withTotal = true): CypherQuery {
  const unfiltered = Object.values(filter).every((v) => v === undefined);
  if (unfiltered && order === 'PLAN') return allTasksQuery(page, withTotal);
  const params: Record<string, unknown> = { skip: int(page.skip), limit: int(rowsToRead(page, withTotal)) };
  const touches: TouchesOptions = {
    includeDescendants: filter.touchesOptions?.includeDescendants ?? true,
    includeEnclosing: filter.touchesOptions?.includeEnclosing ?? false,
  };
  if (filter.touches !== undefined) params.areaId = filter.touches;
  const onlyTouches = filter.touches !== undefined && filter.text === undefined && !filter.ledBy && !filter.supportedBy && !filter.planIds;

  if (onlyTouches) {
    // The tasks touching an area, nothing else: the total is the area's edge count, the page a top-k over its edges.
    return cypherQuery(
      'tasks.connection',
      [
        'MATCH (a:District {id: $areaId})',
        `WITH a, ${totalOrNot(touches, withTotal)}`,
        'CALL (a, totalCount) {',
        ...touchedPage(touches, order),
        '}',
        'RETURN totalCount, page',
      ].join('\n'),
      params,
    );
  }

  // Every other filter: the matching tasks (each once) with score and sort keys, counted in one
  // pass and paged in a second, so the total never needs the list held.
  const match: string[] = [];
  const where: string[] = [];
  // Without words, tasks of named plans start from those plans (a plan holds hundreds), tasks of
  // named bodies from those bodies' assignments: a body's degree (3,609 leads for the busiest at
  // 2,000 documents), where the area's tasks are up to the whole graph (250 k for the province;
  // with includeEnclosing for any area) and every task is what a plan alone was checked against
  // (250 k plan walks, 3 s).
  const foundBy =
    filter.text !== undefined ? undefined : filter.planIds !== undefined ? 'planIds' : filter.ledBy !== undefined ? 'ledBy' : filter.supportedBy !== undefined ? 'supportedBy' : undefined;
  const checksTouches = filter.touches !== undefined && (filter.text !== undefined || foundBy !== undefined);
  // The areas above, once, for touchesPredicate to check each found task's direct edges against.
  const enclosingChecked = checksTouches && touches.includeEnclosing;
  // With words, the other conditions are checked against lists gathered once (hit-lists.ts).
  const lists = filter.text === undefined ? [] : hitLists(filter, touches, checksTouches && !touches.includeEnclosing);
  const before = `${checksTouches ? 'a, ' : ''}${enclosingChecked ? 'enclosing, ' : ''}`;
  const carried = `${before}${lists.map((l) => `${l.carries}, `).join('')}`;
  if (filter.touches !== undefined) match.push('MATCH (a:District {id: $areaId})');
  if (enclosingChecked) match.push(enclosingAreas());
  if (filter.text !== undefined) {
    params.text = filter.text;
    match.push(...lists.map((l) => l.gather));
    if (lists.length) params.listCap = int(listCap(page.skip + rowsToRead(page, withTotal)));
    match.push(`CALL db.index.fulltext.queryNodes('${TASK_FULLTEXT_INDEX}', $text) YIELD node AS t, score`);
    where.push('t:Task', ...checkedInOrder(lists));
  } else if (foundBy === 'planIds') {
    match.push('MATCH (p:Plan) WHERE p.id IN $planIds', 'MATCH (t:Task)-[:PART_OF*1..]->(p)', `WITH DISTINCT ${carried}t, 0.0 AS score`);
  } else if (foundBy !== undefined) {
    match.push(`MATCH (d:Department)-[:${foundBy === 'ledBy' ? 'LEADS' : 'SUPPORTS'}]->(t:Task)`, `WHERE d.id IN $${foundBy}`, `WITH DISTINCT ${carried}t, 0.0 AS score`);
  } else if (filter.touches !== undefined) {
    match.push(touchedTasks(touches), 'WITH t, 0.0 AS score');
  } else {
    match.push('MATCH (t:Task)', 'WITH t, 0.0 AS score');
  }
  // the condition the tasks were found through, or a list they were checked against, needs no second check
  const checked = (name: string) => foundBy === name || lists.some((l) => l.param === name);
  if (checksTouches && !checked('touches')) where.push(touchesPredicate(touches));
  if (filter.ledBy !== undefined) {
    params.ledBy = filter.ledBy;
    if (!checked('ledBy')) where.push(bodyCheck('LEADS', 'ledBy'));
  }
  if (filter.supportedBy !== undefined) {
    params.supportedBy = filter.supportedBy;
    if (!checked('supportedBy')) where.push(bodyCheck('SUPPORTS', 'supportedBy'));
  }
  if (filter.planIds !== undefined) {
    params.planIds = filter.planIds;
    if (!checked('planIds')) where.push(PLAN_CHECK);
  }
  const matched = [...match, ...(where.length ? [`WITH ${carried}t, score`, `WHERE ${where.join('\n  AND ')}`] : [])];
  const body = indented(matched.join('\n'));
  // When the order's first key is the task's own (score, title, ref), a page holds only tasks
  // up to the page's last key: that key (`cut`) is read first, so the plan of each task (its
  // title and id order the ties) is looked up for those, not for every match (36,823 hits for
  // 轨道交通 at 2,000 documents). A null key sorts last, so a null cut keeps every task.
  const first = firstKeys[order];
  const cut = first && (order !== 'RELEVANCE' || filter.text !== undefined) ? first : undefined;
  return cypherQuery(
    'tasks.connection',
    [
      // Without a filter the total is the label's count (the count store), not a pass over every task.
      ...(withTotal ? ['CALL () {', unfiltered ? '  MATCH (t:Task)' : body, '  RETURN count(t) AS totalCount', '}'] : []),
      ...(cut
        ? ['CALL () {', body, `  WITH ${cut.key} AS key ORDER BY key${cut.desc ? ' DESC' : ''} LIMIT $skip + $limit`, `  RETURN ${lastKey(cut.desc)} AS cut`, '}']
        : []),
      `CALL (${cut ? 'cut' : ''}) {`,
      body,
      ...(cut ? [`  WITH t, score WHERE cut IS NULL OR ${cut.key} ${cut.desc ? '>=' : '<='} cut`] : []),
      '  CALL (t) {',
      '    OPTIONAL MATCH (t)-[:PART_OF*1..]->(p:Plan)',
      '    RETURN p.title AS pt, p.id AS pid LIMIT 1',
      '  }',
      '  WITH t, score, pt, pid, t.line AS ln',
      ...pageRows(order),
      '}',
      `RETURN ${withTotal ? 'totalCount' : 'null AS totalCount'}, page`,
    ].join('\n'),
    params,
  );
}

/**
 * The lists' checks, the area's (which may fall back to reading the hit's edges) only for hits
 * the others keep: they are set lookups, and Neo4j orders a filter's predicates by its own
 * estimates, which put the area's first (0.79 M db hits for 生态 in 广州市 with two bodies).
 */
function checkedInOrder(lists: readonly HitList[]): string[] {
  const area = lists.find((l) => l.param === 'touches');
  const others = lists.filter((l) => l !== area).map((l) => l.check);
  if (!area || !others.length) return [...others, ...(area ? [area.check] : [])];
  return [`CASE WHEN ${others.join(' AND ')} THEN ${area.check} ELSE false END`];
}

/**
 * The last of the page's keys (`key`, in order, cut at the page's end): the least when
 * descending, else the greatest, or null when a null key is among them (nulls sort last, so the
 * page then keeps every task). An aggregate, not the last of a collected list: a subquery's
 * variables stay in the rows after it, and Neo4j counted that list of `skip + limit` keys once
 * per row of the page's sort: 90 MB at offset 1,000, refused at 2,000.
 */
function lastKey(desc: boolean): string {
  return desc ? 'min(key)' : 'CASE WHEN count(key) < count(*) THEN null ELSE max(key) END';
}

/** The total of the tasks touching `a` as `totalCount`, or null when it is not wanted (the page then holds a row more). */
function totalOrNot(options: TouchesOptions, withTotal: boolean): string {
  return withTotal ? touchedCount(options) : 'null AS totalCount';
}

/** Every task of each plan (any depth), in reading order; rows `{ id, totalCount, page }`. */
export function planTasksQuery(planIds: readonly string[], page: Page): CypherQuery {
  return cypherQuery(
    'plan.tasks',
    `
UNWIND $ids AS id
MATCH (p:Plan {id: id})
CALL (p) {
  MATCH (t:Task)-[:PART_OF*1..]->(p)
  WITH t
  ORDER BY t.line, t.id
  RETURN collect(t) AS ordered
}
RETURN id, size(ordered) AS totalCount, [t IN ordered[$skip..($skip + $limit)] | ${taskWithPlan}] AS page`,
    { ids: [...planIds], skip: int(page.skip), limit: int(page.limit) },
  );
}

/**
 * Tasks touching each area (docs/contract/graph-model.md "Touches"), by plan then reading order;
 * rows `{ id, totalCount, page }`. Without `withTotal`, as taskConnectionQuery: totalCount may
 * be null, and the page holds one row more than asked.
 */
export function districtTasksQuery(areaIds: readonly string[], options: TouchesOptions, page: Page, withTotal = true): CypherQuery {
  return cypherQuery(
    'district.tasks',
    `
UNWIND $ids AS id
MATCH (a:District {id: id})
WITH id, a, ${totalOrNot(options, withTotal)}
CALL (a, totalCount) {
${touchedPage(options, 'PLAN').join('\n')}
}
RETURN id, totalCount, page`,
    { ids: [...areaIds], skip: int(page.skip), limit: int(rowsToRead(page, withTotal)) },
  );
}
