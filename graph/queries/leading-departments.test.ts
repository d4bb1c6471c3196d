import { describe, expect, it } from 'vitest';
import { leadingDepartmentsQuery } from './leading-departments.ts';

// The flagship question, "which departments lead tasks touching 花都区?", in the forms the API asks
// it (touches.test.ts snapshots the fourth: no descendants, enclosing areas, supporting bodies).
describe('leadingDepartmentsQuery', () => {
  const page = { skip: 0, limit: 20, tasks: 5 };

  it('snapshot: as an analyst asks it (areas inside count, leads only)', () => {
    const q = leadingDepartmentsQuery(['div:440114'], { includeDescendants: true, includeEnclosing: false, includeSupporting: false }, page);
    expect(q.params.ids).toEqual(['div:440114']);
    // Counts from the bodies' totals (graph/write/tallies.ts), one edge per body, never from the
    // area's tasks × their bodies nor from every (body, plan) tally; leads only (each task still
    // lists all its assignments); every TOUCHES counts whatever its `direct`.
    expect(q.text).toContain(`MATCH (d:Department)-[s:TOTAL {role: 'LEADS'}]->(a)`);
    expect(q.text).toContain('sum(s.tasks) AS taskCount, sum(s.plans) AS planCount');
    expect(q.text).not.toMatch(/MATCH \(t:Task\)-\[k:TOUCHES\]->\(a\)/);
    // A body's page reads its first plans' tallies from the pair index, in order, then only those
    // documents' tasks it leads (LEADS by document).
    expect(q.text).toContain('USING INDEX SEEK k:TALLY(pair, plan, planId)');
    expect(q.text).toContain(`WHERE k.pair = d.id + '>' + a.id AND k.plan IS NOT NULL AND k.planId IS NOT NULL AND k.tasks > 0`);
    expect(q.text).toContain('USING INDEX SEEK r:LEADS(document)');
    expect(q.text).toContain('MATCH (t)-[k:TOUCHES]->(a)');
    expect(q.text).toMatchSnapshot();
  });

  it('snapshot: the area itself only, with supporting bodies', () => {
    const q = leadingDepartmentsQuery(['div:440114', 'zone:广清接合片区'], { includeDescendants: false, includeEnclosing: false, includeSupporting: true }, page);
    expect(q.params.ids).toEqual(['div:440114', 'zone:广清接合片区']);
    // Supporting bodies have no tallies (graph/write/tallies.ts): read from the edges.
    expect(q.text).not.toContain(':TALLY');
    expect(q.text).toContain('MATCH (d)-[r:LEADS|SUPPORTS]->(t:Task)-[k:TOUCHES {direct: true}]->(a)');
    // counted from the area's tasks or from every assignment, whichever Neo4j's counts say is fewer
    expect(q.text).toContain('WITH a, COUNT { (a)<-[:TOUCHES]-() } * 2 <= COUNT { ()-[:LEADS]->() } + COUNT { ()-[:SUPPORTS]->() } AS fromTasks');
    expect(q.text).toContain('WITH a WHERE fromTasks');
    expect(q.text).toContain('WITH a WHERE NOT fromTasks');
    expect(q.text).toMatchSnapshot();
  });

  it('the area itself only, leads: the direct counts of the tallies', () => {
    const q = leadingDepartmentsQuery(['div:440114'], { includeDescendants: false, includeEnclosing: false, includeSupporting: false }, page);
    expect(q.text).toContain('sum(s.direct) AS taskCount, sum(s.plansDirect) AS planCount');
    expect(q.text).toContain('AND k.direct > 0');
    expect(q.text).toContain('MATCH (t)-[k:TOUCHES {direct: true}]->(a)');
  });

  it('bodies with counts only (no tasks asked for): no task, plan or assignment is read', () => {
    for (const includeSupporting of [false, true]) {
      const q = leadingDepartmentsQuery(['div:440114'], { includeDescendants: true, includeEnclosing: false, includeSupporting }, { ...page, tasks: 0 });
      expect(q.text).toContain('ORDER BY relType, taskCount DESC, d.name, d.id');
      expect(q.text).toContain('[] AS tasks');
      expect(q.text).not.toContain('LIMIT $tasks');
      expect(q.text).not.toContain('PART_OF');
      expect(q.text).not.toContain('k:TALLY(pair');
    }
  });

  it('snapshot: enclosing areas too (a province-wide task touches every district)', () => {
    const q = leadingDepartmentsQuery(['div:440114'], { includeDescendants: true, includeEnclosing: true, includeSupporting: false }, page);
    // A tally is per area touched, so an enclosing area's tasks are read from the edges: the
    // areas above once each (collected DISTINCT), the bodies counted from their assignments.
    expect(q.text).toContain('RETURN collect(DISTINCT x) AS enclosing');
    // read once for the bodies and their pages
    expect(q.text.split('AS enclosing')).toHaveLength(2);
    expect(q.text).toContain('MATCH (d:Department)-[r:LEADS]->(t:Task)');
    expect(q.text).toContain('(k.direct AND x IN enclosing)');
    expect(q.text).not.toContain(':TALLY');
    expect(q.text).toMatchSnapshot();
  });
});
