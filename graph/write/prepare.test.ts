import { describe, expect, it } from 'vitest';
import type { GraphDocument, GraphNode, GraphRelationship } from '../../loaders/model.ts';
import { chunk, documentOf, prepareDocument } from './prepare.ts';
import { WriteError } from './errors.ts';

const DOC = 'huadu.txt';
function task(ref: string): GraphNode {
  const id = `plan:huadu/${ref}`;
  return { id, labels: ['Task'], properties: { id, title: ref, text: ref, ref, document: DOC, line: 1, quote: ref } };
}
function rel(type: GraphRelationship['type'], start: string, end: string, extra: Record<string, string | number> = {}): GraphRelationship {
  return { type, start, end, properties: { document: DOC, line: 1, quote: 'q', ...extra } };
}
/** 区财政局 in a document whose district is unknown: that document's own node (loaders/ids.ts). */
function unresolved(document: string): GraphNode {
  const id = `dept:?${document}/区财政局`;
  return { id, labels: ['Department'], properties: { id, name: '区财政局', aliases: [], kind: 'department', level: 'DISTRICT', resolved: false, scopeDocument: document } };
}
function base(): GraphDocument {
  return {
    nodes: [
      { id: 'plan:huadu', labels: ['Plan'], properties: { id: 'plan:huadu', title: '花都区规划', kind: 'plan', document: DOC, line: 1, quote: '花都区' } },
      task('一'),
      task('二'),
      { id: 'dept:广州市花都区教育局', labels: ['Department'], properties: { id: 'dept:广州市花都区教育局', name: '广州市花都区教育局', aliases: ['区教育局'], document: DOC, line: 5, quote: '区教育局牵头' } },
      { id: 'div:440114', labels: ['District'], properties: { id: 'div:440114', name: '花都区', aliases: ['花都'], code: '440114', level: 'DISTRICT' } },
      { id: 'div:4401', labels: ['District'], properties: { id: 'div:4401', name: '广州市', aliases: ['广州'], code: '4401', level: 'CITY' } },
    ],
    relationships: [
      rel('PART_OF', 'plan:huadu/一', 'plan:huadu'),
      rel('PART_OF', 'plan:huadu/二', 'plan:huadu'),
      rel('LEADS', 'dept:广州市花都区教育局', 'plan:huadu/一', { surface: '区教育局' }),
      rel('LOCATED_IN', 'plan:huadu/二', 'div:440114'),
      { type: 'LOCATED_IN', start: 'div:440114', end: 'div:4401', properties: { source: 'gazetteer' } },
    ],
    warnings: [{ document: DOC, message: '表格无法解析' }],
  };
}

describe('chunk', () => {
  it('cuts rows into batches of at most n, keeping order', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 3)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});

describe('documentOf', () => {
  it('reads the document name from the Plan node', () => {
    expect(documentOf(base())).toBe(DOC);
  });
  it('is undefined when the facts name two documents and no Plan says which', () => {
    const g = base();
    g.nodes = g.nodes.filter((n) => !n.labels.includes('Plan'));
    g.relationships.push({ ...rel('PART_OF', 'plan:huadu/二', 'plan:huadu/一'), properties: { document: 'other.txt' } });
    expect(documentOf(g)).toBeUndefined();
  });
});

describe('prepareDocument', () => {
  it('groups nodes by label, relationships by type and end labels, and splits owned from gazetteer edges', () => {
    const p = prepareDocument(base());
    expect(p.document).toBe(DOC);
    expect(p.owned.map((g) => [g.label, g.nodes.length])).toEqual([
      ['Plan', 1],
      ['Task', 2],
    ]);
    expect(p.shared.map((g) => [g.label, g.rows.length])).toEqual([
      ['Department', 1],
      ['District', 2],
    ]);
    const groups = p.relationships.map((g) => `${g.type}:${g.startLabel}->${g.endLabel}:${g.owned ? 'owned' : 'sourced'}:${g.relationships.length}`);
    expect(groups).toEqual([
      'PART_OF:Task->Plan:owned:2',
      'LEADS:Department->Task:owned:1',
      'LOCATED_IN:Task->District:owned:1',
      'LOCATED_IN:District->District:sourced:1',
    ]);
    expect(p.counts).toEqual({ tasks: 2, goals: 0, bodies: 1, places: 2, projects: 0, relationships: 5, warnings: 1 });
    expect(p.planIds).toEqual(['plan:huadu']);
  });

  it('keeps aliases and provenance of shared nodes apart from their other properties', () => {
    const dept = prepareDocument(base()).shared[0].rows[0];
    expect(dept.aliases).toEqual(['区教育局']);
    expect(dept.provenance).toEqual({ line: 5, quote: '区教育局牵头' });
    expect(Object.keys(dept.properties).sort()).toEqual(['id', 'name']);
    // A gazetteer district the text does not cite has names but no provenance.
    expect(prepareDocument(base()).shared[1].rows.map((r) => [r.id, r.provenance])).toEqual([
      ['div:440114', undefined],
      ['div:4401', undefined],
    ]);
  });

  it('keeps the earliest citation of a shared node listed twice, and anchors the document on its smallest Plan id', () => {
    const g = base();
    g.nodes.push({ id: 'dept:广州市花都区教育局', labels: ['Department'], properties: { id: 'dept:广州市花都区教育局', name: '广州市花都区教育局', aliases: ['花都区教育局'], document: DOC, line: 3, quote: '花都区教育局负责' } });
    g.nodes.push({ id: 'plan:huadu-a', labels: ['Plan'], properties: { id: 'plan:huadu-a', title: '附件', kind: 'plan', document: DOC, line: 90, quote: '附件' } });
    const p = prepareDocument(g);
    const dept = p.shared[0].rows[0];
    expect(dept.provenance).toEqual({ line: 3, quote: '花都区教育局负责' });
    expect(dept.aliases).toEqual(['区教育局', '花都区教育局']);
    expect(p.planIds).toEqual(['plan:huadu', 'plan:huadu-a']);
    expect(p.anchorPlanId).toBe('plan:huadu');
  });

  it('merges a shared node listed twice, unioning aliases', () => {
    const g = base();
    g.nodes.push({ id: 'div:440114', labels: ['District'], properties: { id: 'div:440114', name: '花都区', aliases: ['花都区', '花都'] } });
    const district = prepareDocument(g).shared[1].rows.find((r) => r.id === 'div:440114')!;
    expect(district.aliases).toEqual(['花都', '花都区']);
  });

  it('writes an exact duplicate relationship once', () => {
    const g = base();
    g.relationships.push(rel('PART_OF', 'plan:huadu/一', 'plan:huadu'));
    expect(prepareDocument(g).counts.relationships).toBe(5);
  });

  it('gives a relationship without document or source to the document being written', () => {
    const g = base();
    g.relationships.push({ type: 'TARGETS', start: 'plan:huadu/一', end: 'plan:huadu/二', properties: {} });
    const targets = prepareDocument(g).relationships.find((r) => r.type === 'TARGETS')!;
    expect(targets.owned).toBe(true);
    expect(targets.relationships[0].properties.document).toBe(DOC);
  });

  it("gives a relationship naming a source to the document when it is about one of the document's nodes", () => {
    const g = base();
    g.relationships.push({ type: 'SUPPORTS', start: 'dept:广州市花都区教育局', end: 'plan:huadu/二', properties: { source: 'a list of duties' } });
    const supports = prepareDocument(g).relationships.find((r) => r.type === 'SUPPORTS')!;
    expect(supports.owned).toBe(true);
    expect(supports.relationships[0].properties.document).toBe(DOC);
  });

  it('takes an unresolved body of its own document as a shared Department row keeping resolved: false and scopeDocument', () => {
    const g = base();
    g.nodes.push(unresolved(DOC));
    const row = prepareDocument(g, DOC).shared.flatMap((s) => s.rows).find((r) => r.id === `dept:?${DOC}/区财政局`)!;
    expect(row.properties).toMatchObject({ resolved: false, scopeDocument: DOC, level: 'DISTRICT' });
  });

  const rejects: [string, (g: GraphDocument) => void, RegExp][] = [
    ['a label outside the model', (g) => g.nodes.push({ id: 'x', labels: ['Person' as never], properties: { id: 'x' } }), /label "Person", which is not in the graph model/],
    ['a relationship type outside the model', (g) => g.relationships.push({ ...rel('LEADS', 'plan:huadu/一', 'plan:huadu'), type: 'DETACH DELETE' as never }), /type is not in the graph model/],
    ['an end node the document does not hold', (g) => g.relationships.push(rel('LOCATED_IN', 'plan:huadu/一', 'div:440100')), /end node div:440100 is not among the document's nodes/],
    ['a task claiming another document', (g) => (g.nodes[1].properties.document = 'other.txt'), /node plan:huadu\/一 says it comes from document "other.txt"/],
    ['a relationship claiming another document', (g) => (g.relationships[0].properties.document = 'other.txt'), /says it comes from document "other.txt"/],
    ['a department claiming another document', (g) => (g.nodes[3].properties.document = 'other.txt'), /node dept:广州市花都区教育局 says it comes from document "other.txt"/],
    ['the writer\'s own REFERS_TO record', (g) => g.relationships.push({ ...rel('LEADS', 'plan:huadu', 'dept:广州市花都区教育局'), type: 'REFERS_TO' as never }), /type is not in the graph model/],
    ['a node mixing owned and shared labels', (g) => (g.nodes[1].labels = ['Task', 'Project']), /mixes document-owned and shared labels/],
    ['a document without a Plan', (g) => {
      g.nodes = g.nodes.filter((n) => !n.labels.includes('Plan'));
      g.relationships = g.relationships.filter((r) => r.end !== 'plan:huadu');
    }, /has no Plan node/],
    ['aliases that are not strings', (g) => (g.nodes[4].properties.aliases = [1, 2] as never), /"aliases" must be a list of strings/],
    ['another document\'s unresolved body', (g) => g.nodes.push(unresolved('other.txt')), /unresolved body dept:\?other\.txt\/区财政局 must be this document's own/],
    ['an unresolved body under a shared id', (g) => g.nodes.push({ ...unresolved(DOC), id: 'dept:区财政局', properties: { ...unresolved(DOC).properties, id: 'dept:区财政局' } }), /must be this document's own \(scopeDocument "huadu\.txt", id dept:\?huadu\.txt\/区财政局\)/],
    ['a "resolved" flag on a District', (g) => (g.nodes[4].properties.resolved = false), /"resolved" is a Department's flag/],
  ];
  for (const [what, edit, message] of rejects) {
    it(`rejects ${what} with a WriteError naming the document`, () => {
      const g = base();
      edit(g);
      let caught: unknown;
      try {
        prepareDocument(g, DOC);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(WriteError);
      expect((caught as WriteError).message).toMatch(new RegExp(`^${DOC.replace('.', '\\.')}: `));
      expect((caught as WriteError).message).toMatch(message);
    });
  }
});
