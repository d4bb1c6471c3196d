import { describe, expect, it } from 'vitest';
import { leadingDepartmentsQuery } from './leading-departments.ts';
import { districtTasksQuery, taskConnectionQuery } from './tasks.ts';
import { firstPlansTouchedTasks, touchedCount, touchedTasks } from './touches.ts';

describe('the "touches" rule in Cypher, read from the TOUCHES edges', () => {
  it('reads edges into the area, only the direct ones without descendants, and never walks PART_OF', () => {
    expect(touchedTasks({ includeDescendants: true, includeEnclosing: false })).toContain('MATCH (t:Task)-[k:TOUCHES]->(a)');
    expect(touchedTasks({ includeDescendants: false, includeEnclosing: false })).toContain('MATCH (t:Task)-[k:TOUCHES {direct: true}]->(a)');
    for (const includeDescendants of [true, false]) {
      for (const includeEnclosing of [true, false]) {
        expect(touchedTasks({ includeDescendants, includeEnclosing })).not.toContain('PART_OF');
      }
    }
  });

  it('includeEnclosing adds the tasks with a direct edge to an area containing A (rule 3)', () => {
    const text = touchedTasks({ includeDescendants: true, includeEnclosing: true });
    // each area above once: one row per path would repeat a zone once per document listing its member
    expect(text).toContain('RETURN collect(DISTINCT x) AS enclosing');
    expect(text).toContain('UNWIND enclosing AS e');
    expect(text).toContain('MATCH (t:Task)-[k:TOUCHES {direct: true}]->(e)');
    expect(text).toContain('WITH DISTINCT t');
  });

  it('counts from the node\'s edge count when it can', () => {
    expect(touchedCount({ includeDescendants: true, includeEnclosing: false })).toBe('COUNT { (a)<-[:TOUCHES]-() } AS totalCount');
  });

  it('snapshot: the flagship is one query, batched over areas, bodies and tasks paged', () => {
    const q = leadingDepartmentsQuery(['div:440114'], { includeDescendants: false, includeEnclosing: true, includeSupporting: true }, { skip: 0, limit: 100, tasks: 20 });
    expect(q.params.ids).toEqual(['div:440114']);
    expect(String(q.params.limit)).toBe('100');
    expect(String(q.params.tasks)).toBe('20');
    expect(q.text).toContain('count(*) AS taskCount');
    expect(q.text).not.toContain('collect(t)');
    expect(q.text).toMatchSnapshot();
  });

  it('a page in plan order reads the first plans\' tasks (their tallies), any other order every edge', () => {
    const page = { skip: 0, limit: 20 };
    const byPlan = taskConnectionQuery({ touches: 'div:440114' }, 'PLAN', page).text;
    expect(byPlan).toContain('WHERE k.pair = a.id AND k.plan IS NOT NULL AND k.planId IS NOT NULL AND k.tasks > 0');
    // only the plans holding the page are read again from the index (not carried as a list into
    // the rows), and the page is cut from their tasks past those of the plans before them
    expect(byPlan).toContain('RETURN collect(s)[0] AS span');
    expect(byPlan).toMatch(/WHERE k\.pair = a\.id AND k\.tasks > 0\s+AND k\.plan >= first AND \(k\.plan > first OR k\.planId >= firstId\) AND k\.plan <= last AND k\.planId IS NOT NULL/);
    expect(byPlan).toContain('UNWIND ordered[$skip - before..$skip - before + $limit] AS t');
    expect(byPlan).not.toContain('UNWIND indexed');
    expect(byPlan).toContain('MATCH (t:Task {document: doc})-[k:TOUCHES]->(a)');
    // RELEVANCE without words is plan order (every score 0)
    expect(taskConnectionQuery({ touches: 'div:440114' }, 'RELEVANCE', page).text).toContain('RETURN collect(s)[0] AS span');
    expect(taskConnectionQuery({ touches: 'div:440114' }, 'TITLE', page).text).not.toContain('TALLY');
    const enclosing = { includeDescendants: true, includeEnclosing: true };
    // with includeEnclosing: the area's plan tallies and the direct ones of each area above, merged
    const enclosed = taskConnectionQuery({ touches: 'div:440114', touchesOptions: enclosing }, 'PLAN', page).text;
    expect(enclosed).toContain('WHERE k.pair = a.id AND k.plan IS NOT NULL AND k.planId IS NOT NULL AND k.tasks > 0');
    expect(enclosed).toContain('WHERE k.pair = e.id AND k.plan IS NOT NULL AND k.planId IS NOT NULL AND k.direct > 0');
    expect(enclosed).toContain('max(p.n) AS n');
    // the merged lower bounds say which plans to count, the counts by plan say which hold the page
    expect(enclosed).toContain('WITH tPlan, tPlanId, count(*) AS n ORDER BY tPlan, tPlanId');
    expect(enclosed).toContain('UNWIND ordered[$skip - before..$skip - before + $limit] AS t');
    expect(enclosed).toMatch(/WHERE k\.pair = e\.id AND k\.direct > 0\s+AND k\.plan >= first AND \(k\.plan > first OR k\.planId >= firstId\) AND k\.plan <= last AND k\.planId IS NOT NULL/);
    expect(enclosed).not.toContain('UNWIND merged');
    expect(taskConnectionQuery({ touches: 'div:440114', touchesOptions: enclosing }, 'TITLE', page).text).not.toContain('TALLY');
    expect(() => firstPlansTouchedTasks(enclosing)).toThrow(/includeEnclosing/);
    const direct = districtTasksQuery(['div:440114'], { includeDescendants: false, includeEnclosing: false }, page).text;
    expect(direct).toContain('AND k.direct > 0');
    expect(direct).toContain('MATCH (t:Task {document: doc})-[k:TOUCHES {direct: true}]->(a)');
  });

  it('snapshot: tasks touching areas, paged', () => {
    const q = districtTasksQuery(['div:440114'], { includeDescendants: true, includeEnclosing: false }, { skip: 20, limit: 10 });
    expect(String(q.params.skip)).toBe('20');
    expect(String(q.params.limit)).toBe('10');
    // The first plans come from the TALLY pair index in order (a plan's tally's pair is the
    // area's id); every edge into the area is read only for a page past every task they count.
    // A seek, never a scan: with the index's order matching the ORDER BY, a plan cached on
    // another graph scanned every tally from the first and filtered (zone-listed-often).
    expect(q.text).toContain('USING INDEX SEEK k:TALLY(pair, plan, planId)');
    expect(q.text).toContain('MATCH (t:Task {document: doc})-[k:TOUCHES]->(a)\n    USING INDEX SEEK t:Task(document)');
    expect(q.text).toContain('WHERE k.pair = a.id AND k.plan IS NOT NULL AND k.planId IS NOT NULL AND k.tasks > 0');
    expect(q.text).toContain('WITH * WHERE NOT covered');
    expect(q.text).toMatchSnapshot();
  });
});
