import { describe, expect, it } from 'vitest';
import { allPlansQuery, departmentsQuery } from './lists.ts';
import { shortestPathsQuery } from './path.ts';
import { relatedTasksQuery } from './related.ts';
import { searchQuery } from './search.ts';
import { departmentWorkloadQuery, workloadRankingQuery } from './workload.ts';

// Snapshots of the Cypher the remaining read builders generate (one query per GraphQL field they
// serve): a change to a query shows up in review as a change to its text.
describe('read query builders', () => {
  it('snapshot: path between two nodes over model relationships, bounded hops', () => {
    const q = shortestPathsQuery('dept:广东省农业农村厅', 'div:440114', 3);
    expect(q.params).toMatchObject({ from: 'dept:广东省农业农村厅', to: 'div:440114' });
    expect(q.text).toMatchSnapshot();
  });

  it('snapshot: related tasks of other plans', () => {
    const q = relatedTasksQuery(['plan:huadu-14th-five-year-plan/第二章第一节一'], 5);
    expect(q.params.ids).toEqual(['plan:huadu-14th-five-year-plan/第二章第一节一']);
    expect(q.text).toMatchSnapshot();
  });

  it('snapshot: full-text search; the kinds asked for are a parameter, not part of the text', () => {
    const all = searchQuery('轨道交通', '轨道交通', 10);
    const tasks = searchQuery('轨道交通', '轨道交通', 10, ['Task']);
    expect(tasks.text).toEqual(all.text);
    expect(tasks.params.kinds).toEqual(['Task']);
    expect(all.params.kinds).toEqual(expect.arrayContaining(['Task', 'Department', 'District', 'Plan']));
    expect(all.text).toMatchSnapshot();
  });

  it('snapshot: plan and department lists', () => {
    expect(allPlansQuery().text).toMatchSnapshot();
    const q = departmentsQuery('发展');
    expect(Object.values(q.params)).toContain('发展');
    expect(q.text).toMatchSnapshot();
  });

  it('snapshot: workload of bodies and the ranking within plans', () => {
    expect(departmentWorkloadQuery(['dept:广东省发展和改革委员会'], { skip: 0, limit: 20 }).text).toMatchSnapshot();
    expect(workloadRankingQuery(['plan:huadu-14th-five-year-plan'], 10).text).toMatchSnapshot();
    expect(workloadRankingQuery(undefined, 10).text).toMatchSnapshot();
  });
});
