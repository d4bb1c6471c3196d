import { describe, expect, it } from 'vitest';
import { type TableState, cellsOf, tableRowAssignments } from './tables.js';

describe('task-allocation tables', () => {
  it('a tab-separated header row gives the role of each column to the rows after it', () => {
    const state: TableState = {};
    expect(tableRowAssignments('序号\t重点任务\t牵头单位\t配合单位', state)).toEqual([]);
    const row = '1\t推进户籍制度改革\t区公安分局\t区发展和改革局、区人力资源社会保障局';
    const found = tableRowAssignments(row, state);
    expect(found.map((a) => [a.role, a.rolePhrase, a.names.map((n) => n.text)])).toEqual([
      ['LEADS', '牵头单位', ['区公安分局']],
      ['SUPPORTS', '配合单位', ['区发展和改革局', '区人力资源社会保障局']],
    ]);
    for (const n of found.flatMap((a) => a.names)) expect(row.slice(n.offset, n.offset + n.text.length)).toBe(n.text);
  });

  it('Markdown pipes, the separator row skipped, and a paragraph that is no row ends the table', () => {
    const state: TableState = {};
    tableRowAssignments('| 序号 | 任务 | 牵头单位 | 责任单位 |', state);
    expect(tableRowAssignments('| --- | --- | --- | --- |', state)).toEqual([]);
    const found = tableRowAssignments('| 1 | 推进城市更新 | 区住房城乡建设局 | 区规划和自然资源分局、区财政局 |', state);
    expect(found.map((a) => [a.role, a.names.map((n) => n.text)])).toEqual([
      ['LEADS', ['区住房城乡建设局']],
      ['SUPPORTS', ['区规划和自然资源分局', '区财政局']],
    ]);
    expect(tableRowAssignments('二、保障措施', state)).toEqual([]);
    expect(tableRowAssignments('| 2 | 其他 | 区财政局 | 区审计局 |', state)).toEqual([]);
  });

  it('a single 责任单位 column marks its lead with （牵头）', () => {
    const state: TableState = {};
    tableRowAssignments('任务\t责任单位', state);
    const found = tableRowAssignments('建设智慧城市\t市政务服务数据管理局（牵头）、市工业和信息化局', state);
    expect(found.map((a) => [a.role, a.names.map((n) => n.text)])).toEqual([
      ['LEADS', ['市政务服务数据管理局']],
      ['SUPPORTS', ['市工业和信息化局']],
    ]);
  });

  it('cellsOf reads only rows', () => {
    expect(cellsOf('全面放开放宽落户限制。')).toBeUndefined();
    expect(cellsOf('a\tb')?.map((c) => c.text)).toEqual(['a', 'b']);
  });
});

describe('header words decide the roles', () => {
  const roles = (header: string, row: string) => {
    const state: TableState = {};
    tableRowAssignments(header, state);
    return tableRowAssignments(row, state).map((a) => [a.role, a.rolePhrase, a.names.map((n) => n.text), a.firstMayLead ?? false, a.firstLeads ?? false]);
  };

  it('主办 leads, 协办 supports', () => {
    expect(roles('序号\t重点任务\t主办\t协办', '1\t新建公办幼儿园\t市教育局\t市财政局、市自然资源局')).toEqual([
      ['LEADS', '主办', ['市教育局'], false, false],
      ['SUPPORTS', '协办', ['市财政局', '市自然资源局'], false, false],
    ]);
  });

  it('牵头负责部门 leads, 参与单位 supports; 完成时限 and 责任领导 are no role columns', () => {
    expect(roles('序号\t工作任务\t牵头负责部门\t参与单位\t责任领导\t完成时限', '1\t建设智慧城市\t市政务服务数据管理局\t市工业和信息化局\t张某某\t2025年底')).toEqual([
      ['LEADS', '牵头负责部门', ['市政务服务数据管理局'], false, false],
      ['SUPPORTS', '参与单位', ['市工业和信息化局'], false, false],
    ]);
  });

  it('a bare 责任单位 supports, its first body leading only where a note says so; the note may sit in the header', () => {
    expect(roles('序号\t工作任务\t责任单位', '1\t推进城市更新\t市住房城乡建设局、市财政局')).toEqual([['SUPPORTS', '责任单位', ['市住房城乡建设局', '市财政局'], true, false]]);
    expect(roles('序号\t工作任务\t责任单位（排在第一位的为牵头单位）', '1\t推进城市更新\t市住房城乡建设局、市财政局')).toEqual([['SUPPORTS', '责任单位', ['市住房城乡建设局', '市财政局'], true, true]]);
  });

  it('a category row spanning the table keeps the header for the rows below it', () => {
    const state: TableState = {};
    tableRowAssignments('序号\t重点任务\t牵头单位', state);
    expect(tableRowAssignments('一、产业发展', state, true)).toEqual([]);
    expect(tableRowAssignments('1\t培育新兴产业\t市工业和信息化局', state).map((a) => a.role)).toEqual(['LEADS']);
  });
});
