/**
 * Responsible bodies in the district and city seed plans and in the fixtures written in the other layouts
 * (GB18030 Nanhai 牵头单位/责任单位, Traditional Xiangzhou 部門分工, HTML Conghua 牵头责任单位/协同责任单位).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBodies } from '../../loaders/bodies/index.ts';
import type { GraphFragment, PlanDraft, TaskDraft } from '../../loaders/model.ts';
import { normalise } from '../../loaders/normalise/index.ts';
import { resolveDivision } from '../../loaders/gazetteer/divisions.ts';
import { readDocument } from '../../loaders/read/index.ts';

/** Each paragraph as a task, so only the bodies extractor is under test. */
async function extract(file: string, jurisdiction: string): Promise<GraphFragment> {
  const source = await readDocument(file);
  const tasks: TaskDraft[] = normalise(source).map((p, i) => ({
    kind: 'point', ref: `p${i}`, title: '', text: p.text, paragraphs: [p],
    evidence: { document: source.document, line: p.line, quote: '' }, children: [],
  }));
  const plan: PlanDraft = { key: '', title: '', kind: 'plan', jurisdiction, evidence: tasks[0].evidence, tasks, looseParagraphs: [], footnotes: [] };
  return extractBodies({ source, plan, planId: 'plan:t', taskId: (r) => r, jurisdiction: resolveDivision(jurisdiction) });
}

function rolesAt(f: GraphFragment, line: number): { leads: string[]; supports: string[] } {
  const at = (type: string) => f.relationships.filter((r) => r.type === type && r.properties.line === line).map((r) => r.start.slice(5)).sort();
  return { leads: at('LEADS'), supports: at('SUPPORTS') };
}

describe('Huadu plan (district)', async () => {
  const f = await extract('seeds/huadu-14th-five-year-plan.txt', '花都区');
  const lines = readFileSync('seeds/huadu-14th-five-year-plan.txt', 'utf8').split('\n');

  it('"建立区委政法委、区城市管理综合执法局、市公安局花都区\\n分局、区应急管理局等多个部门共同参与的…" (wrapped over lines 4103–4105)', () => {
    expect(lines[4102]).toBe('建立区委政法委、区城市管理综合执法局、市公安局花都区');
    expect(lines[4104]).toContain('分局、区应急管理局等多个部门共同参与的城市管理和社会治理');
    expect(rolesAt(f, 4103)).toEqual({
      leads: [],
      supports: ['中共广州市花都区委政法委员会', '广州市公安局花都区分局', '广州市花都区城市管理和综合执法局', '广州市花都区应急管理局'].sort(),
    });
    const police = f.relationships.find((r) => r.start === 'dept:广州市公安局花都区分局')!;
    expect(police.properties).toMatchObject({ surface: '市公安局花都区分局', rolePhrase: '共同参与' });
    expect(f.nodes.find((n) => n.id === 'dept:广州市公安局花都区分局')!.properties.jurisdiction).toBe('div:440114');
  });

  it('invents nothing elsewhere: "支持业内的标杆企业牵头…", "落实牵头单位和工作责任", "社会资本参与…" are no assignments', () => {
    expect(lines[1095]).toContain('支持业内的标杆企业牵头建立科技中介服务联');
    expect(lines[4421]).toContain('落实牵头');
    expect(new Set(f.relationships.map((r) => r.properties.line))).toEqual(new Set([4103]));
  });
});

describe('Beautiful Guangzhou plan (city)', async () => {
  const f = await extract('seeds/beautiful-guangzhou-plan-2025-2035.txt', '广州市');
  it('"市生态环境部门牵头加强技术支撑" is Guangzhou\'s 生态环境局 leading; 市直有关部门 is collective', () => {
    const line = readFileSync('seeds/beautiful-guangzhou-plan-2025-2035.txt', 'utf8').split('\n')[311];
    expect(line).toContain('市直有关部门(单位)各司其职,协同推进美丽广州建设。市生态环境部门牵头加强技术支撑');
    expect(rolesAt(f, 312)).toEqual({ leads: ['广州市生态环境局'], supports: [] });
    expect(f.relationships).toHaveLength(1);
    expect(f.relationships[0].properties).toMatchObject({ surface: '市生态环境部门', quote: '市生态环境部门牵头' });
  });
});

describe('news pages', async () => {
  it('a report on a meeting assigns no responsibility', async () => {
    const a = await extract('seeds/guangdong-construction-news-future-communities.txt', '广东省');
    const b = await extract('seeds/guangzhou-industrial-clusters-news.txt', '广州市');
    expect([...a.relationships, ...b.relationships]).toEqual([]);
  });
});

describe('fixtures in other layouts', async () => {
  it('GB18030 Nanhai: "牵头单位：佛山市自然资源局南海分局　责任单位：区农业农村局、区财政局，各镇（街道）"', async () => {
    const f = await extract('tests/fixtures/nanhai-urban-rural-integration-2023-2025.txt', '南海区');
    expect(rolesAt(f, 25)).toEqual({ leads: ['佛山市自然资源局南海分局'], supports: ['佛山市南海区农业农村局', '佛山市南海区财政局'].sort() });
    // "牵头单位：区委组织部　责任单位：区人力资源和社会保障局、区农业农村局、区教育局"
    expect(rolesAt(f, 28)).toEqual({
      leads: ['中共佛山市南海区委组织部'],
      supports: ['佛山市南海区人力资源和社会保障局', '佛山市南海区农业农村局', '佛山市南海区教育局'].sort(),
    });
    // "牵头单位：区经济促进局　责任单位：佛山市自然资源局南海分局、区国有资产监督管理局，各镇（街道）": a bureau outside the gazetteer
    expect(rolesAt(f, 50)).toEqual({
      leads: ['佛山市南海区经济促进局'],
      supports: ['佛山市南海区国有资产监督管理局', '佛山市自然资源局南海分局'].sort(),
    });
    expect(f.relationships).toHaveLength(19);
  });

  it('Traditional Xiangzhou: "部門分工：區住房和城鄉建設局牽頭，區財政局、珠海市自然資源局香洲分局、各街道辦事處配合。"', async () => {
    const f = await extract('tests/fixtures/xiangzhou-old-communities-2024-2026.txt', '香洲区');
    expect(rolesAt(f, 25)).toEqual({
      leads: ['珠海市香洲区住房和城乡建设局'],
      supports: ['珠海市自然资源局香洲分局', '珠海市香洲区财政局'].sort(),
    });
    const lead = f.relationships.find((r) => r.properties.line === 25 && r.type === 'LEADS')!;
    // surface and quote stay in the document's script
    expect(lead.properties.surface).toBe('區住房和城鄉建設局');
    expect(lead.properties.quote).toContain('部門分工：區住房和城鄉建設局牽頭');
    expect(f.nodes.find((n) => n.id === 'dept:珠海市香洲区住房和城乡建设局')!.properties.aliases).toContain('區住房和城鄉建設局');
  });

  it('HTML Conghua: "牵头责任单位：区农业农村局；协同责任单位：区水务局、区文化广电旅游体育局、温泉镇、良口镇"', async () => {
    const file = 'tests/fixtures/conghua-rural-revitalisation-belt-2024-2026.html';
    const f = await extract(file, '从化区');
    // HTML facts carry the line of the element in the source file.
    const html = readFileSync(file, 'utf8').split('\n');
    const lineOf = (text: string) => html.findIndex((l) => l.includes(text)) + 1;
    expect(rolesAt(f, lineOf('牵头责任单位：区农业农村局；协同责任单位：区水务局'))).toEqual({
      leads: ['广州市从化区农业农村局'],
      supports: ['广州市从化区文化广电旅游体育局', '广州市从化区水务局', '广州市从化区温泉镇人民政府', '广州市从化区良口镇人民政府'].sort(),
    });
    // "牵头责任单位：广州市生态环境局从化分局；协同责任单位：区住房城乡建设局、区农业农村局、各镇（街）"
    expect(rolesAt(f, lineOf('牵头责任单位：广州市生态环境局从化分局'))).toEqual({
      leads: ['广州市生态环境局从化分局'],
      supports: ['广州市从化区住房和城乡建设局', '广州市从化区农业农村局'].sort(),
    });
    expect(f.warnings).toEqual([]);
  });
});
