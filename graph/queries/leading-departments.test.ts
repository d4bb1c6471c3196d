import { describe, expect, it } from 'vitest';
import { leadingDepartmentsQuery } from './leading-departments.ts';

// The flagship question, "which departments lead tasks touching 花都区?", in the forms the API asks
// it (touches.test.ts snapshots the fourth: no descendants, enclosing areas, supporting bodies).
describe('leadingDepartmentsQuery', () => {
  const page = { skip: 0, limit: 20, tasks: 5 };

  it('snapshot: as an analyst asks it (areas inside count, leads only)', () => {
    const q = leadingDepartmentsQuery(['div:440114'], { includeDescendants: true, includeEnclosing: false, includeSupporting: false }, page);
    expect(q.params.ids).toEqual(['div:440114']);
    // Leads only (each task still lists all its assignments), and a TOUCHES edge counts whatever its `direct`.
    expect(q.text).toContain('MATCH (d:Department)-[r:LEADS]->(t)');
    expect(q.text).toContain('MATCH (d)-[r:LEADS]->(t:Task)-[k:TOUCHES]->(a)');
    expect(q.text).not.toContain('(d:Department)-[r:LEADS|SUPPORTS]');
    expect(q.text).toMatchSnapshot();
  });

  it('snapshot: the area itself only, with supporting bodies', () => {
    const q = leadingDepartmentsQuery(['div:440114', 'zone:广清接合片区'], { includeDescendants: false, includeEnclosing: false, includeSupporting: true }, page);
    expect(q.params.ids).toEqual(['div:440114', 'zone:广清接合片区']);
    expect(q.text).toContain('MATCH (d)-[r:LEADS|SUPPORTS]->(t:Task)-[k:TOUCHES {direct: true}]->(a)');
    expect(q.text).toMatchSnapshot();
  });

  it('snapshot: enclosing areas too (a province-wide task touches every district)', () => {
    const q = leadingDepartmentsQuery(['div:440114'], { includeDescendants: true, includeEnclosing: true, includeSupporting: false }, page);
    expect(q.text).toContain('(a)-[:LOCATED_IN*1..]->(x)');
    expect(q.text).toMatchSnapshot();
  });
});
