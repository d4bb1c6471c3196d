import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Extractor, GraphDocument } from './model.ts';
import { extractSource, GraphBuilder } from './pipeline.ts';
import { extractFile } from '../load/extract.ts';
import { readDocument } from './read/index.ts';

const seeds = new URL('../seeds/', import.meta.url).pathname;
const fixtures = new URL('../tests/fixtures/', import.meta.url).pathname;
const node = (g: GraphDocument, id: string) => g.nodes.find((n) => n.id === id);
const rels = (g: GraphDocument, type: string, start?: string, end?: string) =>
  g.relationships.filter((r) => r.type === type && (!start || r.start === start) && (!end || r.end === end));

describe('extractFile on the provincial plan', async () => {
  const g = await extractFile(join(seeds, 'guangdong-new-urbanisation-plan-2021-2035.txt'));
  const plan = 'plan:guangdong-new-urbanisation-plan-2021-2035';

  it('writes the Plan with its required properties and provenance', () => {
    expect(node(g, plan)!.properties).toMatchObject({
      id: plan,
      title: '广东省新型城镇化规划（2021—2035年）',
      document: 'guangdong-new-urbanisation-plan-2021-2035.txt',
      kind: 'plan',
      periodStart: 2021,
      periodEnd: 2035,
      level: 'PROVINCE',
      line: 3,
      quote: '广东省新型城镇化规划',
    });
  });
  it('writes Tasks with ids <planId>/<ref> and PART_OF up to the plan', () => {
    const section = node(g, `${plan}/第三章第一节`)!;
    expect(section.labels).toEqual(['Task']);
    expect(section.properties).toMatchObject({ title: '全面深化户籍制度改革', ref: '第三章第一节', kind: 'section', line: 215, document: 'guangdong-new-urbanisation-plan-2021-2035.txt' });
    expect(rels(g, 'PART_OF', `${plan}/第三章第一节`, `${plan}/第三章`)).toHaveLength(1);
    expect(rels(g, 'PART_OF', `${plan}/第三章`, plan)[0].properties).toMatchObject({ line: 211, quote: '第三章 提高市民化质量 促进农业转移人口全面融入城市' });
  });
  it('makes an annex item and its main-text task one node carrying the annex line', () => {
    expect(node(g, `${plan}/附件一(一)`)).toBeUndefined();
    expect(node(g, `${plan}/第三章第一节`)!.properties).toMatchObject({ annexRef: '附件一(一)', annexLine: 858 });
    // the bodies extractor's LEADS for "(省公安厅牵头…)" lands on the main-text task, evidenced by the annex line
    const leads = rels(g, 'LEADS', undefined, `${plan}/第三章第一节`);
    expect(leads.some((r) => r.properties.line === 860)).toBe(true);
  });
  it('links the plan to its jurisdiction and issuer', () => {
    expect(rels(g, 'GOVERNS', plan, 'div:44')).toHaveLength(1);
    expect(rels(g, 'ISSUED_BY', plan)[0].end).toBe('dept:广东省人民政府');
    expect(g.relationships.every((r) => node(g, r.start) && node(g, r.end))).toBe(true);
  });
});

describe('extractSource with a failing extractor', () => {
  it('fails the document with the extractor named, not the run', async () => {
    const source = await readDocument(join(fixtures, 'xiangzhou-old-communities-2024-2026.txt'));
    const broken: Extractor = () => {
      throw new Error('gazetteer missing');
    };
    await expect(extractSource(source, { extractors: { places: broken }, resolvers: {} })).rejects.toThrow(
      'xiangzhou-old-communities-2024-2026.txt: places extraction failed: gazetteer missing',
    );
  });
  it('keeps Traditional quotes verbatim while refs are Simplified', async () => {
    const source = await readDocument(join(fixtures, 'xiangzhou-old-communities-2024-2026.txt'));
    const g = await extractSource(source, { extractors: {}, resolvers: {} });
    expect(node(g, 'plan:xiangzhou-old-communities-2024-2026/第二章第一节-1')!.properties).toMatchObject({
      title: '推進水電氣管網改造',
      kind: 'leadPhrase',
      line: 24,
    });
  });
});

describe('GraphBuilder.merge', () => {
  it('merges nodes by id, unions aliases, dedupes relationships by type+start+end+document+line', () => {
    const g = new GraphBuilder();
    const dept = (aliases: string[]) => ({ id: 'dept:广东省教育厅', labels: ['Department' as const], properties: { id: 'dept:广东省教育厅', name: '广东省教育厅', aliases } });
    const edge = (line: number) => ({ type: 'SUPPORTS' as const, start: 'dept:广东省教育厅', end: 'dept:广东省教育厅', properties: { document: 'a.txt', line } });
    g.merge({ nodes: [dept(['省教育厅'])], relationships: [edge(1)] });
    g.merge({ nodes: [dept(['教育厅'])], relationships: [edge(1), edge(2)] });
    const out = g.build();
    expect(out.nodes).toHaveLength(1);
    expect(out.nodes[0].properties.aliases).toEqual(['省教育厅', '教育厅']);
    expect(out.relationships.map((r) => r.properties.line)).toEqual([1, 2]);
  });
});
