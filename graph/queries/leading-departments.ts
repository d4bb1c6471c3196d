/**
 * The flagship question in one query: for each area, the bodies that lead (and, when asked,
 * support) tasks touching it, each with how many such tasks and plans, and one page of those
 * tasks, every task carrying its plan and all of its assignments with evidence, so a request for
 *   district { leadingDepartments { department role taskCount tasks { plan assignments { evidence } } } }
 * needs nothing else from the database. Bounded: one page of bodies, one page of tasks each
 * (the rest through `tasks(filter: {touches, ledBy})`); the counts stream (count(*) per body),
 * so no list of the area's tasks is ever held, however many touch it.
 */
import { cypherQuery, int, lightTaskRow, row, type CypherQuery } from './cypher.ts';
import { assignmentRef } from './relations.ts';
import { coveringTallies, enclosingAreas, enclosingTouch, indexedTallies, intoArea, tallyCount, touchedTasks, type TouchesOptions } from './touches.ts';
import { TOTAL_TYPE } from '../write/allow-list.ts';
import { bodyPair } from '../write/tallies.ts';
import { bestDistrictNamed } from './names.ts';

export interface LeadingDepartmentsOptions extends TouchesOptions {
  includeSupporting: boolean;
}

export interface BodyPage {
  /** Bodies (department and role) to skip and to return. */
  skip: number;
  limit: number;
  /** Tasks per body; 0 reads none (bodies and counts only). */
  tasks: number;
}

/**
 * The tasks body `d` has in role `relType` that touch `a` (all bound), with their sort keys
 * (plan title and line as the TOUCHES edges carry them). One pattern with both ends bound, so
 * the planner walks from whichever side is smaller: a town's few tasks, or a body's few
 * tasks in the province. With includeEnclosing, the body's tasks each checked (enclosingTouch).
 */
function bodyTasks(options: TouchesOptions, types: string): string {
  if (!options.includeEnclosing) {
    return `MATCH (d)-[r:${types}]->(t:Task)-[k:TOUCHES${options.includeDescendants ? '' : ' {direct: true}'}]->(a)
    WHERE type(r) = relType
    WITH t, k.plan AS tPlan, k.planId AS tPlanId, k.line AS tLine`;
  }
  return `MATCH (d)-[r:${types}]->(t:Task)
    WHERE type(r) = relType
    ${enclosingTouch(options).replaceAll('\n', '\n    ')}
    WITH t, tPlan, tPlanId, tLine`;
}

/**
 * Bodies with counts from the TOUCHES edges (with includeSupporting: supporting bodies have no
 * tallies), from whichever side is smaller: the area's tasks, each with its assignments, or
 * every assignment in the graph (of the roles asked), each with its task checked. Both sizes
 * come from Neo4j's counts (the area's degree, the relationship count store), no walk. Reading
 * an assignment costs about as much as reading an area's task, so an area touched by more tasks
 * than half the assignments is read from the assignments: at 2,000 documents 广东省 (250 k
 * tasks against 120 k assignments) 3.2 -> 1.0 s; a district (14 k) stays on its tasks, 0.6 s.
 */
function touchedBodies(options: TouchesOptions, types: string): string {
  const assigned = types
    .split('|')
    .map((type) => `COUNT { ()-[:${type}]->() }`)
    .join(' + ');
  return `WITH a, COUNT { (a)<-[:TOUCHES]-() } * 2 <= ${assigned} AS fromTasks
  CALL (a, fromTasks) {
    WITH a WHERE fromTasks
    ${touchedTasks(options).replaceAll('\n', '\n    ')}
    MATCH (d:Department)-[r:${types}]->(t)
    RETURN d, type(r) AS relType, count(*) AS taskCount, count(DISTINCT tPlanId) AS planCount
    UNION ALL
    WITH a WHERE NOT fromTasks
    MATCH (d:Department)-[r:${types}]->(t:Task)
    CALL (t, a) {
      MATCH ${intoArea(options, '(t)')}
      RETURN k.planId AS tPlanId
      LIMIT 1
    }
    RETURN d, type(r) AS relType, count(*) AS taskCount, count(DISTINCT tPlanId) AS planCount
  }
  WITH d, relType, taskCount, planCount`;
}

/**
 * Bodies with counts under includeEnclosing, from the assignments' side: every assignment in
 * the graph, its task checked. The tasks' side (those touching the area or an enclosing one)
 * is most of the graph as soon as the province is among them (150 k tasks for 花都区 at 2,000
 * documents, nine in ten with no lead: 6.3 M db hits), while the assignments are what is
 * counted (25 k leads in that graph). Expects `enclosing` bound (answerQuery's `enclosing`).
 */
function enclosedBodies(options: TouchesOptions, types: string): string {
  return `MATCH (d:Department)-[r:${types}]->(t:Task)
  ${enclosingTouch(options).replaceAll('\n', '\n  ')}
  WITH d, type(r) AS relType, count(*) AS taskCount, count(DISTINCT tPlanId) AS planCount`;
}

/**
 * The task rows of one body's page (`t` bound, ordered), each with its plan and every assignment
 * with evidence, the plan and the assignments' bodies by id: a body leads or supports dozens of
 * the page's tasks, and its row (aliases and all) went over the wire once per assignment, most
 * of a province's answer (`plans` and `named` carry the nodes, projected once at the end).
 */
const TASK_ROWS = `CALL (t) {
      OPTIONAL MATCH (t)-[:PART_OF*1..]->(p:Plan)
      RETURN p LIMIT 1
    }
    CALL (t) {
      MATCH (ad:Department)-[ar:LEADS|SUPPORTS]->(t)
      WITH ad, ar
      ORDER BY type(ar), ad.name, ad.id
      RETURN collect(${assignmentRef('ad', 'ar')}) AS assignments, collect(ad) AS named
    }
    RETURN collect(${lightTaskRow('t', `_plan: p.id, _assignments: assignments`)}) AS tasks, collect(p) AS plans, collect(named) AS named`;

/** The groups, one per body of the page, from `bodies` (rows {d, relType, taskCount, planCount}) and each body's `tasks`; `plans` and `named` as TASK_ROWS, for them all. */
const GROUPS = `WITH collect({
    department: ${row('body', 'Department')},
    role: CASE b.relType WHEN 'LEADS' THEN 'LEAD' ELSE 'SUPPORT' END,
    taskCount: b.taskCount,
    planCount: b.planCount,
    tasks: tasks
  }) AS groups, collect(plans) AS plans, collect(named) AS named
  RETURN groups, reduce(acc = [], x IN plans | acc + x) AS plans, reduce(acc = [], x IN named | reduce(inner = acc, y IN x | inner + y)) AS named`;

/** The nodes TASK_ROWS referred to by id, each projected once (then the answer's RETURN). */
const NODES = `CALL (plans) {
  UNWIND plans AS p
  WITH DISTINCT p
  RETURN collect(${row('p', 'Plan')}) AS planRows
}
CALL (named) {
  UNWIND named AS d
  WITH DISTINCT d
  RETURN collect(${row('d', 'Department')}) AS bodyRows
}`;

/** How the areas are bound (`a`, and `id`) and what is returned: by id for leadingDepartmentsQuery. */
interface AnswerFrame {
  head: string;
  returns: string;
  params: Record<string, unknown>;
}

const BY_ID = (areaIds: readonly string[]): AnswerFrame => ({
  head: `UNWIND $ids AS id
MATCH (a:District {id: id})`,
  returns: 'RETURN id, groups, planRows, bodyRows',
  params: { ids: [...areaIds] },
});

/**
 * Rows `{ id, groups }`, groups `{ department, role, taskCount, planCount, tasks }`: leads
 * first, then most tasks first, then name; tasks by plan title and reading order.
 */
export function leadingDepartmentsQuery(areaIds: readonly string[], options: LeadingDepartmentsOptions, page: BodyPage): CypherQuery {
  return answerIn(BY_ID(areaIds), options, page);
}

/**
 * The district a name means (the best of resolveDistrictQuery's candidates) with its answer, in
 * one query: `district(name) { leadingDepartments }` as one round trip. Rows `{ node, rank }`
 * as name resolution gives them (none for an unknown name), the node carrying `_answer`, the
 * row leadingDepartmentsGroups reads.
 */
export function resolveDistrictWithLeadingDepartmentsQuery(name: string, options: LeadingDepartmentsOptions, page: BodyPage): CypherQuery {
  const best = bestDistrictNamed(name);
  return answerIn(
    {
      head: `${best.text}
WITH x AS a, x.id AS id, rank`,
      returns: `RETURN ${row('a', 'District', '_answer: {groups: groups, planRows: planRows, bodyRows: bodyRows}')} AS node, rank`,
      params: best.params,
    },
    options,
    page,
    'district.resolveWithLeadingDepartments',
  );
}

function answerIn(frame: AnswerFrame, options: LeadingDepartmentsOptions, page: BodyPage, name = 'district.leadingDepartments'): CypherQuery {
  // Tallies are per area touched and count leads only (graph/write/tallies.ts).
  if (!options.includeEnclosing && !options.includeSupporting) return answerQuery(frame, page, talliedBodies(options), talliedBodyTasks(options), name);
  const types = options.includeSupporting ? 'LEADS|SUPPORTS' : 'LEADS';
  if (options.includeEnclosing) return answerQuery(frame, page, enclosedBodies(options, types), bodyTasks(options, types), name, true);
  return answerQuery(frame, page, touchedBodies(options, types), bodyTasks(options, types), name);
}

/**
 * The answer around its two parts, both with the area bound to `a`: `bodies` yields each body's
 * row (d, relType, taskCount, planCount), which is ordered and cut to the page of bodies;
 * `tasks`, with the body's d and relType bound too, yields its tasks touching `a` with their
 * sort keys (t, tPlan, tPlanId, tLine), which are ordered and cut to the page of tasks.
 */
function answerQuery(frame: AnswerFrame, page: BodyPage, bodies: string, tasks: string, name: string, enclosing = false): CypherQuery {
  // With includeEnclosing both parts check tasks against the areas above `a`: read once, here.
  const scope = enclosing ? 'a, enclosing' : 'a';
  return cypherQuery(
    name,
    `
${frame.head}${enclosing ? `\n${enclosingAreas()}` : ''}
CALL (${scope}) {
  ${bodies}
  ORDER BY relType, taskCount DESC, d.name, d.id
  SKIP $skip LIMIT $limit
  RETURN collect({d: d, relType: relType, taskCount: taskCount, planCount: planCount}) AS bodies
}
CALL (${scope}, bodies) {
  UNWIND bodies AS b
  WITH ${scope}, b, b.d AS body
  ${page.tasks > 0 ? bodyTaskPage(tasks, scope) : 'WITH b, body, [] AS tasks, [] AS plans, [] AS named'}
  ${GROUPS}
}
${NODES}
${frame.returns}`,
    { ...frame.params, skip: int(page.skip), limit: int(page.limit), tasks: int(page.tasks) },
  );
}

/** One body's page of tasks (`tasks` as answerQuery's, `scope` what it sees of the area), rows as TASK_ROWS. */
function bodyTaskPage(tasks: string, scope: string): string {
  return `CALL (${scope}, b) {
    WITH ${scope}, b.d AS d, b.relType AS relType, b.taskCount AS taskCount
    ${tasks}
    ORDER BY tPlan, tPlanId, tLine, t.id
    LIMIT $tasks
    ${TASK_ROWS}
  }`;
}

/*
 * The same answer from the tallies the writer keeps (graph/write/tallies.ts), for leading
 * bodies in the areas themselves or with what lies inside them (not enclosing areas: a tally
 * is per area touched; not supporting bodies: they have none).
 */

/** Counts: the body's total in the area (one edge per body, two if two writers raced to create it). */
function talliedBodies(options: TouchesOptions): string {
  const [tasks, plans] = options.includeDescendants ? ['s.tasks', 's.plans'] : ['s.direct', 's.plansDirect'];
  return `MATCH (d:Department)-[s:${TOTAL_TYPE} {role: 'LEADS'}]->(a)
  WITH d, s.role AS relType, sum(${tasks}) AS taskCount, sum(${plans}) AS planCount
  WHERE taskCount > 0`;
}

/**
 * A body's page of tasks: its tallies there in plan-title order up to the plan where `$tasks`
 * tasks are reached, then only those documents' tasks are read and ordered: the first tasks by
 * (plan title, line) are among them, since every task of an earlier-titled plan is. The first
 * `$tasks` tallies (each counts one task or more) come from the pair index in order; a tally
 * without a plan title or id is not in it (and sorts last), so only when the indexed ones hold
 * fewer tasks than both the page and the body's count are all of the body's tallies there read.
 * In those documents the body's tasks are found from their LEADS edges by document (an index),
 * not by reading every task of the document (one in ten has a lead); a task's assignments are
 * its document's (graph/write/prepare.ts).
 */
function talliedBodyTasks(options: TouchesOptions): string {
  const n = tallyCount(options);
  return `CALL (a, d, taskCount) {
      CALL (a, d) {
        ${indexedTallies(bodyPair('d', 'a'), n, '$tasks').replaceAll('\n', '\n        ')}
      }
      WITH *, reduce(s = 0, p IN indexed | s + p.n) AS reached
      CALL (a, d, indexed, reached, taskCount) {
        WITH * WHERE reached >= $tasks OR reached >= taskCount
        RETURN indexed AS plans
        UNION ALL
        WITH * WHERE reached < $tasks AND reached < taskCount
        MATCH (d)-[k:TALLY {role: 'LEADS'}]->(a)
        WHERE ${n} > 0
        WITH k ORDER BY k.plan, k.planId
        RETURN collect({document: k.document, n: ${n}}) AS plans
      }
      UNWIND ${coveringTallies('plans', '$tasks').replaceAll('\n', '\n      ')} AS p
      RETURN DISTINCT p.document AS doc
    }
    MATCH (d)-[r:LEADS]->(t:Task)
    USING INDEX SEEK r:LEADS(document)
    WHERE r.document = doc
    MATCH ${intoArea(options, '(t)')}
    WITH DISTINCT t, k.plan AS tPlan, k.planId AS tPlanId, k.line AS tLine`;
}

export interface LeadingDepartmentsGroup<Row> {
  department: Row;
  role: 'LEAD' | 'SUPPORT';
  taskCount: number;
  planCount: number;
  tasks: Row[];
}

type Row = { id: string; [property: string]: unknown };

/**
 * One answer row's groups with each task's `_plan` and its assignments' `department` put back
 * from the rows carried once (`planRows`, `bodyRows`): the shape every other task row has.
 */
export function leadingDepartmentsGroups(answer: Readonly<Record<string, unknown>>): LeadingDepartmentsGroup<Row>[] {
  const plans = new Map((answer.planRows as Row[]).map((p) => [p.id, p]));
  const bodies = new Map((answer.bodyRows as Row[]).map((d) => [d.id, d]));
  return (answer.groups as LeadingDepartmentsGroup<Row>[]).map((g) => ({
    ...g,
    tasks: g.tasks.map((t) => ({
      ...t,
      _plan: plans.get(t._plan as string) ?? null,
      _assignments: (t._assignments as { department: string }[]).map((a) => ({ ...a, department: bodies.get(a.department) })),
    })),
  }));
}
