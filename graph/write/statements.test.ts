import { describe, expect, it } from 'vitest';
import type { GraphDocument, GraphNode, GraphRelationship } from '../../loaders/model.ts';
import { prepareDocument } from './prepare.ts';
import { nodeStatements, relationshipRows, relationshipStatements } from './statements.ts';

// The writer's statements for one small document, pinned: a change to the Cypher or to the rows
// sent with it shows up in review as a change to this snapshot.
const DOC = 'huadu.txt';
function task(ref: string): GraphNode {
  const id = `plan:huadu/${ref}`;
  return { id, labels: ['Task'], properties: { id, title: ref, text: ref, ref, document: DOC, line: 3, quote: ref } };
}
function rel(type: GraphRelationship['type'], start: string, end: string, extra: Record<string, string | number> = {}): GraphRelationship {
  return { type, start, end, properties: { document: DOC, line: 4, quote: 'q', ...extra } };
}
function fixture(): GraphDocument {
  return {
    nodes: [
      { id: 'plan:huadu', labels: ['Plan'], properties: { id: 'plan:huadu', title: '花都区规划', kind: 'plan', document: DOC, line: 1, quote: '花都区' } },
      task('一'),
      task('二'),
      { id: 'plan:huadu/goal/绿化覆盖率@2025', labels: ['Goal'], properties: { id: 'plan:huadu/goal/绿化覆盖率@2025', name: '绿化覆盖率', targetYear: 2025, value: 45.5, document: DOC, line: 7, quote: '绿化覆盖率达到45.5%' } },
      { id: 'dept:广州市花都区教育局', labels: ['Department'], properties: { id: 'dept:广州市花都区教育局', name: '广州市花都区教育局', aliases: ['区教育局'], document: DOC, line: 5, quote: '区教育局牵头' } },
      { id: 'dept:广州市花都区财政局', labels: ['Department'], properties: { id: 'dept:广州市花都区财政局', name: '广州市花都区财政局', aliases: ['区财政局'], document: DOC, line: 6, quote: '区财政局配合' } },
      { id: 'div:440114', labels: ['District'], properties: { id: 'div:440114', name: '花都区', aliases: ['花都'], code: '440114', level: 'DISTRICT' } },
      { id: 'div:4401', labels: ['District'], properties: { id: 'div:4401', name: '广州市', aliases: ['广州'], code: '4401', level: 'CITY' } },
      { id: 'project:花都湖公园', labels: ['Project'], properties: { id: 'project:花都湖公园', name: '花都湖公园', aliases: [], document: DOC, line: 8, quote: '花都湖公园' } },
    ],
    relationships: [
      rel('PART_OF', 'plan:huadu/一', 'plan:huadu'),
      rel('PART_OF', 'plan:huadu/二', 'plan:huadu'),
      rel('LEADS', 'dept:广州市花都区教育局', 'plan:huadu/一', { surface: '区教育局' }),
      rel('SUPPORTS', 'dept:广州市花都区财政局', 'plan:huadu/一', { surface: '区财政局' }),
      rel('TARGETS', 'plan:huadu/二', 'plan:huadu/goal/绿化覆盖率@2025'),
      rel('LOCATED_IN', 'plan:huadu/二', 'div:440114'),
      rel('LOCATED_IN', 'project:花都湖公园', 'div:440114'),
      { type: 'LOCATED_IN', start: 'div:440114', end: 'div:4401', properties: { source: 'gazetteer' } },
    ],
    warnings: [],
  };
}

describe('writer statements', () => {
  it('snapshot: node statements (owned, then shared in lock order) and relationship rows of a small document', () => {
    const doc = prepareDocument(fixture());
    expect(nodeStatements(doc, 500)).toMatchSnapshot();
    expect(relationshipRows(doc)).toMatchSnapshot();
  });

  it('snapshot: batches of two rows', () => {
    const doc = prepareDocument(fixture());
    expect(nodeStatements(doc, 2)).toMatchSnapshot();
  });

  it('snapshot: relationship statements over the written nodes\' elementIds; an end not written is refused', () => {
    const doc = prepareDocument(fixture());
    const rows = relationshipRows(doc);
    const element = new Map(fixture().nodes.map((n) => [n.id, `element:${n.id}`]));
    expect(relationshipStatements(doc.document, rows, element, 3)).toMatchSnapshot();
    element.delete('div:4401');
    expect(() => relationshipStatements(doc.document, rows, element, 3)).toThrow(
      'huadu.txt: relationship REFERS_TO plan:huadu → div:4401: an end node was not written',
    );
  });
});
