/**
 * Goals in table rows of any layout, as normalise gives them (one tab-joined paragraph per row): only the work
 * and target cells are read, the deadline gives the year, never the body or date columns themselves.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractContext, Paragraph, PlanDraft, TaskDraft } from '../model.ts';
import { extractGoals } from './index.ts';
import { tableRowReadings } from './table-rows.ts';

const row = (text: string, line: number): Paragraph => ({ text, original: text, line, segments: [{ offset: 0, line }], kind: 'table-cell' });

function goalsOf(paragraphs: Paragraph[], plan: Partial<PlanDraft> = {}) {
  // Each row is a task of its own, as structure makes it.
  const tasks: TaskDraft[] = paragraphs.map((p, i) => ({ kind: 'point', ref: String(i + 1), title: p.text.split('\t')[1] ?? '', text: p.text, paragraphs: [p], evidence: { document: 'd.txt', line: p.line, quote: '' }, children: [] }));
  const ctx: ExtractContext = {
    source: { document: 'd.txt', lines: paragraphs.map((p) => p.text), encoding: 'utf-8', script: 'simplified' },
    plan: { key: '', title: '工作方案', kind: 'plan', evidence: { document: 'd.txt', line: 1, quote: '' }, tasks, looseParagraphs: [], footnotes: [], ...plan },
    planId: 'plan:d',
    taskId: (ref) => `plan:d/${ref}`,
  };
  return extractGoals(ctx).nodes.map((n) => `${n.properties.targetYear} ${n.properties.targetValue} ${n.properties.name}${n.properties.unit ? ` (${n.properties.unit})` : ''} @${n.properties.line}`);
}

describe('allocation table rows', () => {
  it('"1\t新增托育服务机构10家，提供普惠性托位800个\t区卫生健康局\t…\t2024年12月": the task cell, the deadline\'s year', () => {
    const rows = [
      row('序号\t民生实事项目\t牵头单位\t配合单位\t完成时限', 8),
      row('1\t新增托育服务机构10家，提供普惠性托位800个\t区卫生健康局\t区教育局、区民政局、各镇街\t2024年12月', 9),
      row('3\t建设增江碧道15公里\t区水务局\t区林业和园林局、正果镇、小楼镇\t2024年12月', 11),
    ];
    expect(goalsOf(rows)).toEqual(['2024 10 新增托育服务机构 (家) @9', '2024 15 建设增江碧道 (公里) @11']);
  });

  it('"│1   │到2019年，全区规模以上纺织企│区经信委、区统计│2019年│" (box table, joined): no goal from the date or body cells', () => {
    const rows = [
      row('序号\t工作任务\t责任单位\t完成时间', 10),
      row('1\t到2019年，全区规模以上纺织企业产值达到1500亿元\t区经信委、区统计局\t2019年', 12),
      row('2\t建设盛泽丝绸纺织科创园\t吴江高新区管委会、区科技局\t2018年', 15),
    ];
    expect(goalsOf(rows, { periodStart: 2017, periodEnd: 2019 })).toEqual(['2019 1500 规模以上纺织企业产值 (亿元) @12']);
  });

  it('a row without a deadline in an annual plan: the plan\'s year', () => {
    const rows = [row('序号\t主要任务\t牵头单位\t配合单位', 11), row('4\t推进民营企业上市培育，新增上市企业5家\t市发改委\t人行泉州市中心支行', 12)];
    expect(goalsOf(rows, { periodStart: 2016, periodEnd: 2016 })).toEqual(['2016 5 新增上市企业 (家) @12']);
  });
});

describe('indicator tables with a role column', () => {
  it('"指标名称  2023年目标值  责任单位" (space-aligned): each row a goal, unit from the name\'s bracket', () => {
    const rows = [
      row('指标名称\t2023年目标值\t责任单位', 18),
      row('海水养殖产量（万吨）\t125\t市农业农村局', 19),
      row('深远海养殖网箱（个）\t600以上\t市农业农村局、市发展改革局', 20),
      row('海洋生产总值增长（%）\t—\t市自然资源局', 21),
    ];
    expect(goalsOf(rows)).toEqual(['2023 125 海水养殖产量 (万吨) @19', '2023 600以上 深远海养殖网箱 (个) @20']);
  });

  it('"┃指标 ┃2020年目标 ┃责任单位┃": the header\'s year; the role column is never a goal', () => {
    const readings = tableRowReadings([row('指标\t2020年目标\t责任单位', 14), row('森林覆盖率（%）\t74.5\t市林业局', 16)]);
    expect([...readings.values()]).toEqual([
      { textCells: [], indicator: { name: '森林覆盖率', unit: '%', value: '74.5', year: 2020, cell: { text: '森林覆盖率（%）', offset: 0 } } },
    ]);
  });

  it('a table without a header is no table here (its rows are read as prose)', () => {
    expect(tableRowReadings([row('海水养殖产量（万吨）\t125\t市农业农村局', 19)]).size).toBe(0);
  });
});
