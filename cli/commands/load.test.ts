import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary, LoadSummary } from '../../load/index.ts';
import { formatSummary } from './load.ts';

const counts = { tasks: 12, bodies: 3, places: 2, goals: 0, projects: 1, warnings: 0, relationships: 40, changed: 58 };
const doc = (document: string): DocumentSummary => ({ document, status: 'loaded', ...counts });

describe('formatSummary', () => {
  it('lines columns up in a terminal when document names are Chinese (each character two columns)', () => {
    const result: LoadSummary = {
      documents: [doc('广州市花都区国民经济和社会发展第十四个五年规划.txt'), doc('a.txt')],
      loaded: 2, unchanged: 0, failed: 0, changed: 116, seconds: 1.2, notices: [],
      counters: { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0, labelsAdded: 0 },
    };
    const [header, rule, first, second] = formatSummary(result).split('\n');
    // The status column starts at the same terminal column on every line.
    const statusColumn = (line: string) => stringWidth(line.slice(0, line.indexOf(line === header ? 'status' : 'loaded')));
    expect(statusColumn(first)).toBe(statusColumn(header));
    expect(statusColumn(second)).toBe(statusColumn(header));
    // 花都区's name: 23 characters of two columns plus ".txt".
    expect(rule.split('  ')[0]).toHaveLength(23 * 2 + 4);
    expect(stringWidth(first)).toBe(stringWidth(second));
  });
});
