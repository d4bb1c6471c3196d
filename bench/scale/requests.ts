/**
 * The scale benchmark's questions (bench/scale/run.ts): each takes one parameter (an area, a
 * body, some words) drawn per request from a fixed list, in four forms over the same graph, as
 * bench/queries/requests.ts's fixed questions are:
 *  - graphql (and graphqlNoCache): PlanGraph's GraphQL;
 *  - driver: the same graph/queries Cypher called directly (bench/queries/floor-server.ts, POST /scale/<name> {"p": …});
 *  - peer:   @neo4j/graphql over bench/queries/peer-schema.ts.
 * Every list asked for is a page, as a client of a large graph asks: bodies 20 at a time with
 * their counts and first 5 tasks (and, flagshipCounts, with their counts only), tasks 20 at a time with the total, search 10 hits.
 */
import type { Driver } from 'neo4j-driver';
import { leadingDepartmentsGroups, resolveDistrictWithLeadingDepartmentsQuery } from '../../graph/queries/leading-departments.ts';
import { escapeLucene, resolveDepartmentWithLeadsQuery, resolveDistrictQuery } from '../../graph/queries/names.ts';
import { runQuery, type PlainRow } from '../../graph/queries/run.ts';
import { searchQuery } from '../../graph/queries/search.ts';
import { taskConnectionQuery } from '../../graph/queries/tasks.ts';

export const BODIES_PER_PAGE = 20;
export const TASKS_PER_BODY = 5;
export const TASKS_PER_PAGE = 20;
export const HITS = 10;

export interface ScaleRequest {
  name: string;
  describe: string;
  /** Which parameter list it draws from; `fixed` always asks about `fixed`. */
  params: 'areas' | 'bodies' | 'words' | { fixed: string };
  graphql(p: string): { query: string; variables: Record<string, unknown> };
  peer(p: string): { query: string; variables: Record<string, unknown> };
  floor(driver: Driver, database: string | undefined, p: string): Promise<unknown>;
}

const run = (driver: Driver, database: string | undefined, q: Parameters<typeof runQuery>[2]): Promise<PlainRow[]> => runQuery(driver, database, q);
function best(rows: PlainRow[], what: string): PlainRow {
  if (rows.length === 0) throw new Error(`${what} did not resolve`);
  return rows[0].node;
}

const FLAGSHIP_QUERY = `query Flagship($area: String!) {
  district(name: $area) {
    leadingDepartments(first: ${BODIES_PER_PAGE}, tasksFirst: ${TASKS_PER_BODY}) {
      department { name } role taskCount planCount
      tasks { title plan { title } assignments { evidence { document line quote } } }
    }
  }
}`;
// @neo4j/graphql cannot group or count by body: its nearest answer is a page of the led,
// touching tasks with their leaders (bench/queries/peer-schema.ts ledTouchingTaskPage).
const PEER_FLAGSHIP = `query Flagship($area: String!) {
  districts(where: { name: { eq: $area } }, limit: 1) {
    ledTouchingTaskPage(first: ${BODIES_PER_PAGE * TASKS_PER_BODY}) {
      title
      plan { title }
      leadersConnection { edges { properties { document line quote } node { name } } }
    }
  }
}`;

/** The flagship as the resolvers ask it: the district a name means and its answer in one query. */
async function flagshipAnswer(driver: Driver, database: string | undefined, p: string, tasks: number): Promise<PlainRow[]> {
  const area = best(
    await run(driver, database, resolveDistrictWithLeadingDepartmentsQuery(p, { includeDescendants: true, includeEnclosing: false, includeSupporting: false }, { skip: 0, limit: BODIES_PER_PAGE, tasks })),
    p,
  );
  return leadingDepartmentsGroups(area._answer);
}

async function flagshipFloor(driver: Driver, database: string | undefined, p: string) {
  const groups = await flagshipAnswer(driver, database, p, TASKS_PER_BODY);
  return {
    district: {
      leadingDepartments: groups.map((g: PlainRow) => ({
        department: { name: g.department.name },
        role: g.role,
        taskCount: g.taskCount,
        planCount: g.planCount,
        tasks: g.tasks.map((t: PlainRow) => ({ title: t.title, plan: t._plan ? { title: t._plan.title } : null, assignments: t._assignments.map((a: PlainRow) => ({ evidence: a.evidence })) })),
      })),
    },
  };
}

const flagship: ScaleRequest = {
  name: 'flagship',
  describe: `district(name: <area>) leadingDepartments(first: ${BODIES_PER_PAGE}, tasksFirst: ${TASKS_PER_BODY}) → body, role, taskCount, planCount, tasks with plan and evidence`,
  params: 'areas',
  graphql: (p) => ({ query: FLAGSHIP_QUERY, variables: { area: p } }),
  peer: (p) => ({ query: PEER_FLAGSHIP, variables: { area: p } }),
  floor: flagshipFloor,
};

/**
 * The flagship as the issue's target names it, bodies with counts: no task pages (the resolver
 * then reads none, api/district/district.resolver.ts), so it costs the area's bodies' totals.
 */
const FLAGSHIP_COUNTS_QUERY = `query FlagshipCounts($area: String!) {
  district(name: $area) { leadingDepartments(first: ${BODIES_PER_PAGE}) { department { name } role taskCount planCount } }
}`;

const flagshipCounts: ScaleRequest = {
  name: 'flagshipCounts',
  describe: `district(name: <area>) leadingDepartments(first: ${BODIES_PER_PAGE}) → body, role, taskCount, planCount (no tasks)`,
  params: 'areas',
  graphql: (p) => ({ query: FLAGSHIP_COUNTS_QUERY, variables: { area: p } }),
  // @neo4j/graphql cannot count by body: its nearest is the bodies in order of tasks led, from a
  // @cypher field over the same TOUCHES edges (bench/queries/peer-schema.ts leadingBodies).
  peer: (p) => ({
    query: `query FlagshipCounts($area: String!) { districts(where: { name: { eq: $area } }, limit: 1) { leadingBodies(first: ${BODIES_PER_PAGE}) { name } } }`,
    variables: { area: p },
  }),
  async floor(driver, database, p) {
    const groups = await flagshipAnswer(driver, database, p, 0);
    return { district: { leadingDepartments: groups.map((g: PlainRow) => ({ department: { name: g.department.name }, role: g.role, taskCount: g.taskCount, planCount: g.planCount })) } };
  },
};

const province: ScaleRequest = {
  ...flagship,
  name: 'province',
  describe: 'the flagship for 广东省 with its descendants (every task of the graph touches it)',
  params: { fixed: '广东省' },
};

const districtTasks: ScaleRequest = {
  name: 'districtTasks',
  describe: `tasks(filter: {touches: <area>}, first: ${TASKS_PER_PAGE}) → totalCount, id, title, plan`,
  params: 'areas',
  graphql: (p) => ({
    query: `query T($area: String!) { tasks(filter: { touches: $area }, first: ${TASKS_PER_PAGE}) { totalCount edges { node { id title plan { title } } } } }`,
    variables: { area: p },
  }),
  peer: (p) => ({
    query: `query T($area: String!) { districts(where: { name: { eq: $area } }, limit: 1) { touchingTaskCount touchingTasks(offset: 0, first: ${TASKS_PER_PAGE}) { id title plan { title } } } }`,
    variables: { area: p },
  }),
  async floor(driver, database, p) {
    const area = best(await run(driver, database, resolveDistrictQuery(p)), p);
    const [row] = await run(driver, database, taskConnectionQuery({ touches: area.id }, 'PLAN', { skip: 0, limit: TASKS_PER_PAGE }));
    return { tasks: { totalCount: row?.totalCount ?? 0, edges: (row?.page ?? []).map((t: PlainRow) => ({ node: { id: t.id, title: t.title, plan: t._plan ? { title: t._plan.title } : null } })) } };
  },
};

const departmentLeads: ScaleRequest = {
  name: 'departmentLeads',
  describe: `department(name: <body>) { leadCount leads(first: ${TASKS_PER_PAGE}) { title plan } }`,
  params: 'bodies',
  graphql: (p) => ({
    query: `query D($name: String!) { department(name: $name) { name leadCount leads(first: ${TASKS_PER_PAGE}) { title plan { title } } } }`,
    variables: { name: p },
  }),
  peer: (p) => ({
    query: `query D($name: String!) { departments(where: { name: { eq: $name } }, limit: 1) { name leadsConnection { totalCount } leads(limit: ${TASKS_PER_PAGE}) { title plan { title } } } }`,
    variables: { name: p },
  }),
  async floor(driver, database, p) {
    const d = best(await run(driver, database, resolveDepartmentWithLeadsQuery(p, { skip: 0, limit: TASKS_PER_PAGE })), p);
    return { department: { name: d.name, leadCount: d._leadCount, leads: (d._leads ?? []).map((t: PlainRow) => ({ title: t.title, plan: t._plan ? { title: t._plan.title } : null })) } };
  },
};

const search: ScaleRequest = {
  name: 'search',
  describe: `search(text: <words>, first: ${HITS})`,
  params: 'words',
  graphql: (p) => ({
    query: `query S($text: String!) { search(text: $text, first: ${HITS}) { __typename ... on Task { id title } ... on Plan { id title } ... on Goal { id name } ... on Department { id name } ... on District { id name } ... on Project { id name } } }`,
    variables: { text: p },
  }),
  peer: (p) => ({
    query: `query S($text: String!, $lucene: String!) { search(text: $text, lucene: $lucene, first: ${HITS}) { __typename ... on Task { id title } ... on Plan { id title } ... on Goal { id name } ... on Department { id name } ... on District { id name } ... on Project { id name } } }`,
    variables: { text: p, lucene: escapeLucene(p) },
  }),
  async floor(driver, database, p) {
    const rows = await run(driver, database, searchQuery(p, escapeLucene(p), HITS));
    return { search: rows.map((r) => ({ __typename: r.node.label, id: r.node.id, ...(r.node.title !== undefined ? { title: r.node.title } : { name: r.node.name }) })) };
  },
};

export const SCALE_REQUESTS: ScaleRequest[] = [flagship, flagshipCounts, districtTasks, departmentLeads, search, province];
