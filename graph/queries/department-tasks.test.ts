import { describe, expect, it } from 'vitest';
import { departmentTasksPageQuery } from './department-tasks.ts';

describe('departmentTasksPageQuery', () => {
  it('snapshot: one page of the tasks a body leads, each with its plan, and the total', () => {
    const q = departmentTasksPageQuery('LEADS', ['dept:广州市花都区发展和改革局'], { skip: 10, limit: 5 });
    expect(q.params.ids).toEqual(['dept:广州市花都区发展和改革局']);
    expect(String(q.params.skip)).toBe('10');
    expect(String(q.params.limit)).toBe('5');
    expect(q.text).toMatchSnapshot();
  });

  it('snapshot: the tasks it supports; anything but LEADS or SUPPORTS is refused before it reaches Cypher', () => {
    expect(departmentTasksPageQuery('SUPPORTS', ['d'], { skip: 0, limit: 5 }).text).toMatchSnapshot();
    expect(() => departmentTasksPageQuery('LEADS]->() DETACH DELETE (x' as never, ['d'], { skip: 0, limit: 5 })).toThrow('unknown responsibility');
  });
});
