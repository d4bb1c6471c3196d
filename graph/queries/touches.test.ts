import { describe, expect, it } from 'vitest';
import { leadingDepartmentsQuery } from './leading-departments.ts';
import { districtTasksQuery } from './tasks.ts';
import { touchedTasksFragment } from './touches.ts';

describe('the "touches" rule in Cypher', () => {
  it('walks scope both ways from anything located in the area, and from governing plans', () => {
    // rule 1: x LOCATED_IN a place; x itself and its ancestors, and its descendants
    expect(touchedTasksFragment).toContain('MATCH (x)-[:PART_OF*0..]->(t:Task)');
    expect(touchedTasksFragment).toContain('MATCH (t:Task)-[:PART_OF*1..]->(x)');
    // zones listing A or an area inside it
    expect(touchedTasksFragment).toContain("(member)-[:LOCATED_IN]->(z:District {level: 'ZONE'})");
    // rule 2 and the two switches
    expect(touchedTasksFragment).toContain('(t:Task)-[:PART_OF*1..]->(:Plan)-[:GOVERNS]->(place)');
    expect(touchedTasksFragment).toContain('WHERE $includeDescendants');
    expect(touchedTasksFragment).toContain('WHERE $includeEnclosing');
  });

  it('snapshot: the flagship is one query, batched over areas, options as parameters', () => {
    const q = leadingDepartmentsQuery(['div:440114'], { includeDescendants: false, includeEnclosing: true, includeSupporting: true });
    expect(q.params).toEqual({ ids: ['div:440114'], includeDescendants: false, includeEnclosing: true, includeSupporting: true });
    expect(q.text).toMatchSnapshot();
  });

  it('snapshot: tasks touching areas, paged', () => {
    const q = districtTasksQuery(['div:440114'], { includeDescendants: true, includeEnclosing: false }, { skip: 20, limit: 10 });
    expect(String(q.params.skip)).toBe('20');
    expect(String(q.params.limit)).toBe('10');
    expect(q.text).toMatchSnapshot();
  });
});
