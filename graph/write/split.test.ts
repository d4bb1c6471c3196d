import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../loaders/model.ts';
import { splitByDocument } from './split.ts';

const graph: GraphDocument = {
  nodes: [
    { id: 'plan:a', labels: ['Plan'], properties: { id: 'plan:a', title: 'A', kind: 'plan', document: 'a.txt' } },
    { id: 'plan:b', labels: ['Plan'], properties: { id: 'plan:b', title: 'B', kind: 'plan', document: 'b.txt' } },
    { id: 'plan:a/一', labels: ['Task'], properties: { id: 'plan:a/一', title: '一', text: '一', ref: '一', document: 'a.txt' } },
    { id: 'div:440114001', labels: ['District'], properties: { id: 'div:440114001', name: '新华街道', source: 'gazetteer' } },
    { id: 'div:440114', labels: ['District'], properties: { id: 'div:440114', name: '花都区', source: 'gazetteer' } },
    { id: 'div:4401', labels: ['District'], properties: { id: 'div:4401', name: '广州市', source: 'gazetteer' } },
    { id: 'dept:广东省教育厅', labels: ['Department'], properties: { id: 'dept:广东省教育厅', name: '广东省教育厅', document: 'b.txt' } },
  ],
  relationships: [
    { type: 'PART_OF', start: 'plan:a/一', end: 'plan:a', properties: { document: 'a.txt' } },
    { type: 'LOCATED_IN', start: 'plan:a/一', end: 'div:440114001', properties: { document: 'a.txt' } },
    { type: 'LOCATED_IN', start: 'div:440114001', end: 'div:440114', properties: { source: 'gazetteer' } },
    { type: 'LOCATED_IN', start: 'div:440114', end: 'div:4401', properties: { source: 'gazetteer' } },
  ],
  warnings: [{ document: 'b.txt', message: '未识别的表格' }],
};

describe('splitByDocument', () => {
  it('gives each document its own facts, the shared nodes they touch and the gazetteer chain above them', () => {
    const parts = splitByDocument(graph);
    expect([...parts.keys()].sort()).toEqual(['a.txt', 'b.txt']);
    const a = parts.get('a.txt')!;
    expect(a.nodes.map((n) => n.id).sort()).toEqual(['div:4401', 'div:440114', 'div:440114001', 'plan:a', 'plan:a/一']);
    expect(a.relationships).toHaveLength(4);
    expect(a.warnings).toEqual([]);
    const b = parts.get('b.txt')!;
    expect(b.nodes.map((n) => n.id).sort()).toEqual(['dept:广东省教育厅', 'plan:b']);
    expect(b.relationships).toHaveLength(0);
    expect(b.warnings).toHaveLength(1);
  });
});
