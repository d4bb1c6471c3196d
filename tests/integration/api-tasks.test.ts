/**
 * Task filters (each alone and combined), pagination, sorting, Chinese search, paths,
 * related tasks and workload, over real HTTP on the real seeds.
 */
import { describe, expect, it } from 'vitest';
import { allTaskIds, useSeededApi } from './api.harness.ts';
import { escapeLucene } from '../../graph/queries/names.ts';
import { TASK_FULLTEXT_INDEX } from '../../graph/schema.ts';
import { taskConnectionQuery } from '../../graph/queries/tasks.ts';
import { listCap } from '../../graph/queries/hit-lists.ts';
import { int } from '../../graph/queries/cypher.ts';

const api = useSeededApi();

const PROVINCIAL_PLAN = 'plan:guangdong-new-urbanisation-plan-2021-2035';
const NDRC = '广东省发展和改革委员会';

/** Every task id the `tasks` query yields for a filter, paging with `after`. */
function filtered(filter: Record<string, unknown>, first = 100): Promise<string[]> {
  return allTaskIds(async (after) => (await api.query(
    `query($f: TaskFilter, $first: Int, $after: String) { tasks(filter: $f, first: $first, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
    { f: filter, first, after },
  )).tasks);
}

const nodesQuery = `query($f: TaskFilter, $first: Int, $after: String, $o: TaskOrder) {
  tasks(filter: $f, first: $first, after: $after, orderBy: $o) {
    totalCount
    edges { cursor node { id ref title text plan { id title } leads { id name } supporters { id name } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

describe('tasks(filter:)', () => {
  it('ledBy (an alias) returns exactly the tasks the body leads', async () => {
    const { tasks } = await api.query(nodesQuery, { f: { ledBy: '省发展改革委' }, first: 100 });
    expect(tasks.totalCount).toBeGreaterThan(5);
    for (const e of tasks.edges) expect(e.node.leads.map((d: any) => d.name)).toContain(NDRC);
    const { department } = await api.query(`{ department(name: "省发展改革委") { name leads { id } } }`);
    expect(department.name).toBe(NDRC);
    expect(new Set(await filtered({ ledBy: '省发展改革委' }))).toEqual(new Set(department.leads.map((t: any) => t.id)));
  });

  it("a body's tasks with their plans come in one Cypher query, the same tasks and plans as asked separately", async () => {
    const together = await api.counted(`{ department(name: "省发展改革委") { name leads { id title plan { id title } } } }`);
    expect(together.reply.body.errors).toBeUndefined();
    expect(together.queries).toBe(1);
    // Through a fragment too (the prefetch looks into fragments).
    const viaFragment = await api.counted(`{ department(name: "省发展改革委") { ...L } } fragment L on Department { leads { id title plan { id title } } }`);
    expect(viaFragment.queries).toBe(1);
    expect(viaFragment.reply.body.data!.department.leads).toEqual(together.reply.body.data!.department.leads);
    // The same tasks one by one: task(id) { plan } resolves each plan on its own.
    const leads = together.reply.body.data!.department.leads as { id: string; title: string; plan: { id: string; title: string } }[];
    expect(leads.length).toBeGreaterThan(5);
    for (const t of leads.slice(0, 5)) {
      const { task } = await api.query(`query($id: ID!) { task(id: $id) { id title plan { id title } } }`, { id: t.id });
      expect(task).toEqual(t);
    }
  });

  it('the page leads(first, offset) asks for comes with the body in that one query, the same tasks as the page fetched on its own', async () => {
    const all = (await api.query(`{ department(name: "省发展改革委") { leads { id } } }`)).department.leads.map((t: any) => t.id);
    expect(all.length).toBeGreaterThan(8);
    const asked = await api.counted(
      `query($n: Int, $o: Int) { department(name: "省发展改革委") { leadCount leads(first: $n, offset: $o) { id plan { id } } } }`,
      { n: 3, o: 2 },
    );
    expect(asked.reply.body.errors).toBeUndefined();
    expect(asked.queries).toBe(1);
    const department = asked.reply.body.data!.department;
    expect(department.leads.map((t: any) => t.id)).toEqual(all.slice(2, 5));
    expect(department.leadCount).toBe(all.length);
    // Two selections asking for different pages: each gets its own page (the prefetch steps aside).
    const two = await api.query(`{ department(name: "省发展改革委") { a: leads(first: 2) { id } b: leads(first: 4, offset: 1) { id } } }`);
    expect(two.department.a.map((t: any) => t.id)).toEqual(all.slice(0, 2));
    expect(two.department.b.map((t: any) => t.id)).toEqual(all.slice(1, 5));
  });

  it("a body's leads and supports come in reading order (document, line, id) on every page, with their counts", async () => {
    // Each body's distinct tasks per role, read here from the graph and sorted here (a task
    // without a line after its document's numbered ones); the API reads the writer's reading index.
    const rows = await api.driver.executeQuery(
      `MATCH (d:Department)-[r:LEADS|SUPPORTS]->(t:Task)
       WITH d, type(r) AS role, collect(DISTINCT {document: t.document, line: t.line, id: t.id}) AS tasks
       RETURN d.id AS body, role, tasks ORDER BY size(tasks) DESC, body, role`,
      {},
      { database: api.database },
    );
    const key = (t: { document: string; line: number | null; id: string }) => [t.document, t.line === null ? '~' : String(t.line).padStart(10, '0'), t.id];
    const before = (a: string[], b: string[]) => { for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1; return 0; };
    const all = rows.records.map((r) => r.toObject() as { body: string; role: 'LEADS' | 'SUPPORTS'; tasks: { document: string; line: unknown; id: string }[] });
    // The busiest bodies in each role and a few with one task: pages of 7 across many documents.
    const chosen = [...all.filter((r) => r.role === 'LEADS').slice(0, 3), ...all.filter((r) => r.role === 'SUPPORTS').slice(0, 3), ...all.slice(-3)];
    let compared = 0;
    for (const { body, role, tasks } of chosen) {
      const expected = tasks
        .map((t) => ({ ...t, line: t.line === null ? null : Number(t.line) }))
        .sort((a, b) => before(key(a), key(b)))
        .map((t) => t.id);
      const [field, count] = role === 'LEADS' ? ['leads', 'leadCount'] : ['supports', 'supportCount'];
      const got: string[] = [];
      for (let offset = 0; offset < expected.length; offset += 7) {
        const { department } = await api.query(`query($n: String!, $o: Int) { department(name: $n) { ${count} ${field}(first: 7, offset: $o) { id } } }`, { n: body, o: offset });
        expect(department[count], `${body} ${role}`).toBe(expected.length);
        got.push(...department[field].map((t: { id: string }) => t.id));
      }
      expect(got, `${body} ${role}`).toEqual(expected);
      compared += got.length;
    }
    expect(new Set(all.map((r) => r.tasks.map((t) => t.document)).flat()).size).toBeGreaterThan(1);
    expect(compared).toBeGreaterThan(50);
  });

  it('supportedBy returns tasks the body supports', async () => {
    const { tasks } = await api.query(nodesQuery, { f: { supportedBy: '省发展改革委' }, first: 50 });
    expect(tasks.totalCount).toBeGreaterThan(0);
    for (const e of tasks.edges) expect(e.node.supporters.map((d: any) => d.name)).toContain(NDRC);
  });

  it('plan keeps to one plan', async () => {
    const { tasks } = await api.query(nodesQuery, { f: { plan: PROVINCIAL_PLAN }, first: 100 });
    expect(tasks.totalCount).toBeGreaterThan(20);
    for (const e of tasks.edges) expect(e.node.plan.id).toBe(PROVINCIAL_PLAN);
    // every one of its tasks, in the plan's own order (Plan.tasks: reading order)
    const all = await filtered({ plan: PROVINCIAL_PLAN });
    const { plan } = await api.query('query($id: ID!) { plan(id: $id) { tasks(first: 100) { totalCount } } }', { id: PROVINCIAL_PLAN });
    expect(all.length).toBe(plan.tasks.totalCount);
    const { records } = await api.driver.executeQuery(
      'MATCH (t:Task)-[:PART_OF*1..]->(:Plan {id: $id}) RETURN t.id AS id ORDER BY t.line, t.id',
      { id: PROVINCIAL_PLAN },
      { database: api.database },
    );
    expect(all).toEqual(records.map((r) => r.get('id')));
  });

  it('a plan with a body and an area is the intersection of each alone, in plan order', async () => {
    const plan = await filtered({ plan: PROVINCIAL_PLAN });
    const led = new Set(await filtered({ ledBy: '省发展改革委' }));
    const supported = new Set(await filtered({ supportedBy: '省教育厅' }));
    for (const touches of ['广东省', '广州市']) {
      const area = new Set(await filtered({ touches }));
      const ledThere = await filtered({ plan: PROVINCIAL_PLAN, ledBy: '省发展改革委', touches });
      expect(ledThere).toEqual(plan.filter((id) => led.has(id) && area.has(id)));
      expect(ledThere.length).toBeGreaterThan(0);
      const around = new Set(await filtered({ touches, includeEnclosing: true }));
      const both = await filtered({ plan: PROVINCIAL_PLAN, supportedBy: '省教育厅', touches, includeEnclosing: true });
      expect(both).toEqual(plan.filter((id) => supported.has(id) && around.has(id)));
      expect(both.length).toBeGreaterThan(0);
    }
  });

  it('touches (alias or code) equals District.tasks for that area', async () => {
    const byAlias = await filtered({ touches: '花都' });
    const byCode = await filtered({ touches: '440114' });
    const { district } = await api.query(`{ district(name: "花都区") { tasks(first: 1) { totalCount } } }`);
    expect(byAlias.length).toBe(district.tasks.totalCount);
    expect(new Set(byCode)).toEqual(new Set(byAlias));
    const enclosing = await filtered({ touches: '花都', includeEnclosing: true });
    const { district: d2 } = await api.query(`{ district(name: "花都区") { tasks(first: 1, includeEnclosing: true) { totalCount } } }`);
    expect(enclosing.length).toBe(d2.tasks.totalCount);
    expect(enclosing.length).toBeGreaterThan(byAlias.length);
  });

  it('text finds Chinese words, best match first', async () => {
    const { tasks } = await api.query(nodesQuery, { f: { text: '碳达峰' }, first: 20 });
    expect(tasks.totalCount).toBeGreaterThan(0);
    for (const e of tasks.edges) expect(`${e.node.title}${e.node.text}`).toMatch(/碳达|达峰/);
    expect(`${tasks.edges[0].node.title}${tasks.edges[0].node.text}`).toContain('碳达峰');
  });

  it('filters combine with AND: the result is the intersection of each alone', async () => {
    const touches = new Set(await filtered({ touches: '花都' }));
    const led = new Set(await filtered({ ledBy: '省发展改革委' }));
    const both = await filtered({ touches: '花都', ledBy: '省发展改革委' });
    expect(new Set(both)).toEqual(new Set([...touches].filter((id) => led.has(id))));
    expect(both.length).toBeGreaterThan(0);

    const text = new Set(await filtered({ text: '城乡融合' }));
    const plan = new Set(await filtered({ plan: PROVINCIAL_PLAN }));
    const three = await filtered({ text: '城乡融合', plan: PROVINCIAL_PLAN, touches: '广东省' });
    const touchesGd = new Set(await filtered({ touches: '广东省' }));
    expect(new Set(three)).toEqual(new Set([...text].filter((id) => plan.has(id) && touchesGd.has(id))));
    expect(three.length).toBeGreaterThan(0);
  });

  it('words within an area: checked against the area\'s listed tasks or each hit\'s own edges, the same totals and pages', async () => {
    const run = async (q: { text: string; params: Record<string, unknown> }) => {
      const { records } = await api.driver.executeQuery(q.text, q.params, { database: api.database });
      return { total: records[0].get('totalCount'), page: records[0].get('page').map((t: any) => t.id) };
    };
    let found = 0;
    for (const name of ['花都区', '广州市', '狮岭镇']) {
      const { records } = await api.driver.executeQuery('MATCH (a:District {name: $name}) RETURN a.id AS id, COUNT { (a)<-[:TOUCHES]-() } AS edges', { name }, { database: api.database });
      const area = records[0].get('id') as string;
      // on the seeds every area is small enough to list; the per-hit check is what bigger areas get
      expect(Number(records[0].get('edges'))).toBeLessThanOrEqual(listCap(7));
      for (const words of ['建设', '交通']) {
        for (const includeDescendants of [true, false]) {
          for (const order of ['RELEVANCE', 'TITLE'] as const) {
            const q = taskConnectionQuery({ text: escapeLucene(words), touches: area, touchesOptions: { includeDescendants, includeEnclosing: false } }, order, { skip: 0, limit: 7 });
            expect(q.text).toContain('t IN areaTasks');
            const listed = await run(q);
            const checked = await run({ ...q, params: { ...q.params, listCap: int(0) } });
            expect(listed, `${words} ${name} ${includeDescendants} ${order}`).toEqual(checked);
            found += Number(listed.total);
          }
        }
      }
    }
    expect(found).toBeGreaterThan(20);
  });

  it('a deep page of words holds what a first page does in Neo4j\'s memory accounting (the cut is an aggregate, lists within the cap)', async () => {
    const { records } = await api.driver.executeQuery("CALL db.index.fulltext.queryNodes($index, '发展') YIELD node RETURN count(node) AS n", { index: TASK_FULLTEXT_INDEX }, { database: api.database });
    const hits = Number(records[0].get('n'));
    expect(hits).toBeGreaterThan(200);
    const profiled = async (skip: number, filter: Record<string, unknown>) => {
      const q = taskConnectionQuery({ text: '发展', ...filter }, 'RELEVANCE', { skip, limit: 20 });
      const r = await api.driver.executeQuery(`PROFILE ${q.text}`, q.params, { database: api.database });
      const profile = r.summary.profile;
      if (!profile) throw new Error('no profile');
      return { total: Number(r.records[0].get('totalCount')), rows: r.records[0].get('page').length as number, memory: Number(profile.arguments.GlobalMemory) };
    };
    const { records: body } = await api.driver.executeQuery("MATCH (d:Department {name: '广东省发展和改革委员会'}) RETURN d.id AS id", {}, { database: api.database });
    for (const filter of [{}, { ledBy: [body[0].get('id')] }]) {
      const first = await profiled(0, filter);
      const deep = await profiled(Math.max(0, first.total - 10), filter);
      expect(deep.rows, JSON.stringify(filter)).toBeGreaterThan(0);
      // a list of the page's keys kept in each sorted row grew with the square of the offset: 7.9 MB at 280 here
      expect(deep.memory, JSON.stringify(filter)).toBeLessThan(first.memory + 2_000_000);
    }
    expect((await profiled(0, {})).total).toBe(hits);
  });

  it('words with a body or a plan are the hits that body leads or supports or that plan holds, in the order of the words alone', async () => {
    const ranked = await filtered({ text: '建设' });
    for (const [role, name] of [['ledBy', '省发展改革委'], ['supportedBy', '省教育厅'], ['plan', PROVINCIAL_PLAN]] as const) {
      const theirs = new Set(await filtered({ [role]: name }));
      const together = await filtered({ text: '建设', [role]: name });
      expect(together.length, role).toBeGreaterThan(0);
      expect(together.length, role).toBeLessThan(ranked.length);
      expect(together, role).toEqual(ranked.filter((id) => theirs.has(id)));
    }
  });

  it('a body with an area (read from the body\'s assignments) is the intersection for every touches option and role', async () => {
    const led = new Set(await filtered({ ledBy: '省发展改革委' }));
    const supported = new Set(await filtered({ supportedBy: '省发展改革委' }));
    let nonEmpty = 0;
    for (const area of ['花都', '广州市', '狮岭镇']) {
      for (const [includeDescendants, includeEnclosing] of [[true, false], [false, false], [true, true], [false, true]]) {
        const where = { touches: area, includeDescendants, includeEnclosing };
        const touching = new Set(await filtered(where));
        const both = await filtered({ ...where, ledBy: '省发展改革委' });
        expect(new Set(both), `${area} ${includeDescendants} ${includeEnclosing} ledBy`).toEqual(new Set([...touching].filter((id) => led.has(id))));
        const backed = await filtered({ ...where, supportedBy: '省发展改革委' });
        expect(new Set(backed), `${area} ${includeDescendants} ${includeEnclosing} supportedBy`).toEqual(new Set([...touching].filter((id) => supported.has(id))));
        const all = await filtered({ ...where, ledBy: '省发展改革委', supportedBy: '省发展改革委' });
        expect(new Set(all)).toEqual(new Set([...touching].filter((id) => led.has(id) && supported.has(id))));
        nonEmpty += both.length && backed.length ? 1 : 0;
      }
    }
    // not an intersection of empty sets everywhere
    expect(nonEmpty).toBeGreaterThan(2);
  });

  it('unknown names in filters are BAD_USER_INPUT naming the argument', async () => {
    for (const [f, arg] of [[{ touches: '火星区' }, 'filter.touches'], [{ ledBy: '不存在的委员会' }, 'filter.ledBy'], [{ plan: 'plan:nope' }, 'filter.plan']] as const) {
      const reply = await api.request(nodesQuery, { f });
      expect(reply.body.errors?.[0]?.extensions?.code, JSON.stringify(f)).toBe('BAD_USER_INPUT');
      expect(reply.body.errors?.[0]?.message).toContain(arg);
    }
  });
});

describe('pagination and order', () => {
  it('pages of 7 walk the whole list once, with consistent totals and cursors', async () => {
    const all = await filtered({ plan: PROVINCIAL_PLAN }, 100);
    const paged = await filtered({ plan: PROVINCIAL_PLAN }, 7);
    expect(paged).toEqual(all);
    expect(new Set(paged).size).toBe(paged.length);
    const first = (await api.query(nodesQuery, { f: { plan: PROVINCIAL_PLAN }, first: 7 })).tasks;
    expect(first.totalCount).toBe(all.length);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = (await api.query(nodesQuery, { f: { plan: PROVINCIAL_PLAN }, first: 7, after: first.pageInfo.endCursor })).tasks;
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    expect(second.edges.map((e: any) => e.node.id)).toEqual(all.slice(7, 14));
  });

  it('without totalCount selected, the same pages and pageInfo, and no count pass sent to Neo4j', async () => {
    const shape = 'edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
    const forms = {
      tasks: (withTotal: boolean) => `query($f: TaskFilter, $first: Int, $after: String) { tasks(filter: $f, first: $first, after: $after) { ${withTotal ? 'totalCount ' : ''}${shape} } }`,
      district: (withTotal: boolean) =>
        `query($name: String!, $e: Boolean, $first: Int, $after: String) { district(name: $name) { tasks(includeEnclosing: $e, first: $first, after: $after) { ${withTotal ? 'totalCount ' : ''}${shape} } } }`,
    };
    /** Every page of one form, in order, and the Cypher each sent. */
    const walk = async (source: string, variables: Record<string, unknown>, at: (data: any) => any) => {
      const pages: any[] = [];
      const sent: string[] = [];
      for (let after: string | null = null, more = true; more; ) {
        const before = api.queries.length;
        const page = at(await api.query(source, { ...variables, after }));
        sent.push(...api.queries.slice(before));
        const { totalCount, ...rest } = page;
        pages.push(rest);
        more = page.pageInfo.hasNextPage;
        after = page.pageInfo.endCursor;
        expect(pages.length).toBeLessThan(100);
      }
      return { pages, sent };
    };
    const cases: [string, Record<string, unknown>, (d: any) => any][] = [
      // pages short enough for several of each list
      ...[{ touches: '花都区', includeEnclosing: true }, { touches: '花都区' }, { text: '交通' }, { ledBy: '省发展改革委' }, { plan: PROVINCIAL_PLAN, touches: '广州市' }].map(
        (f) => ['tasks', { f, first: f.ledBy ? 3 : 20 }, (d: any) => d.tasks] as [string, Record<string, unknown>, (d: any) => any],
      ),
      ...[true, false].map((e) => ['district', { name: '花都区', e, first: 20 }, (d: any) => d.district.tasks] as [string, Record<string, unknown>, (d: any) => any]),
    ];
    for (const [form, variables, at] of cases) {
      const counted = await walk(forms[form as keyof typeof forms](true), variables, at);
      const uncounted = await walk(forms[form as keyof typeof forms](false), variables, at);
      expect(uncounted.pages, JSON.stringify(variables)).toEqual(counted.pages);
      expect(counted.pages.length, JSON.stringify(variables)).toBeGreaterThan(1);
      // The count pass (every filter but an area alone) and the enclosing areas' distinct count
      // are left out; an area's own degree may stay (it is no pass of its own).
      for (const text of uncounted.sent) {
        expect(text, JSON.stringify(variables)).not.toContain('RETURN count(t) AS totalCount');
        expect(text, JSON.stringify(variables)).not.toContain('COUNT { CALL (a)');
      }
      expect(counted.sent.some((t) => t.includes('RETURN count(t) AS totalCount') || t.includes('COUNT {')), JSON.stringify(variables)).toBe(true);
    }
  });

  it('ranked by relevance, every page is the cut of the whole ranking (ties by plan, line, id), with and without an area', async () => {
    const ranking = async (words: string, area?: string) =>
      (
        await api.driver.executeQuery(
          `CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node AS t, score
           WITH t, score WHERE t:Task ${area ? 'AND EXISTS { (t)-[:TOUCHES]->(:District {name: $area}) }' : ''}
           OPTIONAL CALL (t) { MATCH (t)-[:PART_OF*1..]->(p:Plan) RETURN p LIMIT 1 }
           RETURN t.id AS id ORDER BY score DESC, p.title, p.id, t.line, t.id`,
          { index: TASK_FULLTEXT_INDEX, lucene: escapeLucene(words), area: area ?? null },
          { database: api.database },
        )
      ).records.map((r) => r.get('id') as string);
    for (const [words, area] of [['交通', undefined], ['建设', undefined], ['碳达峰', undefined], ['建设', '花都区']] as [string, string | undefined][]) {
      const expected = await ranking(words, area);
      expect(expected.length, words).toBeGreaterThan(5);
      const f = { text: words, ...(area ? { touches: area } : {}) };
      // pages of 5 (ties fall across page ends) and of 100
      expect(await filtered(f, 5), `${words} ${area ?? ''}`).toEqual(expected);
      expect(await filtered(f, 100), `${words} ${area ?? ''}`).toEqual(expected);
    }
  });

  it('ordered by TITLE or REF, every page is the cut of the whole order (ties by plan, line, id)', async () => {
    // Every task with its sort keys, in the test: the order each orderBy promises.
    const keyed = (
      await api.driver.executeQuery(
        `MATCH (t:Task)
         OPTIONAL CALL (t) { MATCH (t)-[:PART_OF*1..]->(p:Plan) RETURN p LIMIT 1 }
         RETURN t.id AS id, t.title AS title, t.ref AS ref, p.title AS pt, p.id AS pid, t.line AS line`,
        {},
        { database: api.database },
      )
    ).records.map((r) => r.toObject() as { id: string; title: string | null; ref: string | null; pt: string | null; pid: string | null; line: number | null });
    const cmp = (a: unknown, b: unknown) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : (a as string | number) < (b as string | number) ? -1 : 1);
    const byKeys = (keys: (keyof (typeof keyed)[number])[]) => (a: (typeof keyed)[number], b: (typeof keyed)[number]) => {
      for (const k of keys) {
        const c = cmp(k === 'line' && a.line !== null ? Number(a.line) : a[k], k === 'line' && b.line !== null ? Number(b.line) : b[k]);
        if (c) return c;
      }
      return 0;
    };
    const orders = { TITLE: byKeys(['title', 'pt', 'pid', 'line', 'id']), REF: byKeys(['ref', 'pt', 'pid', 'id']) };
    const paged = (f: Record<string, unknown>, o: string, first: number) =>
      allTaskIds(async (after) => (await api.query(
        `query($f: TaskFilter, $o: TaskOrder, $first: Int, $after: String) { tasks(filter: $f, orderBy: $o, first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { f, o, first, after },
      )).tasks);
    for (const f of [{ text: '建设' }, { ledBy: '省发展改革委' }, { plan: PROVINCIAL_PLAN }]) {
      const members = new Set(await filtered(f, 100));
      for (const [o, order] of Object.entries(orders)) {
        const expected = keyed.filter((k) => members.has(k.id)).sort(order).map((k) => k.id);
        expect(expected.length, JSON.stringify(f)).toBeGreaterThan(5);
        expect(await paged(f, o, 4), `${o} ${JSON.stringify(f)}`).toEqual(expected);
        expect(await paged(f, o, 100), `${o} ${JSON.stringify(f)}`).toEqual(expected);
      }
    }
  });

  it('defaults to 20 and refuses more than 100 or a made-up cursor', async () => {
    expect((await api.query(nodesQuery, {})).tasks.edges).toHaveLength(20);
    expect((await api.query(nodesQuery, { first: 100 })).tasks.edges).toHaveLength(100);
    for (const vars of [{ first: 101 }, { first: -1 }, { after: 'not-a-cursor' }]) {
      const reply = await api.request(nodesQuery, vars);
      expect(reply.body.errors?.[0]?.extensions?.code, JSON.stringify(vars)).toBe('BAD_USER_INPUT');
    }
  });

  it('orders by TITLE, PLAN and REF', async () => {
    const titles = (await api.query(nodesQuery, { f: { ledBy: '省发展改革委' }, first: 100, o: 'TITLE' })).tasks.edges.map((e: any) => e.node.title as string);
    expect(titles).toEqual([...titles].sort(codepointOrder));
    const plans = (await api.query(nodesQuery, { f: { touches: '花都' }, first: 100, o: 'PLAN' })).tasks.edges.map((e: any) => e.node.plan.title as string);
    expect(plans).toEqual([...plans].sort(codepointOrder));
    const refs = (await api.query(nodesQuery, { f: { plan: PROVINCIAL_PLAN }, first: 100, o: 'REF' })).tasks.edges.map((e: any) => e.node.ref as string);
    expect(refs).toEqual([...refs].sort(codepointOrder));
    const reply = await api.request(nodesQuery, { o: 'RELEVANCE' });
    expect(reply.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

/**
 * Related tasks computed independently from the raw edges: for a task, every task of another
 * plan sharing a District (both LOCATED_IN it), a Project (PART_OF both), a Goal (both TARGETS
 * it) or a Department (LEADS/SUPPORTS both), with what they share (`kind id via`) and its weight
 * (3 per place, project or goal; 1 per body and pair of responsibility types).
 */
async function relatedByEdges() {
  const rows = async (cypher: string) => (await api.driver.executeQuery(cypher, {}, { database: api.database })).records.map((r) => r.toObject() as Record<string, string>);
  const planOf = new Map((await rows('MATCH (t:Task)-[:PART_OF*1..]->(p:Plan) RETURN t.id AS t, p.id AS p')).map((r) => [r.t!, r.p!]));
  // entity → [task, via] links
  const links = new Map<string, { task: string; kind: string; id: string; via: string }[]>();
  const link = (kind: string, id: string, task: string, via: string) => {
    const key = `${kind} ${id}`;
    links.set(key, [...(links.get(key) ?? []), { task, kind, id, via }]);
  };
  for (const r of await rows('MATCH (t:Task)-[:LOCATED_IN]->(d:District) RETURN t.id AS t, d.id AS s')) link('District', r.s!, r.t!, 'LOCATED_IN');
  for (const r of await rows('MATCH (x:Project)-[:PART_OF]->(t:Task) RETURN t.id AS t, x.id AS s')) link('Project', r.s!, r.t!, 'PART_OF');
  for (const r of await rows('MATCH (t:Task)-[:TARGETS]->(g:Goal) RETURN t.id AS t, g.id AS s')) link('Goal', r.s!, r.t!, 'TARGETS');
  for (const r of await rows('MATCH (b:Department)-[r:LEADS|SUPPORTS]->(t:Task) RETURN t.id AS t, b.id AS s, type(r) AS via')) link('Department', r.s!, r.t!, r.via!);
  const byTask = new Map<string, { kind: string; id: string; via: string }[]>();
  for (const list of links.values()) for (const l of list) byTask.set(l.task, [...(byTask.get(l.task) ?? []), l]);
  return {
    planOf,
    of(task: string): Map<string, { shared: Set<string>; weight: number }> {
      const out = new Map<string, { shared: Set<string>; weight: number }>();
      for (const mine of byTask.get(task) ?? []) {
        for (const other of links.get(`${mine.kind} ${mine.id}`) ?? []) {
          if (other.task === task || !planOf.has(other.task) || planOf.get(other.task) === planOf.get(task)) continue;
          const via = mine.kind === 'Department' ? `${mine.via}/${other.via}` : mine.via;
          const entry = out.get(other.task) ?? { shared: new Set<string>(), weight: 0 };
          const key = `${mine.kind} ${mine.id} ${via}`;
          if (!entry.shared.has(key)) {
            entry.shared.add(key);
            entry.weight += mine.kind === 'Department' ? 1 : 3;
          }
          out.set(other.task, entry);
        }
      }
      return out;
    },
  };
}

/** Neo4j orders strings by code point, as JavaScript's default comparison of UTF-16 units does for these BMP characters. */
function codepointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

describe('search', () => {
  const searchQuery = `query($t: String!, $k: [EntityKind!]) { search(text: $t, first: 10, kinds: $k) {
    __typename ... on District { id name } ... on Task { id title text } ... on Department { name } ... on Plan { title } ... on Goal { name } ... on Project { name } } }`;

  it('花都 finds 花都区 first', async () => {
    const { search } = await api.query(searchQuery, { t: '花都' });
    expect(search[0]).toEqual({ __typename: 'District', id: 'div:440114', name: '花都区' });
    expect(search.length).toBeGreaterThan(3);
  });

  it('碳达峰 finds tasks that say it', async () => {
    const { search } = await api.query(searchQuery, { t: '碳达峰', k: ['TASK'] });
    expect(search.length).toBeGreaterThan(0);
    expect(search.every((h: any) => h.__typename === 'Task')).toBe(true);
    expect(`${search[0].title}${search[0].text}`).toContain('碳达峰');
  });

  it('finds bodies by alias and refuses empty text', async () => {
    const { search } = await api.query(searchQuery, { t: '省发展改革委', k: ['DEPARTMENT'] });
    expect(search[0]).toEqual({ __typename: 'Department', name: NDRC });
    expect((await api.request(searchQuery, { t: '  ' })).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('path, related tasks, workload', () => {
  it('connects 广东省农业农村厅 to 花都区 by a chain of model relationships', async () => {
    const { path } = await api.query(`{ path(from: "广东省农业农村厅", to: "花都") {
      length nodes { id kind name } steps { from { id } to { id } relationship forward evidence { document line quote } source } } }`);
    expect(path).not.toBeNull();
    expect(path.nodes[0]).toMatchObject({ kind: 'DEPARTMENT', name: '广东省农业农村厅' });
    expect(path.nodes.at(-1)).toMatchObject({ kind: 'DISTRICT', name: '花都区' });
    expect(path.steps).toHaveLength(path.length);
    path.steps.forEach((s: any, i: number) => {
      expect(s.from.id).toBe(path.nodes[i].id);
      expect(s.to.id).toBe(path.nodes[i + 1].id);
      expect(['LEADS', 'SUPPORTS', 'LOCATED_IN', 'TARGETS', 'PART_OF', 'ISSUED_BY', 'GOVERNS']).toContain(s.relationship);
    });
    // The first hop is a responsibility read from text, so it carries evidence.
    expect(['LEADS', 'SUPPORTS']).toContain(path.steps[0].relationship);
    expect(path.steps[0].evidence.line).toBeGreaterThan(0);
  });

  it('related tasks are exactly the best-ranked tasks of other plans sharing a place, project, goal or body', async () => {
    const related = await relatedByEdges();
    // Subjects: provincial tasks touching 花都区, plus (when the graph has any) tasks sharing a
    // body or a goal with another plan's task, so every kind of link is checked.
    const { tasks } = await api.query(`{ tasks(filter: { touches: "花都", plan: "${PROVINCIAL_PLAN}" }, first: 20) { edges { node { id } } } }`);
    expect(tasks.edges.length).toBeGreaterThan(0);
    const subjects = new Set<string>(tasks.edges.map((e: any) => e.node.id));
    for (const kind of ['Department', 'Goal', 'Project']) {
      const sharing = [...related.planOf.keys()].filter((id) => [...related.of(id).values()].some((c) => [...c.shared].some((x) => x.startsWith(`${kind} `)))).sort();
      for (const id of sharing.slice(0, 3)) subjects.add(id);
    }
    let seen = 0;
    for (const id of subjects) {
      const { task } = await api.query(`query($id: ID!) { task(id: $id) { related(first: 10) { weight shared { kind id via } task { id plan { id } } } } }`, { id });
      const candidates = related.of(id);
      expect(task.related.length, id).toBe(Math.min(10, candidates.size));
      const weights = task.related.map((r: any) => r.weight);
      expect(weights, id).toEqual([...weights].sort((a: number, b: number) => b - a));
      for (const r of task.related) {
        seen++;
        const expected = candidates.get(r.task.id);
        expect(expected, `${id} → ${r.task.id}`).toBeDefined();
        expect(r.task.plan.id).not.toBe(related.planOf.get(id));
        expect(new Set(r.shared.map((x: any) => `${x.kind} ${x.id} ${x.via}`)), `${id} → ${r.task.id}`).toEqual(expected!.shared);
        expect(r.weight, `${id} → ${r.task.id}`).toBe(expected!.weight);
      }
      // Nothing left out ranks above what was listed.
      const listed = new Set(task.related.map((r: any) => r.task.id));
      const lowest = Math.min(...weights);
      for (const [other, c] of candidates) if (!listed.has(other)) expect(c.weight, `${id} leaves out ${other}`).toBeLessThanOrEqual(lowest);
    }
    // The provincial box about 广清接合片区 lists 花都区, which tasks of the Huadu plan are about too.
    expect(seen).toBeGreaterThan(0);
    const unknown = await api.request('{ relatedTasks(task: "plan:nope/一") { weight } }');
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('workload per plan adds up to what the body leads and supports', async () => {
    const { department, workload } = await api.query(`{
      department(name: "省发展改革委") { jurisdiction { name } leads { id } supports { id } workload { plan { id } led supported } }
      workload(first: 5) { department { name } led supported plans { led supported } }
    }`);
    expect(department.jurisdiction).toEqual({ name: '广东省' });
    const led = department.workload.reduce((n: number, w: any) => n + w.led, 0);
    const supported = department.workload.reduce((n: number, w: any) => n + w.supported, 0);
    expect(led).toBe(department.leads.length);
    expect(supported).toBe(department.supports.length);
    expect(workload).toHaveLength(5);
    const totals = workload.map((w: any) => w.led + w.supported);
    expect(totals).toEqual([...totals].sort((a: number, b: number) => b - a));
    for (const w of workload) expect(w.plans.reduce((n: number, p: any) => n + p.led, 0)).toBe(w.led);
  });

  it('a body\'s plans by workload come in pages (first, offset), busiest first, under a body and under the ranking', async () => {
    const { department } = await api.query(`{ department(name: "广东省住房和城乡建设厅") {
      all: workload(first: 100) { plan { id title } led supported }
      first: workload(first: 1) { plan { id } }
      second: workload(first: 1, offset: 1) { plan { id } }
      past: workload(offset: 100) { plan { id } }
    } }`);
    // on the seeds the one body in two plans
    expect(department.all.length).toBe(2);
    const totals = department.all.map((w: any) => w.led + w.supported);
    expect(totals).toEqual([...totals].sort((a: number, b: number) => b - a));
    const ids = department.all.map((w: any) => w.plan.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(department.first.map((w: any) => w.plan.id)).toEqual(ids.slice(0, 1));
    expect(department.second.map((w: any) => w.plan.id)).toEqual(ids.slice(1, 2));
    expect(department.past).toEqual([]);
    const { workload } = await api.query(`{ workload(first: 100) { department { name } plans(first: 1, offset: 1) { plan { id } led supported } } }`);
    expect(workload.length).toBeGreaterThan(10);
    const spanning = workload.filter((w: any) => w.plans.length > 0);
    expect(spanning.map((w: any) => w.department.name)).toEqual(['广东省住房和城乡建设厅']);
    expect(spanning[0].plans).toEqual([{ plan: { id: ids[1] }, led: department.all[1].led, supported: department.all[1].supported }]);
    const refused = await api.request('{ department(name: "省发展改革委") { workload(offset: -1) { led } } }');
    expect(refused.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('the overall ranking counts each body\'s distinct tasks led and supported, as walking every assignment finds them', async () => {
    const { workload } = await api.query('{ workload(first: 12) { department { id } led supported } }');
    const { records } = await api.driver.executeQuery(
      `MATCH (d:Department)-[r:LEADS|SUPPORTS]->(t:Task)
       WITH d, count(DISTINCT CASE type(r) WHEN 'LEADS' THEN t END) AS led, count(DISTINCT CASE type(r) WHEN 'SUPPORTS' THEN t END) AS supported
       RETURN d.id AS id, led, supported ORDER BY led + supported DESC, led DESC, d.name, d.id LIMIT 12`,
      {},
      { database: api.database },
    );
    expect(workload.length).toBe(12);
    expect(workload).toEqual(records.map((r) => ({ department: { id: r.get('id') }, led: Number(r.get('led')), supported: Number(r.get('supported')) })));
  });
});
