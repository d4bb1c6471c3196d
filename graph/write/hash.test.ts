import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../loaders/model.ts';
import { canonicalJson } from '../canonical-json.ts';
import { contentHash } from './hash.ts';

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
  it('writes undefined list members as null, as JSON.stringify does', () => {
    expect(canonicalJson({ a: [1, undefined, '花都'] })).toBe('{"a":[1,null,"花都"]}');
    expect(canonicalJson(undefined)).toBe('null');
  });
  it('sorts keys that look like list indexes as text too ("10" before "9"), which insertion order cannot do', () => {
    // A JS object lists integer-like keys first in numeric order, whatever order they were added in.
    expect(canonicalJson({ b: 1, 9: 'x', 10: 'y', a: { 2: true, '1x': false } })).toBe('{"10":"y","9":"x","a":{"1x":false,"2":true},"b":1}');
  });
  it('sorts by UTF-16 code units, as `<` does: upper case before lower, a key before its longer variants', () => {
    expect(canonicalJson({ b: 1, B: 2, 'a b': 3, a: 4, 花: 5 })).toBe('{"B":2,"a":4,"a b":3,"b":1,"花":5}');
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
