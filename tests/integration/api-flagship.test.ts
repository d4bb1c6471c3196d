/**
 * The flagship question over real HTTP against the real seeds loaded by the real loader:
 * which bodies lead tasks touching 花都区, with each option on and off, every answer traced
 * to its source line; plus the query-count bound and the contract.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allTaskIds, useSeededApi } from './api.harness.ts';

const api = useSeededApi();

const PROVINCIAL_PLAN = 'plan:guangdong-new-urbanisation-plan-2021-2035';
const HUADU_PLAN = 'plan:huadu-14th-five-year-plan';

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

async function groups(args = ''): Promise<Group[]> {
  return (await api.query(flagship(args))).district.leadingDepartments;
}

const taskIds = (gs: Group[], role?: string) => new Set(gs.filter((g) => !role || g.role === role).flatMap((g) => g.tasks.map((t) => t.id)));
const pairs = (gs: Group[]) => new Set(gs.flatMap((g) => g.tasks.map((t) => `${g.department.id} ${g.role} ${t.id}`)));

/** The source text from `line` on, wraps joined and spaces removed, for checking quotes. */
function sourceFrom(document: string, line: number): string {
  const lines = readFileSync(new URL(`../../seeds/${document}`, import.meta.url), 'utf8').split(/\r?\n/);
  return lines.slice(line - 1, line + 8).join('').replace(/\s+/g, '');
}

/** Places of everything in a task's scope (itself, its ancestors, its descendants and their projects), walked one task at a time. */
async function scopePlaces(taskId: string): Promise<{ id: string; code: string | null; name: string; level: string }[]> {
  const places = 'districts { id code name level }';
  const found: any[] = [];
  const one = async (id: string) => (await api.query(`query($id: ID!) { task(id: $id) { ${places} projects { ${places} } parent { id } children { id } } }`, { id })).task;
  const start = await one(taskId);
  const take = (t: any) => found.push(...t.districts, ...t.projects.flatMap((p: any) => p.districts));
  take(start);
  for (let up = start.parent; up; ) {
    const t = await one(up.id);
    take(t);
    up = t.parent;
  }
  const queue = [...start.children];
  while (queue.length) {
    const t = await one(queue.shift().id);
    take(t);
    queue.push(...t.children);
  }
  return found;
}

describe('district(name: "花都") { leadingDepartments }', () => {
  it('accepts the alias, the full name and the code for the same district', async () => {
    for (const name of ['花都', '花都区', '440114']) {
      const { district } = await api.query(`query($n: String!) { district(name: $n) { id name code level parent { name } } }`, { n: name });
      expect(district).toEqual({ id: 'div:440114', name: '花都区', code: '440114', level: 'DISTRICT', parent: { name: '广州市' } });
    }
  });

  it('lists leading bodies with their tasks, each assignment traceable to its source line', async () => {
    const gs = await groups();
    expect(gs.length).toBeGreaterThan(0);
    expect(gs.every((g) => g.role === 'LEAD')).toBe(true);
    let checked = 0;
    for (const g of gs) {
      for (const t of g.tasks) {
        const own = t.assignments.find((a) => a.department.id === g.department.id && a.role === 'LEAD');
        expect(own, `${g.department.name} leads ${t.id}`).toBeDefined();
        const { document, line, quote } = own.evidence;
        expect(line).toBeGreaterThan(0);
        expect(sourceFrom(document, line)).toContain(quote.replace(/\s+/g, '').slice(0, 15));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
    // Without includeEnclosing, a provincial task is there only because something in its scope
    // (itself, ancestors, children, projects) is about 花都区, a place inside it, or a zone listing it.
    const provincial = [...new Set(gs.flatMap((g) => g.tasks).filter((t) => t.plan.id === PROVINCIAL_PLAN).map((t) => t.id))];
    const zoneMembers = new Map<string, string[]>();
    for (const id of provincial) {
      const found = await scopePlaces(id);
      for (const d of found.filter((x) => x.level === 'ZONE' && !zoneMembers.has(x.id))) {
        const { district } = await api.query(`query($n: String!) { district(name: $n) { children { id } } }`, { n: d.id });
        zoneMembers.set(d.id, district.children.map((c: any) => c.id));
      }
      const aboutHuadu = found.some((d) => String(d.code ?? '').startsWith('440114') || (zoneMembers.get(d.id) ?? []).includes('div:440114'));
      expect(aboutHuadu, `${id}: ${found.map((d) => d.name).join(',')}`).toBe(true);
    }
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
    const touched = taskIds(await groups('(includeSupporting: true)'));
    for (const id of assigned) expect(touched.has(id), id).toBe(true);
  });

  it('includeSupporting adds SUPPORT groups and leaves the LEAD groups as they were', async () => {
    const plain = await groups();
    const withSupport = await groups('(includeSupporting: true)');
    expect(withSupport.some((g) => g.role === 'SUPPORT')).toBe(true);
    expect(pairs(withSupport.filter((g) => g.role === 'LEAD'))).toEqual(pairs(plain));
    for (const g of withSupport.filter((x) => x.role === 'SUPPORT')) {
      for (const t of g.tasks) expect(t.assignments.some((a) => a.department.id === g.department.id && a.role === 'SUPPORT')).toBe(true);
    }
  });

  it('includeEnclosing adds tasks of the provincial plan (it governs 广东省, which contains 花都区)', async () => {
    const plain = taskIds(await groups());
    const enclosing = taskIds(await groups('(includeEnclosing: true)'));
    for (const id of plain) expect(enclosing.has(id), id).toBe(true);
    const added = [...enclosing].filter((id) => !plain.has(id));
    expect(added.filter((id) => id.startsWith(`${PROVINCIAL_PLAN}/`)).length).toBeGreaterThan(10);
  });

  it('includeEnclosing: false keeps province-wide tasks out unless they are about 花都区 (or a zone listing it)', async () => {
    const plain = await groups();
    const provincial = plain.flatMap((g) => g.tasks).filter((t) => t.plan.id === PROVINCIAL_PLAN);
    const all = await api.query(`{ plan(id: "${PROVINCIAL_PLAN}") { tasks(first: 1) { totalCount } } }`);
    expect(provincial.length).toBeLessThan(all.plan.tasks.totalCount);
  });

  it('includeDescendants: false never adds tasks, and drops those reached only through areas inside the district', async () => {
    const huadu = taskIds(await groups());
    const huaduOwn = taskIds(await groups('(includeDescendants: false)'));
    for (const id of huaduOwn) expect(huadu.has(id), id).toBe(true);

    // 广州市: with descendants, the Huadu plan (governing 花都区, inside 广州市) counts; without, it does not.
    const gz = async (args: string) => (await api.query(`{ district(name: "广州") { leadingDepartments(includeSupporting: true${args}) { tasks { id } } } }`)).district.leadingDepartments.flatMap((g: any) => g.tasks.map((t: any) => t.id)) as string[];
    const withInside = new Set(await gz(''));
    const ownOnly = new Set(await gz(', includeDescendants: false'));
    for (const id of ownOnly) expect(withInside.has(id), id).toBe(true);
    const dropped = [...withInside].filter((id) => !ownOnly.has(id));
    expect(dropped.some((id) => id.startsWith(`${HUADU_PLAN}/`))).toBe(true);
  });

  it('District.tasks follows the same rule: enclosing adds, descendants-off removes, pages add up', async () => {
    const count = async (args: string) => (await api.query(`{ district(name: "花都区") { tasks${args} { totalCount } } }`)).district.tasks.totalCount as number;
    const plain = await count('');
    expect(plain).toBeGreaterThan(0);
    expect(await count('(includeEnclosing: true)')).toBeGreaterThan(plain);
    expect(await count('(includeDescendants: false)')).toBeLessThanOrEqual(plain);
    const ids = await allTaskIds(async (after) => (await api.query(`query($a: String) { district(name: "花都区") { tasks(first: 100, after: $a) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }`, { a: after })).district.tasks);
    expect(ids.length).toBe(plain);
    expect(new Set(ids).size).toBe(plain);
  });

  it('an unknown district is BAD_USER_INPUT naming close names', async () => {
    const reply = await api.request('{ district(name: "花度区") { name } }');
    expect(reply.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(reply.body.errors?.[0]?.message).toContain('花都区');
  });
});

describe('queries per request', () => {
  it('the flagship runs two Cypher queries: the name, then the whole answer', async () => {
    const { reply, queries } = await api.counted(flagship('(includeSupporting: true, includeEnclosing: true)'));
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data!.district.leadingDepartments.length).toBeGreaterThan(5);
    expect(queries).toBe(2);
    // Asking for task text too costs one more query for all tasks together.
    const withText = await api.counted('{ district(name: "花都") { leadingDepartments(includeEnclosing: true) { tasks { text } } } }');
    expect(withText.reply.body.errors).toBeUndefined();
    expect(withText.queries).toBe(3);
  });

  it('a deep request runs a fixed number of queries, the same bound for 2 rows or 60', async () => {
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
    const large = await api.counted(deep, { n: 60 });
    expect(small.reply.body.errors, JSON.stringify(small.reply.body.errors)).toBeUndefined();
    expect(large.reply.body.errors, JSON.stringify(large.reply.body.errors)).toBeUndefined();
    expect(large.reply.body.data!.plan.tasks.edges.length).toBeGreaterThan(50);
    // At most one query per relationship field per level (the plan lookup + 16 fields here), whatever the number of rows.
    expect(small.queries).toBeLessThanOrEqual(17);
    expect(large.queries).toBeLessThanOrEqual(17);
    expect(large.queries).toBeGreaterThan(10);
  });
});

describe('contract', () => {
  const tool = new URL('../../../shared/tools/contract-check.mjs', import.meta.url);
  it.skipIf(!existsSync(tool))('contract-check against the running server prints "contract: ok"', async () => {
    // Asynchronously: the server answering it runs in this process.
    const { stdout } = await promisify(execFile)(process.execPath, [tool.pathname, api.url], { cwd: new URL('../..', import.meta.url).pathname, encoding: 'utf8' });
    expect(stdout.trim().split('\n').at(-1)).toBe('contract: ok');
  });
});
