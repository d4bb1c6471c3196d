import { describe, expect, it } from 'vitest';
import { allTasksQuery } from './all-tasks.ts';
import { taskConnectionQuery } from './tasks.ts';

const page = { skip: 40, limit: 20 };

describe('allTasksQuery', () => {
  it('snapshot: reads plans in title order from the Plan(title) index and stops when the page is full', () => {
    const q = allTasksQuery(page, true);
    expect(q.text).toContain('MATCH (p:Plan) USING INDEX p:Plan(title)\n  WHERE p.title IS NOT NULL\n  WITH p ORDER BY p.title, p.id');
    // The total is the label's count (the count store), not a pass over every task.
    expect(q.text).toContain('MATCH (t:Task)\n  RETURN count(t) AS totalCount');
    // Untitled plans and tasks in no plan only when the titled plans' tasks run out before the page does.
    expect(q.text).toContain('WITH titled WHERE size(titled) < $limit');
    expect(q.params).toMatchObject({ skip: { low: 40 }, limit: { low: 20 } });
    expect(q.text).toMatchSnapshot();
  });

  it('without the total, counts nothing and reads one row past the page', () => {
    const q = allTasksQuery(page, false);
    expect(q.text).not.toContain('count(t) AS totalCount');
    expect(q.text).toContain('WITH null AS totalCount');
    expect(q.params).toMatchObject({ limit: { low: 21 } });
  });

  it('is what tasks() without a filter runs in plan order; any filter or another order keeps the generic query', () => {
    expect(taskConnectionQuery({}, 'PLAN', page).text).toBe(allTasksQuery(page, true).text);
    expect(taskConnectionQuery({}, 'PLAN', page, false)).toEqual(allTasksQuery(page, false));
    expect(taskConnectionQuery({}, 'TITLE', page).text).not.toContain('USING INDEX p:Plan(title)');
    expect(taskConnectionQuery({ ledBy: ['dept:a'] }, 'PLAN', page).text).not.toContain('USING INDEX p:Plan(title)');
    expect(taskConnectionQuery({ touches: 'div:440114' }, 'PLAN', page).text).not.toContain('USING INDEX p:Plan(title)');
  });
});
