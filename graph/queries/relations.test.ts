import { describe, expect, it } from 'vitest';
import * as relations from './relations.ts';
import { searchQuery } from './search.ts';
import { shortestPathsQuery } from './path.ts';
import { relatedTasksQuery } from './related.ts';
import { departmentWorkloadQuery, workloadRankingQuery } from './workload.ts';
import { allPlansQuery, departmentsQuery } from './lists.ts';

describe('batched relationship queries', () => {
  it('every one takes all parent ids in one parameter and returns rows keyed by id', () => {
    const batchQueries = Object.entries(relations).filter(([name]) => name.endsWith('Query') && name !== 'nodesByIdsQuery');
    expect(batchQueries.length).toBeGreaterThan(15);
    for (const [name, fn] of batchQueries) {
      const q = (fn as relations.BatchQuery)(['a', 'b']);
      expect(q.params, name).toEqual({ ids: ['a', 'b'] });
      expect(q.text, name).toMatch(/^UNWIND \$ids AS id/);
      expect(q.text, name).toMatch(/RETURN id, collect\(/);
      expect(q.text, name).toMatchSnapshot();
    }
  });

  it('nodesByIdsQuery only accepts node kinds', () => {
    expect(relations.nodesByIdsQuery('Task', ['t']).text).toContain('MATCH (x:Task {id: id})');
    expect(() => relations.nodesByIdsQuery('Task) DETACH DELETE (x' as never, [])).toThrow();
  });
});

describe('other read queries', () => {
  it('snapshot: search', () => {
    const q = searchQuery('花都', '花都', 20, ['District', 'Task']);
    expect(q.params.kinds).toEqual(['District', 'Task']);
    expect(q.text).toMatchSnapshot();
  });

  it('snapshot: shortest paths', () => {
    expect(shortestPathsQuery('dept:x', 'div:440114', 1).text).toMatchSnapshot();
  });

  it('snapshot: related tasks', () => {
    expect(relatedTasksQuery(['t'], 10).text).toMatchSnapshot();
  });

  it('snapshot: workload and lists', () => {
    expect(departmentWorkloadQuery(['d'], { skip: 40, limit: 20 }).params).toMatchObject({ skip: { low: 40 }, limit: { low: 20 } });
    expect(departmentWorkloadQuery(['d'], { skip: 40, limit: 20 }).text).toContain("ORDER BY led + supported DESC, p.title, p.id\nWITH id, collect({p: p, led: led, supported: supported})[$skip..$skip + $limit] AS busiest");
    expect(departmentWorkloadQuery(['d'], { skip: 0, limit: 20 }).text).toMatchSnapshot();
    // overall: each body's degrees, no walk from every assignment to its plan
    const overall = workloadRankingQuery(undefined, 10).text;
    expect(overall).toContain('WITH d, COUNT { (d)-[:LEADS]->() } AS led, COUNT { (d)-[:SUPPORTS]->() } AS supported');
    expect(overall).not.toContain('PART_OF');
    expect(workloadRankingQuery(['p'], 10).params.planIds).toEqual(['p']);
    expect(workloadRankingQuery(['p'], 10).text).toMatchSnapshot();
    expect(allPlansQuery().text).toMatchSnapshot();
    expect(departmentsQuery('发展').params).toEqual({ text: '发展' });
    expect(departmentsQuery('发展').text).toMatchSnapshot();
  });
});
