/** Quantified goals in prose: the clause shapes that state a target, and the ones that do not. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { proseGoals } from './prose.ts';

const seedLine = (f: string, line: number) => readFileSync(new URL(`../../seeds/${f}`, import.meta.url), 'utf8').split('\n')[line - 1];

const plain = (text: string, minYear = 2021) => proseGoals(text, minYear).map(({ offset: _o, ...g }) => g);

describe('proseGoals', () => {
  it('reads a comparator target and its stretch target (Beautiful Guangzhou, line 46)', () => {
    const text = seedLine('beautiful-guangzhou-plan-2025-2035.txt', 46);
    expect(text).toContain('2035年,人与自然和谐共生的美丽广州全面建成。');
    expect(text).toContain('生态环境质量比肩国际一流水平,PM2.5年均浓度低于19微克/立方米,力争达到15微克/立方米左右,美丽河湖');
    expect(plain(text, 2025)).toEqual([
      { name: 'PM2.5年均浓度', targetYear: 2035, targetValue: '低于19', unit: '微克/立方米', quote: 'PM2.5年均浓度低于19微克/立方米', aspiration: '力争达到15微克/立方米左右' },
    ]);
  });

  it('reads verb targets and a bare count under 到 2025 年 (provincial plan, line 171)', () => {
    const text = seedLine('guangdong-new-urbanisation-plan-2021-2035.txt', 171);
    expect(text).toContain('城乡融合发展体制机制基本建立，到 2025 年，常住人口城镇化率达到 77%，城镇常住人口 10150 万人，城乡居民人均可支配收入比控制在 2.3 左右。');
    expect(plain(text)).toEqual([
      { name: '常住人口城镇化率', targetYear: 2025, targetValue: '77', unit: '%', quote: '常住人口城镇化率达到 77%' },
      { name: '城镇常住人口', targetYear: 2025, targetValue: '10150', unit: '万人', quote: '城镇常住人口 10150 万人' },
      { name: '城乡居民人均可支配收入比', targetYear: 2025, targetValue: '2.3左右', quote: '城乡居民人均可支配收入比控制在 2.3 左右' },
    ]);
  });

  it('reads a count before its object (建成 7800 公里碧道) and keeps 以上 in the value', () => {
    expect(plain('高质量推进万里碧道建设，到 2025 年，建成 7800 公里碧道。')).toEqual([
      { name: '建成碧道', targetYear: 2025, targetValue: '7800', unit: '公里', quote: '建成 7800 公里碧道' },
    ]);
    expect(plain('到2025年，全省人均体育场地面积达到2.6平方米以上，城乡普遍建成15分钟健身圈。')).toEqual([
      { name: '人均体育场地面积', targetYear: 2025, targetValue: '2.6以上', unit: '平方米', quote: '全省人均体育场地面积达到2.6平方米以上' },
    ]);
  });

  it('reads a "十四五"期间 scope as the period\'s last year, and a list of counts sharing one verb (provincial line 431)', () => {
    const text = seedLine('guangdong-new-urbanisation-plan-2021-2035.txt', 431);
    expect(text).toContain('“十四五”期间，新增约30万个公办幼儿园学位、370万个左右公办义务教育学位、30万个左右公办普通高中学位，大力推进');
    expect(plain(text)).toEqual([
      { name: '新增公办幼儿园学位', targetYear: 2025, targetValue: '约30', unit: '万个', quote: '新增约30万个公办幼儿园学位' },
      { name: '新增公办义务教育学位', targetYear: 2025, targetValue: '370左右', unit: '万个', quote: '370万个左右公办义务教育学位' },
      { name: '新增公办普通高中学位', targetYear: 2025, targetValue: '30左右', unit: '万个', quote: '30万个左右公办普通高中学位' },
    ]);
    // "十三五"期间 is the past in a plan starting 2021 (Huadu line 87).
    expect(plain('区实现地区生产总值 1682.15 亿元，“十三五”期间年均增长 6.5%。')).toEqual([]);
  });

  it('keeps the scope into a sentence opening 其中 (provincial line 451)', () => {
    const text = seedLine('guangdong-new-urbanisation-plan-2021-2035.txt', 451);
    expect(text).toContain('“十四五”期间，全省筹建保障性安居工程住房138.9万套。其中，新开工公租房11.83万套，新增发放租赁补贴6.15万户');
    const goals = plain(text);
    expect(goals[0]).toEqual({ name: '筹建保障性安居工程住房', targetYear: 2025, targetValue: '138.9', unit: '万套', quote: '全省筹建保障性安居工程住房138.9万套' });
    expect(goals.slice(1).map((g) => [g.name, g.targetValue, g.unit])).toEqual([
      ['新开工公租房', '11.83', '万套'],
      ['新增发放租赁补贴', '6.15', '万户'],
      ['新筹集保障性租赁住房', '74.05', '万套'],
      ['新筹集建设共有产权住房', '14.3', '万套'],
      ['新筹集建设人才住房', '27.23', '万套'],
      ['新开工棚改安居住房', '5.33', '万套'],
    ]);
  });

  it('reads the people an effort reaches: "带动60万人以上实现就业创业" (provincial line 281)', () => {
    const text = seedLine('guangdong-new-urbanisation-plan-2021-2035.txt', 281);
    expect(text).toContain('到2025年，全省开展“粤菜师傅”培训20万人次，带动60万人以上实现就业创业。');
    expect(plain(text)).toContainEqual({ name: '带动就业创业', targetYear: 2025, targetValue: '60以上', unit: '万人', quote: '带动60万人以上实现就业创业' });
    // 带动 with no count of people is a description, not a goal.
    expect(plain('到2025年，带动3个产业园区实现升级。')).toEqual([]);
  });

  it('ignores past results, status reports and numbers inside descriptions', () => {
    // Huadu line 197: a 2020 result in a plan for 2021-2025.
    expect(plain('园建设，2020年全区生活垃圾分类回收利用率达到 38%。')).toEqual([]);
    // A status "as of" a date is not a target.
    expect(plain('截至2026年2月，提容后项目已新增报建110万平方米。')).toEqual([]);
    // Provincial line 630: the number is inside the clause, not its target.
    expect(plain('到2025年，城市建成区30%以上面积达到海绵城市建设要求。')).toEqual([]);
    // No target year in scope.
    expect(plain('推动PM2.5年均浓度迈入“一字头”。')).toEqual([]);
  });
});
