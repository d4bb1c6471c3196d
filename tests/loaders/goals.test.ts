/**
 * Goals on the seed documents through the real spine (read → normalise → structure): one Goal per
 * indicator and target year with the printed values, PART_OF its plan, and TARGETS from the tasks
 * whose text restates a goal.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractGoals } from '../../loaders/goals/index.ts';
import type { ExtractContext, GraphFragment, TaskDraft } from '../../loaders/model.ts';
import { allTasks as flat, extractContexts as contexts } from '../support/extract-context.ts';
/** The task whose own paragraphs contain source line `line`. */
function taskAt(ctx: ExtractContext, line: number): TaskDraft {
  const t = flat(ctx.plan.tasks).find((x) => x.paragraphs.some((p) => p.line <= line && (p.segments.at(-1)?.line ?? p.line) >= line));
  if (!t) throw new Error(`no task holds line ${line}`);
  return t;
}
const goal = (f: GraphFragment, id: string) => f.nodes.find((n) => n.id === id)?.properties;
const targetsOf = (f: GraphFragment, goalId: string) => f.relationships.filter((r) => r.type === 'TARGETS' && r.end === goalId);

describe('Huadu plan: 专栏1 indicators', async () => {
  const [ctx] = await contexts('seeds/huadu-14th-five-year-plan.txt');
  const f = extractGoals(ctx);
  const lines = readFileSync('seeds/huadu-14th-five-year-plan.txt', 'utf8').split('\n');
  const plan = 'plan:huadu-14th-five-year-plan';

  it('makes one Goal per indicator (23 rows, one target year 2025), each PART_OF the plan', () => {
    const table = f.nodes.filter((n) => n.properties.table === '专栏 1“十四五”时期经济社会发展主要指标');
    expect(table).toHaveLength(23);
    expect(table.every((n) => n.properties.targetYear === 2025 && n.properties.baselineYear === 2020)).toBe(true);
    for (const n of f.nodes) {
      expect(f.relationships.filter((r) => r.type === 'PART_OF' && r.start === n.id && r.end === plan)).toHaveLength(1);
    }
  });

  it('"8 机场旅客货邮吞吐量 / 万人次/ / 万吨 / 7339/192 10000/350 预期性" keeps the ratio values as printed', () => {
    expect(lines.slice(649, 654).filter((l) => l.trim())).toEqual(['8 机场旅客货邮吞吐量', '万人次/', '万吨', '7339/192 10000/350 预期性']);
    expect(goal(f, `${plan}/goal/机场旅客货邮吞吐量@2025`)).toEqual({
      id: `${plan}/goal/机场旅客货邮吞吐量@2025`,
      name: '机场旅客货邮吞吐量',
      indicator: '机场旅客货邮吞吐量',
      unit: '万人次/万吨',
      baselineYear: 2020,
      baselineValue: '7339/192',
      targetYear: 2025,
      targetValue: '10000/350',
      attribute: '预期性',
      category: '枢纽功能',
      serial: '8',
      table: '专栏 1“十四五”时期经济社会发展主要指标',
      document: 'huadu-14th-five-year-plan.txt',
      line: 650,
      quote: '8 机场旅客货邮吞吐量 万人次/ 万吨 7339/192 10000/350 预期性',
    });
  });

  it('"22 政策性储备粮规模 万吨 5 / 完成广州市 / 下达目标 / 约束性": a target in words', () => {
    expect(goal(f, `${plan}/goal/政策性储备粮规模@2025`)).toMatchObject({ unit: '万吨', baselineValue: '5', targetValue: '完成广州市下达目标', attribute: '约束性', line: 754 });
  });

  it('"力争到 2025年新增 1—2个农产品 / 国家地理标志保护产品" (wrapped) is a prose goal its task TARGETS', () => {
    expect(lines[2279]).toBe('京塘莲藕等名特新优农产品，力争到 2025年新增 1—2个农产品');
    const id = `${plan}/goal/新增农产品国家地理标志保护产品@2025`;
    expect(goal(f, id)).toMatchObject({ targetValue: '1—2', unit: '个', line: 2280 });
    expect(targetsOf(f, id).map((r) => r.start)).toEqual([ctx.taskId(taskAt(ctx, 2280).ref)]);
  });

  it('the 发展目标 item the box sits in ("三、发展目标", line 483) TARGETS all 23 indicators, each with its row as evidence', () => {
    expect(lines[482].trim()).toBe('三、发展目标');
    const section = flat(ctx.plan.tasks).find((t) => t.evidence.line === 483)!;
    const links = f.relationships.filter((r) => r.type === 'TARGETS' && r.start === ctx.taskId(section.ref));
    expect(links).toHaveLength(23);
    expect(links.find((r) => r.end === `${plan}/goal/森林覆盖率@2025`)?.properties).toMatchObject({ line: 705, quote: '14 森林覆盖率 % 37.58 37.63 约束性' });
  });

  it('the box holding the table does not TARGET its own indicators', () => {
    const box = flat(ctx.plan.tasks).find((t) => t.kind === 'box' && t.evidence.line === 596)!;
    expect(f.relationships.filter((r) => r.type === 'TARGETS' && r.start === ctx.taskId(box.ref))).toEqual([]);
  });
});

describe('provincial plan: 表 2-1 and prose targets', async () => {
  const [ctx] = await contexts('seeds/guangdong-new-urbanisation-plan-2021-2035.txt');
  const f = extractGoals(ctx);
  const plan = 'plan:guangdong-new-urbanisation-plan-2021-2035';

  it('makes two Goals for a row with 2025 and 2035 targets: "城镇化水平 1. 常住人口城镇化率 % 74.15 77 82 预期性"', () => {
    expect(goal(f, `${plan}/goal/常住人口城镇化率@2025`)).toMatchObject({ unit: '%', baselineYear: 2020, baselineValue: '74.15', targetValue: '77', attribute: '预期性', category: '城镇化水平', line: 176 });
    expect(goal(f, `${plan}/goal/常住人口城镇化率@2035`)).toMatchObject({ baselineValue: '74.15', targetValue: '82', line: 176 });
    // 27 rows with both years (16: "按国家核定目标执行" spans both year cells), 1 with one (13: 2035 "——").
    expect(f.nodes.filter((n) => n.properties.table === '表 2-1 广东省新型城镇化发展指标体系')).toHaveLength(55);
  });

  it('TARGETS from the goals section restating them: "到 2025 年，常住人口城镇化率达到 77%…城乡居民人均可支配收入比控制在 2.3 左右"', () => {
    const section = ctx.taskId(taskAt(ctx, 171).ref);
    for (const name of ['常住人口城镇化率@2025', '城乡居民人均可支配收入比@2025']) {
      const t = targetsOf(f, `${plan}/goal/${name}`).find((r) => r.start === section);
      expect(t?.properties).toMatchObject({ document: 'guangdong-new-urbanisation-plan-2021-2035.txt', line: 171 });
    }
    expect(targetsOf(f, `${plan}/goal/常住人口城镇化率@2035`).map((r) => r.properties.quote)).toContain('全省常住人口城镇化率达到 82%');
    // A restatement is a link, not a second goal.
    expect(f.nodes.filter((n) => n.properties.name === '常住人口城镇化率')).toHaveLength(2);
  });

  it('"第三节 发展目标", which holds 表 2-1, TARGETS every goal of the table (both years)', () => {
    const section = ctx.taskId(taskAt(ctx, 171).ref);
    const tableGoals = f.nodes.filter((n) => n.properties.table === '表 2-1 广东省新型城镇化发展指标体系').map((n) => n.id);
    const linked = new Set(f.relationships.filter((r) => r.type === 'TARGETS' && r.start === section).map((r) => r.end));
    expect(tableGoals.every((id) => linked.has(id))).toBe(true);
    // Other sections do not: 专栏 tasks link only the goals they restate.
    expect(f.relationships.filter((r) => r.type === 'TARGETS' && r.end === `${plan}/goal/城市建成区绿化覆盖率@2035`).map((r) => r.start)).toEqual([section]);
  });

  it('"“十四五”期间，全省筹建保障性安居工程住房138.9万套" is a 2025 goal its box item TARGETS', () => {
    const id = `${plan}/goal/筹建保障性安居工程住房@2025`;
    expect(goal(f, id)).toMatchObject({ targetValue: '138.9', unit: '万套', line: 451 });
    expect(targetsOf(f, id).map((r) => r.start)).toEqual([ctx.taskId(taskAt(ctx, 451).ref)]);
  });

  it('a prose-only quantified goal: "城镇常住人口 10150 万人" (2025) and "11000 万人" (2035)', () => {
    expect(goal(f, `${plan}/goal/城镇常住人口@2025`)).toMatchObject({ targetValue: '10150', unit: '万人', line: 171 });
    expect(goal(f, `${plan}/goal/城镇常住人口@2035`)).toMatchObject({ targetValue: '11000', unit: '万人', line: 153 });
  });

  it('"城镇每百户拥有社区综合服务设施面积达32平方米" in 专栏8 TARGETS table indicator 12 ("…拥有的…")', () => {
    const t = targetsOf(f, `${plan}/goal/城镇每百户拥有的社区综合服务设施面积@2025`);
    expect(t.map((r) => r.properties.line)).toContain(686);
  });

  it('a past result in the review chapter is neither a goal nor a link: "城市生活垃圾无害化处理率达 99.95%" (line 81)', () => {
    expect(f.relationships.filter((r) => r.type === 'TARGETS' && r.properties.line === 81)).toEqual([]);
  });
});

describe('Beautiful Guangzhou plan: quantified prose goals', async () => {
  const [ctx] = await contexts('seeds/beautiful-guangzhou-plan-2025-2035.txt');
  const f = extractGoals(ctx);
  const id = 'plan:beautiful-guangzhou-plan-2025-2035/goal/PM2.5年均浓度@2035';

  it('"2035年,…PM2.5年均浓度低于19微克/立方米,力争达到15微克/立方米左右" is a goal', () => {
    expect(goal(f, id)).toMatchObject({ name: 'PM2.5年均浓度', targetYear: 2035, targetValue: '低于19', unit: '微克/立方米', aspiration: '力争达到15微克/立方米左右', line: 46, quote: 'PM2.5年均浓度低于19微克/立方米' });
  });

  it('the 总体目标 task states it and the 多污染物协同治理 task restates it ("PM2.5年度浓度低于19微克/立方米", line 118)', () => {
    expect(targetsOf(f, id).map((r) => [r.start, r.properties.line])).toEqual([
      [ctx.taskId(taskAt(ctx, 46).ref), 46],
      [ctx.taskId(taskAt(ctx, 118).ref), 118],
    ]);
    expect(f.nodes.filter((n) => String(n.properties.name).startsWith('PM2.5'))).toHaveLength(1);
  });

  it('"2027年,…美丽河湖建设清单完成率达到40%" takes its year from the paragraph opening', () => {
    expect(goal(f, 'plan:beautiful-guangzhou-plan-2025-2035/goal/生态环境部和广东省美丽河湖建设清单完成率@2027')).toMatchObject({ targetValue: '40', unit: '%', line: 44 });
  });
});

describe('fixtures in other layouts', async () => {
  it('Traditional Chinese (Xiangzhou): "到2026年，全區完成…老舊小區改造120個" — goals matched on Simplified, quoted verbatim', async () => {
    const [ctx] = await contexts('tests/fixtures/xiangzhou-old-communities-2024-2026.txt');
    const f = extractGoals(ctx);
    const lift = f.nodes.find((n) => n.properties.name === '既有住宅加装电梯');
    expect(lift?.properties).toMatchObject({ targetYear: 2026, targetValue: '300', unit: '部' });
    expect(String(lift?.properties.quote)).toContain('既有住宅加裝電梯300部');
  });

  it('GB18030 (Nanhai): "农村生活污水治理率达到95%以上"', async () => {
    const [ctx] = await contexts('tests/fixtures/nanhai-urban-rural-integration-2023-2025.txt');
    const f = extractGoals(ctx);
    expect(f.nodes.find((n) => n.properties.name === '农村生活污水治理率')?.properties).toMatchObject({ targetYear: 2025, targetValue: '95以上', unit: '%' });
  });
});

describe('unseen fixtures', async () => {
  it('Zhuzhou (.md): "新建改造城市燃气、供水、排水管网500公里" in a task restates the 工作目标 goal (a TARGETS link, not a second goal)', async () => {
    const [ctx] = await contexts('tests/fixtures/unseen/zhuzhou-urban-renewal-2024-2026.md');
    const f = extractGoals(ctx);
    const id = `${ctx.planId}/goal/新建改造城市燃气、供水、排水管网@2026`;
    expect(goal(f, id)).toMatchObject({ targetValue: '500', unit: '公里' });
    const lines = readFileSync('tests/fixtures/unseen/zhuzhou-urban-renewal-2024-2026.md', 'utf8').split('\n');
    const restated = lines.findIndex((l) => l.includes('**实施地下管网更新改造。** 新建改造城市燃气、供水、排水管网500公里')) + 1;
    expect(targetsOf(f, id).map((r) => r.properties.line)).toContain(restated);
    expect(f.nodes.filter((n) => n.properties.name === '新建改造城市燃气、供水、排水管网')).toHaveLength(1);
    // "打通断头路15条" states no year: the implementation plan's last year.
    expect(f.nodes.find((n) => n.properties.name === '打通断头路')?.properties).toMatchObject({ targetYear: 2026, targetValue: '15', unit: '条' });
  });
});
