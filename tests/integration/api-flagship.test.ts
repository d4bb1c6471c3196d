/**
 * The flagship question over real HTTP against the real seeds loaded by the real loader:
 * which bodies lead tasks touching 花都区, with each option on and off, every answer traced
 * to its source line; plus the query-count bound and the contract.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { getIntrospectionQuery } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { allTaskIds, useSeededApi } from './api.harness.ts';
import { leadingDepartmentsGroups, leadingDepartmentsQuery, type LeadingDepartmentsOptions } from '../../graph/queries/leading-departments.ts';
import { readGraphWalk, type GraphWalk, type TouchOptions } from './touches.harness.ts';

const api = useSeededApi();
/** The touches rule computed independently from the loaded graph (tests/integration/touches.harness.ts). */
let walk: GraphWalk;
beforeAll(async () => {
  walk = await readGraphWalk(api.driver, api.database);
});

const PROVINCIAL_PLAN = 'plan:guangdong-new-urbanisation-plan-2021-2035';
const HUADU_PLAN = 'plan:huadu-14th-five-year-plan';
const HUADU = 'div:440114';
const GUANGZHOU = 'div:4401';

type Options = TouchOptions & { includeSupporting: boolean };
const DEFAULTS: Options = { includeDescendants: true, includeEnclosing: false, includeSupporting: false };

const flagship = (args = '') => `{
  district(name: "花都") {
    id name code
    leadingDepartments${args} {
      department { id name }
      role
      tasks { id title plan { id title } assignments { department { id } role evidence { document line quote } } }
    }
  }
}`;

type Group = { department: { id: string; name: string }; role: string; tasks: { id: string; plan: { id: string }; assignments: any[] }[] };

const argsOf = (o: Partial<Options>) => {
  const set = Object.entries(o).map(([k, v]) => `${k}: ${v}`);
  return set.length ? `(${set.join(', ')})` : '';
};

/**
 * Every body with ALL its tasks: a body's tasks default to a sample of 10, and a full page of
 * 100 for each of the default 100 bodies is over the cost limit, so 5 bodies a page.
 */
async function groups(options: Partial<Options> = {}, name = '花都'): Promise<Group[]> {
  const args = argsOf({ ...options, first: 5, tasksFirst: 100 } as Partial<Options>).slice(1, -1);
  const query = `query($n: String!, $a: String) { district(name: $n) { leadingDepartments(${args}, after: $a) {
    department { id name } role cursor tasks { id title plan { id title } assignments { department { id } role evidence { document line quote } } } } } }`;
  const all: (Group & { cursor: string })[] = [];
  for (let after: string | null = null; ; ) {
    const page = (await api.query(query, { n: name, a: after })).district.leadingDepartments as (Group & { cursor: string })[];
    all.push(...page);
    if (page.length < 5) return all;
    after = page[page.length - 1]!.cursor;
  }
}

const taskIds = (gs: Group[], role?: string) => new Set(gs.filter((g) => !role || g.role === role).flatMap((g) => g.tasks.map((t) => t.id)));
const pairs = (gs: Group[]) => new Set(gs.flatMap((g) => g.tasks.map((t) => `${g.department.id} ${g.role} ${t.id}`)));

/**
 * The API's answer for `area` with `options` is exactly what the independent walk derives from
 * the graph: every (body, role, task) the rule calls for, and nothing else.
 */
async function expectAsTheRuleSays(area: string, name: string, options: Partial<Options> = {}): Promise<Group[]> {
  const all: Options = { ...DEFAULTS, ...options };
  const gs = await groups(options, name);
  const got = pairs(gs);
  const expected = walk.responsibilities(area, all);
  const explain = (key: string) => `${key} ← ${walk.reasons(area, all, key.split(' ')[2]!).join('; ') || 'no rule matches'}`;
  const missing = [...expected].filter((k) => !got.has(k)).map(explain);
  const extra = [...got].filter((k) => !expected.has(k)).map(explain);
  expect({ missing, extra }, `${name} ${JSON.stringify(all)}`).toEqual({ missing: [], extra: [] });
  // Leads first, then the bodies with most tasks; each (body, role) once.
  const order = gs.map((g) => [g.role === 'LEAD' ? 0 : 1, -g.tasks.length] as const);
  for (let i = 1; i < order.length; i++) expect(order[i]![0] > order[i - 1]![0] || (order[i]![0] === order[i - 1]![0] && order[i]![1] >= order[i - 1]![1])).toBe(true);
  expect(new Set(gs.map((g) => `${g.department.id} ${g.role}`)).size).toBe(gs.length);
  return gs;
}

/** The source text from `line` on, wraps joined and spaces removed, for checking quotes. */
function sourceFrom(document: string, line: number): string {
  const lines = readFileSync(new URL(`../../seeds/${document}`, import.meta.url), 'utf8').split(/\r?\n/);
  return lines.slice(line - 1, line + 8).join('').replace(/\s+/g, '');
}

describe('district(name: "花都") { leadingDepartments }', () => {
  it('accepts the alias, the full name and the code for the same district', async () => {
    for (const name of ['花都', '花都区', '440114']) {
      const { district } = await api.query(`query($n: String!) { district(name: $n) { id name code level parent { name } } }`, { n: name });
      expect(district).toEqual({ id: HUADU, name: '花都区', code: '440114', level: 'DISTRICT', parent: { name: '广州市' } });
    }
  });

  it('by default lists exactly the bodies leading tasks that touch 花都区, each assignment traceable to its source line', async () => {
    const gs = await expectAsTheRuleSays(HUADU, '花都');
    expect(gs.length).toBeGreaterThan(0);
    expect(gs.every((g) => g.role === 'LEAD')).toBe(true);
    for (const g of gs) {
      for (const t of g.tasks) {
        const own = t.assignments.find((a) => a.department.id === g.department.id && a.role === 'LEAD');
        expect(own, `${g.department.name} leads ${t.id}`).toBeDefined();
        const { document, line, quote } = own.evidence;
        expect(line).toBeGreaterThan(0);
        expect(sourceFrom(document, line)).toContain(quote.replace(/\s+/g, '').slice(0, 15));
        expect(walk.planOf.get(t.id)).toBe(t.plan.id);
      }
    }
    // The cross-plan point of the question: tasks of plans that do not govern 花都区 are there
    // because something in their scope is about it (or about a zone listing it, 广清接合片区).
    const viaPlaces = [...taskIds(gs)].filter((id) => walk.reasons(HUADU, DEFAULTS, id).some((r) => r.startsWith('1')));
    expect(viaPlaces.some((id) => !id.startsWith(`${HUADU_PLAN}/`))).toBe(true);
  });

  it('every task of the Huadu plan with a responsible body is listed (rule 2: the plan governs 花都区)', async () => {
    const assigned = new Set<string>();
    let after: string | null = null;
    do {
      const { plan } = await api.query(`query($after: String) { plan(id: "${HUADU_PLAN}") { tasks(first: 100, after: $after) { edges { node { id assignments { role } } } pageInfo { hasNextPage endCursor } } } }`, { after });
      for (const e of plan.tasks.edges) if (e.node.assignments.length) assigned.add(e.node.id);
      after = plan.tasks.pageInfo.hasNextPage ? plan.tasks.pageInfo.endCursor : null;
    } while (after);
    expect(assigned.size).toBeGreaterThan(0);
    const touched = taskIds(await groups({ includeSupporting: true }));
    for (const id of assigned) expect(touched.has(id), id).toBe(true);
  });

  it('includeSupporting adds SUPPORT groups and leaves the LEAD groups as they were', async () => {
    const plain = await groups();
    const withSupport = await expectAsTheRuleSays(HUADU, '花都', { includeSupporting: true });
    expect(withSupport.some((g) => g.role === 'SUPPORT')).toBe(true);
    expect(pairs(withSupport.filter((g) => g.role === 'LEAD'))).toEqual(pairs(plain));
    for (const g of withSupport.filter((x) => x.role === 'SUPPORT')) {
      for (const t of g.tasks) expect(t.assignments.some((a) => a.department.id === g.department.id && a.role === 'SUPPORT')).toBe(true);
    }
  });

  it('includeSupporting follows the rule read from an area\'s tasks (湛江市) and from every assignment (广东省), counts included', async () => {
    // The query reads whichever is smaller (graph/queries/leading-departments.ts touchedBodies):
    // the area's tasks when twice their number is at most the assignments, else the assignments.
    const sides = (
      await api.driver.executeQuery(
        `UNWIND ['div:4408', 'div:44'] AS id MATCH (a:District {id: id})
         RETURN COUNT { (a)<-[:TOUCHES]-() } * 2 <= COUNT { ()-[:LEADS]->() } + COUNT { ()-[:SUPPORTS]->() } AS fromTasks`,
        {},
        { database: api.database },
      )
    ).records.map((r) => r.get('fromTasks'));
    expect(sides).toEqual([true, false]);
    for (const [area, name] of [['div:4408', '湛江市'], ['div:44', '广东省']] as const) {
      for (const includeDescendants of [true, false]) {
        const gs = await expectAsTheRuleSays(area, name, { includeSupporting: true, includeDescendants });
        expect(gs.some((g) => g.role === 'SUPPORT'), name).toBe(true);
        const counted = (await api.query(`{ district(name: "${name}") { leadingDepartments(includeSupporting: true, includeDescendants: ${includeDescendants}, first: 100, tasksFirst: 0) { department { id } role taskCount } } }`))
          .district.leadingDepartments as { department: { id: string }; role: string; taskCount: number }[];
        expect(counted.map((g) => `${g.department.id} ${g.role} ${g.taskCount}`)).toEqual(gs.map((g) => `${g.department.id} ${g.role} ${g.tasks.length}`));
      }
    }
  });

  it('includeEnclosing adds province-wide tasks (the provincial plan governs 广东省, which contains 花都区)', async () => {
    const plain = taskIds(await groups());
    const enclosing = taskIds(await expectAsTheRuleSays(HUADU, '花都', { includeEnclosing: true }));
    for (const id of plain) expect(enclosing.has(id), id).toBe(true);
    const added = [...enclosing].filter((id) => !plain.has(id));
    expect(added.length).toBeGreaterThan(0);
    const options = { ...DEFAULTS, includeEnclosing: true };
    for (const id of added) expect(walk.reasons(HUADU, options, id).every((r) => r.startsWith('3')), id).toBe(true);
    expect(added.some((id) => walk.reasons(HUADU, options, id).includes(`3: ${PROVINCIAL_PLAN} GOVERNS div:44`))).toBe(true);
  });

  it('includeEnclosing: false keeps province-wide tasks out unless they are about 花都区 (or a zone listing it)', async () => {
    const plain = await groups();
    const provincial = plain.flatMap((g) => g.tasks).filter((t) => t.plan.id === PROVINCIAL_PLAN);
    const all = await api.query(`{ plan(id: "${PROVINCIAL_PLAN}") { tasks(first: 1) { totalCount } } }`);
    expect(provincial.length).toBeLessThan(all.plan.tasks.totalCount);
  });

  it('includeDescendants: false never adds tasks, and drops those reached only through areas inside the district', async () => {
    const huadu = taskIds(await groups());
    const huaduOwn = taskIds(await expectAsTheRuleSays(HUADU, '花都', { includeDescendants: false }));
    for (const id of huaduOwn) expect(huadu.has(id), id).toBe(true);

    // 广州市: with descendants, the Huadu plan (governing 花都区, inside 广州市) counts; without, it does not.
    const withInside = taskIds(await expectAsTheRuleSays(GUANGZHOU, '广州', { includeSupporting: true }));
    const ownOnly = taskIds(await expectAsTheRuleSays(GUANGZHOU, '广州', { includeSupporting: true, includeDescendants: false }));
    for (const id of ownOnly) expect(withInside.has(id), id).toBe(true);
    const dropped = [...withInside].filter((id) => !ownOnly.has(id));
    expect(dropped.some((id) => id.startsWith(`${HUADU_PLAN}/`))).toBe(true);
  });

  it('District.tasks and the touches filter follow the same rule for every option; pages add up', async () => {
    for (const [includeDescendants, includeEnclosing] of [[true, false], [false, false], [true, true], [false, true]] as const) {
      const options = { includeDescendants, includeEnclosing };
      const expected = walk.touching(HUADU, options);
      const args = `includeDescendants: ${includeDescendants}, includeEnclosing: ${includeEnclosing}`;
      const ids = await allTaskIds(async (after) => (await api.query(`query($a: String) { district(name: "花都区") { tasks(first: 100, after: $a, ${args}) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } }`, { a: after })).district.tasks);
      expect(new Set(ids).size, args).toBe(ids.length);
      expect(new Set(ids), args).toEqual(expected);
      const { tasks } = await api.query(`query($f: TaskFilter) { tasks(filter: $f, first: 1) { totalCount } }`, { f: { touches: '440114', ...options } });
      expect(tasks.totalCount, args).toBe(expected.size);
    }
    // On the seeds, enclosing makes a difference (the provincial plan governs 广东省).
    expect(walk.touching(HUADU, { includeDescendants: true, includeEnclosing: true }).size).toBeGreaterThan(walk.touching(HUADU, { includeDescendants: true, includeEnclosing: false }).size);
  });

  it('an unknown district is BAD_USER_INPUT naming close names', async () => {
    const reply = await api.request('{ district(name: "花度区") { name } }');
    expect(reply.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(reply.body.errors?.[0]?.message).toContain('花都区');
  });
});

describe('leadingDepartments in pages, with counts', () => {
  it('taskCount and planCount are what the rule gives per body; pages of bodies and of tasks add up to the whole answer', async () => {
    const options = { includeSupporting: true, includeEnclosing: true };
    const whole = await groups(options);
    const expected = walk.responsibilities(HUADU, { ...DEFAULTS, ...options });
    const counted = await api.query(`{ district(name: "花都") { leadingDepartments(includeSupporting: true, includeEnclosing: true) {
      department { id } role taskCount planCount cursor } } }`);
    for (const g of counted.district.leadingDepartments) {
      const mine = [...expected].filter((k) => k.startsWith(`${g.department.id} ${g.role} `)).map((k) => k.split(' ')[2]);
      expect(g.taskCount, `${g.department.id} ${g.role}`).toBe(mine.length);
      expect(g.planCount, `${g.department.id} ${g.role}`).toBe(new Set(mine.map((t) => walk.planOf.get(t))).size);
    }
    // Two bodies a page, one task each: the bodies in the same order, each body's first task.
    const paged: { department: { id: string }; role: string; tasks: { id: string }[] }[] = [];
    let after: string | null = null;
    do {
      const page: any = await api.query(
        `query($a: String) { district(name: "花都") { leadingDepartments(includeSupporting: true, includeEnclosing: true, first: 2, after: $a, tasksFirst: 1) {
          department { id } role cursor tasks { id } } } }`,
        { a: after },
      );
      const rows = page.district.leadingDepartments;
      paged.push(...rows);
      after = rows.length === 2 ? rows[1].cursor : null;
    } while (after);
    expect(paged.map((g) => `${g.department.id} ${g.role}`)).toEqual(whole.map((g) => `${g.department.id} ${g.role}`));
    paged.forEach((g, i) => expect(g.tasks.map((t) => t.id)).toEqual(whole[i].tasks.slice(0, 1).map((t) => t.id)));
  });

  it('leads alone, read from the tallies, are the LEAD groups the edges give: counts, order and every short page of tasks', async () => {
    // Leads-only answers read the tallies (graph/write/tallies.ts); with includeSupporting the
    // same bodies are counted and paged from the TOUCHES edges, leads first.
    const answer = async (area: string, options: LeadingDepartmentsOptions, tasks: number) => {
      const q = leadingDepartmentsQuery([area], options, { skip: 0, limit: 1000, tasks });
      const r = await api.driver.executeQuery(q.text, q.params, { database: api.database });
      return leadingDepartmentsGroups(r.records[0].toObject()).map((g) => ({
        body: (g.department as { id: string }).id, role: g.role, taskCount: g.taskCount, planCount: g.planCount,
        tasks: g.tasks.map((t) => t.id),
      }));
    };
    let compared = 0;
    for (const area of [HUADU, GUANGZHOU, 'div:44']) {
      for (const includeDescendants of [true, false]) {
        for (const tasks of [1, 3, 100]) {
          const tallied = await answer(area, { includeDescendants, includeEnclosing: false, includeSupporting: false }, tasks);
          const fromEdges = (await answer(area, { includeDescendants, includeEnclosing: false, includeSupporting: true }, tasks)).filter((g) => g.role === 'LEAD');
          expect(tallied, `${area} descendants ${includeDescendants} tasks ${tasks}`).toEqual(fromEdges);
          compared += tallied.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(30);
  });

  it('bodies with counts only (no tasks selected) are the same bodies, roles, counts and order as with their tasks', async () => {
    // The resolver leaves the task pages out of the query when `tasks` is not selected.
    for (const args of ['', '(includeSupporting: true)', '(includeDescendants: false)', '(includeEnclosing: true, includeSupporting: true)']) {
      for (const name of ['花都', '广州市', '广东省']) {
        const counts = `{ district(name: "${name}") { leadingDepartments${args} { department { id } role taskCount planCount cursor } } }`;
        const withTasks = `{ district(name: "${name}") { leadingDepartments${args.replace(/\)$/, ', tasksFirst: 1)') || '(tasksFirst: 1)'} {
          department { id } role taskCount planCount cursor tasks { id } } } }`;
        const bodies = (await api.query(counts)).district.leadingDepartments;
        const full = (await api.query(withTasks)).district.leadingDepartments;
        expect(bodies.length, `${name} ${args}`).toBeGreaterThan(0);
        expect(full.every((g: { tasks: unknown[] }) => g.tasks.length === 1), `${name} ${args}`).toBe(true);
        expect(bodies, `${name} ${args}`).toEqual(full.map(({ tasks: _tasks, ...g }: { tasks: unknown[] }) => g));
      }
    }
  });

  it('refuses a page of more than 100 bodies or tasks per body', async () => {
    const reply = await api.request('{ district(name: "花都") { leadingDepartments(tasksFirst: 101) { role } } }');
    expect(reply.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('queries per request', () => {
  it('the flagship runs one Cypher query: the name and the whole answer together', async () => {
    // 5 tasks a body: with each assignment's body too, the default 10 prices 100 bodies at 32,201, over the cost limit.
    const { reply, queries } = await api.counted(flagship('(includeSupporting: true, includeEnclosing: true, tasksFirst: 5)'));
    expect(reply.body.errors).toBeUndefined();
    const expected = walk.responsibilities(HUADU, { includeDescendants: true, includeEnclosing: true, includeSupporting: true });
    const bodiesAndRoles = new Set([...expected].map((k) => k.split(' ').slice(0, 2).join(' ')));
    expect(reply.body.data!.district.leadingDepartments.length).toBe(bodiesAndRoles.size);
    expect(bodiesAndRoles.size).toBeGreaterThan(1);
    expect(queries).toBe(1);
    // Asking for task text too costs one more query for all tasks together.
    const withText = await api.counted('{ district(name: "花都") { leadingDepartments(includeEnclosing: true) { tasks { text } } } }');
    expect(withText.reply.body.errors).toBeUndefined();
    expect(withText.queries).toBe(2);
  });

  it('the answer fetched with the name is the answer fetched for the district on its own, for every option and page', async () => {
    // Asked twice under one district (aliases), leadingDepartments is not prefetched: each alias
    // runs the query by id, after the name's own query.
    const selection = 'department { id } role taskCount planCount cursor tasks { id plan { id } assignments { department { id } role evidence { document line } } }';
    let compared = 0;
    for (const name of ['花都', '广州市', '广东省', '440114']) {
      for (const args of ['(first: 10, tasksFirst: 3)', '(includeSupporting: true, first: 3)', '(includeDescendants: false, first: 10, tasksFirst: 2)', '(includeEnclosing: true, first: 2, after: "b2Zmc2V0OjE", tasksFirst: 1)']) {
        const one = await api.counted(`{ district(name: "${name}") { name leadingDepartments${args} { ${selection} } } }`);
        const two = await api.counted(`{ district(name: "${name}") { name a: leadingDepartments${args} { ${selection} } b: leadingDepartments${args} { ${selection} } } }`);
        expect(one.reply.body.errors, `${name} ${args}`).toBeUndefined();
        expect(two.reply.body.errors, `${name} ${args}`).toBeUndefined();
        expect(one.queries, `${name} ${args}`).toBe(1);
        expect(two.queries, `${name} ${args}`).toBe(2);
        const prefetched = one.reply.body.data!.district.leadingDepartments;
        expect(prefetched, `${name} ${args}`).toEqual(two.reply.body.data!.district.a);
        compared += prefetched.length;
      }
    }
    expect(compared).toBeGreaterThan(20);
    // A bad page under a name is still the page's error, and an unknown name still lists close names.
    const bad = await api.request('{ district(name: "花都") { leadingDepartments(first: 101) { role } } }');
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await api.request('{ district(name: "花度区") { leadingDepartments { role } } }');
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.body.errors?.[0]?.message).toContain('花都区');
  });

  it('a deep request (a full page with every relation) passes the limits and runs a fixed number of queries, the same bound for 2 rows or 100', async () => {
    const deep = `query($n: Int) {
      plan(id: "${HUADU_PLAN}") { title issuer { name } jurisdiction { name parent { name } }
        goals { name targetedBy { title } }
        tasks(first: $n) { totalCount edges { node {
          title parent { title } children { title }
          plan { title }
          assignments { role department { name jurisdiction { name } } evidence { line } }
          leads { name } supporters { name }
          districts { name parent { name } }
          projects { name districts { name } }
          goals { name plan { title } }
        } } }
      }
    }`;
    const small = await api.counted(deep, { n: 2 });
    const large = await api.counted(deep, { n: 100 });
    expect(small.reply.body.errors, JSON.stringify(small.reply.body.errors)).toBeUndefined();
    expect(large.reply.body.errors, JSON.stringify(large.reply.body.errors)).toBeUndefined();
    const { totalCount, edges } = large.reply.body.data!.plan.tasks;
    expect(totalCount).toBeGreaterThan(2);
    expect(edges.length).toBe(Math.min(100, totalCount));
    // At most one query per relationship field per level (the plan lookup + 16 fields here), whatever the number of rows.
    expect(small.queries).toBeLessThanOrEqual(17);
    expect(large.queries).toBeLessThanOrEqual(17);
    expect(large.queries).toBeGreaterThan(10);
  });
});

describe('contract', () => {
  const tool = new URL('../../../shared/tools/contract-check.mjs', import.meta.url);
  // A loaded machine can take a minute to start node and answer the first introspection, so
  // the server is warmed with the same query first and the check gets a generous time.
  it.skipIf(!existsSync(tool))('contract-check against the running server prints "contract: ok"', { timeout: 240_000 }, async () => {
    const warm = await api.request(getIntrospectionQuery());
    expect(warm.body.errors).toBeUndefined();
    expect(warm.body.data!.__schema.queryType.name).toBe('Query');
    // Asynchronously: the server answering it runs in this process.
    const { stdout } = await promisify(execFile)(process.execPath, [tool.pathname, api.url], {
      cwd: new URL('../..', import.meta.url).pathname,
      encoding: 'utf8',
      timeout: 230_000,
    });
    expect(stdout.trim().split('\n').at(-1)).toBe('contract: ok');
  });
});
