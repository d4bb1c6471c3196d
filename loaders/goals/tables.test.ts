/**
 * Every indicator row of the two seed tables, values read by hand from the source text:
 * Huadu 专栏1 (PDF-scattered: one cell per line, wrapped cells, blank lines between) and the
 * provincial 表 2-1 (tab-separated, merged cells shifted). Each row quotes its source text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from './indicator.ts';
import { findIndicatorTables } from './tables.ts';

const seed = (f: string) => readFileSync(new URL(`../../seeds/${f}`, import.meta.url), 'utf8').split('\n');

interface Expected {
  line: number;
  quote: string;
  serial: string;
  category: string;
  name: string;
  unit?: string;
  baselineValue?: string;
  targets: Record<number, string>;
  attribute: string;
}
function row(line: number, quote: string, serial: string, category: string, name: string, unit: string | undefined, baselineValue: string | undefined, targets: Record<number, string>, attribute: string): Expected {
  return { line, quote, serial, category, name, unit, baselineValue, targets, attribute };
}
function plain(r: IndicatorRow): Expected {
  return {
    line: r.line,
    quote: r.quote,
    serial: r.serial ?? '',
    category: r.category ?? '',
    name: r.name,
    unit: r.unit,
    baselineValue: r.baselineValue,
    targets: Object.fromEntries(r.targets.map((t) => [t.year, t.value])),
    attribute: r.attribute ?? '',
  };
}

describe('Huadu 专栏1 "十四五"时期经济社会发展主要指标 (scattered by PDF extraction)', () => {
  const lines = seed('huadu-14th-five-year-plan.txt');
  const tables = findIndicatorTables(lines);

  it('finds one table, captioned by the box title, header spread over lines 598-606', () => {
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ caption: '专栏 1“十四五”时期经济社会发展主要指标', line: 596, headerLine: 598, layout: 'scattered' });
    expect(lines.slice(597, 606).filter((l) => l.trim())).toEqual(['类别 序号 指标 单位', '2020 年', '完成值', '2025 年', '目标值', '属性']);
    expect(tables[0].rows.every((r) => r.baselineYear === 2020)).toBe(true);
  });

  it('reconstructs all 23 rows', () => {
    expect(tables[0].rows.map(plain)).toEqual([
    row(612, '1 地区生产总值年均增速 % 3 6左右 预期性', '1', '经济发展', '地区生产总值年均增速', '%', '3', { 2025: '6左右' }, '预期性'),
    row(614, '2 全员劳动生产率 万元/人 21.2 24.8 预期性', '2', '经济发展', '全员劳动生产率', '万元/人', '21.2', { 2025: '24.8' }, '预期性'),
    row(616, '3 数字经济核心产业增加值 占地区生产总值比重 % 27.4 30 预期性', '3', '经济发展', '数字经济核心产业增加值占地区生产总值比重', '%', '27.4', { 2025: '30' }, '预期性'),
    row(622, '4 常住人口城镇化率 % 69.02 75 预期性', '4', '经济发展', '常住人口城镇化率', '%', '69.02', { 2025: '75' }, '预期性'),
    row(628, '5 研发经费支出（R&D）占 地区生产总值比重 % 2.7 3.4 预期性', '5', '创新驱动', '研发经费支出（R&D）占地区生产总值比重', '%', '2.7', { 2025: '3.4' }, '预期性'),
    row(634, '6 每万人有效发明专利拥有 量 件 19.5 35 预期性', '6', '创新驱动', '每万人有效发明专利拥有量', '件', '19.5', { 2025: '35' }, '预期性'),
    row(640, '7 战略性新兴产业增加值占 地区生产总值比重 % 30 35 预期性', '7', '创新驱动', '战略性新兴产业增加值占地区生产总值比重', '%', '30', { 2025: '35' }, '预期性'),
    row(650, '8 机场旅客货邮吞吐量 万人次/ 万吨 7339/192 10000/350 预期性', '8', '枢纽功能', '机场旅客货邮吞吐量', '万人次/万吨', '7339/192', { 2025: '10000/350' }, '预期性'),
    row(656, '9 港口货物/集装箱吞吐量 万吨/万 标箱 550.42/12.47 700/25 预期性', '9', '枢纽功能', '港口货物/集装箱吞吐量', '万吨/万标箱', '550.42/12.47', { 2025: '700/25' }, '预期性'),
    row(662, '10 铁路旅客到发量 万人次 315.22 347.8 预期性', '10', '枢纽功能', '铁路旅客到发量', '万人次', '315.22', { 2025: '347.8' }, '预期性'),
    row(668, '11 单位地区生产总值能耗累 计下降 % 完成广州市下 达目标 完成广州市 下达目标 约束性', '11', '绿色转型', '单位地区生产总值能耗累计下降', '%', '完成广州市下达目标', { 2025: '完成广州市下达目标' }, '约束性'),
    row(683, '12 城市空气质量优良天数比 率 % 91.3 完成广州市 下达目标 约束性', '12', '绿色转型', '城市空气质量优良天数比率', '%', '91.3', { 2025: '完成广州市下达目标' }, '约束性'),
    row(694, '13 地表水达到或好于Ⅲ类水 体比例 % 50 完成广州市 下达目标 约束性', '13', '绿色转型', '地表水达到或好于Ⅲ类水体比例', '%', '50', { 2025: '完成广州市下达目标' }, '约束性'),
    row(705, '14 森林覆盖率 % 37.58 37.63 约束性', '14', '绿色转型', '森林覆盖率', '%', '37.58', { 2025: '37.63' }, '约束性'),
    row(720, '15 居民人均可支配收入年均 增速 % — 6左右 预期性', '15', '民生福祉', '居民人均可支配收入年均增速', '%', '—', { 2025: '6左右' }, '预期性'),
    row(726, '16 累计城镇新增就业人数 人 9839 完成广州市 下达任务 预期性', '16', '民生福祉', '累计城镇新增就业人数', '人', '9839', { 2025: '完成广州市下达任务' }, '预期性'),
    row(732, '17 新增基础教育公办学位数 个 131272 35820 约束性', '17', '民生福祉', '新增基础教育公办学位数', '个', '131272', { 2025: '35820' }, '约束性'),
    row(734, '18 每千人口拥有执业（助理） 医师数 人 3.31 3.5 预期性', '18', '民生福祉', '每千人口拥有执业（助理）医师数', '人', '3.31', { 2025: '3.5' }, '预期性'),
    row(740, '19 基本养老保险参保人数 万人 63.28 67.38 预期性', '19', '民生福祉', '基本养老保险参保人数', '万人', '63.28', { 2025: '67.38' }, '预期性'),
    row(742, '20 每千人拥有 3 岁以下婴幼 儿托位数 位 1.38 1.55 预期性', '20', '民生福祉', '每千人拥有3岁以下婴幼儿托位数', '位', '1.38', { 2025: '1.55' }, '预期性'),
    row(748, '21 人均预期寿命 岁 81.67 83 预期性', '21', '民生福祉', '人均预期寿命', '岁', '81.67', { 2025: '83' }, '预期性'),
    row(754, '22 政策性储备粮规模 万吨 5 完成广州市 下达目标 约束性', '22', '安全保障', '政策性储备粮规模', '万吨', '5', { 2025: '完成广州市下达目标' }, '约束性'),
    row(760, '23 液化天然气储备能力 立方米 1200（标方 72 万立方米） 3000（标方 180 万立方 米） 约束性', '23', '安全保障', '液化天然气储备能力', '立方米', '1200（标方72万立方米）', { 2025: '3000（标方180万立方米）' }, '约束性'),
    ]);
  });

  it('joins a value wrapped over lines in a narrow column, brackets and all', () => {
    // 760: "23 液化天然气储备能力 立方米" / "1200（标方 72" / "万立方米）" / "3000（标方" / "180 万立方" / "米）" / "约束性"
    expect(lines.slice(759, 770).filter((l) => l.trim())).toEqual(['23 液化天然气储备能力 立方米', '1200（标方 72', '万立方米）', '3000（标方', '180 万立方', '米）', '约束性']);
    const r = tables[0].rows[22];
    expect([r.baselineValue, r.targets[0].value]).toEqual(['1200（标方72万立方米）', '3000（标方180万立方米）']);
  });

  it('tells two wrapped text cells apart ("完成广州市下" / "达目标" then "完成广州市" / "下达目标")', () => {
    expect(lines.slice(667, 681).filter((l) => l.trim())).toEqual(['11', '单位地区生产总值能耗累', '计下降', '%', '完成广州市下', '达目标', '完成广州市', '下达目标', '约束性']);
    const r = tables[0].rows[10];
    expect([r.unit, r.baselineValue, r.targets[0].value]).toEqual(['%', '完成广州市下达目标', '完成广州市下达目标']);
  });

  it('joins a composite unit wrapped over lines ("万吨/万" / "标箱")', () => {
    expect(lines.slice(655, 660).filter((l) => l.trim())).toEqual(['9 港口货物/集装箱吞吐量', '万吨/万', '标箱', '550.42/12.47 700/25 预期性']);
    expect(tables[0].rows[8].unit).toBe('万吨/万标箱');
  });
});

describe('provincial 表 2-1 广东省新型城镇化发展指标体系 (tab-separated, merged cells)', () => {
  const lines = seed('guangdong-new-urbanisation-plan-2021-2035.txt');
  const tables = findIndicatorTables(lines);

  it('finds one table across the page break (header repeated at line 196)', () => {
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ caption: '表 2-1 广东省新型城镇化发展指标体系', line: 173, headerLine: 175, endLine: 205, layout: 'tabbed' });
    expect(lines[195]).toBe('类别\t指 标\t单位\t2020 年\t2025 年\t2035 年\t属性');
  });

  it('reconstructs all 28 rows (21 numbered indicators and their sub-rows), 2025 and 2035 targets', () => {
    expect(tables[0].rows.map(plain)).toEqual([
    row(176, '城镇化水平 1. 常住人口城镇化率 % 74.15 77 82 预期性', '1', '城镇化水平', '常住人口城镇化率', '%', '74.15', { 2025: '77', 2035: '82' }, '预期性'),
    row(177, '其中：珠三角 % 87.2 88.3 90.5 预期性', '1', '城镇化水平', '常住人口城镇化率（珠三角）', '%', '87.2', { 2025: '88.3', 2035: '90.5' }, '预期性'),
    row(178, '粤东 % 60.6 63 70.5 预期性', '1', '城镇化水平', '常住人口城镇化率（粤东）', '%', '60.6', { 2025: '63', 2035: '70.5' }, '预期性'),
    row(179, '粤西 % 46.2 53.5 63 预期性', '1', '城镇化水平', '常住人口城镇化率（粤西）', '%', '46.2', { 2025: '53.5', 2035: '63' }, '预期性'),
    row(180, '粤北 % 51.6 55.5 66 预期性', '1', '城镇化水平', '常住人口城镇化率（粤北）', '%', '51.6', { 2025: '55.5', 2035: '66' }, '预期性'),
    row(181, '城市服务 2. 城镇基础教育千人学位数 幼儿园 位 40 >40 40-55 预期性', '2', '城市服务', '城镇基础教育千人学位数（幼儿园）', '位', '40', { 2025: '>40', 2035: '40-55' }, '预期性'),
    row(182, '小学 位 80 >80 >80 预期性', '2', '城市服务', '城镇基础教育千人学位数（小学）', '位', '80', { 2025: '>80', 2035: '>80' }, '预期性'),
    row(183, '初中 位 40 >40 >40 预期性', '2', '城市服务', '城镇基础教育千人学位数（初中）', '位', '40', { 2025: '>40', 2035: '>40' }, '预期性'),
    row(184, '3. 外来务工人员随迁子女在公办学校（含政府购买学位）接受义务教育比例 % 69.5 80 85 预期性', '3', '城市服务', '外来务工人员随迁子女在公办学校（含政府购买学位）接受义务教育比例', '%', '69.5', { 2025: '80', 2035: '85' }, '预期性'),
    row(185, '4. 每万人拥有公共文化设施面积 平方米 1299 1306 1500 预期性', '4', '城市服务', '每万人拥有公共文化设施面积', '平方米', '1299', { 2025: '1306', 2035: '1500' }, '预期性'),
    row(186, '5. 每千人拥有医疗卫生机构床位数 张 4.48 6 8 预期性', '5', '城市服务', '每千人拥有医疗卫生机构床位数', '张', '4.48', { 2025: '6', 2035: '8' }, '预期性'),
    row(187, '6. 每千人口拥有 3 岁以下婴幼儿托位数 位 2 5.5 8 预期性', '6', '城市服务', '每千人口拥有3岁以下婴幼儿托位数', '位', '2', { 2025: '5.5', 2035: '8' }, '预期性'),
    row(188, '7. 养老机构护理型床位占比 % 40.5 55 80 预期性', '7', '城市服务', '养老机构护理型床位占比', '%', '40.5', { 2025: '55', 2035: '80' }, '预期性'),
    row(189, '8. 城镇累计新增就业人数 万人 [717.25] [550] [1100] 预期性', '8', '城市服务', '城镇累计新增就业人数', '万人', '[717.25]', { 2025: '[550]', 2035: '[1100]' }, '预期性'),
    row(190, '9. 外来务工人员新享有城镇保障性住房 万套 [28.12] [33] [43] 预期性', '9', '城市服务', '外来务工人员新享有城镇保障性住房', '万套', '[28.12]', { 2025: '[33]', 2035: '[43]' }, '预期性'),
    row(191, '10. 公共交通占机动化分担率 珠三角 % 41.6* 50 >50 预期性', '10', '城市服务', '公共交通占机动化分担率（珠三角）', '%', '41.6*', { 2025: '50', 2035: '>50' }, '预期性'),
    row(192, '粤东西北 % 25 >25', '10', '城市服务', '公共交通占机动化分担率（粤东西北）', '%', undefined, { 2025: '25', 2035: '>25' }, '预期性'),
    row(193, '11. 5G 网络用户普及率 % 15 80 100 预期性', '11', '城市服务', '5G网络用户普及率', '%', '15', { 2025: '80', 2035: '100' }, '预期性'),
    row(194, '12. 城镇每百户拥有的社区综合服务设施面积 平方米 —— 32 >32 预期性', '12', '城市服务', '城镇每百户拥有的社区综合服务设施面积', '平方米', '——', { 2025: '32', 2035: '>32' }, '预期性'),
    row(197, '城市环境 13. 城市生活污水集中收集率 % 67.22 70 —— 预期性', '13', '城市环境', '城市生活污水集中收集率', '%', '67.22', { 2025: '70' }, '预期性'),
    row(198, '14. 城市生活垃圾无害化处理率 % 99.95 99.95 100 预期性', '14', '城市环境', '城市生活垃圾无害化处理率', '%', '99.95', { 2025: '99.95', 2035: '100' }, '预期性'),
    row(199, '15. 城市建成区绿化覆盖率 % 43.49 45 48 预期性', '15', '城市环境', '城市建成区绿化覆盖率', '%', '43.49', { 2025: '45', 2035: '48' }, '预期性'),
    row(200, '16. 地级及以上城市空气质量优良天数比率 % 92.5 按国家核定目标执行 约束性', '16', '城市环境', '地级及以上城市空气质量优良天数比率', '%', '92.5', { 2025: '按国家核定目标执行', 2035: '按国家核定目标执行' }, '约束性'),
    row(201, '城乡融合 17. 城乡居民人均可支配收入比 —— 2.50 2.30 1.90 预期性', '17', '城乡融合', '城乡居民人均可支配收入比', '——', '2.50', { 2025: '2.30', 2035: '1.90' }, '预期性'),
    row(202, '18. 城乡基本医疗保险参保率 % 98 98 98 预期性', '18', '城乡融合', '城乡基本医疗保险参保率', '%', '98', { 2025: '98', 2035: '98' }, '预期性'),
    row(203, '19. 衔接高速公路和国省道的农村公路路段技术水平达三级及以上比例 % —— 100 100 预期性', '19', '城乡融合', '衔接高速公路和国省道的农村公路路段技术水平达三级及以上比例', '%', '——', { 2025: '100', 2035: '100' }, '预期性'),
    row(204, '20. 垃圾收运体系覆盖的自然村比例 % 99.82 100 100 预期性', '20', '城乡融合', '垃圾收运体系覆盖的自然村比例', '%', '99.82', { 2025: '100', 2035: '100' }, '预期性'),
    row(205, '21. 农村生活污水治理率 % 42.2 60 按国家核定目标执行 预期性', '21', '城乡融合', '农村生活污水治理率', '%', '42.2', { 2025: '60', 2035: '按国家核定目标执行' }, '预期性'),
    ]);
  });

  it('reads a row whose merged category cell was dropped, shifting it one column left', () => {
    expect(lines[192]).toBe('11. 5G 网络用户普及率\t\t%\t15\t80\t100\t预期性\t');
    expect(tables[0].rows.find((r) => r.line === 193)).toMatchObject({ name: '5G网络用户普及率', unit: '%', baselineValue: '15' });
  });

  it('gives a sub-row with a blank attribute cell its indicator\'s attribute, and no baseline for a blank cell', () => {
    expect(lines[191]).toBe('\t\t粤东西北\t%\t\t25\t>25\t');
    const r = tables[0].rows.find((x) => x.line === 192)!;
    expect(r).toMatchObject({ indicator: '公共交通占机动化分担率', sub: '粤东西北', attribute: '预期性' });
    expect(r.baselineValue).toBeUndefined();
  });

  it('reads a target in words over a blank cell as one merged cell spanning both years (row 16)', () => {
    expect(lines[199]).toBe('\t16. 地级及以上城市空气质量优良天数比率\t%\t92.5\t按国家核定目标执行\t\t约束性');
    expect(tables[0].rows.find((r) => r.line === 200)!.targets).toEqual([
      { year: 2025, value: '按国家核定目标执行' },
      { year: 2035, value: '按国家核定目标执行' },
    ]);
  });

  it('makes no goal for a target year whose cell is a dash or blank', () => {
    expect(lines[196]).toBe('城市环境\t13. 城市生活污水集中收集率\t%\t67.22\t70\t——\t预期性');
    expect(tables[0].rows.find((r) => r.line === 197)!.targets.map((t) => t.year)).toEqual([2025]);
  });
});

describe('documents without indicator tables', () => {
  it('finds none in the Beautiful Guangzhou plan or the news pages', () => {
    for (const f of ['beautiful-guangzhou-plan-2025-2035.txt', 'guangdong-construction-news-future-communities.txt', 'guangzhou-industrial-clusters-news.txt']) {
      expect(findIndicatorTables(seed(f))).toEqual([]);
    }
  });
});
