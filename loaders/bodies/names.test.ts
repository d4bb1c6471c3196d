/**
 * Body names outside the gazetteer's templates, and relative names whose division a document does not tell:
 * each rule with the text it handles.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractContext, Paragraph, TaskDraft } from '../model.js';
import { resolveDivision } from '../gazetteer/divisions.ts';
import { extractBodies } from './index.js';
import { paragraphAssignments } from './assign.js';
import { type Resolution, resolveName, scopeOf } from './resolve.js';

const unknown = scopeOf(undefined);
const guangdong = scopeOf(resolveDivision('广东省'));
const guangzhou = scopeOf(resolveDivision('广州市'));
const huadu = scopeOf(resolveDivision('花都区'));
const qingyuan = scopeOf(resolveDivision('清远市'));

function body(r: Resolution) {
  return r.status === 'body' ? r.body : undefined;
}
function nameOf(r: Resolution): string | undefined {
  return r.status === 'body' ? r.body.name : r.status;
}

function paragraph(text: string, line = 5): Paragraph {
  return { text, original: text, line, segments: [{ offset: 0, line }], kind: 'body' };
}

function assigned(text: string, scope = unknown): string[] {
  return paragraphAssignments(paragraph(text), scope).assignments.map((a) => `${a.role} ${a.body.resolved === false ? '?' : ''}${a.body.name}`);
}

function context(text: string, jurisdiction?: string, document = 'd.txt'): ExtractContext {
  const p = paragraph(text);
  const task: TaskDraft = { kind: 'subitem', ref: '一', title: '一', text, paragraphs: [p], evidence: { document, line: 5, quote: '' }, children: [] };
  return {
    source: { document, lines: [], encoding: 'utf-8', script: 'simplified' },
    plan: { key: '', title: 't', kind: 'plan', evidence: { document, line: 1, quote: '' }, tasks: [task], looseParagraphs: [], footnotes: [] },
    planId: 'plan:d',
    taskId: (ref) => `plan:d/${ref}`,
    jurisdiction: jurisdiction ? resolveDivision(jurisdiction) : undefined,
  };
}

describe('unresolved bodies: a relative name in a document whose division is unknown', () => {
  it('"（区工业和信息化局牵头，区发展改革局、财政局按职责分工负责）": each an unresolved DISTRICT body, 财政局 sharing 区', () => {
    expect(assigned('（区工业和信息化局牵头，区发展改革局、财政局按职责分工负责）')).toEqual([
      'LEADS ?区工业和信息化局',
      'SUPPORTS ?区发展改革局',
      'SUPPORTS ?区财政局',
    ]);
  });

  it.each([
    ['市财政局', 'CITY'],
    ['省教育厅', 'PROVINCE'],
    ['区发展改革局', 'DISTRICT'],
    ['县自然资源局', 'COUNTY'],
    ['镇人民政府', 'TOWN'],
    ['街道办事处', 'TOWN'],
    ['区委宣传部', 'DISTRICT'],
  ])('"%s" implies the level %s', (written, level) => {
    const b = body(resolveName(written, unknown));
    expect(b).toMatchObject({ name: written, level, resolved: false });
    expect(b?.jurisdiction).toBeUndefined();
  });

  it('"（市发展改革委牵头）": abbreviations are spelled out as for resolved names; the surface stays an alias', () => {
    const f = extractBodies(context('（市发展改革委牵头）'));
    expect(f.nodes[0].properties).toMatchObject({ id: 'dept:?d.txt/市发展和改革委员会', name: '市发展和改革委员会', aliases: ['市发展改革委'], resolved: false, scopeDocument: 'd.txt', level: 'CITY' });
  });

  it('two documents\' "区财政局" are two nodes; a resolved body carries no resolved property', () => {
    const a = extractBodies(context('（区财政局牵头）', undefined, 'a.txt'));
    const b = extractBodies(context('（区财政局牵头）', undefined, 'b.txt'));
    expect([a.nodes[0].id, b.nodes[0].id]).toEqual(['dept:?a.txt/区财政局', 'dept:?b.txt/区财政局']);
    const resolved = extractBodies(context('（区财政局牵头）', '花都区'));
    expect(resolved.nodes[0].id).toBe('dept:广州市花都区财政局');
    expect(resolved.nodes[0].properties.resolved).toBeUndefined();
    expect(resolved.nodes[0].properties.scopeDocument).toBeUndefined();
  });

  it('a city plan\'s "区住房城乡建设局" (which district?) is unresolved too, while its 市 bodies resolve', () => {
    expect(assigned('牵头单位：市住房城乡建设局；责任单位：区住房城乡建设局', guangzhou)).toEqual(['LEADS 广州市住房和城乡建设局', 'SUPPORTS ?区住房城乡建设局']);
  });

  it('"由区金融局负责，市场监管局、各镇街、有关单位配合" (prose): the bodies are kept, the collective phrases are neither bodies nor warnings', () => {
    const r = paragraphAssignments(paragraph('由区金融局负责，市场监管局、各镇街、有关单位配合。'), unknown);
    expect(r.assignments.map((a) => `${a.role} ${a.body.name}`)).toEqual(['LEADS 区金融局', 'SUPPORTS 市场监督管理局']);
    expect(r.problems).toEqual([]);
  });

  it('"（区委人才办牵头，区人力资源社会保障局、市税务局、人行市中心支行按职责分工负责）"', () => {
    expect(assigned('（区委人才办牵头，区人力资源社会保障局、市税务局、人行市中心支行按职责分工负责）')).toEqual([
      'LEADS ?区委人才办',
      'SUPPORTS ?区人力资源社会保障局',
      'SUPPORTS ?市税务局',
      'SUPPORTS ?人行市中心支行',
    ]);
  });
});

describe('collective phrases are never bodies nor warnings', () => {
  it.each(['各区、县级市', '县级市', '各镇街', '镇街', '有关单位', '成员单位', '领导小组成员单位', '各县（市、区）政府（管委会）', '县（市、区）政府（管委会）', '区直有关单位', '相关职能部门', '各县市区政府', '市级各有关部门', '行业主管部门', '市属国有企业', '县（区）人民政府', '市县人民政府', '区）党委和政府'])('%s', (phrase) => {
    expect(resolveName(phrase, huadu).status).toBe('collective');
    expect(resolveName(phrase, unknown).status).toBe('collective');
  });

  it('"责任单位：区发展改革局、各区、县级市、成员单位" leaves only the body and no problem', () => {
    const r = paragraphAssignments(paragraph('责任单位：区发展改革局、各区、县级市、成员单位'), huadu);
    expect(r.assignments.map((a) => a.body.name)).toEqual(['广州市花都区发展和改革局']);
    expect(r.problems).toEqual([]);
  });
});

describe('development-zone and area committees: bodies located in their division', () => {
  it.each([
    ['花都经济开发区管委会', '花都经济开发区管理委员会', huadu, '440114'],
    ['花都经济开发区管委会', '花都经济开发区管理委员会', unknown, '440114'],
    ['广州空港经济区管理委员会', '广州空港经济区管理委员会', huadu, '4401'],
    ['南沙开发区管委会', '广州南沙经济技术开发区管理委员会', guangzhou, '440115'],
    // A zone's own name is kept as written (高新区 may be 高新技术产业开发区, 高新技术开发区…); 管委会 is spelled out.
    ['清远高新区管委会', '清远高新区管理委员会', qingyuan, '4418'],
    ['市高新区管委会', '清远市高新区管理委员会', qingyuan, '4418'],
  ])('%s → %s', (written, name, scope, jurisdiction) => {
    expect(body(resolveName(written, scope))).toMatchObject({ name, jurisdiction, kind: 'government' });
  });

  it('"│2   │建设盛泽丝绸纺织科创园      │吴江高新区管委会│" (吴江区): the zone as written, not a guessed long form', () => {
    expect(body(resolveName('吴江高新区管委会', scopeOf(resolveDivision('吴江区'))))).toMatchObject({ name: '吴江高新区管理委员会', kind: 'government' });
    expect(nameOf(resolveName('赣州经开区管委会', scopeOf(resolveDivision('赣州市'))))).toBe('赣州经开区管理委员会');
  });

  it('"责任单位：区发展改革局、花都经济开发区管委会": the zone named after its district does not take the list\'s 区', () => {
    expect(assigned('责任单位：区发展改革局、花都经济开发区管委会', huadu)).toEqual(['SUPPORTS 广州市花都区发展和改革局', 'SUPPORTS 花都经济开发区管理委员会']);
  });
});

describe('party bodies, relative to the jurisdiction like government bodies', () => {
  it.each([
    ['市委人才办', '中共清远市委人才工作领导小组办公室', qingyuan],
    ['市委金融办', '中共广州市委金融委员会办公室', guangzhou],
    ['市委宣传部', '中共广州市委宣传部', guangzhou],
    ['区委组织部', '中共广州市花都区委组织部', huadu],
    ['市委网信办', '中共清远市委网络安全和信息化委员会办公室', qingyuan],
    ['市委编办', '中共清远市委机构编制委员会办公室', qingyuan],
    ['区委人才办', '中共广州市花都区委人才工作领导小组办公室', huadu],
    ['省委人才办', '中共广东省委人才工作领导小组办公室', guangdong],
  ])('%s → %s', (written, name, scope) => {
    expect(body(resolveName(written, scope))).toMatchObject({ name, kind: 'party' });
  });

  it('"（牵头单位：市委党史研究室）" in 汕尾: a party office whatever its ending', () => {
    expect(assigned('（牵头单位：市委党史研究室）', scopeOf(resolveDivision('汕尾市')))).toEqual(['LEADS 中共汕尾市委党史研究室']);
    expect(nameOf(resolveName('市委机要保密局', qingyuan))).toBe('中共清远市委机要保密局');
  });

  it('"市人才办" (without 委) is the same party office', () => {
    expect(nameOf(resolveName('市人才办', qingyuan))).toBe('中共清远市委人才工作领导小组办公室');
  });

  it('"（市委人才办牵头，人力资源社会保障局、科技局配合）" in 清远: the list after a comma starts afresh', () => {
    expect(assigned('（市委人才办牵头，市人力资源社会保障局、科技局配合）', qingyuan)).toEqual([
      'LEADS 中共清远市委人才工作领导小组办公室',
      'SUPPORTS 清远市人力资源和社会保障局',
      'SUPPORTS 清远市科学技术局',
    ]);
  });
});

describe('vertical bodies', () => {
  it.each([
    ['人行清远市中心支行', '中国人民银行清远市中心支行', qingyuan, 'bank', '4418'],
    ['中国人民银行清远市分行', '中国人民银行清远市分行', guangdong, 'bank', '4418'],
    ['人民银行市中心支行', '中国人民银行清远市中心支行', qingyuan, 'bank', '4418'],
    ['市人民银行', '中国人民银行清远市分行', qingyuan, 'bank', '4418'],
    ['清远海关', '清远海关', guangdong, 'department', '4418'],
    ['国家税务总局清远市税务局', '国家税务总局清远市税务局', guangdong, 'department', '4418'],
    ['市税务局', '国家税务总局清远市税务局', qingyuan, 'department', '4418'],
    ['国家税务总局广州市花都区税务局', '国家税务总局广州市花都区税务局', guangdong, 'department', '440114'],
    ['国家金融监督管理总局清远监管分局', '国家金融监督管理总局清远监管分局', guangdong, 'department', '4418'],
    ['清远金融监管分局', '国家金融监督管理总局清远监管分局', guangdong, 'department', '4418'],
    ['市金融监管分局', '国家金融监督管理总局清远监管分局', qingyuan, 'department', '4418'],
    ['市气象局', '清远市气象局', qingyuan, 'department', '4418'],
    ['区气象局', '广州市花都区气象局', huadu, 'department', '440114'],
    ['市邮政管理局', '清远市邮政管理局', qingyuan, 'department', '4418'],
    ['省邮政管理局', '广东省邮政管理局', guangdong, 'department', '44'],
  ])('%s → %s', (written, name, scope, kind, jurisdiction) => {
    expect(body(resolveName(written, scope))).toMatchObject({ name, kind, jurisdiction });
  });

  it('"（市发展改革委牵头，清远海关、国家金融监督管理总局清远监管分局配合）": named offices do not take the list\'s 市', () => {
    expect(assigned('（市发展改革委牵头，市商务局、清远海关、国家金融监督管理总局清远监管分局配合）', qingyuan)).toEqual([
      'LEADS 清远市发展和改革委员会',
      'SUPPORTS 清远市商务局',
      'SUPPORTS 清远海关',
      'SUPPORTS 国家金融监督管理总局清远监管分局',
    ]);
  });
});

describe('no mis-split of a word that starts with a level marker', () => {
  it('"市政局" in a district plan is the district\'s 市政局, not 市 + 政局', () => {
    expect(nameOf(resolveName('市政局', huadu))).toBe('广州市花都区市政局');
    expect(nameOf(resolveName('市市政局', qingyuan))).toBe('清远市市政局');
  });

  it('"市场监管局" is the plan\'s own 市场监督管理局, not 市 + 场监管局; 市市场监管局 is the city\'s', () => {
    expect(nameOf(resolveName('市场监管局', huadu))).toBe('广州市花都区市场监督管理局');
    expect(nameOf(resolveName('市场监管局', qingyuan))).toBe('清远市市场监督管理局');
    expect(nameOf(resolveName('市市场监管局', huadu))).toBe('广州市市场监督管理局');
  });

  it('"区域" is not 区 + 域: "区域协调发展中心" in a city plan is the city\'s, never an unresolved 区 body', () => {
    const b = body(resolveName('区域协调发展中心', qingyuan));
    expect(b).toMatchObject({ name: '清远市区域协调发展中心', jurisdiction: '4418' });
  });

  it('市政府, 市政协, 市政务服务数据管理局 are still 市 + the rest', () => {
    expect(nameOf(resolveName('市政府', qingyuan))).toBe('清远市人民政府');
    expect(nameOf(resolveName('市政协', qingyuan))).toBe('中国人民政治协商会议清远市委员会');
    expect(nameOf(resolveName('市政务服务数据管理局', qingyuan))).toBe('清远市政务服务数据管理局');
  });

  it('"乡村振兴局" in a plan without a known division is no town body', () => {
    expect(body(resolveName('乡村振兴局', unknown))?.level).toBeUndefined();
  });
});

describe('list leftovers the resolver cleans up', () => {
  it('"（市委组织部（市委人才办）牵头，市财政局配合）": an office with its other name in brackets is the office', () => {
    expect(assigned('（市委组织部（市委人才办）牵头，市财政局配合）', qingyuan)).toEqual(['LEADS 中共清远市委组织部', 'SUPPORTS 清远市财政局']);
    expect(nameOf(resolveName('市政府办公室（市金融工作局）', qingyuan))).toBe('清远市人民政府办公室');
  });

  it('"〔牵头单位：市财政局、市工业和信息化局〕": a bracket left on the last name is not part of it', () => {
    expect(nameOf(resolveName('市工业和信息化局〕', qingyuan))).toBe('清远市工业和信息化局');
    expect(nameOf(resolveName('【市农业农村局', qingyuan))).toBe('清远市农业农村局');
    expect(nameOf(resolveName('松山湖管委会〕', scopeOf(resolveDivision('东莞市'))))).toBe('东莞松山湖高新技术产业开发区管理委员会');
  });

  it('"（责任单位中排在第一位的为牵头单位）" read as a list is a note: no body, no warning', () => {
    expect(resolveName('责任单位中排在第一位的为', huadu).status).toBe('collective');
    expect(resolveName('责任单位排在第一位的为', unknown).status).toBe('collective');
  });
});

describe('enterprises the gazetteer names', () => {
  it('"（责任单位：区交通运输局、区发展改革局、广州港集团）": 广州港集团 is 广州港集团有限公司', () => {
    expect(assigned('（责任单位：区交通运输局、区发展改革局、广州港集团）', scopeOf(resolveDivision('南沙区')))).toEqual([
      'SUPPORTS 广州市南沙区交通运输局',
      'SUPPORTS 广州市南沙区发展和改革局',
      'SUPPORTS 广州港集团有限公司',
    ]);
  });
});

describe('offices the gazetteer does not name', () => {
  it('"|1|推进航空物流园扩容|区口岸物流办|区发改局|" in a 双流区 plan: 办 is spelled out, 办公室', () => {
    expect(nameOf(resolveName('区口岸物流办', scopeOf(resolveDivision('双流区'))))).toBe('成都市双流区口岸物流办公室');
    // A known form keeps its own full name (委人才办 → 人才工作领导小组办公室), unresolved ones their written form.
    expect(nameOf(resolveName('区委人才办', unknown))).toBe('区委人才办');
  });
});

describe('towns named in a plan whose area is unknown or does not hold them', () => {
  it('"|4|实施航空港社区综合整治|东升街道|" in a 双流区 plan (no town list outside Guangdong): the district\'s 东升街道办事处', () => {
    expect(body(resolveName('东升街道', scopeOf(resolveDivision('双流区'))))).toMatchObject({ name: '成都市双流区东升街道办事处', level: 'TOWN', jurisdiction: '510116' });
    // In 花都区, whose towns are listed, a town it does not hold stays unresolved.
    expect(body(resolveName('东升街道', huadu))).toMatchObject({ name: '东升街道办事处', resolved: false });
  });

  it('"区财政局、新华街道、各镇（街）" without a known district: 新华街道办事处, unresolved at TOWN, not prefixed by the list\'s 区', () => {
    expect(assigned('责任单位：区财政局、新华街道、各镇（街）')).toEqual(['SUPPORTS ?区财政局', 'SUPPORTS ?新华街道办事处']);
    expect(body(resolveName('炭步镇', unknown))).toMatchObject({ name: '炭步镇人民政府', level: 'TOWN', kind: 'government', resolved: false });
  });

  it('a town inside the plan\'s area still resolves ("炭步镇" in a 花都区 plan)', () => {
    expect(body(resolveName('炭步镇', huadu))).toMatchObject({ name: '广州市花都区炭步镇人民政府', jurisdiction: '440114107' });
  });

  it('"特色小镇", "中心镇" are kinds of town, never one town\'s government', () => {
    expect(body(resolveName('特色小镇', unknown))).toBeUndefined();
    expect(body(resolveName('中心镇', unknown))).toBeUndefined();
    // "住房和城乡" left by a split inside 住房和城乡建设局 is no 乡.
    expect(body(resolveName('住房和城乡', unknown))).toBeUndefined();
  });
});

describe('vertical bodies before 2023', () => {
  it('"配合单位：人行东莞市中心支行、东莞银保监分局"', () => {
    expect(assigned('配合单位：人行东莞市中心支行、东莞银保监分局', scopeOf(resolveDivision('东莞市')))).toEqual([
      'SUPPORTS 中国人民银行东莞市中心支行',
      'SUPPORTS 中国银行保险监督管理委员会东莞监管分局',
    ]);
  });
});

describe('bodies the gazetteer knows by a form without a telling ending', () => {
  it('"（责任单位：市妇联、市总工会、团市委）" in a plan whose city is unknown: unresolved CITY bodies, never dropped', () => {
    expect(assigned('（责任单位：市妇联、市总工会、团市委）')).toEqual(['SUPPORTS ?市妇联', 'SUPPORTS ?市总工会', 'SUPPORTS ?团市委']);
    expect(body(resolveName('团县委', qingyuan))).toMatchObject({ name: '团县委', level: 'COUNTY', resolved: false });
  });

  it('"国家统计局清远调查队" is the survey team in 清远市', () => {
    expect(body(resolveName('国家统计局清远调查队', guangdong))).toMatchObject({ name: '国家统计局清远调查队', jurisdiction: '4418' });
  });
});

describe('financial regulators by their pre-2023 short names', () => {
  it.each([
    ['东莞银保监分局', '中国银行保险监督管理委员会东莞监管分局', '4419'],
    ['深圳银保监局', '中国银行保险监督管理委员会深圳监管局', '4403'],
    ['深圳证监局', '中国证券监督管理委员会深圳监管局', '4403'],
  ])('%s → %s', (written, name, jurisdiction) => {
    expect(body(resolveName(written, guangdong))).toMatchObject({ name, jurisdiction });
  });

  it('广东银保监局 stays the gazetteer\'s explicit body', () => {
    expect(nameOf(resolveName('广东银保监局', guangdong))).toBe('中国银行保险监督管理委员会广东监管局');
  });
});

describe('the department in charge, and levels together', () => {
  it('"（市教育部门牵头，市场监管部门配合）" in a plan whose city is unknown: both kept, unresolved', () => {
    expect(assigned('（市教育部门牵头，市场监管部门配合）')).toEqual(['LEADS ?市教育部门', 'SUPPORTS ?市场监管部门']);
    expect(body(resolveName('镇党委', unknown))).toMatchObject({ kind: 'party', level: 'TOWN', resolved: false });
  });

  it('"市区两级", "省市县三级" are collective', () => {
    expect(resolveName('市区两级', huadu).status).toBe('collective');
    expect(resolveName('省市县三级', unknown).status).toBe('collective');
  });
});

describe('a relative 省/市/区 name follows the document\'s own jurisdiction, never Guangdong by default', () => {
  const zhejiang = scopeOf(resolveDivision('浙江省'));
  it('"省通信管理局、省经信厅|" in a Zhejiang plan is 浙江省通信管理局; in a Guangdong plan 广东省通信管理局', () => {
    expect(body(resolveName('省通信管理局', zhejiang))).toMatchObject({ name: '浙江省通信管理局', jurisdiction: '33' });
    expect(body(resolveName('省通信管理局', guangdong))).toMatchObject({ name: '广东省通信管理局', jurisdiction: '44' });
    expect(assigned('（牵头单位：省通信管理局；配合单位：省经信厅）', zhejiang)).toEqual(['LEADS 浙江省通信管理局', 'SUPPORTS 浙江省经济和信息化厅']);
  });

  it('a plan whose province is unknown: 省通信管理局 is kept unresolved, not given to Guangdong', () => {
    expect(body(resolveName('省通信管理局', unknown))).toMatchObject({ name: '省通信管理局', resolved: false });
  });

  it('"市城投集团" names 广州市城市建设投资集团有限公司 only in a Guangzhou plan', () => {
    expect(nameOf(resolveName('市城投集团', guangzhou))).toBe('广州市城市建设投资集团有限公司');
    expect(nameOf(resolveName('市城投集团', qingyuan))).toBe('清远市城投集团');
  });
});

describe('abbreviated department names spelled out (departments.json abbreviations)', () => {
  const changsha = scopeOf(resolveDivision('长沙市'));
  const wujiang = scopeOf(resolveDivision('吴江区'));
  it.each([
    ['"2     工程建设项目审批时间压缩一半              市住房城乡建设委、市国土" (长沙)', '市住房城乡建设委', changsha, '长沙市住房和城乡建设委员会'],
    ['"│3   │推进印染企业集聚整治，关停落│区环保局、区经信│" (吴江区)', '区环保局', wujiang, '苏州市吴江区环境保护局'],
    ['"推进产业园区扩能增效由省经济和信息化委牵头" (广东)', '省经济和信息化委', guangdong, '广东省经济和信息化委员会'],
    ['"区爱卫办、各镇（街）" (云城区)', '区爱卫办', scopeOf(resolveDivision('云城区')), '云浮市云城区爱国卫生运动委员会办公室'],
    ['"区爱卫办公室" (云城区)', '区爱卫办公室', scopeOf(resolveDivision('云城区')), '云浮市云城区爱国卫生运动委员会办公室'],
  ])('%s: %s → %s', (_, written, scope, name) => {
    expect(nameOf(resolveName(written, scope))).toBe(name);
  });

  it('"推进产业园区扩能增效由省经济和信息化委牵头，省发展改革委、省科技厅配合"', () => {
    expect(assigned('推进产业园区扩能增效由省经济和信息化委牵头，省发展改革委、省科技厅配合', guangdong)).toEqual([
      'LEADS 广东省经济和信息化委员会',
      'SUPPORTS 广东省发展和改革委员会',
      'SUPPORTS 广东省科学技术厅',
    ]);
  });
});

describe('a name written in full is kept, not replaced by another body\'s name', () => {
  it('"市住房城乡建设局、市城市管理局等负责" (许昌): 许昌市城市管理局, not 城市管理和综合执法局', () => {
    expect(assigned('实施城市更新“十大工程”，改造老旧小区100个。市住房城乡建设局、市城市管理局等负责。', scopeOf(resolveDivision('许昌市')))).toEqual([
      'LEADS 许昌市住房和城乡建设局',
      'LEADS 许昌市城市管理局',
    ]);
    // Its short form 城管局 still names the template's bureau.
    expect(nameOf(resolveName('市城管局', guangzhou))).toBe('广州市城市管理和综合执法局');
  });
});

describe('a provincial capital\'s bank branch and a province\'s 金融办 (湖南, 2015)', () => {
  const hunan = scopeOf(resolveDivision('湖南省'));
  it('"省财政厅牵头，人民银行长沙中心支行、省政府金融办配合": the branch as written, 金融办 = 人民政府金融工作办公室', () => {
    expect(assigned('四、完善城镇基础设施投融资机制。省财政厅牵头，人民银行长沙中心支行、省政府金融办配合，推广政府和社会资本合作模式。', hunan)).toEqual([
      'LEADS 湖南省财政厅',
      'SUPPORTS 中国人民银行长沙中心支行',
      'SUPPORTS 湖南省人民政府金融工作办公室',
    ]);
    // A bare marker is still the plan's own city, written out.
    expect(nameOf(resolveName('人民银行市中心支行', qingyuan))).toBe('中国人民银行清远市中心支行');
  });
});
