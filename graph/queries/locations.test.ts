import { describe, expect, it } from 'vitest';
import { taskLocationsQuery } from './locations.ts';

describe('taskLocationsQuery', () => {
  it('snapshot: every task\'s places with the line and quote that locate it, in reading order', () => {
    const q = taskLocationsQuery(['plan:huadu-14th-five-year-plan/第二章第一节一']);
    expect(q.params.ids).toEqual(['plan:huadu-14th-five-year-plan/第二章第一节一']);
    expect(q.text).toMatchSnapshot();
  });
});
