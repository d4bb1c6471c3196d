/**
 * tasks() without a filter, in plan order (graph/queries/all-tasks.ts): the plans are read in
 * title order and their tasks plan by plan, so the list must be the same as ordering every task
 * by its plan's title and id, its line and its id (nulls last), which this test computes itself
 * from the graph. The seeds give titled plans only; a graph file adds untitled plans and tasks in
 * no plan, which come after them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPaths } from '../../load/load-paths.ts';
import { allTaskIds, useSeededApi } from './api.harness.ts';

const api = useSeededApi();
const dir = mkdtempSync(path.join(tmpdir(), 'plangraph-all-tasks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every task id in plan order, sorted here from each task's plan title, plan id, line and id. */
async function expectedOrder(): Promise<string[]> {
  const { records } = await api.driver.executeQuery(
    `MATCH (t:Task)
     OPTIONAL MATCH (t)-[:PART_OF*1..]->(p:Plan)
     RETURN t.id AS id, t.line AS line, p.title AS title, p.id AS plan`,
    {},
    { database: api.database },
  );
  type Key = string | number | null;
  const rows = records.map((r) => ({ id: r.get('id') as string, keys: [r.get('title'), r.get('plan'), Number(r.get('line') ?? NaN), r.get('id')] as Key[] }));
  // Cypher's ORDER BY: ascending, null (here also NaN for a missing line) after every value.
  const compare = (a: Key, b: Key) => {
    const missing = (k: Key) => k === null || (typeof k === 'number' && Number.isNaN(k));
    if (missing(a) || missing(b)) return Number(missing(a)) - Number(missing(b));
    return a! < b! ? -1 : a! > b! ? 1 : 0;
  };
  rows.sort((x, y) => x.keys.reduce<number>((c, k, i) => c || compare(k, y.keys[i]), 0));
  return rows.map((r) => r.id);
}

function listed(first: number, withTotal: boolean): Promise<string[]> {
  return allTaskIds(async (after) => {
    const reply = await api.counted(
      `query($first: Int, $after: String) { tasks(first: $first, after: $after) { ${withTotal ? 'totalCount' : ''} edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { first, after },
    );
    expect(reply.reply.body.errors).toBeUndefined();
    expect(reply.queries).toBe(1);
    return reply.reply.body.data!.tasks;
  });
}

describe('tasks() without a filter, in plan order', () => {
  it('lists every seed task once, in the order of their plans, lines and ids', async () => {
    const expected = await expectedOrder();
    expect(expected.length).toBeGreaterThan(300);
    expect(await listed(100, true)).toEqual(expected);
    expect(await listed(37, false)).toEqual(expected);
    const { tasks } = await api.query('{ tasks(first: 3) { totalCount edges { node { id plan { id title } } } } }');
    expect(tasks.totalCount).toBe(expected.length);
    expect(tasks.edges.map((e: any) => e.node.id)).toEqual(expected.slice(0, 3));
    expect(tasks.edges[0].node.plan.title).toBeTruthy();
  });

  it('puts the tasks of untitled plans (by plan id) and then tasks in no plan after the titled plans, pages crossing both', async () => {
    const task = (id: string, document: string, line: number) => ({ id, labels: ['Task'], properties: { id, document, line, title: `任务${line}`, ref: String(line), kind: 'task' } });
    const partOf = (start: string, end: string, document: string) => ({ type: 'PART_OF', start, end, properties: { document } });
    const file = path.join(dir, 'loose.json');
    writeFileSync(
      file,
      JSON.stringify({
        nodes: [
          { id: 'plan:zz-untitled-b', labels: ['Plan'], properties: { id: 'plan:zz-untitled-b', document: 'untitled-b.txt', kind: 'plan', line: 1 } },
          task('plan:zz-untitled-b/1', 'untitled-b.txt', 3),
          task('plan:zz-untitled-b/2', 'untitled-b.txt', 2),
          { id: 'plan:aa-untitled-a', labels: ['Plan'], properties: { id: 'plan:aa-untitled-a', document: 'untitled-a.txt', kind: 'plan', line: 1 } },
          task('plan:aa-untitled-a/1', 'untitled-a.txt', 5),
          task('plan:aa-untitled-a/1-1', 'untitled-a.txt', 6),
          task('loose:1', 'untitled-a.txt', 4),
          task('loose:1-1', 'untitled-a.txt', 1),
          task('loose:2', 'untitled-a.txt', 2),
        ],
        relationships: [
          partOf('plan:zz-untitled-b/1', 'plan:zz-untitled-b', 'untitled-b.txt'),
          partOf('plan:zz-untitled-b/2', 'plan:zz-untitled-b', 'untitled-b.txt'),
          partOf('plan:aa-untitled-a/1', 'plan:aa-untitled-a', 'untitled-a.txt'),
          partOf('plan:aa-untitled-a/1-1', 'plan:aa-untitled-a/1', 'untitled-a.txt'),
          partOf('loose:1-1', 'loose:1', 'untitled-a.txt'),
        ],
      }),
    );
    const summary = await loadPaths(api.driver, [file], { database: api.database });
    expect(summary.failed, JSON.stringify(summary.documents)).toBe(0);

    const expected = await expectedOrder();
    // The test's own order puts them last: untitled-a's, untitled-b's (by line), then the loose tasks by line.
    expect(expected.slice(-7)).toEqual(['plan:aa-untitled-a/1', 'plan:aa-untitled-a/1-1', 'plan:zz-untitled-b/2', 'plan:zz-untitled-b/1', 'loose:1-1', 'loose:2', 'loose:1']);
    // Pages of 4 and 9 start before the titled tasks end and cross into the rest at different offsets.
    expect(await listed(9, false)).toEqual(expected);
    expect(await listed(4, true)).toEqual(expected);
    const { tasks } = await api.query('{ tasks(first: 1) { totalCount } }');
    expect(tasks.totalCount).toBe(expected.length);
  });
});
