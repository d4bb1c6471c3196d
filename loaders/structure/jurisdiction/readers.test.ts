/** The small readers on the strings they handle: leading divisions, document numbers, credit codes. */
import { describe, expect, it } from 'vitest';
import { divisionOfCode } from './credit-code.ts';
import { divisionsOfPrefix, readDocNumber } from './doc-number.ts';
import { leadingDivision } from './leading.ts';

const nameOf = (text: string) => leadingDivision(text)?.division.name;

describe('leadingDivision', () => {
  it('reads known divisions only', () => {
    expect(nameOf('广州市花都区人民政府办公室')).toBe('花都区');
    expect(nameOf('广东省推进城市更新行动方案')).toBe('广东省');
    expect(nameOf('广州市人民政府')).toBe('广州市'); // 人民街 is a town's short name, not a part of 人民政府
    expect(nameOf('中共清远市委')).toBe('清远市');
    expect(nameOf('广东《政府工作报告》重点工作部门分工确定')).toBe('广东省');
    expect(nameOf('泾县人民政府')).toBe('泾县');
    expect(nameOf('广州花都智造产业园建设方案')).toBe('花都区'); // a county's short form after its city
    expect(nameOf('广东省广州市花都区新华街道办事处')).toBe('新华街道');
    expect(nameOf('美丽广州建设规划纲要')).toBeUndefined();
    expect(nameOf('城区改造提升方案')).toBeUndefined();
    expect(nameOf('全省小区治理现场推进会')).toBeUndefined();
  });
});

describe('document numbers', () => {
  it('reads the division a prefix abbreviates', () => {
    expect(readDocNumber('花府办〔2026〕5号')).toMatchObject({ text: '花府办〔2026〕5号', abbreviation: '花', options: [{ name: '花都区' }] });
    expect(readDocNumber('穗花府办[2023]1号')?.options.map((d) => d.name)).toEqual(['花都区']);
    expect(divisionsOfPrefix('粤府')?.options.map((d) => d.name)).toEqual(['广东省']);
    expect(divisionsOfPrefix('湘政发')?.options.map((d) => d.name)).toEqual(['湖南省']);
    expect(divisionsOfPrefix('东府')?.options.map((d) => d.name)).toEqual(['东莞市']);
    expect(divisionsOfPrefix('南府办')?.options.map((d) => d.name).sort()).toEqual(['南山区', '南沙区', '南海区'].sort());
  });
  it('reads nothing in a sentence or without a division', () => {
    expect(readDocNumber('根据粤府〔2021〕13号文件')).toBeUndefined();
    expect(readDocNumber('国办发〔2020〕23号')).toBeUndefined();
    expect(readDocNumber('中发〔2021〕1号')).toBeUndefined(); // the Party centre's, not 中山市's
    expect(readDocNumber('中府〔2021〕1号')?.options.map((d) => d.name)).toEqual(['中山市']);
  });
});

describe('credit codes', () => {
  it('characters 3–8 of an 18-character code are the division', () => {
    expect(divisionOfCode('11440114007502316K/2026-00021')?.division.name).toBe('花都区');
    expect(divisionOfCode('11440100007482107X')?.division.name).toBe('广州市');
    expect(divisionOfCode('6107280000/2024-001005')?.division.name).toBe('镇巴县');
    expect(divisionOfCode('dqxs/2021-00016')).toBeUndefined();
    expect(divisionOfCode('HHCR-2023-01005')).toBeUndefined();
  });
});
