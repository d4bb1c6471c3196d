/** Quantified goals in prose: the clause shapes that state a target, and the ones that do not. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { proseGoals } from './prose.ts';

const seedLine = (f: string, line: number) => readFileSync(new URL(`../../seeds/${f}`, import.meta.url), 'utf8').split('\n')[line - 1];

const plain = (text: string, minYear = 2021, defaultYear?: number) => proseGoals(text, minYear, defaultYear).map(({ offset: _o, ...g }) => g);

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

  it('splits a clause of two goals with their own verbs: "炼油能力达到3200万吨/年、乙烯产能达到370万吨/年" (Huizhou)', () => {
    expect(plain('到2026年，全市石化能源新材料产业产值突破6000亿元，大亚湾石化区炼油能力达到3200万吨/年、乙烯产能达到370万吨/年，高端新材料产值占比达到35%以上。')).toEqual([
      { name: '石化能源新材料产业产值', targetYear: 2026, targetValue: '突破6000', unit: '亿元', quote: '全市石化能源新材料产业产值突破6000亿元' },
      { name: '大亚湾石化区炼油能力', targetYear: 2026, targetValue: '3200', unit: '万吨/年', quote: '大亚湾石化区炼油能力达到3200万吨/年' },
      { name: '乙烯产能', targetYear: 2026, targetValue: '370', unit: '万吨/年', quote: '乙烯产能达到370万吨/年' },
      { name: '高端新材料产值占比', targetYear: 2026, targetValue: '35以上', unit: '%', quote: '高端新材料产值占比达到35%以上' },
    ]);
  });

  it('an implementation plan\'s task text targets its last year without restating it: "打通断头路15条，新增公共停车泊位1万个" (Zhuzhou)', () => {
    expect(plain('打通断头路15条，新增公共停车泊位1万个，完善天元区、渌口区慢行交通系统。', 2024, 2026)).toEqual([
      { name: '打通断头路', targetYear: 2026, targetValue: '15', unit: '条', quote: '打通断头路15条' },
      { name: '新增公共停车泊位', targetYear: 2026, targetValue: '1', unit: '万个', quote: '新增公共停车泊位1万个' },
    ]);
    // Not without the default year, not for money set aside, not for what is done already.
    expect(plain('打通断头路15条。', 2024)).toEqual([]);
    expect(plain('统筹合作区产业发展专项资金，每年安排不少于5亿元支持文旅会展商贸项目。', 2024, 2026)).toEqual([]);
    expect(plain('目前已实现对全市2941宗工业用地的集中提容，已建成智能工厂12个。', 2024, 2026)).toEqual([]);
  });

  it('reads "推动全市1.3万家规模以上工业企业数字化转型" (Dongguan) as a count the action reaches', () => {
    expect(plain('到2026年，推动全市1.3万家规模以上工业企业数字化转型，建设智能工厂和数字化车间500个。', 2024)).toEqual([
      { name: '推动规模以上工业企业数字化转型', targetYear: 2026, targetValue: '1.3', unit: '万家', quote: '推动全市1.3万家规模以上工业企业数字化转型' },
      { name: '建设智能工厂和数字化车间', targetYear: 2026, targetValue: '500', unit: '个', quote: '建设智能工厂和数字化车间500个' },
    ]);
  });

  it('a deadline opens a scope too: "2025年底前完成镇区道路“白改黑”20公里" (Zhenjiang PDF)', () => {
    expect(plain('推进犁市镇镇区雨污分流改造，建设花坪镇圩镇综合停车场，2025年底前完成镇区道路“白改黑”20公里。', 2024)).toEqual([
      { name: '完成镇区道路“白改黑”', targetYear: 2025, targetValue: '20', unit: '公里', quote: '2025年底前完成镇区道路“白改黑”20公里' },
    ]);
    // a range of years is no deadline
    expect(plain('2021—2025年前后累计完成改造20公里。', 2021)).toEqual([]);
  });

  it('reads "形成1—2个非遗传播品牌" (provincial line 588) as a count the plan sets', () => {
    expect(plain('到2025年，建成10个省级以上文化生态保护区，形成1—2个非遗传播品牌。')).toEqual([
      { name: '建成省级以上文化生态保护区', targetYear: 2025, targetValue: '10', unit: '个', quote: '建成10个省级以上文化生态保护区' },
      { name: '形成非遗传播品牌', targetYear: 2025, targetValue: '1—2', unit: '个', quote: '形成1—2个非遗传播品牌' },
    ]);
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
