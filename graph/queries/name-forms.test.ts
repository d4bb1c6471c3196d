import { describe, expect, it } from 'vitest';
import { departmentIdsFor, districtNameForms, pinyinCodes, sixDigitCode, twelveDigitCode } from './name-forms.ts';

describe('district names as analysts write them', () => {
  it('reads hierarchical full names down to the division', () => {
    expect(districtNameForms('广东省广州市花都区').ids).toEqual(['div:440114']);
    expect(districtNameForms('广州市花都区').ids).toEqual(['div:440114']);
    expect(districtNameForms('广州市').ids).toEqual(['div:4401']);
  });

  it('reads Traditional characters as Simplified', () => {
    const forms = districtNameForms('花都區');
    expect(forms.names).toEqual(['花都區', '花都区']);
    expect(forms.ids).toEqual(['div:440114']);
    expect(districtNameForms('廣州市花都區').ids).toEqual(['div:440114']);
  });

  it('reads pinyin with or without the level word, in any case and spacing', () => {
    for (const typed of ['Huadu', 'huadu', 'Huadu District', 'huadu qu', 'HuaduQu', 'Huàdū']) expect(pinyinCodes(typed), typed).toEqual(['440114']);
    expect(pinyinCodes('Guangzhou')).toEqual(['4401']);
    expect(pinyinCodes('Guangzhou City')).toEqual(['4401']);
    expect(pinyinCodes('Panyu')).toEqual(['440113']);
    expect(pinyinCodes('Guangdong Province')).toEqual(['44']);
    expect(districtNameForms('Huadu District').ids).toEqual(['div:440114']);
    // Not pinyin, or no such place: nothing.
    expect(pinyinCodes('花都')).toEqual([]);
    expect(pinyinCodes('Qwertyuiop')).toEqual([]);
  });

  it('reads 6- and 12-digit codes as the trimmed code the graph stores', () => {
    expect(districtNameForms('440114').code).toBe('440114');
    expect(districtNameForms('440114000000').code).toBe('440114');
    expect(districtNameForms('440100').code).toBe('4401');
    expect(districtNameForms('440100000000').ids).toEqual(['div:4401']);
  });

  it('shows codes the way analysts write them', () => {
    expect(sixDigitCode('4401')).toBe('440100');
    expect(sixDigitCode('44')).toBe('440000');
    expect(sixDigitCode('440114')).toBe('440114');
    expect(sixDigitCode('440114103')).toBe('440114103');
    expect(sixDigitCode(null)).toBeNull();
    expect(twelveDigitCode('440114')).toBe('440114000000');
    expect(twelveDigitCode('4401')).toBe('440100000000');
    expect(twelveDigitCode('440114103')).toBe('440114103000');
  });
});

describe('body names as analysts write them', () => {
  it('reads the usual short forms with their level or division', () => {
    expect(departmentIdsFor('广州市发改委')).toEqual(['dept:广州市发展和改革委员会']);
    expect(departmentIdsFor('广东省发改委')).toEqual(['dept:广东省发展和改革委员会']);
    expect(departmentIdsFor('廣東省發改委')).toEqual(['dept:广东省发展和改革委员会']);
  });

  it('reads a short name within a jurisdiction as that division’s body', () => {
    expect(departmentIdsFor('发改委', '广州市')).toEqual(['dept:广州市发展和改革委员会']);
    expect(departmentIdsFor('发改委', '440100')).toEqual(['dept:广州市发展和改革委员会']);
    expect(departmentIdsFor('省发改委', '花都区')).toEqual(['dept:广东省发展和改革委员会']);
    expect(departmentIdsFor('发改局', 'Huadu')).toEqual(['dept:广州市花都区发展和改革局']);
  });

  it('without a jurisdiction, reads 省/市/区 as any province, city or district', () => {
    const ids = departmentIdsFor('省发改委');
    expect(ids).toContain('dept:广东省发展和改革委员会');
    expect(ids.length).toBeGreaterThan(20);
    expect(departmentIdsFor('发改委')).toEqual([]);
  });
});
