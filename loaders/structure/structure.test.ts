import { describe, expect, it } from 'vitest';
import type { SourceText, TaskDraft } from '../model.ts';
import { normalise } from '../normalise/index.ts';
import { structure } from './index.ts';
import { headingTitle, leadPhrase } from './titles.ts';
import { divisionsAtStart, readPeriod } from './metadata.ts';

const plans = (lines: string[], manifest?: Parameters<typeof structure>[2]) => {
  const source: SourceText = { document: 'plan.txt', lines, encoding: 'utf-8', script: 'simplified' };
  return structure(source, normalise(source), manifest);
};
const flat = (ts: TaskDraft[]): TaskDraft[] => ts.flatMap((t) => [t, ...flat(t.children)]);

describe('leadPhrase', () => {
  it('takes the short opening sentence of a paragraph', () => {
    expect(leadPhrase('积极培育新兴绿色低碳产业。高标准建设白云区、黄埔区、花都区等新型储能产业园。')).toBe('积极培育新兴绿色低碳产业');
    expect(leadPhrase('遵循规律，立足省情。遵循城镇化发展规律，增强中心城市辐射带动力。')).toBe('遵循规律，立足省情');
    expect(leadPhrase('——坚持系统观念。加强前瞻性思考、全局性谋划。')).toBe('坚持系统观念');
  });
  it('rejects prose sentences', () => {
    expect(leadPhrase('2027年,美丽广州建设成效显著。重点行业绿色低碳转型实现突破。')).toBeUndefined();
    expect(leadPhrase('坚持和加强党的全面领导,把建设美丽广州作为事关广州高质量发展的重大任务来抓。')).toBeUndefined();
    expect(leadPhrase('发展定位：岭南特色美丽乡村。')).toBeUndefined();
    expect(leadPhrase('新成就。')).toBeUndefined();
  });
});

describe('headingTitle', () => {
  it('cuts a numbered paragraph to its title', () => {
    expect(headingTitle('优化提升广州都市圈。发挥广州主核心、佛山副核心的引领带动作用')).toBe('优化提升广州都市圈');
    expect(headingTitle('教育设施：扩大普惠性学前教育资源供给')).toBe('教育设施');
    expect(headingTitle('西樵山国家5A级旅游景区提升工程，总投资12亿元，位于西樵镇。')).toBe('西樵山国家5A级旅游景区提升工程');
    expect(headingTitle('提高市民化质量，促进农业转移人口全面融入城市')).toBe('提高市民化质量，促进农业转移人口全面融入城市');
  });
});

describe('metadata helpers', () => {
  it('reads periods', () => {
    expect(readPeriod('广东省新型城镇化规划(2021—2035 年)')).toEqual([2021, 2035]);
    expect(readPeriod('花都区国民经济和社会发展第十四个五年规划和2035年远景目标纲要')).toEqual([2021, 2025]);
    expect(readPeriod('“十四五”时期经济社会发展主要指标')).toEqual([2021, 2025]);
  });
  it('an annual document\'s period is its year; a horizon or a deadline is no period', () => {
    expect(readPeriod('浙江省数字经济五年倍增计划2019年工作要点')).toEqual([2019, 2019]);
    expect(readPeriod('2024年民生实事工作分工方案')).toEqual([2024, 2024]);
    expect(readPeriod('廣東省2018年「四好農村路」建設工作方案')).toEqual([2018, 2018]);
    expect(readPeriod('面向2035年的城市发展战略')).toBeUndefined();
    expect(readPeriod('到2030年碳达峰行动方案')).toBeUndefined();
    expect(readPeriod('2035年远景目标纲要')).toBeUndefined();
    expect(readPeriod('2025年底前完成的重点任务')).toBeUndefined();
  });
  it('reads the division a title or issuer starts with', () => {
    expect(divisionsAtStart('广州市花都区人民政府')).toEqual({ name: '花都区', level: 'DISTRICT' });
    expect(divisionsAtStart('广东省新型城镇化规划')).toEqual({ name: '广东省', level: 'PROVINCE' });
    expect(divisionsAtStart('美丽广州建设规划纲要')).toBeUndefined();
    expect(divisionsAtStart('全省小区治理现场推进会在深圳召开')).toBeUndefined();
  });
});

describe('structure: a plan', () => {
  const [plan] = plans([
    '某市人民政府关于印发花都区城市更新三年行动方案（2024—2026年）的通知',
    '',
    '广州市花都区人民政府',
    '2024年3月1日',
    '',
    '花都区城市更新三年行动方案（2024—2026年）',
    '一、工作目标',
    '到2026年，完成城中村改造项目12个。',
    '二、重点任务',
    '（一）推进城中村改造。',
    '加快田美村改造。推进新华街田美村、狮岭镇旗岭村改造项目，2025年底前完成拆迁。',
    '牵头单位：区住房城乡建设局　责任单位：新华街道',
    '专栏1　城中村改造重点项目',
    '1．田美村改造项目，总投资50亿元。',
    '2．旗岭村改造项目，总投资30亿元。',
    '（二）提升老旧小区。',
    '完善配套设施。推动加装电梯100部。',
    '附件',
    '重点任务分工表',
    '（一）推进城中村改造。（区住房城乡建设局牵头）',
    '1．加快田美村改造。（新华街道牵头）',
  ]);
  const all = flat(plan.tasks);
  const byRef = (ref: string) => all.find((t) => t.ref === ref)!;

  it('reads title, issuer, jurisdiction, period', () => {
    expect(plan.title).toBe('花都区城市更新三年行动方案（2024—2026年）');
    expect(plan.issuer).toBe('某市人民政府');
    expect(plan.jurisdiction).toBe('花都区');
    expect(plan.level).toBe('DISTRICT');
    expect([plan.periodStart, plan.periodEnd]).toEqual([2024, 2026]);
    expect(plan.evidence.line).toBe(6);
  });
  it('nests headings, lead phrases and boxes with readable refs', () => {
    expect(all.map((t) => `${t.kind}:${t.ref}:${t.title}`)).toEqual([
      'item:一:工作目标',
      'item:二:重点任务',
      'subitem:二(一):推进城中村改造',
      'leadPhrase:二(一)-1:加快田美村改造',
      'box:专栏1:城中村改造重点项目',
      'point:专栏1.1:田美村改造项目',
      'point:专栏1.2:旗岭村改造项目',
      'subitem:二(二):提升老旧小区',
      'leadPhrase:二(二)-1:完善配套设施',
      'annex:附件:重点任务分工表',
      'annexItem:附件(一):推进城中村改造',
      'annexItem:附件(一)1:加快田美村改造',
    ]);
    expect(byRef('二(一)-1').paragraphs.map((p) => p.text)).toContain('牵头单位：区住房城乡建设局　责任单位：新华街道');
    expect(byRef('专栏1')).toMatchObject({ evidence: { line: 13 }, endLine: 15 });
  });
  it('matches annex items to the main-text tasks they restate', () => {
    expect(byRef('附件(一)').sameAs).toBe('二(一)');
    expect(byRef('附件(一)1').sameAs).toBe('二(一)-1');
  });
});

describe('structure: a newspaper page', () => {
  const articles = plans(
    [
      '广东省住建厅召开未来社区建设试点工作会议',
      '',
      '## 政银企协同探索未来社区建设新路径',
      '',
      '**广东建设报讯 记者姜兴贵报道:**日前，广东省住房和城乡建设厅在广州市花都区召开座谈会。',
      '',
      '全省小区治理现场',
      '推进会在深圳召开',
      '',
      '广东建设报讯 3月10日至11日，全省小区治理现场推进会在深圳召开。',
      '',
      '### ● 导读',
      '',
      '2025年中国数字文娱大会在广州羊城创意产业园举行',
    ],
    { file: 'plan.txt', kind: 'news', publisher: '广东建设报', jurisdiction: '广东省' },
  );
  it('gives one news plan per article with its headline', () => {
    expect(articles.map((a) => [a.key, a.kind, a.title, a.evidence.line])).toEqual([
      ['article-1', 'news', '政银企协同探索未来社区建设新路径', 3],
      ['article-2', 'news', '全省小区治理现场推进会在深圳召开', 7],
    ]);
    expect(articles[0].otherHeadlines).toEqual(['广东省住建厅召开未来社区建设试点工作会议']);
    expect(articles[1].looseParagraphs.some((p) => p.text.includes('文娱大会'))).toBe(false);
  });
});

describe('structure: task-allocation tables and plans without headings', () => {
  it('makes each numbered row of "序号 | 重点任务 | 牵头单位 | 配合单位" an annex item matched to its task', () => {
    const [plan] = plans([
      '白云区城市更新工作方案',
      '一、重点任务',
      '（一）加快旧村全面改造。推进陈田村、萧岗村改造项目建设。',
      '（二）推进老旧小区改造。完成老旧小区改造40个。',
      '附件',
      '重点任务分工表',
      '序号\t重点任务\t牵头单位\t配合单位',
      '1\t加快旧村全面改造\t区住房城乡建设局\t区财政局、京溪街道',
      '2\t推进老旧小区改造\t区住房城乡建设局\t各街道办事处',
    ]);
    const annex = plan.tasks[1];
    expect(annex.children.map((t) => [t.kind, t.ref, t.title, t.sameAs, t.evidence.line])).toEqual([
      ['annexItem', '附件1', '加快旧村全面改造', '一(一)', 8],
      ['annexItem', '附件2', '推进老旧小区改造', '一(二)', 9],
    ]);
  });
  it('takes lead phrases as top-level tasks when a plan has no numbered headings', () => {
    const [plan] = plans([
      '关于做好2024年农村人居环境整治工作的实施方案',
      '',
      '加强农村厕所改造。2024年完成农村户厕改造1000户。',
      '',
      '推进生活垃圾分类。在狮岭镇、炭步镇开展农村生活垃圾分类试点。',
    ]);
    expect(plan.tasks.map((t) => [t.ref, t.title])).toEqual([
      ['段1', '加强农村厕所改造'],
      ['段2', '推进生活垃圾分类'],
    ]);
  });
});

describe('structure: allocation tables in other layouts', () => {
  it('reads "1、" serials and a "重点工作任务" column', () => {
    const [plan] = plans([
      '附件',
      '重点任务分工表',
      '序号\t重点工作任务\t责任单位\t完成时限',
      '1、\t推进城中村改造\t区住房城乡建设局\t2025年底',
      '（2）\t完善公共服务设施\t区教育局、区卫生健康局\t2026年底',
    ]);
    expect(flat(plan.tasks).filter((t) => t.kind === 'annexItem').map((t) => [t.ref, t.title, t.evidence.line])).toEqual([
      ['附件1', '推进城中村改造', 4],
      ['附件2', '完善公共服务设施', 5],
    ]);
  });
  it('numbers the rows of a table without a 序号 column in order, skipping a category row', () => {
    const [plan] = plans([
      '附件：任务清单',
      '工作任务\t牵头单位\t配合单位',
      '一、产业发展',
      '建设玩具设计创新平台\t区工业和信息化局\t区科学技术局',
      '强化知识产权保护\t区市场监督管理局\t凤翔街道办事处',
    ]);
    expect(flat(plan.tasks).filter((t) => t.kind === 'annexItem' && t.paragraphs[0].kind === 'table-cell').map((t) => [t.ref, t.title])).toEqual([
      ['附件一1', '建设玩具设计创新平台'],
      ['附件一2', '强化知识产权保护'],
    ]);
  });
});
