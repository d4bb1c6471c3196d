/**
 * Task lists with totals and offset pages: the filtered `tasks` connection, a plan's tasks
 * and the tasks touching areas. Each is one query returning the total and one page.
 */
import { TASK_FULLTEXT_INDEX } from '../schema.ts';
import { cypherQuery, int, type CypherQuery } from './cypher.ts';
import { touchedTasksFragment, type TouchesOptions } from './touches.ts';
import { taskRowWithPlan } from './relations.ts';

export interface Page {
  skip: number;
  limit: number;
}

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

const orderings: Record<TaskOrder, string> = {
  RELEVANCE: 'score DESC, p.title, t.line, t.id',
  PLAN: 'p.title, t.line, t.id',
  REF: 't.ref, p.title, t.id',
  TITLE: 't.title, p.title, t.line, t.id',
};

/** A task row with its plan prefetched (Task.plan needs no second query). */
const taskWithPlan = taskRowWithPlan('t');

export function taskConnectionQuery(filter: ResolvedTaskFilter, order: TaskOrder, page: Page): CypherQuery {
  const lines: string[] = [];
  const params: Record<string, unknown> = { skip: int(page.skip), limit: int(page.limit) };
  const where: string[] = [];

  if (filter.touches !== undefined) {
    params.areaId = filter.touches;
    params.includeDescendants = filter.touchesOptions?.includeDescendants ?? true;
    params.includeEnclosing = filter.touchesOptions?.includeEnclosing ?? false;
    lines.push('MATCH (a:District {id: $areaId})', 'CALL (a) {', touchedTasksFragment.trim(), '  RETURN collect(t) AS touched', '}');
  }
  if (filter.text !== undefined) {
    params.text = filter.text;
    lines.push(`CALL db.index.fulltext.queryNodes('${TASK_FULLTEXT_INDEX}', $text) YIELD node AS t, score`);
    where.push('t:Task');
    if (filter.touches !== undefined) where.push('t IN touched');
  } else if (filter.touches !== undefined) {
    lines.push('UNWIND touched AS t', 'WITH t, 0.0 AS score');
  } else {
    lines.push('MATCH (t:Task)', 'WITH t, 0.0 AS score');
  }
  if (filter.ledBy !== undefined) {
    params.ledBy = filter.ledBy;
    where.push('EXISTS { MATCH (d:Department)-[:LEADS]->(t) WHERE d.id IN $ledBy }');
  }
  if (filter.supportedBy !== undefined) {
    params.supportedBy = filter.supportedBy;
    where.push('EXISTS { MATCH (d:Department)-[:SUPPORTS]->(t) WHERE d.id IN $supportedBy }');
  }
  if (filter.planIds !== undefined) {
    params.planIds = filter.planIds;
    where.push('EXISTS { MATCH (t)-[:PART_OF*1..]->(p:Plan) WHERE p.id IN $planIds }');
  }
  if (where.length) lines.push('WITH t, score', `WHERE ${where.join('\n  AND ')}`);
  lines.push(
    'WITH collect({t: t, score: score}) AS matched',
    'CALL (matched) {',
    '  UNWIND matched AS m',
    '  WITH m.t AS t, m.score AS score',
    '  OPTIONAL MATCH (t)-[:PART_OF*1..]->(p:Plan)',
    '  WITH t, score, p',
    `  ORDER BY ${orderings[order]}`,
    '  SKIP $skip LIMIT $limit',
    `  RETURN collect(${taskWithPlan}) AS page`,
    '}',
    'RETURN size(matched) AS totalCount, page',
  );
  return cypherQuery('tasks.connection', lines.join('\n'), params);
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

/** Tasks touching each area (graph-model.md "Touches"), by plan then reading order; rows `{ id, totalCount, page }`. */
export function districtTasksQuery(areaIds: readonly string[], options: TouchesOptions, page: Page): CypherQuery {
  return cypherQuery(
    'district.tasks',
    `
UNWIND $ids AS id
MATCH (a:District {id: id})
CALL (a) {
${touchedTasksFragment.trim()}
  OPTIONAL MATCH (t)-[:PART_OF*1..]->(p:Plan)
  WITH t, p
  ORDER BY p.title, t.line, t.id
  RETURN collect(${taskWithPlan}) AS ordered
}
RETURN id, size(ordered) AS totalCount, ordered[$skip..($skip + $limit)] AS page`,
    {
      ids: [...areaIds],
      includeDescendants: options.includeDescendants,
      includeEnclosing: options.includeEnclosing,
      skip: int(page.skip),
      limit: int(page.limit),
    },
  );
}
