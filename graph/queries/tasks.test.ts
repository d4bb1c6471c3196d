import { describe, expect, it } from 'vitest';
import { planTasksQuery, taskConnectionQuery } from './tasks.ts';

const page = { skip: 0, limit: 20 };

describe('taskConnectionQuery', () => {
  it('snapshot: no filter', () => {
    const q = taskConnectionQuery({}, 'PLAN', page);
    expect(q.text).toContain('MATCH (t:Task)');
    expect(q.text).not.toContain('WHERE');
    expect(q.text).toMatchSnapshot();
  });

  it('snapshot: every filter at once, ranked by relevance', () => {
    const q = taskConnectionQuery(
      { touches: 'div:440114', ledBy: ['dept:a'], supportedBy: ['dept:b'], planIds: ['plan:p'], text: '碳达峰' },
      'RELEVANCE',
      { skip: 40, limit: 20 },
    );
    expect(q.params).toMatchObject({ areaId: 'div:440114', ledBy: ['dept:a'], supportedBy: ['dept:b'], planIds: ['plan:p'], text: '碳达峰' });
    expect(q.text).toContain('t IN touched');
    expect(q.text).toMatchSnapshot();
  });

  it('starts from the touched set when there are no words', () => {
    const q = taskConnectionQuery({ touches: 'div:440114' }, 'TITLE', page);
    expect(q.text).toContain('UNWIND touched AS t');
    expect(q.text).toContain('ORDER BY t.title');
  });

  it('snapshot: a plan\'s tasks', () => {
    expect(planTasksQuery(['plan:p'], page).text).toMatchSnapshot();
  });
});
