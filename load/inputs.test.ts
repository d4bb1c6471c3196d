import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listInputs, readGraphFile } from './inputs.ts';

const SEEDS = path.resolve(import.meta.dirname, '../seeds');
const temp = mkdtempSync(path.join(tmpdir(), 'plangraph-inputs-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('listInputs', () => {
  it('walks a folder for plan files, skipping manifest.json', async () => {
    const inputs = await listInputs([SEEDS]);
    expect(inputs.map((i) => path.basename(i.path))).toEqual([
      'beautiful-guangzhou-plan-2025-2035.txt',
      'guangdong-construction-news-future-communities.txt',
      'guangdong-new-urbanisation-plan-2021-2035.txt',
      'guangzhou-industrial-clusters-news.txt',
      'huadu-14th-five-year-plan.txt',
    ]);
    expect(inputs.every((i) => i.kind === 'source')).toBe(true);
  });

  it('takes a named .json file as a graph and passes a missing file on for the extractor to report', async () => {
    const graph = path.join(temp, 'graph.json');
    writeFileSync(graph, '{"nodes":[],"relationships":[]}');
    expect(await listInputs([graph, path.join(temp, 'missing.txt')])).toEqual([
      { kind: 'graph', path: graph },
      { kind: 'source', path: path.join(temp, 'missing.txt') },
    ]);
  });
});

describe('readGraphFile', () => {
  it('splits a graph file into its documents', async () => {
    const file = path.join(temp, 'two.json');
    writeFileSync(
      file,
      JSON.stringify({
        nodes: [
          { id: 'plan:a', labels: ['Plan'], properties: { id: 'plan:a', title: '甲', kind: 'plan', document: 'a.txt' } },
          { id: 'plan:b', labels: ['Plan'], properties: { id: 'plan:b', title: '乙', kind: 'plan', document: 'b.txt' } },
        ],
        relationships: [],
      }),
    );
    expect((await readGraphFile(file)).map((d) => d.document).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('takes a one-document graph file whole, gazetteer places no fact of it touches included', async () => {
    const file = path.join(temp, 'one.json');
    const graph = {
      nodes: [
        { id: 'plan:a', labels: ['Plan'], properties: { id: 'plan:a', title: '甲', kind: 'plan', document: 'a.txt' } },
        { id: 'div:4404', labels: ['District'], properties: { id: 'div:4404', name: '珠海市', level: 'CITY', source: 'gazetteer' } },
        { id: 'div:44', labels: ['District'], properties: { id: 'div:44', name: '广东省', level: 'PROVINCE', source: 'gazetteer' } },
      ],
      relationships: [{ type: 'LOCATED_IN', start: 'div:4404', end: 'div:44', properties: { source: 'gazetteer' } }],
    };
    writeFileSync(file, JSON.stringify(graph));
    expect(await readGraphFile(file)).toEqual([{ document: 'a.txt', graph }]);
  });

  it('names the file and the problem when it is not JSON or not a graph', async () => {
    const broken = path.join(temp, 'broken.json');
    writeFileSync(broken, '{"nodes": [');
    expect((await readGraphFile(broken))[0].error).toMatch(/^broken\.json: not a readable graph file/);
    const other = path.join(temp, 'other.json');
    writeFileSync(other, '{"documents": []}');
    expect((await readGraphFile(other))[0].error).toMatch(/^other\.json: not a graph file/);
  });
});
