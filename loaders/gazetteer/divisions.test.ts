import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ancestry, divisionById, GAZETTEER_VINTAGE, isWithin, parentOf, resolveDivision } from './divisions.ts';

describe('division gazetteer', () => {
  it('resolves 花都区 to its NBS code and hangs it under 广州市 and 广东省', () => {
    const huadu = resolveDivision('花都区')!;
    expect(huadu).toMatchObject({ id: 'div:440114', code: '440114', level: 'DISTRICT', name: '花都区' });
    expect(parentOf(huadu)).toMatchObject({ id: 'div:4401', name: '广州市', level: 'CITY' });
    expect(parentOf(parentOf(huadu)!)).toMatchObject({ id: 'div:44', name: '广东省', level: 'PROVINCE' });
    expect(parentOf(parentOf(parentOf(huadu)!)!)).toBeUndefined();
  });

  it('accepts short forms, codes and ids: 花都, 440114, div:440114, the 12-digit NBS code', () => {
    for (const q of ['花都', '440114', 'div:440114', '440114000000']) expect(resolveDivision(q)?.id).toBe('div:440114');
    expect(resolveDivision('广州')?.id).toBe('div:4401');
    expect(resolveDivision('广东')?.id).toBe('div:44');
    expect(divisionById('div:440114109')?.name).toBe('狮岭镇');
  });

  it('resolves a town named with its district, and an ambiguous street name only within a district', () => {
    // 新华街道 exists in several Guangdong districts: alone it is ambiguous.
    expect(resolveDivision('新华街道')).toBeUndefined();
    expect(resolveDivision('花都区新华街道')?.id).toBe('div:440114001');
    const huadu = resolveDivision('花都区');
    expect(resolveDivision('新华街', huadu)?.id).toBe('div:440114001');
    expect(resolveDivision('新华街道', huadu)?.id).toBe('div:440114001');
    expect(resolveDivision('狮岭镇', huadu)).toMatchObject({ id: 'div:440114109', level: 'TOWN', parentCode: '440114' });
    expect(resolveDivision('广东省广州市花都区')?.id).toBe('div:440114');
  });

  it('hangs 东莞 towns directly off the city (NBS has no county level there)', () => {
    const humen = resolveDivision('虎门镇')!;
    expect(humen.code).toBe('441900121');
    expect(parentOf(humen)?.id).toBe('div:4419');
  });

  it('knows 狮岭镇 lies in 花都区, in 广州市, in 广东省, and not in 白云区', () => {
    const shiling = divisionById('div:440114109')!;
    const huadu = resolveDivision('花都区')!;
    expect(ancestry(shiling).map((d) => d.name)).toEqual(['狮岭镇', '花都区', '广州市', '广东省']);
    for (const outer of ancestry(shiling)) expect(isWithin(shiling, outer)).toBe(true);
    expect(isWithin(huadu, resolveDivision('广州市')!)).toBe(true);
    expect(isWithin(resolveDivision('广州市')!, huadu)).toBe(false);
    expect(isWithin(shiling, resolveDivision('白云区', resolveDivision('广州市'))!)).toBe(false);
  });

  it('keeps the data file small and states its NBS vintage', () => {
    const file = new URL('../data/divisions.json', import.meta.url);
    expect(readFileSync(file).length).toBeLessThan(400_000);
    expect(GAZETTEER_VINTAGE).toMatch(/NBS 2023/);
  });
});
