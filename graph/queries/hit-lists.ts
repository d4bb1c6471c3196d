/**
 * Full-text hits checked against lists: with words, the tasks of the named bodies (by role), of
 * the named plans and of a small area are gathered once and every hit is checked against the
 * list (Neo4j holds an IN list as a set), not by expanding the hit's relationships. A task's
 * relationships are one chain with its TOUCHES edges among them, so finding its LEADS, its plan
 * or an edge into the area read about 16 records per hit (57,831 hits for 生态 at 2,000
 * documents: 0.96 M db hits per pass, against 7 k for a body's list).
 *
 * Neo4j's memory accounting counts a list once per row that carries it (a subquery's variables
 * stay in the rows after it), and a page's sort holds `skip + limit` rows: 花都区's 14 k tasks
 * on a page at offset 1,000 were counted as 256 MiB and refused. So a list holds at most
 * `$listCap` tasks, LIST_BUDGET shared by the page's rows (listCap); one that would hold more
 * is not used (an area's is then not gathered at all: its degree says so first), and each hit
 * is checked as before. Deeper pages of a big list cost what they did without lists.
 */
import { intoArea, touchesPredicate, type TouchesOptions } from './touches.ts';
import type { ResolvedTaskFilter } from './tasks.ts';

/** List entries times the page's sorted rows, at most (about 14 MB as Neo4j counts a list per row). */
export const LIST_BUDGET = 500_000;

/** The most tasks a list may hold for a page reading `rows` rows (skip + limit). */
export function listCap(rows: number): number {
  return Math.floor(LIST_BUDGET / Math.max(1, rows));
}

/** Task `t` has a named body (`$ledBy` / `$supportedBy`) in that role: the check a body's list stands for. */
export const bodyCheck = (type: 'LEADS' | 'SUPPORTS', param: 'ledBy' | 'supportedBy'): string => `EXISTS { MATCH (d:Department)-[:${type}]->(t) WHERE d.id IN $${param} }`;

/** Task `t` is in a named plan (`$planIds`), any depth: the check a plan's list stands for. */
export const PLAN_CHECK = 'EXISTS { MATCH (t)-[:PART_OF*1..]->(p:Plan) WHERE p.id IN $planIds }';

export interface HitList {
  /** The filter argument the list stands for ('touches' for the area). */
  param: 'ledBy' | 'supportedBy' | 'planIds' | 'touches';
  /** Cypher binding `carries` (the area's: starting from `a` alone; the others keep every variable). */
  gather: string;
  /** The variables it binds, for the WITH after the hits. */
  carries: string;
  /** A predicate on hit `t`: in the list, or when there is none the check it stands for. */
  check: string;
}

/** `name`: the distinct tasks `pattern` binds to `x`, at most one past the cap (which says the list is not used). */
const gathered = (name: string, pattern: string, where: string) => `CALL () {
  ${pattern}
  WHERE ${where}
  WITH DISTINCT x LIMIT $listCap + 1
  RETURN collect(x) AS ${name}
}`;

const inOrElse = (name: string, otherwise: string) => `CASE WHEN size(${name}) > $listCap THEN ${otherwise} ELSE t IN ${name} END`;

/**
 * The lists for a full-text filter's other conditions; the area's (`a` bound) only when
 * `area` (it is checked without includeEnclosing).
 */
export function hitLists(filter: ResolvedTaskFilter, touches: TouchesOptions, area: boolean): HitList[] {
  const lists: HitList[] = [];
  if (area) {
    // First, while only `a` is bound: the area's degree says whether its list fits, before any is read.
    lists.push({
      param: 'touches',
      gather: `WITH a, COUNT { (a)<-[:TOUCHES]-() } <= $listCap AS areaListed
CALL (a, areaListed) {
  WITH a WHERE areaListed
  MATCH ${intoArea(touches, '(x:Task)')}
  RETURN collect(x) AS areaTasks
}`,
      carries: 'areaListed, areaTasks',
      check: `CASE WHEN areaListed THEN t IN areaTasks ELSE ${touchesPredicate(touches)} END`,
    });
  }
  const body = (param: 'ledBy' | 'supportedBy', type: 'LEADS' | 'SUPPORTS', name: string) =>
    lists.push({
      param,
      gather: gathered(name, `MATCH (d:Department)-[:${type}]->(x:Task)`, `d.id IN $${param}`),
      carries: name,
      check: inOrElse(name, bodyCheck(type, param)),
    });
  if (filter.ledBy !== undefined) body('ledBy', 'LEADS', 'ledTasks');
  if (filter.supportedBy !== undefined) body('supportedBy', 'SUPPORTS', 'supportedTasks');
  if (filter.planIds !== undefined) {
    lists.push({
      param: 'planIds',
      gather: gathered('planTasks', 'MATCH (x:Task)-[:PART_OF*1..]->(p:Plan)', 'p.id IN $planIds'),
      carries: 'planTasks',
      check: inOrElse('planTasks', PLAN_CHECK),
    });
  }
  return lists;
}
