/**
 * Structure of the five seed documents, asserted against their real text (read → normalise →
 * structure; no database needed).
 */
import { describe, expect, it } from 'vitest';
import { allTasks as flat } from '../support/extract-context.ts';
import { readFileSync } from 'node:fs';
import type { ManifestEntry, PlanDraft } from '../../loaders/model.ts';
import { readDocument } from '../../loaders/read/index.ts';
import { normalise } from '../../loaders/normalise/index.ts';
import { structure } from '../../loaders/structure/index.ts';

const seeds = new URL('../../seeds/', import.meta.url).pathname;
const manifest: ManifestEntry[] = JSON.parse(readFileSync(`${seeds}manifest.json`, 'utf8')).documents;

async function load(file: string, withManifest = true): Promise<{ plans: PlanDraft[]; lines: string[] }> {
  const source = await readDocument(seeds + file);
  const entry = withManifest ? manifest.find((m) => m.file === file) : undefined;
  return { plans: structure(source, normalise(source), entry), lines: source.lines };
}

describe('广东省新型城镇化规划 (provincial plan)', async () => {
  const { plans, lines } = await load('guangdong-new-urbanisation-plan-2021-2035.txt');
  const [plan] = plans;
  const all = flat(plan.tasks);
  const byRef = (ref: string) => all.find((t) => t.ref === ref)!;

  it('has eight chapters and the annex, in order', () => {
    expect(plan.tasks.map((t) => `${t.ref} ${t.title}`)).toEqual([
      '第一章 发展基础',
      '第二章 总体要求',
      '第三章 提高市民化质量 促进农业转移人口全面融入城市',
      '第四章 优化城镇化发展格局 构建高质量发展动力系统',
      '第五章 建设新型城市 打造高品质生活空间',
      '第六章 健全城市治理体系 推进治理能力现代化',
      '第七章 加快推进城乡融合发展 实现城乡共同繁荣',
      '第八章 规划实施保障',
      '附件 重点任务部门分工方案',
    ]);
  });
  it('does not turn the table of contents ("第一节 发展成就\\t2") into tasks', () => {
    expect(lines[12]).toBe('第一节 发展成就\t2');
    expect(all.filter((t) => t.evidence.line < 59)).toEqual([]);
    expect(all.filter((t) => t.title === '发展成就')).toHaveLength(1);
  });
  it('places 第三章第一节 "全面深化户籍制度改革" on line 215 with its three lead phrases', () => {
    const s = byRef('第三章第一节');
    expect(s).toMatchObject({ kind: 'section', title: '全面深化户籍制度改革', evidence: { line: 215, quote: '第一节 全面深化户籍制度改革' } });
    expect(s.children.map((c) => [c.title, c.evidence.line])).toEqual([
      ['全面放开放宽落户限制', 219],
      ['推动居住证制度扩面提质', 221],
      ['探索建立新型人口管理制度', 225],
    ]);
  });
  it('merges the annex item "全面放开放宽落户限制，推动居住证制度扩面提质…" into 第三章第一节', () => {
    const item = all.find((t) => t.kind === 'annexItem' && t.text.includes('全面放开放宽落户限制，推动居住证制度扩面提质'))!;
    expect(item).toMatchObject({ ref: '附件一(一)', title: '全面深化户籍制度改革', sameAs: '第三章第一节', evidence: { line: 858 } });
    expect(item.text).toContain('(省公安厅牵头；省发展改革委按职责分工负责');
  });
  it('matches every annex item to its main-text task, down to "1. 优化提升广州都市圈。"', () => {
    const items = all.filter((t) => t.kind === 'annexItem');
    expect(items).toHaveLength(40); // 6 一、 + 24 （一） + 10 numbered points
    expect(items.filter((t) => !t.sameAs).map((t) => t.ref)).toEqual([]);
    expect(byRef('附件二(二)1').sameAs).toBe('第四章第二节-1');
    expect(byRef('第四章第二节-1').title).toBe('优化提升广州都市圈');
    expect(byRef('附件六').sameAs).toBe('第八章');
  });
  it('keeps footnotes apart: "^② 广州都市圈范围包括…" on line 329', () => {
    const note = plan.footnotes.find((f) => f.line === 329)!;
    expect(note.text.startsWith('广州都市圈范围包括广州、佛山全域')).toBe(true);
    const lead = byRef('第四章第二节-1');
    expect(lead.text).not.toContain('^②');
    expect(lead.text).toContain('实现产业协同联动和有序转移承接');
  });
  it('reads 专栏 boxes with their lines and numbered children', () => {
    const box = byRef('专栏1');
    expect(box).toMatchObject({ kind: 'box', title: '农业转移人口全面融入城市行动计划', evidence: { line: 273 }, endLine: 293 });
    expect(box.children.map((c) => c.title)).toEqual(['深化户籍制度改革计划', '职业技能提升计划', '融合行动计划']);
    expect(byRef('专栏5').children.map((c) => c.ref)).toEqual(['专栏5.1', '专栏5.2', '专栏5.3', '专栏5.4', '专栏5.5']);
    expect(flat(plan.tasks).filter((t) => t.kind === 'box')).toHaveLength(9);
  });
  it('has the plan metadata', () => {
    expect(plan).toMatchObject({ title: '广东省新型城镇化规划（2021—2035年）', kind: 'plan', jurisdiction: '广东省', level: 'PROVINCE', periodStart: 2021, periodEnd: 2035, issuer: '广东省人民政府' });
    expect(plan.evidence.line).toBe(3);
  });
});

describe('花都区"十四五"规划 (hard-wrapped PDF text)', async () => {
  const { plans } = await load('huadu-14th-five-year-plan.txt');
  const [plan] = plans;
  const all = flat(plan.tasks);
  const byRef = (ref: string) => all.find((t) => t.ref === ref)!;

  it('has thirteen chapters, the first heading joined across its wrap', () => {
    expect(plan.tasks).toHaveLength(13);
    expect(plan.tasks[0]).toMatchObject({ ref: '第一章', title: '全面建成小康社会，开启花都全面建设社会主义现代化新征程', evidence: { line: 42 } });
    expect(plan.tasks[12].title).toBe('完善实施保障，凝聚规划实施强大合力');
  });
  it('nests 一、 items under sections: 第二章… 第四章第一节一 spans its wrapped title', () => {
    expect(byRef('第四章第一节一').title).toBe('筑建“一核引领、三带联动、六大功能区支撑”产业新格局');
    expect(byRef('第三章第一节二').title).toBe('培育辐射带动能力强的创新型龙头企业');
    expect(byRef('第十二章第三节一').title).toBe('推进“令行禁止、有呼必应”综合指挥调度平台优化升级');
  });
  it('reads lead phrases such as "综合实力迈上新台阶。" with their wrapped text', () => {
    const lead = byRef('第一章第一节-1');
    expect(lead).toMatchObject({ kind: 'leadPhrase', title: '综合实力迈上新台阶', evidence: { line: 85 } });
    expect(lead.text).toContain('2020 年全区实现地区生产总值 1682.15 亿元');
  });
  it('drops page numbers such as "— 8 —" from the text they interrupt', () => {
    const lead = byRef('第一章第二节-1');
    expect(lead.title).toBe('发展机遇及优势');
    expect(lead.text).not.toMatch(/—\s*8\s*—/);
    expect(lead.text).toContain('广州北站枢纽工程');
  });
  it('keeps 专栏1 (the scattered indicator table) as one box over lines 596–770', () => {
    const box = byRef('专栏1');
    expect(box).toMatchObject({ title: '“十四五”时期经济社会发展主要指标', evidence: { line: 596 }, endLine: 770 });
    expect(box.paragraphs.some((p) => p.text === '1 地区生产总值年均增速 % 3 6左右 预期性')).toBe(true);
    expect(all.filter((t) => t.kind === 'box').map((t) => t.ref)).toEqual(['专栏1', '专栏2', '专栏3', '专栏4', '专栏5', '专栏6', '专栏7', '专栏8']);
  });
  it('has the manifest metadata the text does not state', () => {
    expect(plan).toMatchObject({ title: '花都区国民经济和社会发展第十四个五年规划和2035年远景目标纲要', jurisdiction: '花都区', level: 'DISTRICT', periodStart: 2021, periodEnd: 2025, issuer: '广州市花都区人民政府' });
  });
});

describe('美丽广州建设规划纲要', async () => {
  const { plans } = await load('beautiful-guangzhou-plan-2025-2035.txt');
  const [plan] = plans;
  it('reads issuer and title from the notice "广州市人民政府关于印发…的通知"', async () => {
    expect(plan).toMatchObject({ issuer: '广州市人民政府', jurisdiction: '广州市', level: 'CITY', periodStart: 2025, periodEnd: 2035 });
    const bare = (await load('beautiful-guangzhou-plan-2025-2035.txt', false)).plans[0];
    expect(bare.title).toBe('美丽广州建设规划纲要(2025—2035年)');
    expect(bare.issuer).toBe('广州市人民政府');
  });
  it('has ten 一、 items and the lead phrase "积极培育新兴绿色低碳产业"', () => {
    expect(plan.tasks.map((t) => t.ref)).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
    const lead = flat(plan.tasks).find((t) => t.title === '积极培育新兴绿色低碳产业')!;
    expect(lead).toMatchObject({ ref: '二(一)-3', evidence: { line: 82 } });
  });
});

describe('newspaper pages', () => {
  it('splits the 广东建设报 page into its two articles', async () => {
    const { plans } = await load('guangdong-construction-news-future-communities.txt');
    expect(plans.map((p) => [p.kind, p.title, p.evidence.line])).toEqual([
      ['news', '政银企协同探索未来社区建设新路径', 10],
      ['news', '2035年生态环境质量比肩国际一流水平', 27],
    ]);
    // the page index (导读) is not part of the second article
    expect(plans[1].looseParagraphs.some((p) => p.text.includes('横琴综合管廊'))).toBe(false);
    // "一是强化政策供给。…二是强化社区运营。…三是强化示范引领。…": the measures the meeting set are the article's tasks.
    expect(plans[0].tasks.map((t) => [t.kind, t.ref, t.title, t.evidence.line])).toEqual([
      ['leadPhrase', '一是', '强化政策供给', 20],
      ['leadPhrase', '二是', '强化社区运营', 20],
      ['leadPhrase', '三是', '强化示范引领', 20],
    ]);
    expect(plans[0].tasks[0].text).toBe('一是强化政策供给。广东省住房和城乡建设厅将收集各方面诉求和建议，会同省直有关部门出台支持政策清单，为各方深度参与建设试点提供稳定预期。');
    // the sentence before 一是 and the narrative paragraphs stay loose, not tasks
    expect(plans[0].looseParagraphs.map((p) => p.text)).toContain('会议强调，开展未来社区建设是坚持以人民为中心的发展思想、实施城市更新行动、促进区域协调发展的重要举措，要凝聚政、银、企各方合力，不断探索建设新路径、新模式。');
    expect(plans[0].looseParagraphs.some((p) => p.text.includes('一是'))).toBe(false);
    // the Beautiful Guangzhou article enumerates nothing: no tasks
    expect(plans[1].tasks).toEqual([]);
  });
  it('splits the industrial-clusters page, joining the two-line headline "全省小区治理现场/推进会在深圳召开"', async () => {
    const { plans } = await load('guangzhou-industrial-clusters-news.txt', false);
    expect(plans.map((p) => p.title)).toEqual(['广州发布工业集聚区划定及工业产业区块修编方案', '全省小区治理现场推进会在深圳召开']);
    expect(plans.every((p) => p.kind === 'news')).toBe(true);
    // the 链接 sidebar (花都, 南沙) goes with the lead article
    expect(plans[0].looseParagraphs.some((p) => p.text.startsWith('新闻发布会上，南沙区政府党组成员'))).toBe(true);
  });
  it('takes each district\'s "一是…二是…三是…" measures as tasks, an enumeration split across paragraphs included', async () => {
    const { plans } = await load('guangzhou-industrial-clusters-news.txt');
    expect(plans[0].tasks.map((t) => [t.ref, t.title, t.evidence.line])).toEqual([
      ['段18一是', '打造临空数智港产业平台，推动临空产业能级跃升', 62],
      ['段18二是', '打造时尚智造产业带平台，推动时尚产业靓丽出彩', 62],
      ['段18三是', '打造西部新能源汽车城产业平台', 64],
      ['段21一是', '筑牢产业承载根基，全力保障项目发展空间', 72],
      ['段21二是', '深化土地要素改革，持续激发产业发展动能', 76],
      ['段21三是', '做优企业服务保障，构建产业集群发展生态', 76],
    ]);
    // "二是打造时尚" + "智造产业带平台" wrapped over a blank line: one measure, two source lines
    const second = plans[0].tasks[1];
    expect(second.text).toBe('二是打造时尚智造产业带平台，推动时尚产业靓丽出彩。');
    expect(second.paragraphs[0].segments.map((s) => s.line)).toEqual([62, 64]);
    // the 南沙 measure 一是: "全区布局" | pull quote "奋力打造产业区块优化样板" | "万亩级产业空间，…" is one sentence, the pull quote apart
    const nansha = plans[0].tasks[3];
    expect(nansha.text).toBe('一是筑牢产业承载根基，全力保障项目发展空间。全区布局万亩级产业空间，发展潜力广阔。2026年，南沙区将加快推进重点产业园土地整备工作，力争年内完成出让工业用地3500亩。');
    expect(nansha.paragraphs[0].segments.map((s) => s.line)).toEqual([72, 76]);
    expect(plans[0].looseParagraphs.map((p) => [p.line, p.text])).toContainEqual([74, '奋力打造产业区块优化样板']);
    expect(plans[0].looseParagraphs.map((p) => p.text)).toContain('新闻发布会上，花都区委常委、区委办主任董传辉表示，本轮产业区块划定，花都呈现“规模大、纯度高、布局优”的特点：全区（含空港范围）共划定产业区块110平方公里，总量位居全市第一；产业区块纯度达71%，位居全市前列，其中81%的工业产业区块位于5个产业集聚区内，为“十五五”时期战略性产业集群落子布局提供“硬核支撑”。');
    // narrative before the measures stays loose
    expect(plans[0].looseParagraphs.map((p) => p.text)).toContain('董传辉表示，花都将以三个“万亩千亿”产业平台为引领，构建现代化产业发展新格局。花都充分发挥国家级经开区、临空经济示范区等政策叠加优势，深挖增量用地近37000亩。');
    expect(plans[1].tasks).toEqual([]);
  });
});
