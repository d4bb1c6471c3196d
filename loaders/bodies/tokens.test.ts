/**
 * The token rules of allocation phrases, each on the text it handles, read by the bodies extractor in a
 * Guangzhou city plan (relative names: 市财政局 = 广州市财政局).
 */
import { describe, expect, it } from 'vitest';
import type { ExtractContext, Paragraph, TaskDraft } from '../model.js';
import { resolveDivision } from '../gazetteer/divisions.ts';
import { extractBodies } from './index.js';
import { splitNames } from './phrases.js';

function paragraph(text: string, line = 10): Paragraph {
  return { text, original: text, line, segments: [{ offset: 0, line }], kind: 'body' };
}

function read(text: string, jurisdiction = '广州市') {
  const task: TaskDraft = { kind: 'point', ref: '1', title: '1', text, paragraphs: [paragraph(text)], evidence: { document: 'd.txt', line: 10, quote: '' }, children: [] };
  const ctx: ExtractContext = {
    source: { document: 'd.txt', lines: [], encoding: 'utf-8', script: 'simplified' },
    plan: { key: '', title: 't', kind: 'plan', evidence: { document: 'd.txt', line: 1, quote: '' }, tasks: [task], looseParagraphs: [], footnotes: [] },
    planId: 'plan:d',
    taskId: (ref) => `plan:d/${ref}`,
    jurisdiction: resolveDivision(jurisdiction),
  };
  const f = extractBodies(ctx);
  return { edges: f.relationships.map((r) => `${r.type} ${r.start.replace('dept:', '')}`), warnings: (f.warnings ?? []).map((w) => w.message) };
}

describe('brackets around a 责任单位 / 牵头单位 list', () => {
  it('（责任单位：市发展改革委、市财政局）', () => {
    expect(read('完善城市更新政策体系。（责任单位：市发展改革委、市财政局）')).toEqual({
      edges: ['SUPPORTS 广州市发展和改革委员会', 'SUPPORTS 广州市财政局'],
      warnings: [],
    });
  });

  it('【牵头单位：…；配合单位：…】: the closing 】 is not part of the last name', () => {
    expect(read('推进数字政府建设。【牵头单位：市政务服务数据管理局；配合单位：市财政局、市工业和信息化局】').edges).toEqual([
      'LEADS 广州市政务服务数据管理局',
      'SUPPORTS 广州市财政局',
      'SUPPORTS 广州市工业和信息化局',
    ]);
  });

  it('〔责任单位：…〕 and [牵头单位：…]', () => {
    expect(read('建设一批公办幼儿园〔责任单位：市教育局、市财政局〕').edges).toEqual(['SUPPORTS 广州市教育局', 'SUPPORTS 广州市财政局']);
    expect(read('开展老旧小区改造[牵头单位：市住房城乡建设局]').edges).toEqual(['LEADS 广州市住房和城乡建设局']);
  });

  it('〔市科技局牵头，市财政局配合〕: role words inside a square bracket', () => {
    expect(read('加快科技成果转化〔市科技局牵头，市财政局配合〕').edges).toEqual(['LEADS 广州市科学技术局', 'SUPPORTS 广州市财政局']);
  });
});

describe('role words in prose', () => {
  it('由X负责 leads', () => {
    expect(read('全面推进四好农村路建设，由市交通运输局负责。').edges).toEqual(['LEADS 广州市交通运输局']);
  });

  it('X、Y等负责 leads, every body of the list', () => {
    expect(read('建立健全价格监测机制，市发展改革委、市市场监管局等负责。').edges).toEqual(['LEADS 广州市发展和改革委员会', 'LEADS 广州市市场监督管理局']);
  });

  it('X牵头，Y配合 and X牵头，Y参与', () => {
    expect(read('加快科技成果转化，市科技局牵头，市财政局配合。').edges).toEqual(['LEADS 广州市科学技术局', 'SUPPORTS 广州市财政局']);
    expect(read('实施专精特新企业培育行动，市工业和信息化局牵头，市科技局参与。').edges).toEqual(['LEADS 广州市工业和信息化局', 'SUPPORTS 广州市科学技术局']);
  });

  it('X负责，Y按职责分工负责', () => {
    expect(read('深化医药卫生体制改革，市卫生健康委负责，市医保局按职责分工负责。').edges).toEqual(['LEADS 广州市卫生健康委员会', 'SUPPORTS 广州市医疗保障局']);
  });

  it('X、Y等负责 followed by the work still leads', () => {
    expect(read('区林业和园林局、区水务局等负责流溪河沿岸生态修复和景观提升。', '从化区').edges).toEqual(['LEADS 广州市从化区林业和园林局', 'LEADS 广州市从化区水务局']);
  });

  it('X牵头，Y、Z，A、B配合: the supporting list runs back over comma groups of names', () => {
    expect(read('推进港产城融合。市发展改革委牵头，市交通运输局、市财政局，增城区、从化区人民政府配合。').edges).toEqual([
      'LEADS 广州市发展和改革委员会',
      'SUPPORTS 广州市交通运输局',
      'SUPPORTS 广州市财政局',
      'SUPPORTS 广州市增城区人民政府',
      'SUPPORTS 广州市从化区人民政府',
    ]);
  });

  it('a bracket inside the last name is part of it: 各县（市、区）人民政府负责 is no 人民政府', () => {
    expect(read('打好污染防治攻坚战。市生态环境局牵头，各区（县级市）人民政府负责。')).toEqual({ edges: ['LEADS 广州市生态环境局'], warnings: [] });
  });

  it('负责 inside a sentence assigns nothing (负责同志, 负责的原则)', () => {
    expect(read('市发展改革委负责同志出席会议并讲话。').edges).toEqual([]);
    expect(read('坚持市财政局按职责分工负责的原则推进预算改革。').edges).toEqual([]);
  });

  it('a clause that opens with a body and 负责 its task leads: "广州市规划和自然资源局从化区分局负责温泉取水许可…"', () => {
    expect(read('（五）规范温泉资源开发利用。广州市规划和自然资源局从化区分局负责温泉取水许可和资源保护，区市场监管局配合做好经营秩序监管。', '从化区').edges).toEqual([
      'LEADS 广州市规划和自然资源局从化区分局',
      'SUPPORTS 广州市从化区市场监督管理局',
    ]);
    expect(read('区委农村工作领导小组统筹推进示范带建设，区农业农村局负责日常工作。', '从化区').edges).toEqual(['LEADS 广州市从化区农业农村局']);
  });

  it('X负责 in ordinary prose is no assignment: not a body as written, mid-clause, 负责人, 负责任', () => {
    // The words before 负责 are no body (企业, 各镇街) or the body is not where its clause opens.
    expect(read('龙头企业负责组织生产，带动农户增收。').edges).toEqual([]);
    expect(read('各镇街负责做好辖区内的排查工作。').edges).toEqual([]);
    expect(read('加快建设市财政局负责管理的项目库。').edges).toEqual([]);
    expect(read('完善机制，强化市财政局负责的资金保障。').edges).toEqual([]);
    expect(read('推动建立区财政局负责人联系重点企业制度。', '从化区').edges).toEqual([]);
    expect(read('市发展改革委负责任地推进改革。').edges).toEqual([]);
  });
});

describe('collective phrases are neither bodies nor warnings', () => {
  it.each([
    ['（各镇（街道）按职责分工负责）'],
    ['（市住房城乡建设局牵头，各区人民政府负责）'],
    ['（责任单位：各区、县级市人民政府）'],
    ['（责任单位：各镇街）'],
    ['（责任单位：有关单位、相关部门）'],
    ['（牵头单位：市发展改革委；配合单位：领导小组各成员单位）'],
    ['（责任单位：各有关部门）'],
  ])('%s', (text) => {
    const r = read(`推进基层治理现代化。${text}`);
    expect(r.warnings).toEqual([]);
    expect(r.edges.every((e) => !/各|有关|相关|成员|县级市/.test(e))).toBe(true);
  });

  it('各县（市、区）政府（管委会）is one phrase: the list splits outside brackets only', () => {
    const text = '市民政局、各县（市、区）政府（管委会）';
    expect(splitNames(text, 0).map((n) => n.text)).toEqual(['市民政局', '各县（市、区）政府（管委会）']);
    expect(read(`推进养老服务体系建设。（责任单位：${text}）`)).toEqual({ edges: ['SUPPORTS 广州市民政局'], warnings: [] });
  });
});
