/**
 * Bodies on the unseen fixtures (tests/fixtures/unseen/: other cities' plans in other layouts), through the whole
 * pipeline: management committees, towns of a city without districts, vertical agencies' offices, the notice's
 * contact body. Lines are found in the source text, so the assertions quote what they handle.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../loaders/model.ts';
import { extractFile } from '../../load/extract.ts';
import { readDocument } from '../../loaders/read/index.ts';

const DIR = 'tests/fixtures/unseen';

function roles(g: GraphDocument, line: number) {
  const rels = g.relationships.filter((r) => (r.type === 'LEADS' || r.type === 'SUPPORTS') && r.properties.line === line);
  return {
    leads: rels.filter((r) => r.type === 'LEADS').map((r) => r.start.slice(5)).sort(),
    supports: rels.filter((r) => r.type === 'SUPPORTS').map((r) => r.start.slice(5)).sort(),
  };
}

async function lineOf(file: string, text: string): Promise<number> {
  const source = await readDocument(file);
  const i = source.lines.findIndex((l) => l.includes(text));
  expect(i, text).toBeGreaterThanOrEqual(0);
  return i + 1;
}

describe('Huizhou (GBK, 责任单位 lines)', async () => {
  const file = `${DIR}/huizhou-petrochemical-materials-2024-2026.txt`;
  const g = await extractFile(file);

  it('"责任单位：市发展改革局、市工业和信息化局，大亚湾开发区管委会": the zone\'s committee is a body', async () => {
    expect(roles(g, await lineOf(file, '责任单位：市发展改革局、市工业和信息化局，大亚湾开发区管委会'))).toEqual({
      leads: [],
      supports: ['惠州大亚湾经济技术开发区管理委员会', '惠州市发展和改革局', '惠州市工业和信息化局'].sort(),
    });
    const committee = g.nodes.find((n) => n.id === 'dept:惠州大亚湾经济技术开发区管理委员会');
    expect(committee?.properties).toMatchObject({ kind: 'government', aliases: expect.arrayContaining(['大亚湾开发区管委会']) });
  });

  it('"请径向市发展改革局反映": the notice names the plan\'s contact body', async () => {
    const contact = g.relationships.find((r) => r.type === 'MENTIONS' && r.properties.role === 'contact');
    expect(contact).toMatchObject({ start: 'plan:huizhou-petrochemical-materials-2024-2026', end: 'dept:惠州市发展和改革局' });
    expect(contact?.properties.line).toBe(await lineOf(file, '请径向市发展改革局反映'));
    expect(g.warnings ?? []).toEqual([]);
  });
});

describe('Dongguan (government HTML page, allocation table)', async () => {
  const file = `${DIR}/dongguan-manufacturing-digital-2024-2026.html`;
  const g = await extractFile(file);

  it('"市工业和信息化局 | 市科技局、长安镇、虎门镇": towns of a city without districts carry the city name', async () => {
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('市科技局、长安镇、虎门镇');
    const town = g.relationships.find((r) => r.type === 'SUPPORTS' && r.start === 'dept:东莞市长安镇人民政府');
    expect(town).toBeDefined();
    expect(g.relationships.some((r) => r.type === 'SUPPORTS' && r.start === 'dept:东莞松山湖高新技术产业开发区管理委员会')).toBe(true);
    expect(g.relationships.some((r) => r.type === 'SUPPORTS' && r.start === 'dept:东莞滨海湾新区管理委员会')).toBe(true);
    expect(g.warnings ?? []).toEqual([]);
  });
});

describe('Chenghai (.docx allocation table)', async () => {
  const g = await extractFile(`${DIR}/chenghai-toy-industry-2024-2026.docx`);

  it('"区商务局 | 澄华街道办事处、汕头海关驻澄海办事处": the customs office keeps its own name', () => {
    const customs = g.relationships.filter((r) => r.start === 'dept:汕头海关驻澄海办事处');
    expect(customs.map((r) => r.type)).toEqual(['SUPPORTS']);
    expect(g.relationships.find((r) => r.type === 'LEADS' && r.end === customs[0].end)?.start).toBe('dept:汕头市澄海区商务局');
    expect(g.warnings ?? []).toEqual([]);
  });
});

describe('Hengqin (Traditional, a cooperation zone with no division of its own)', async () => {
  const file = `${DIR}/hengqin-culture-tourism-trade-2024-2026.txt`;
  const g = await extractFile(file);

  it('"牽頭單位：經濟發展局；配合單位：城市規劃和建設局、商事服務局": bodies of the issuing committee\'s zone, surfaces verbatim', async () => {
    expect(roles(g, await lineOf(file, '牽頭單位：經濟發展局；配合單位：城市規劃和建設局、商事服務局'))).toEqual({
      leads: ['横琴粤澳深度合作区经济发展局'],
      supports: ['横琴粤澳深度合作区商事服务局', '横琴粤澳深度合作区城市规划和建设局'].sort(),
    });
    expect(g.nodes.find((n) => n.id === 'dept:横琴粤澳深度合作区经济发展局')?.properties.aliases).toContain('經濟發展局');
  });
});

describe('news: who leads what', async () => {
  it('"一是强化政策供给。广东省住房和城乡建设厅将收集各方面诉求和建议，会同省直有关部门出台支持政策清单" — the body that will act LEADS the article\'s task', async () => {
    const g = await extractFile('seeds/guangdong-construction-news-future-communities.txt');
    const leads = g.relationships.filter((r) => r.type === 'LEADS');
    expect(leads.map((r) => [r.start, r.properties.line, r.properties.surface])).toEqual([['dept:广东省住房和城乡建设厅', 20, '广东省住房和城乡建设厅']]);
    const task = g.nodes.find((n) => n.id === leads[0].end);
    expect(task?.properties.title).toBe('强化政策供给');
  });
});
