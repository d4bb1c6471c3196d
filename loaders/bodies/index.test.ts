import { describe, expect, it } from 'vitest';
import type { ExtractContext, Paragraph, TaskDraft } from '../model.js';
import { resolveDivision } from '../gazetteer/divisions.ts';
import { extractBodies } from './index.js';

function paragraph(text: string, line: number, segments = [{ offset: 0, line }]): Paragraph {
  return { text, original: text, line, segments, kind: 'body' };
}

function task(ref: string, paragraphs: Paragraph[], extra: Partial<TaskDraft> = {}): TaskDraft {
  return { kind: 'subitem', ref, title: ref, text: paragraphs.map((p) => p.text).join(''), paragraphs, evidence: { document: 'd.txt', line: paragraphs[0]?.line ?? 1, quote: '' }, children: [], ...extra };
}

function context(tasks: TaskDraft[], jurisdiction: string): ExtractContext {
  return {
    source: { document: 'd.txt', lines: [], encoding: 'utf-8', script: 'simplified' },
    plan: { key: '', title: 't', kind: 'plan', evidence: { document: 'd.txt', line: 1, quote: '' }, tasks, looseParagraphs: [], footnotes: [] },
    planId: 'plan:d',
    taskId: (ref) => `plan:d/${ref}`,
    jurisdiction: resolveDivision(jurisdiction),
  };
}

describe('extractBodies', () => {
  it('an annex item with sameAs puts its edges on the main-text task, with the annex line as evidence', () => {
    // Line 872–874 of the provincial plan: the item wraps, its bracket starts on line 874.
    const text = '完善财政转移支付与吸纳落户数量挂钩机制，健全“人地挂钩”机制，维护进城落户农民的农村权益。（省财政厅、自然资源厅、农业农村厅等按职责分工负责）';
    const wrapAt = text.indexOf('挂钩”机制');
    const annexItem = task('附件一(四)', [paragraph(text, 872, [{ offset: 0, line: 872 }, { offset: wrapAt, line: 874 }])], { kind: 'annexItem', sameAs: '第三章第四节' });
    const annex = task('附件', [], { kind: 'annex', children: [annexItem] });
    const f = extractBodies(context([annex], '广东省'));
    expect(f.relationships.map((r) => [r.type, r.start, r.end, r.properties.line])).toEqual([
      ['SUPPORTS', 'dept:广东省财政厅', 'plan:d/第三章第四节', 874],
      ['SUPPORTS', 'dept:广东省自然资源厅', 'plan:d/第三章第四节', 874],
      ['SUPPORTS', 'dept:广东省农业农村厅', 'plan:d/第三章第四节', 874],
    ]);
  });

  it('walks nested tasks; one node per body with every surface seen; one edge per body, role and task', () => {
    const child = task('一(一)', [paragraph('由区教育局负责，区财政局参与。', 10), paragraph('区教育局牵头推进。（区财政局按职责分工负责）', 12)]);
    const parent = task('一', [paragraph('加强组织保障。（花都区教育局牵头）', 8)], { kind: 'item', children: [child] });
    const f = extractBodies(context([parent], '花都区'));
    const edu = f.nodes.find((n) => n.id === 'dept:广州市花都区教育局')!;
    expect(edu.properties).toMatchObject({ kind: 'department', level: 'DISTRICT', jurisdiction: 'div:440114', document: 'd.txt', line: 8 });
    expect(edu.properties.aliases).toEqual(expect.arrayContaining(['花都区教育局', '区教育局']));
    expect(f.relationships.map((r) => `${r.type} ${r.start.slice(5)} ${r.end.slice(7)} ${r.properties.line}`)).toEqual([
      'LEADS 广州市花都区教育局 一 8',
      'LEADS 广州市花都区教育局 一(一) 10',
      'SUPPORTS 广州市花都区财政局 一(一) 10',
    ]);
  });

  it('"（市发展改革委牵头）" in a provincial plan: which city is not known, so an unresolved CITY body of this document leads, never a guessed one', () => {
    const f = extractBodies(context([task('一', [paragraph('（市发展改革委牵头）', 3)])], '广东省'));
    expect(f.relationships.map((r) => [r.type, r.start, r.end, r.properties.line, r.properties.surface])).toEqual([
      ['LEADS', 'dept:?d.txt/市发展和改革委员会', 'plan:d/一', 3, '市发展改革委'],
    ]);
    expect(f.nodes[0].properties).toMatchObject({ name: '市发展和改革委员会', level: 'CITY', resolved: false, scopeDocument: 'd.txt', aliases: ['市发展改革委'] });
    expect(f.nodes[0].properties.jurisdiction).toBeUndefined();
    expect(f.warnings).toEqual([]);
  });

  it('a name that is no body at all ("（市发展改革委、龙头企业牵头）") is still a warning naming it, never a node', () => {
    const f = extractBodies(context([task('一', [paragraph('（市发展改革委、龙头企业牵头）', 3)])], '广东省'));
    expect(f.relationships.map((r) => r.start)).toEqual(['dept:?d.txt/市发展和改革委员会']);
    expect(f.warnings?.[0]).toMatchObject({ document: 'd.txt', line: 3 });
    expect(f.warnings?.[0].message).toContain('龙头企业');
  });
});

describe('extractBodies: the issuing notice', () => {
  it('"实施过程中遇到问题,请径向市生态环境局反映" names the plan\'s contact body (Beautiful Guangzhou line 14): a MENTIONS with its role, the surface an alias', () => {
    const ctx = context([], '广州市');
    ctx.plan.looseParagraphs = [paragraph('现将《美丽广州建设规划纲要(2025—2035年)》印发给你们,请认真组织实施。实施过程中遇到问题,请径向市生态环境局反映。', 14)];
    const f = extractBodies(ctx);
    expect(f.relationships.map((r) => [r.type, r.start, r.end, r.properties.line, r.properties.role, r.properties.surface])).toEqual([
      ['MENTIONS', 'plan:d', 'dept:广州市生态环境局', 14, 'contact', '市生态环境局'],
    ]);
    expect(String(f.relationships[0].properties.quote)).toContain('请径向市生态环境局反映');
    expect(f.nodes[0].properties.aliases).toContain('市生态环境局');
  });
});

describe('issuerOrganisation', () => {
  it('names the organisation of a zone committee or a government', async () => {
    const { issuerOrganisation } = await import('./index.js');
    expect(issuerOrganisation('横琴粤澳深度合作区执行委员会')).toBe('横琴粤澳深度合作区');
    expect(issuerOrganisation('惠州大亚湾经济技术开发区管理委员会')).toBe('惠州大亚湾经济技术开发区');
    expect(issuerOrganisation(undefined)).toBeUndefined();
  });
});

describe('extractBodies: "排在第一位的为牵头单位"', () => {
  it('the plan\'s note makes the first body of each 责任单位 list its lead', () => {
    const t = task('二(一)1', [paragraph('责任单位：市发展改革局、市工业和信息化局，大亚湾开发区管委会', 25)]);
    const ctx = context([t], '惠州市');
    ctx.plan.looseParagraphs = [paragraph('（各项任务责任单位中排在第一位的为牵头单位）', 60)];
    const f = extractBodies(ctx);
    expect(f.relationships.map((r) => [r.type, r.start])).toEqual([
      ['LEADS', 'dept:惠州市发展和改革局'],
      ['SUPPORTS', 'dept:惠州市工业和信息化局'],
      ['SUPPORTS', 'dept:惠州大亚湾经济技术开发区管理委员会'],
    ]);
    // without the note, 责任单位 is a supporting role throughout
    expect(extractBodies(context([t], '惠州市')).relationships.every((r) => r.type === 'SUPPORTS')).toBe(true);
  });
});

describe('extractBodies: 由X会同Y', () => {
  it('"由省大数据局会同省建设厅制定未来社区数字化建设标准" in a 浙江省 plan: lead and partner, names built from the province', () => {
    const f = extractBodies(context([task('二(三)', [paragraph('强化数字赋能。由省大数据局会同省建设厅制定未来社区数字化建设标准。', 19)])], '浙江省'));
    expect(f.relationships.map((r) => [r.type, r.start, r.properties.surface])).toEqual([
      ['LEADS', 'dept:浙江省大数据发展管理局', '省大数据局'],
      ['SUPPORTS', 'dept:浙江省住房和城乡建设厅', '省建设厅'],
    ]);
  });

  it('"由区住房城乡建设局负责，区文化广电旅游体育局、城西街道配合。" in a 端州区 plan: a street of the district supports, and so does the body before it', () => {
    const item = task('（一）', [paragraph('修缮宋城墙及周边历史建筑。由区住房城乡建设局负责，区文化广电旅游体育局、城西街道配合。', 19)]);
    const f = extractBodies(context([item], '端州区'));
    expect(f.relationships.map((r) => [r.type, r.start])).toEqual([
      ['LEADS', 'dept:肇庆市端州区住房和城乡建设局'],
      ['SUPPORTS', 'dept:肇庆市端州区文化广电旅游体育局'],
      ['SUPPORTS', expect.stringMatching(/城西街道办事处$/)],
    ]);
    expect(f.nodes.find((n) => String(n.properties.name).endsWith('城西街道办事处'))?.properties.name).toBe('肇庆市端州区城西街道办事处');
  });
});
