import { describe, expect, it } from 'vitest';
import { leadingDepartmentsQuery } from './leading-departments.ts';

// The flagship question, "which departments lead tasks touching 花都区?", in the forms the API asks
// it (touches.test.ts snapshots the fourth: no descendants, enclosing areas, supporting bodies).
describe('leadingDepartmentsQuery', () => {
  const page = { skip: 0, limit: 20, tasks: 5 };

  it('snapshot: as an analyst asks it (areas inside count, leads only)', () => {
    const q = leadingDepartmentsQuery(['div:440114'], { includeDescendants: true, includeEnclosing: false, includeSupporting: false }, page);
    expect(q.params.ids).toEqual(['div:440114']);
    // Counts from the bodies' tallies (graph/write/tallies.ts), never from the area's tasks × their bodies;
    // leads only (each task still lists all its assignments); every TOUCHES counts whatever its `direct`.
    expect(q.text).toContain('MATCH (d:Department)-[k:TALLY]->(a)');
    expect(q.text).toContain(`WHERE k.role = 'LEADS' AND k.tasks > 0`);
    expect(q.text).toContain('sum(k.tasks) AS taskCount, count(k.planId) AS planCount');
    expect(q.text).not.toMatch(/MATCH \(t:Task\)-\[k:TOUCHES\]->\(a\)/);
    // A body's page reads only the documents of its first plans' tallies.
    expect(q.text).toContain('MATCH (t:Task {document: doc})-[k:TOUCHES]->(a)');
    expect(q.text).toMatchSnapshot();
  });

  it('snapshot: the area itself only, with supporting bodies', () => {
    const q = leadingDepartmentsQuery(['div:440114', 'zone:广清接合片区'], { includeDescendants: false, includeEnclosing: false, includeSupporting: true }, page);
    expect(q.params.ids).toEqual(['div:440114', 'zone:广清接合片区']);
    // Supporting bodies have no tallies (graph/write/tallies.ts): read from the edges.
    expect(q.text).not.toContain(':TALLY');
    expect(q.text).toContain('MATCH (d)-[r:LEADS|SUPPORTS]->(t:Task)-[k:TOUCHES {direct: true}]->(a)');
    expect(q.text).toMatchSnapshot();
  });

  it('the area itself only, leads: the direct counts of the tallies', () => {
    const q = leadingDepartmentsQuery(['div:440114'], { includeDescendants: false, includeEnclosing: false, includeSupporting: false }, page);
    expect(q.text).toContain(`WHERE k.role = 'LEADS' AND k.direct > 0`);
    expect(q.text).toContain('sum(k.direct) AS taskCount');
    expect(q.text).toContain('MATCH (t:Task {document: doc})-[k:TOUCHES {direct: true}]->(a)');
  });

  it('snapshot: enclosing areas too (a province-wide task touches every district)', () => {
    const q = leadingDepartmentsQuery(['div:440114'], { includeDescendants: true, includeEnclosing: true, includeSupporting: false }, page);
    // A tally is per area touched, so an enclosing area's tasks are read from the edges.
    expect(q.text).toContain('(a)-[:LOCATED_IN*1..]->(x)');
    expect(q.text).not.toContain(':TALLY');
    expect(q.text).toMatchSnapshot();
  });
});
