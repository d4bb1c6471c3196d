import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../loaders/model.ts';
import { canonicalJson, contentHash } from './hash.ts';

const graph: GraphDocument = {
  nodes: [
    { id: 'plan:a', labels: ['Plan'], properties: { id: 'plan:a', title: '花都区规划', document: 'a.txt', kind: 'plan' } },
    { id: 'dept:广州市教育局', labels: ['Department'], properties: { id: 'dept:广州市教育局', name: '广州市教育局', aliases: ['市教育局'] } },
  ],
  relationships: [
    { type: 'ISSUED_BY', start: 'plan:a', end: 'dept:广州市教育局', properties: { document: 'a.txt', line: 1, quote: '广州市教育局' } },
    { type: 'PART_OF', start: 'plan:a/一', end: 'plan:a', properties: { document: 'a.txt', line: 3, quote: '一、总体要求' } },
  ],
};

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps list order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });
  it('drops undefined values as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
  });
});

describe('contentHash', () => {
  it('is the same whatever order nodes, relationships and keys come in', () => {
    const shuffled: GraphDocument = {
      nodes: [...graph.nodes].reverse().map((n) => ({ ...n, properties: Object.fromEntries(Object.entries(n.properties).reverse()) as never })),
      relationships: [...graph.relationships].reverse(),
    };
    expect(contentHash(shuffled)).toBe(contentHash(graph));
  });
  it('changes when one quote changes', () => {
    const edited = structuredClone(graph);
    edited.relationships[1].properties.quote = '一、总体目标';
    expect(contentHash(edited)).not.toBe(contentHash(graph));
  });
  it('ignores warnings, which are not stored in the graph', () => {
    expect(contentHash({ ...graph, warnings: [{ document: 'a.txt', message: '表格无法解析' }] })).toBe(contentHash(graph));
  });
});
