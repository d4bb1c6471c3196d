import { describe, expect, it } from 'vitest';
import type { SourceText } from '../../model.ts';
import { normalise } from '../index.ts';
import { findTextTables } from './index.ts';
import { cellText } from './grid.ts';

const source = (text: string, document = 'doc.txt'): SourceText => ({ document, lines: text.split('\n'), encoding: 'utf-8', script: 'simplified' });
/** The table-cell paragraphs normalise makes of the text: cells and source line of each row. */
const rows = (text: string) =>
  normalise(source(text))
    .filter((p) => p.kind === 'table-cell')
    .map((p) => ({ line: p.line, cells: p.text.split('\t') }));

describe('space-aligned columns', () => {
  const text = [
    '序号  重点任务                      牵头单位          配合单位',
    '1     推进户籍制度改革，完善积分    区公安分局        区发展和改革局、',
    '      入户政策                                        区人力资源和社会保障局',
    '2     建设智慧城市                  区政务服务数据管理局  区工业和信息化局',
    '3     加强农村人居环境整治          区农业农村局',
    '',
    '各镇街要按照分工抓好落实，确保各项任务按期完成，重要情况及时报告区政府。',
  ].join('\n');

  it('rows fall into the header’s columns; a line with no number continues the row above (wrapped cells)', () => {
    expect(rows(text)).toEqual([
      { line: 1, cells: ['序号', '重点任务', '牵头单位', '配合单位'] },
      { line: 2, cells: ['1', '推进户籍制度改革，完善积分入户政策', '区公安分局', '区发展和改革局、区人力资源和社会保障局'] },
      { line: 4, cells: ['2', '建设智慧城市', '区政务服务数据管理局', '区工业和信息化局'] },
      { line: 5, cells: ['3', '加强农村人居环境整治', '区农业农村局'] },
    ]);
  });

  it('a wrapped cell keeps the source line of each of its pieces; the prose after the table is a paragraph again', () => {
    const ps = normalise(source(text));
    const row = ps.find((p) => p.text.startsWith('1\t'))!;
    const at = row.text.indexOf('入户政策');
    expect(row.segments.filter((s) => s.offset <= at).pop()!.line).toBe(3);
    expect(ps[ps.length - 1]).toMatchObject({ kind: 'body', line: 7 });
  });

  it('a line with two gaps that is no table header stays prose', () => {
    expect(rows('我们要  坚持稳中求进  工作总基调\n推进高质量发展。')).toEqual([]);
  });
});

describe('drawn tables', () => {
  it('box characters: a rule between rows makes each band one row, its wrapped lines joined per column', () => {
    const text = [
      '┌────┬──────────────┬────────────────┐',
      '│序号│工作任务      │责任单位        │',
      '├────┼──────────────┼────────────────┤',
      '│1   │深化商事制度改│市市场监管局、市│',
      '│    │革            │政务服务数据管理│',
      '│    │              │局              │',
      '├────┼──────────────┼────────────────┤',
      '│2   │推进工程建设项│市住房城乡建设局│',
      '│    │目审批制度改革│、市自然资源局  │',
      '└────┴──────────────┴────────────────┘',
    ].join('\n');
    expect(rows(text)).toEqual([
      { line: 2, cells: ['序号', '工作任务', '责任单位'] },
      { line: 4, cells: ['1', '深化商事制度改革', '市市场监管局、市政务服务数据管理局'] },
      { line: 8, cells: ['2', '推进工程建设项目审批制度改革', '市住房城乡建设局、市自然资源局'] },
    ]);
  });

  it('ASCII +---+ rules and | bars; a rule only under the header makes each numbered line a row', () => {
    const text = [
      '+------+------------------+------------------+------------------+',
      '| 序号 | 重点任务         | 主办             | 协办             |',
      '+------+------------------+------------------+------------------+',
      '| 1    | 新建公办幼儿园   | 市教育局         | 市财政局         |',
      '| 2    | 改造老旧小区     | 市住房城乡建设局 | 各县（市、区）政 |',
      '|      |                  |                  | 府（管委会）     |',
      '+------+------------------+------------------+------------------+',
    ].join('\n');
    expect(rows(text)).toEqual([
      { line: 2, cells: ['序号', '重点任务', '主办', '协办'] },
      { line: 4, cells: ['1', '新建公办幼儿园', '市教育局', '市财政局'] },
      { line: 5, cells: ['2', '改造老旧小区', '市住房城乡建设局', '各县（市、区）政府（管委会）'] },
    ]);
  });
});

describe('one cell per line, each ending in "|" (a table copied from a web page)', () => {
  it('the header gives the width; a row missing a cell does not shift the rows after it', () => {
    const text = [
      '序号|', '重点工作任务|', '牵头单位|', '配合单位|',
      '1|', '加快建设清远港|', '市交通运输局|', '市发展改革局、市财政局|',
      '2|', '推动农业产业化|', '市农业农村局|',
      '3|', '实施人才梯队项目|', '市委组织部|', '市人力资源社会保障局|',
    ].join('\n');
    expect(rows(text)).toEqual([
      { line: 1, cells: ['序号', '重点工作任务', '牵头单位', '配合单位'] },
      { line: 5, cells: ['1', '加快建设清远港', '市交通运输局', '市发展改革局、市财政局'] },
      { line: 9, cells: ['2', '推动农业产业化', '市农业农村局'] },
      { line: 12, cells: ['3', '实施人才梯队项目', '市委组织部', '市人力资源社会保障局'] },
    ]);
  });

  it('an empty cell written as a bare "|" keeps its place', () => {
    const lines = ['序号|', '重点任务|', '牵头单位|', '配合单位|', '1|', '建设数字政府|', '|', '市财政局|'];
    const [table] = findTextTables(lines);
    expect(table.rows[1].cells.map((c) => cellText(lines, c))).toEqual(['1', '建设数字政府', '', '市财政局']);
  });
});

describe('columns a PDF extraction shrank to one blank', () => {
  it('a header of header words alone opens the table; a page number and running header between rows are skipped', () => {
    const text = ['二、任务分工表', '序号 工作任务 牵头单位 配合单位', '1 开拓荔枝海外市场 市商务局 茂名海关', '— 2 —', '\f', '某市人民政府办公室文件', '2 发展荔枝电商直播 市商务局 市农业农村局', '三、保障措施'].join('\n');
    expect(rows(text).map((r) => [r.line, r.cells])).toEqual([
      [2, ['序号', '工作任务', '牵头单位', '配合单位']],
      [3, ['1', '开拓荔枝海外市场', '市商务局', '茂名海关']],
      [7, ['2', '发展荔枝电商直播', '市商务局', '市农业农村局']],
    ]);
  });

  it('a sentence with single blanks is no table', () => {
    expect(rows('我们 坚持 牵头单位 负责\n推进高质量发展。')).toEqual([]);
  });
});
