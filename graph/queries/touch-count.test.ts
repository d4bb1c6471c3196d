import { describe, expect, it } from 'vitest';
import { touchingTaskCountQuery } from './touch-count.ts';

describe('touchingTaskCountQuery', () => {
  it('snapshot: tasks touching each area, and how many of those a body leads', () => {
    const q = touchingTaskCountQuery(['div:440114', 'div:4401'], { includeDescendants: true, includeEnclosing: false });
    expect(q.params.ids).toEqual(['div:440114', 'div:4401']);
    expect(q.text).toContain('MATCH (t:Task)-[k:TOUCHES]->(a)');
    expect(q.text).toMatchSnapshot();
  });

  it('snapshot: the area itself and the areas around it', () => {
    expect(touchingTaskCountQuery(['div:440114'], { includeDescendants: false, includeEnclosing: true }).text).toMatchSnapshot();
  });
});
