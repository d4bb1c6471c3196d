/**
 * Pages of the tasks touching an area read through the plans' tallies (graph/queries/touches.ts
 * firstPlansTouchedTasks: only the first plans' documents) against the same page cut from every
 * TOUCHES edge into the area, in plan order (title, plan id, line): plans sharing a title, pages
 * that end inside a plan or across several, with and without descendants, and a task without a
 * plan (no plan tally counts it, so the page is read from the edges). Likewise the flagship's
 * leads, read from the bodies' totals and their tallies' pair index, against the edges.
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import type { GraphDocument, GraphNode, GraphRelationship } from '../../loaders/model.ts';
import { writeDocument } from '../../graph/write/index.ts';
import { districtTasksQuery } from '../../graph/queries/tasks.ts';
import { leadingDepartmentsGroups, leadingDepartmentsQuery, type LeadingDepartmentsOptions } from '../../graph/queries/leading-departments.ts';
import type { TouchesOptions } from '../../graph/queries/touches.ts';
import { clearDatabase, useNeo4j } from '../support/neo4j.ts';

const neo = useNeo4j();

const HUADU: GraphNode = { id: 'div:440114', labels: ['District'], properties: { id: 'div:440114', name: '花都区', level: 'DISTRICT', code: '440114', aliases: [], source: 'gazetteer' } };
const SHILING: GraphNode = { id: 'div:440114103', labels: ['District'], properties: { id: 'div:440114103', name: '狮岭镇', level: 'TOWN', code: '440114103', aliases: [], source: 'gazetteer' } };
const inHuadu: GraphRelationship = { type: 'LOCATED_IN', start: 'div:440114103', end: 'div:440114', properties: { source: 'gazetteer' } };

const BODIES: GraphNode[] = ['花都区发展和改革局', '花都区教育局'].map((name) => ({ id: `dept:${name}`, labels: ['Department'], properties: { id: `dept:${name}`, name, aliases: [], level: 'DISTRICT' } }));

/** Plan `n` titled `title` with `tasks` items, every other one about 狮岭镇 (inside 花都区), the rest about 花都区; `linked` false: the items are not PART_OF the plan. */
function planDocument(n: number, title: string, tasks: number, linked = true): GraphDocument {
  const document = `p${n}.txt`;
  const ev = (line: number) => ({ document, line, quote: `第${line}行` });
  const planId = `plan:p${n}`;
  const nodes: GraphNode[] = [HUADU, SHILING];
  const relationships: GraphRelationship[] = [inHuadu];
  nodes.push({ id: planId, labels: ['Plan'], properties: { id: planId, title, kind: 'plan', ...ev(1) } });
  for (let i = 0; i < tasks; i++) {
    const id = `${planId}/${i}`;
    // Lines out of id order, so reading order is not the id's.
    const line = 100 - i * 7 + (i % 3) * 20;
    nodes.push({ id, labels: ['Task'], properties: { id, title: `任务${i}`, text: `任务${i}`, ref: String(i), ...ev(line) } });
    if (linked) relationships.push({ type: 'PART_OF', start: id, end: planId, properties: ev(line) });
    relationships.push({ type: 'LOCATED_IN', start: id, end: i % 2 ? 'div:440114103' : 'div:440114', properties: ev(line) });
    // Two of every three items have a lead, taking turns between two bodies.
    if (i % 3 !== 2) relationships.push({ type: 'LEADS', start: BODIES[(n + i) % 2].id, end: id, properties: ev(line) });
  }
  nodes.push(...BODIES);
  return { nodes, relationships };
}

/** The page cut from every edge into the area, as the rule orders it. */
async function expectedPage(area: string, options: TouchesOptions, skip: number, limit: number): Promise<string[]> {
  const r = await neo.driver.executeQuery(
    `MATCH (t:Task)-[k:TOUCHES${options.includeDescendants ? '' : ' {direct: true}'}]->(:District {id: $area})
     WITH t, k ORDER BY k.plan, k.planId, k.line, t.id SKIP $skip LIMIT $limit
     RETURN collect(t.id) AS ids`,
    { area, skip: neo4j.int(skip), limit: neo4j.int(limit) },
    { database: neo.database },
  );
  return r.records[0].get('ids') as string[];
}

async function expectedTotal(area: string, options: TouchesOptions): Promise<number> {
  const r = await neo.driver.executeQuery(
    `MATCH (t:Task)-[:TOUCHES${options.includeDescendants ? '' : ' {direct: true}'}]->(:District {id: $area}) RETURN count(DISTINCT t) AS n`,
    { area },
    { database: neo.database },
  );
  return Number(r.records[0].get('n'));
}

/** 狮岭镇's page with includeEnclosing cut from the edges: its own tasks and those directly in the areas above. */
async function expectedEnclosedPage(skip: number, limit: number): Promise<string[]> {
  const r = await neo.driver.executeQuery(
    `MATCH (a:District {id: 'div:440114103'})-[:LOCATED_IN*1..]->(x:District) WITH a, collect(DISTINCT x) AS above
     CALL (a, above) {
       MATCH (t:Task)-[k:TOUCHES]->(a) RETURN t, k
       UNION
       MATCH (t:Task)-[k:TOUCHES {direct: true}]->(e) WHERE e IN above RETURN t, k
     }
     WITH DISTINCT t, k.plan AS pt, k.planId AS pid, k.line AS ln ORDER BY pt, pid, ln, t.id SKIP $skip LIMIT $limit
     RETURN collect(t.id) AS ids`,
    { skip: neo4j.int(skip), limit: neo4j.int(limit) },
    { database: neo.database },
  );
  return r.records[0].get('ids') as string[];
}

async function page(area: string, options: TouchesOptions, skip: number, limit: number): Promise<{ ids: string[]; total: number }> {
  const q = districtTasksQuery([area], options, { skip, limit });
  const r = await neo.driver.executeQuery(q.text, q.params, { database: neo.database });
  return { ids: (r.records[0].get('page') as { id: string }[]).map((t) => t.id), total: Number(r.records[0].get('totalCount')) };
}

async function allPagesAgree(): Promise<number> {
  let compared = 0;
  for (const area of ['div:440114', 'div:440114103']) {
    for (const includeDescendants of [true, false]) {
      const options = { includeDescendants, includeEnclosing: false };
      for (const [skip, limit] of [[0, 1], [0, 4], [2, 5], [5, 3], [0, 100], [9, 7], [12, 8], [19, 3], [21, 5], [30, 10]]) {
        const got = await page(area, options, skip, limit);
        // the direct total is the plans' tallies' sum when they count every task, else the edges'
        expect(got.total, `${area} ${JSON.stringify(options)} total`).toBe(await expectedTotal(area, options));
        expect(got.ids, `${area} ${JSON.stringify(options)} skip ${skip} limit ${limit}`).toEqual(await expectedPage(area, options, skip, limit));
        compared += got.ids.length;
      }
    }
  }
  return compared;
}

/**
 * The flagship's leads, read from the bodies' totals and the pair index of their tallies, against
 * the same bodies counted and paged from the TOUCHES edges (includeSupporting reads the edges).
 */
async function flagshipAgrees(): Promise<number> {
  const answer = async (area: string, options: LeadingDepartmentsOptions, tasks: number) => {
    const q = leadingDepartmentsQuery([area], options, { skip: 0, limit: 100, tasks });
    const r = await neo.driver.executeQuery(q.text, q.params, { database: neo.database });
    return leadingDepartmentsGroups(r.records[0].toObject()).map((g) => ({
      body: g.department.id, role: g.role, taskCount: g.taskCount, planCount: g.planCount, tasks: g.tasks.map((t) => t.id),
    }));
  };
  let compared = 0;
  for (const area of ['div:440114', 'div:440114103']) {
    for (const includeDescendants of [true, false]) {
      for (const tasks of [1, 2, 4, 7, 100]) {
        const tallied = await answer(area, { includeDescendants, includeEnclosing: false, includeSupporting: false }, tasks);
        const fromEdges = (await answer(area, { includeDescendants, includeEnclosing: false, includeSupporting: true }, tasks)).filter((g) => g.role === 'LEAD');
        expect(tallied, `${area} descendants ${includeDescendants} tasks ${tasks}`).toEqual(fromEdges);
        compared += tallied.reduce((n, g) => n + g.tasks.length, 0);
      }
    }
  }
  return compared;
}

/** Rows produced by the profiled operators whose details mention `what`. */
function rowsOf(step: { rows: number; arguments: Record<string, unknown>; children: unknown[] } | false | undefined, what: string): number {
  if (!step) return 0;
  const own = String(step.arguments.Details ?? '').includes(what) ? step.rows : 0;
  return own + step.children.reduce<number>((n, c) => n + rowsOf(c as typeof step, what), 0);
}

describe('pages of the tasks touching an area, read from the first plans', () => {
  it('are the pages cut from every edge, plans of one title kept apart in id order', async () => {
    await clearDatabase(neo.driver, neo.database);
    // Two titles, each shared by several plans; sizes so that pages end inside plans and across them.
    const sizes = [3, 6, 1, 5, 4, 2];
    for (const [i, n] of sizes.entries()) {
      await writeDocument(neo.driver, planDocument(i, i % 2 ? '乙规划' : '甲规划', n), { database: neo.database });
    }
    const tallied = await neo.driver.executeQuery(
      `MATCH (:Plan)-[k:TALLY]->(:District {id: 'div:440114'}) RETURN sum(k.tasks) AS n`,
      {},
      { database: neo.database },
    );
    expect(Number(tallied.records[0].get('n'))).toBe(sizes.reduce((a, b) => a + b));
    expect(await allPagesAgree()).toBeGreaterThan(50);
    expect(await flagshipAgrees()).toBeGreaterThan(50);
  });

  it('reads only the plans that hold a page, however deep', async () => {
    // In plan order (乙 U+4E59 sorts before 甲 U+7532): 乙规划 p1 (6), p3 (5), p5 (2), then 甲规划
    // p0 (3), p2 (1), p4 (4); tasks 15 and 16 are the last of p0 and p2's one, so those 4 tasks are
    // all the page reads (reading every plan up to the page's end and sorting them: 17).
    const q = districtTasksQuery(['div:440114'], { includeDescendants: true, includeEnclosing: false }, { skip: 15, limit: 2 });
    const r = await neo.driver.executeQuery(`PROFILE ${q.text}`, q.params, { database: neo.database });
    expect((r.records[0].get('page') as { id: string }[]).map((t) => t.id)).toEqual(await expectedPage('div:440114', { includeDescendants: true, includeEnclosing: false }, 15, 2));
    expect(rowsOf(r.summary.profile, 'Task(document)')).toBe(4);
  });

  it('with includeEnclosing, pages agree with the edges and a deep one sorts only the plans that hold it', async () => {
    // 狮岭镇 with the areas above it: its own tasks and those directly in 花都区, every task here.
    const enclosing = { includeDescendants: true, includeEnclosing: true };
    for (const [skip, limit] of [[0, 4], [2, 5], [9, 7], [15, 2], [19, 3], [0, 100], [30, 10]]) {
      const q = districtTasksQuery(['div:440114103'], enclosing, { skip, limit });
      const r = await neo.driver.executeQuery(`PROFILE ${q.text}`, q.params, { database: neo.database });
      expect((r.records[0].get('page') as { id: string }[]).map((t) => t.id), `skip ${skip} limit ${limit}`).toEqual(await expectedEnclosedPage(skip, limit));
      // tasks 15 and 16 are p0's last and p2's one (as above): only those plans' 4 tasks are sorted (17 were)
      if (skip === 15) expect(rowsOf(r.summary.profile, 'pt ASC, pid ASC')).toBe(4);
    }
  });

  it('with tasks that have no plan (so no tally counts them), are read from the edges and still agree', async () => {
    await writeDocument(neo.driver, planDocument(9, '丙规划', 2, false), { database: neo.database });
    const { total } = await page('div:440114', { includeDescendants: true, includeEnclosing: false }, 0, 1);
    expect(total).toBe(3 + 6 + 1 + 5 + 4 + 2 + 2);
    expect(await allPagesAgree()).toBeGreaterThan(50);
    for (const [skip, limit] of [[0, 30], [19, 3], [21, 2], [22, 5]]) {
      const q = districtTasksQuery(['div:440114103'], { includeDescendants: true, includeEnclosing: true }, { skip, limit });
      const r = await neo.driver.executeQuery(q.text, q.params, { database: neo.database });
      expect((r.records[0].get('page') as { id: string }[]).map((t) => t.id), `enclosing skip ${skip}`).toEqual(await expectedEnclosedPage(skip, limit));
    }
    // Their leads' tallies have no plan, so are not in the pair index: a page that needs them reads every tally.
    expect(await flagshipAgrees()).toBeGreaterThan(50);
  });
});
