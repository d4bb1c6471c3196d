/**
 * Allocation tables in every layout documents arrive in, end to end (read → normalise → structure → bodies):
 * each row a task numbered by its 序号, its role cells giving LEADS / SUPPORTS. The plan's jurisdiction comes
 * from the manifest, so only table reading is under test.
 */
import { describe, expect, it } from 'vitest';
import type { ManifestEntry, SourceText } from '../model.ts';
import { extractSource } from '../pipeline.ts';
import { htmlToSourceLines } from '../read/html.ts';

const manifest = (file: string): ManifestEntry => ({ file, title: '清远市重点工作任务分工方案', jurisdiction: '清远市', level: 'CITY' });

async function edges(text: string, document = 'plan.txt', encoding = 'utf-8') {
  const lines = encoding === 'html' ? htmlToSourceLines(text) : text.split('\n');
  const source: SourceText = { document, lines, encoding, script: 'simplified' };
  const g = await extractSource(source, { manifest: manifest(document) });
  const title = (id: string) => g.nodes.find((n) => n.id === id)?.properties.title;
  return g.relationships
    .filter((r) => r.type === 'LEADS' || r.type === 'SUPPORTS')
    .map((r) => `${r.end.slice('plan:plan/'.length)} ${title(r.end)}: ${r.type} ${r.start.replace('dept:清远市', '')} L${r.properties.line}`);
}

const NOTICE = '各县（市、区）人民政府，市政府各部门：\n现将分工方案印发给你们，请认真贯彻落实。\n';

describe('allocation tables anywhere in a document, in every layout', () => {
  it('space-aligned columns, with a wrapped cell, outside any annex', async () => {
    const text = `${NOTICE}
序号  重点任务                  牵头单位        配合单位
1     加快建设清远港            市交通运输局    市发展改革局、
                                                市财政局
2     推动农业产业化            市农业农村局    市商务局`;
    expect(await edges(text)).toEqual([
      '1 加快建设清远港: LEADS 交通运输局 L5',
      '1 加快建设清远港: SUPPORTS 发展和改革局 L5',
      '1 加快建设清远港: SUPPORTS 财政局 L6',
      '2 推动农业产业化: LEADS 农业农村局 L7',
      '2 推动农业产业化: SUPPORTS 商务局 L7',
    ]);
  });

  it('tab-separated under an item heading; a row with no number goes on with the row above', async () => {
    const text = `${NOTICE}一、重点任务
序号\t工作任务\t牵头单位\t配合单位
1\t深化商事制度改革\t市市场监管局\t市政务服务数据管理局
\t\t\t市财政局
2\t优化用水报装服务\t市水务局\t`;
    const found = await edges(text);
    expect(found).toContain('一1 深化商事制度改革: LEADS 市场监督管理局 L5');
    expect(found).toContain('一1 深化商事制度改革: SUPPORTS 政务服务数据管理局 L5');
    expect(found).toContain('一2 优化用水报装服务: LEADS 水务局 L7');
    expect(found.filter((e) => e.startsWith('一1')).length).toBe(3);
  });

  it('Markdown pipes', async () => {
    const text = `${NOTICE}
| 序号 | 重点任务 | 牵头单位 | 协办单位 |
| --- | --- | --- | --- |
| 1 | 建设公办幼儿园 | 市教育局 | 市财政局 |`;
    expect(await edges(text)).toEqual(['1 建设公办幼儿园: LEADS 教育局 L6', '1 建设公办幼儿园: SUPPORTS 财政局 L6']);
  });

  it('one cell per line ending in "|", a 主办 / 协办 header', async () => {
    const text = `${NOTICE}序号|\n重点工作|\n主办|\n协办|\n1|\n推进城中村改造|\n市住房城乡建设局|\n市自然资源局|\n2|\n建设口袋公园|\n市林业园林局|\n|`;
    expect(await edges(text)).toEqual([
      '1 推进城中村改造: LEADS 住房和城乡建设局 L9',
      '1 推进城中村改造: SUPPORTS 自然资源局 L10',
      '2 建设口袋公园: LEADS 林业园林局 L13',
    ]);
  });

  it('box characters with a bare 责任单位 column and the note 责任单位中排在第一位的为牵头单位', async () => {
    const text = `${NOTICE}责任单位中排在第一位的为牵头单位。
┌──┬────────────┬──────────────┐
│序号│工作任务    │责任单位      │
├──┼────────────┼──────────────┤
│1 │深化商事制度│市市场监管局、│
│  │改革        │市财政局      │
└──┴────────────┴──────────────┘`;
    expect(await edges(text)).toEqual(['1 深化商事制度改革: LEADS 市场监督管理局 L7', '1 深化商事制度改革: SUPPORTS 财政局 L8']);
  });

  it('the same 责任单位 column without the note: every body supports', async () => {
    const text = `${NOTICE}
+----+--------------+----------------+
| 序号 | 工作任务   | 责任单位       |
+----+--------------+----------------+
| 1  | 深化商事制度改革 | 市市场监管局、市财政局 |
+----+--------------+----------------+`;
    expect(await edges(text)).toEqual(['1 深化商事制度改革: SUPPORTS 市场监督管理局 L7', '1 深化商事制度改革: SUPPORTS 财政局 L7']);
  });

  it('an HTML <table> with a 牵头单位 / 配合单位 header under a two-level 责任单位 heading', async () => {
    const html = `<html><body><p>${NOTICE}</p>
<table>
<tr><td rowspan="2">序号</td><td rowspan="2">重点任务</td><td colspan="2">责任单位</td></tr>
<tr><td>牵头单位</td><td>配合单位</td></tr>
<tr><td>1</td><td>建设智慧城市</td><td>市政务服务数据管理局</td><td>市工业和信息化局</td></tr>
</table></body></html>`;
    expect(await edges(html, 'plan.html', 'html')).toEqual(['1 建设智慧城市: LEADS 政务服务数据管理局 L7', '1 建设智慧城市: SUPPORTS 工业和信息化局 L7']);
  });
});

describe('an indicator table naming 责任单位', () => {
  it('each indicator row is assigned on its own; the note after the table makes the first body lead', async () => {
    const text = `${NOTICE}
一、主要指标
指标名称                   2023年目标值      责任单位
海水养殖产量（万吨）       125               市农业农村局
深远海养殖网箱（个）       600以上           市农业农村局、市发展改革局

（责任单位中排在第一位的为牵头单位）`;
    expect(await edges(text)).toEqual([
      '一1 海水养殖产量（万吨）: LEADS 农业农村局 L6',
      '一2 深远海养殖网箱（个）: LEADS 农业农村局 L7',
      '一2 深远海养殖网箱（个）: SUPPORTS 发展和改革局 L7',
    ]);
  });
});
