/**
 * The four requests the query benchmark sends, each in three forms over the same graph:
 *  - graphql: PlanGraph's GraphQL (api/);
 *  - floor:   the same graph/queries Cypher the resolvers run, called directly with
 *             neo4j-driver (bench/queries/floor-server.ts serves it as JSON over node:http);
 *  - peer:    @neo4j/graphql 7 over equivalent type definitions (bench/queries/peer-schema.ts).
 * Names, areas and words are fixed so every run asks the same questions of the seeds.
 */
import type { Driver } from 'neo4j-driver';
import { leadingDepartmentsGroups, resolveDistrictWithLeadingDepartmentsQuery } from '../../graph/queries/leading-departments.ts';
import { resolveDepartmentWithLeadsQuery, resolveDistrictQuery } from '../../graph/queries/names.ts';
import { searchQuery } from '../../graph/queries/search.ts';
import { taskConnectionQuery } from '../../graph/queries/tasks.ts';
import { runQuery, type PlainRow } from '../../graph/queries/run.ts';
import { escapeLucene } from '../../graph/queries/names.ts';
import { encodeCursor } from '../../api/common/pagination.ts';

/** The area, body and words asked about (all present in the seeds). */
export const AREA = '花都';
export const AREA_FULL_NAME = '花都区';
export const DEPARTMENT = '省发展改革委';
export const SEARCH_WORDS = '轨道交通';
export const PAGE_SIZE = 20;
/** Page 2 of the task filter: after the 20th task. */
export const PAGE_AFTER = encodeCursor(PAGE_SIZE - 1);

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
}

export interface BenchRequest {
  name: string;
  describe: string;
  graphql: GraphQLRequest;
  peer: GraphQLRequest;
  /** The resolvers' Cypher, in the order they run it, returning the answer as plain JSON. */
  floor(driver: Driver, database?: string): Promise<unknown>;
  /** How many items an answer holds (checked equal across the three forms before timing). */
  count(kind: 'graphql' | 'driver' | 'peer', answer: any): number;
}

const run = (driver: Driver, database: string | undefined, q: Parameters<typeof runQuery>[2]): Promise<PlainRow[]> => runQuery(driver, database, q);

/** Best-ranked candidates of a name, as api/common/names.ts resolveName keeps them. */
function best(rows: PlainRow[]): PlainRow[] {
  if (rows.length === 0) throw new Error('name did not resolve');
  return rows.filter((r) => r.rank === rows[0].rank).map((r) => r.node);
}

const flagship: BenchRequest = {
  name: 'flagship',
  describe: `district(name:"${AREA}") leadingDepartments → department, role, tasks, plan, assignments with evidence`,
  graphql: {
    query: `query Flagship($area: String!) {
  district(name: $area) {
    leadingDepartments { department { name } role tasks { title plan { title } assignments { evidence { document line quote } } } }
  }
}`,
    variables: { area: AREA },
  },
  // @neo4j/graphql cannot group by department; the touches rule is a @cypher field and the
  // answer lists each touched, led task with its plan and its LEADS/SUPPORTS edges (the same
  // facts; the client groups them by leading body).
  peer: {
    query: `query Flagship($area: String!) {
  districts(where: { OR: [{ name: { eq: $area } }, { aliases: { includes: $area } }] }, limit: 1) {
    ledTouchingTasks {
      title
      plan { title }
      leadersConnection { edges { properties { document line quote } node { name } } }
      supportersConnection { edges { properties { document line quote } node { name } } }
    }
  }
}`,
    variables: { area: AREA },
  },
  async floor(driver, database) {
    // As the resolvers ask it: the district the name means and its answer in one query.
    const [area] = best(
      await run(driver, database, resolveDistrictWithLeadingDepartmentsQuery(AREA, { includeDescendants: true, includeEnclosing: false, includeSupporting: false }, { skip: 0, limit: 100, tasks: 100 })),
    );
    const groups: PlainRow[] = leadingDepartmentsGroups(area._answer);
    // The fields the GraphQL request selects, so both answers carry the same facts.
    return {
      district: {
        leadingDepartments: groups.map((g) => ({
          department: { name: g.department.name },
          role: g.role,
          tasks: g.tasks.map((t: PlainRow) => ({
            title: t.title,
            plan: t._plan ? { title: t._plan.title } : null,
            assignments: (t._assignments ?? []).map((a: PlainRow) => ({ evidence: a.evidence })),
          })),
        })),
      },
    };
  },
  count(kind, a) {
    if (kind === 'peer') {
      // (department, task) pairs with role LEAD, as the grouped answers count them.
      return (a.data.districts[0]?.ledTouchingTasks ?? []).reduce((n: number, t: any) => n + new Set(t.leadersConnection.edges.map((e: any) => e.node.name)).size, 0);
    }
    const groups = kind === 'graphql' ? a.data.district.leadingDepartments : a.district.leadingDepartments;
    return groups.reduce((n: number, g: any) => n + g.tasks.length, 0);
  },
};

const departmentTasks: BenchRequest = {
  name: 'departmentTasks',
  describe: `department(name:"${DEPARTMENT}") leads → title, plan`,
  graphql: {
    query: `query DepartmentTasks($name: String!) { department(name: $name) { name leads { title plan { title } } } }`,
    variables: { name: DEPARTMENT },
  },
  peer: {
    query: `query DepartmentTasks($name: String!) {
  departments(where: { OR: [{ name: { eq: $name } }, { aliases: { includes: $name } }] }, limit: 1) { name leads { title plan { title } } }
}`,
    variables: { name: DEPARTMENT },
  },
  async floor(driver, database) {
    // The name and the leads with their plans in one query, as Query.department runs it when leads are asked for.
    const [dept] = best(await run(driver, database, resolveDepartmentWithLeadsQuery(DEPARTMENT)));
    const tasks: PlainRow[] = dept._leads ?? [];
    return { department: { name: dept.name, leads: tasks.map((t) => ({ title: t.title, plan: t._plan ? { title: t._plan.title } : null })) } };
  },
  count(kind, a) {
    if (kind === 'peer') return a.data.departments[0]?.leads.length ?? 0;
    return (kind === 'graphql' ? a.data.department : a.department).leads.length;
  },
};

const search: BenchRequest = {
  name: 'search',
  describe: `search(text:"${SEARCH_WORDS}", first: 10) across every kind`,
  graphql: {
    query: `query Search($text: String!) {
  search(text: $text, first: 10) {
    __typename
    ... on Task { id title }
    ... on Plan { id title }
    ... on Goal { id name }
    ... on Department { id name }
    ... on District { id name }
    ... on Project { id name }
  }
}`,
    variables: { text: SEARCH_WORDS },
  },
  peer: {
    query: `query Search($text: String!, $lucene: String!) {
  search(text: $text, lucene: $lucene, first: 10) {
    __typename
    ... on Task { id title }
    ... on Plan { id title }
    ... on Goal { id name }
    ... on Department { id name }
    ... on District { id name }
    ... on Project { id name }
  }
}`,
    variables: { text: SEARCH_WORDS, lucene: escapeLucene(SEARCH_WORDS) },
  },
  async floor(driver, database) {
    const rows = await run(driver, database, searchQuery(SEARCH_WORDS, escapeLucene(SEARCH_WORDS), 10));
    return { search: rows.map((r) => ({ __typename: r.node.label, id: r.node.id, ...(r.node.title !== undefined ? { title: r.node.title } : { name: r.node.name }) })) };
  },
  count(kind, a) {
    return (kind === 'driver' ? a : a.data).search.length;
  },
};

const taskFilter: BenchRequest = {
  name: 'taskFilter',
  describe: `tasks(filter:{touches:"${AREA_FULL_NAME}"}, first: ${PAGE_SIZE}, after: page 1) → totalCount, title, plan, cursor`,
  graphql: {
    query: `query TaskFilter($area: String!, $first: Int!, $after: String) {
  tasks(filter: { touches: $area }, first: $first, after: $after) {
    totalCount
    edges { cursor node { id title plan { title } } }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: { area: AREA_FULL_NAME, first: PAGE_SIZE, after: PAGE_AFTER },
  },
  // The touches rule again as @cypher (offset/limit arguments), the total as a second @cypher field.
  peer: {
    query: `query TaskFilter($area: String!, $first: Int!, $offset: Int!) {
  districts(where: { OR: [{ name: { eq: $area } }, { aliases: { includes: $area } }] }, limit: 1) {
    touchingTaskCount
    touchingTasks(offset: $offset, first: $first) { id title plan { title } }
  }
}`,
    variables: { area: AREA_FULL_NAME, first: PAGE_SIZE, offset: PAGE_SIZE },
  },
  async floor(driver, database) {
    const [area] = best(await run(driver, database, resolveDistrictQuery(AREA_FULL_NAME)));
    const [row] = await run(driver, database, taskConnectionQuery({ touches: area.id }, 'PLAN', { skip: PAGE_SIZE, limit: PAGE_SIZE }));
    const page: PlainRow[] = row?.page ?? [];
    return {
      tasks: {
        totalCount: row?.totalCount ?? 0,
        page: page.map((t, i) => ({ cursor: encodeCursor(PAGE_SIZE + i), node: { id: t.id, title: t.title, plan: t._plan ? { title: t._plan.title } : null } })),
      },
    };
  },
  count(kind, a) {
    if (kind === 'peer') return a.data.districts[0]?.touchingTasks.length ?? 0;
    return (kind === 'graphql' ? a.data.tasks.edges : a.tasks.page).length;
  },
};

export const REQUESTS: BenchRequest[] = [flagship, departmentTasks, search, taskFilter];
