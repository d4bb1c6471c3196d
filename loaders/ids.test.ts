import { describe, expect, it } from 'vitest';
import { divisionId, goalId, projectId, trimDivisionCode, zoneId } from './ids.ts';

describe('ids', () => {
  it('trims NBS codes of trailing zero groups the same way for ids and lookups', () => {
    expect(trimDivisionCode('440114000000')).toBe('440114');
    expect(trimDivisionCode('440114103000')).toBe('440114103');
    expect(trimDivisionCode('440100000000')).toBe('4401');
    expect(trimDivisionCode('440100')).toBe('4401');
    expect(trimDivisionCode('440000')).toBe('44');
    expect(trimDivisionCode(' 花都区 ')).toBe('花都区');
    expect(divisionId('440114000000')).toBe('div:440114');
    expect(divisionId('4401')).toBe('div:4401');
  });
  it('builds goal, zone and project ids from the names as written', () => {
    expect(goalId('plan:huadu-14th-five-year-plan', '地区生产总值', 2025)).toBe('plan:huadu-14th-five-year-plan/goal/地区生产总值@2025');
    expect(goalId('plan:x', '森林覆盖率')).toBe('plan:x/goal/森林覆盖率@-');
    expect(zoneId('广清接合片区')).toBe('zone:广清接合片区');
    expect(projectId('广州北站综合交通枢纽（一期）工程')).toBe('project:广州北站综合交通枢纽一期工程');
  });
});
