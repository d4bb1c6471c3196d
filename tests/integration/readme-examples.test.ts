/**
 * The README cannot drift from the answers: every example query in README.md (a ```graphql block
 * followed by its ```json answer) runs against the seeds over real HTTP, and the answer must be
 * what the README shows, `…` standing for what it trims (tests/support/readme-examples.ts).
 * Expectations come from the README text, so refreshing the README refreshes the test.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../config/project-root.ts';
import { differences, parseTrimmed, readmeExamples } from '../support/readme-examples.ts';
import { useSeededApi } from './api.harness.ts';

const api = useSeededApi();
const examples = readmeExamples(path.join(PROJECT_ROOT, 'README.md'));

describe('README example queries', () => {
  it('the README has its examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it('the comparison catches a wrong value, a missing element, a wrong shortening', () => {
    const answer = { a: [{ n: 1, t: '省农业农村厅牵头；省人力资源社会保障厅负责' }, { n: 2 }], b: 'x' };
    expect(differences(parseTrimmed('{ "a": [ { "n": 1, "t": "省农业农村厅牵头；…负责" }, … ], "b": "x" }'), answer)).toEqual([]);
    expect(differences(parseTrimmed('{ "a": [ { "n": 1, … } ], … }'), answer)).toEqual(['$.a: README shows 1 elements, answer has 2']);
    expect(differences(parseTrimmed('{ "a": [ { "n": 3, … }, … ], … }'), answer)).toEqual(['$.a[0].n: README shows 3, answer is 1']);
    expect(differences(parseTrimmed('{ "a": [ { "t": "省教育厅…负责", … }, … ], … }'), answer)).toHaveLength(1);
    expect(differences(parseTrimmed('{ "b": "x" }'), answer)).toEqual(['$.a: in the answer, not in the README']);
  });

  for (const example of examples) {
    it(`answers as the README shows: ${example.title.slice(0, 70)}`, async () => {
      const data = await api.query(example.query);
      const diff = differences(example.answer, data);
      expect(diff, JSON.stringify(data).slice(0, 3000)).toEqual([]);
    });
  }
});
