import { describe, expect, it } from 'vitest';
import { findAssignments, splitNames } from './phrases.js';

/** role → names as written, in order, for a compact assertion. */
function roles(text: string) {
  return findAssignments(text).map((a) => ({ role: a.role, rolePhrase: a.rolePhrase, layout: a.layout, names: a.names.map((n) => n.text) }));
}

describe('findAssignments: layouts plans use', () => {
  it('bracket closing an annex item: 牵头；按职责分工负责, and a collective 落实', () => {
    const text =
      '全面放开放宽落户限制，推动居住证制度扩面提质，探索建立新型人口管理制度。(省公安厅牵头；省发展改革委按职责分工负责，各地级以上市人民政府落实，以下除特别说明外，不再单独列出地市)';
    expect(roles(text)).toEqual([
      { role: 'LEADS', rolePhrase: '牵头', layout: 'bracket', names: ['省公安厅'] },
      { role: 'SUPPORTS', rolePhrase: '按职责分工负责', layout: 'bracket', names: ['省发展改革委'] },
      { role: 'SUPPORTS', rolePhrase: '落实', layout: 'bracket', names: ['各地级以上市人民政府'] },
    ]);
  });

  it('cities that lead and cities that take part, then departments, in full-width brackets', () => {
    const text =
      '打造具有全球影响力的现代化都市圈建设典范。（广州市、佛山市、肇庆市、清远市牵头，云浮市、韶关市参与；省发展改革委、教育厅、工业和信息化厅、人力资源社会保障厅、生态环境厅、交通运输厅、水利厅、卫生健康委按职责分工负责）';
    expect(roles(text)).toEqual([
      { role: 'LEADS', rolePhrase: '牵头', layout: 'bracket', names: ['广州市', '佛山市', '肇庆市', '清远市'] },
      { role: 'SUPPORTS', rolePhrase: '参与', layout: 'bracket', names: ['云浮市', '韶关市'] },
      {
        role: 'SUPPORTS',
        rolePhrase: '按职责分工负责',
        layout: 'bracket',
        names: ['省发展改革委', '教育厅', '工业和信息化厅', '人力资源社会保障厅', '生态环境厅', '交通运输厅', '水利厅', '卫生健康委'],
      },
    ]);
  });

  it('markdown bold around the bracket and 等 before the role', () => {
    const text = '提升城市设计水平。**(省自然资源厅牵头；省发展改革委、住房城乡建设厅等按职责分工负责)**';
    expect(roles(text).map((r) => r.names)).toEqual([['省自然资源厅'], ['省发展改革委', '住房城乡建设厅']]);
  });

  it('a bracket without a role word is not an assignment', () => {
    const text = '充分发挥市城建领导小组(市生态环境保护委员会)统筹协调、监督指导作用。';
    expect(roles(text)).toEqual([]);
  });

  it('牵头单位：…　责任单位：… on one line (Nanhai)', () => {
    const text = '牵头单位：佛山市自然资源局南海分局　责任单位：区农业农村局、区财政局，各镇（街道）';
    expect(roles(text)).toEqual([
      { role: 'LEADS', rolePhrase: '牵头单位', layout: 'label', names: ['佛山市自然资源局南海分局'] },
      { role: 'SUPPORTS', rolePhrase: '责任单位', layout: 'label', names: ['区农业农村局', '区财政局', '各镇（街道）'] },
    ]);
  });

  it('牵头责任单位：…；协同责任单位：… (Conghua)', () => {
    const text = '牵头责任单位：区农业农村局；协同责任单位：区水务局、区文化广电旅游体育局、温泉镇、良口镇';
    expect(roles(text)).toEqual([
      { role: 'LEADS', rolePhrase: '牵头责任单位', layout: 'label', names: ['区农业农村局'] },
      { role: 'SUPPORTS', rolePhrase: '协同责任单位', layout: 'label', names: ['区水务局', '区文化广电旅游体育局', '温泉镇', '良口镇'] },
    ]);
  });

  it('部门分工：X牵头，Y配合 (Xiangzhou, matched on its Simplified text)', () => {
    const text = '部门分工：区住房和城乡建设局牵头，区财政局、珠海市自然资源局香洲分局、各街道办事处配合。';
    expect(roles(text)).toEqual([
      { role: 'LEADS', rolePhrase: '牵头', layout: 'label', names: ['区住房和城乡建设局'] },
      { role: 'SUPPORTS', rolePhrase: '配合', layout: 'label', names: ['区财政局', '珠海市自然资源局香洲分局', '各街道办事处'] },
    ]);
  });

  it('责任单位 listing the lead with （牵头）', () => {
    const text = '责任单位：市发展改革委（牵头）、市财政局、市商务局';
    expect(roles(text)).toEqual([
      { role: 'LEADS', rolePhrase: '牵头', layout: 'label', names: ['市发展改革委'] },
      { role: 'SUPPORTS', rolePhrase: '责任单位', layout: 'label', names: ['市财政局', '市商务局'] },
    ]);
  });

  it('由X负责，Y参与 and X牵头… in prose', () => {
    expect(roles('由区教育局负责，区财政局、区人力资源社会保障局参与。')).toEqual([
      { role: 'LEADS', rolePhrase: '负责', layout: 'prose', names: ['区教育局'] },
      { role: 'SUPPORTS', rolePhrase: '参与', layout: 'prose', names: ['区财政局', '区人力资源社会保障局'] },
    ]);
    expect(roles('市直有关部门(单位)各司其职,协同推进美丽广州建设。市生态环境部门牵头加强技术支撑,协调各相关部门推动美丽广州建设任务项目化')).toEqual([
      { role: 'LEADS', rolePhrase: '牵头', layout: 'prose', names: ['市生态环境部门'] },
    ]);
  });

  it('…等多个部门共同参与 (Huadu, wraps joined): the list starts mid-sentence, names are checked later', () => {
    const text = '建立区委政法委、区城市管理综合执法局、市公安局花都区分局、区应急管理局等多个部门共同参与的城市管理和社会治理联合执法长效机制。';
    expect(roles(text)).toEqual([
      { role: 'SUPPORTS', rolePhrase: '共同参与', layout: 'prose', names: ['建立区委政法委', '区城市管理综合执法局', '市公安局花都区分局', '区应急管理局'] },
    ]);
  });

  it('负责 without 由 in prose assigns nothing', () => {
    expect(roles('区城乡融合发展工作领导小组统筹推进本方案实施，领导小组办公室设在区农业农村局，负责日常协调和督促检查。')).toEqual([]);
  });
});

describe('splitNames', () => {
  it('commas start a new prefix group, 、 continues it; offsets point into the text', () => {
    const text = '省委编办，省发展改革委、教育厅等';
    const names = splitNames(text, 10);
    expect(names.map((n) => [n.text, n.group])).toEqual([
      ['省委编办', 0],
      ['省发展改革委', 1],
      ['教育厅', 1],
    ]);
    for (const n of names) expect(text.slice(n.offset - 10, n.offset - 10 + n.text.length)).toBe(n.text);
  });
});

describe('findAssignments: more layouts', () => {
  it('labels in 【】 and labels inside a bracket', () => {
    expect(roles('【牵头单位】市发展改革委　【配合单位】市财政局、市商务局').map((r) => [r.role, r.names])).toEqual([
      ['LEADS', ['市发展改革委']],
      ['SUPPORTS', ['市财政局', '市商务局']],
    ]);
    expect(roles('加快建设数字政府。（牵头单位：市政务服务数据管理局；配合单位：市工业和信息化局）').map((r) => [r.role, r.layout, r.names])).toEqual([
      ['LEADS', 'label', ['市政务服务数据管理局']],
      ['SUPPORTS', 'label', ['市工业和信息化局']],
    ]);
  });

  it('a label whose value gives the roles itself: 责任单位：X牵头，Y配合', () => {
    expect(roles('责任单位：区发展和改革局牵头，区财政局配合').map((r) => [r.role, r.rolePhrase, r.names])).toEqual([
      ['LEADS', '牵头', ['区发展和改革局']],
      ['SUPPORTS', '配合', ['区财政局']],
    ]);
  });

  it('会同 joins two leads', () => {
    expect(roles('（省发展改革委会同省财政厅牵头）').map((r) => [r.role, r.names])).toEqual([['LEADS', ['省发展改革委', '省财政厅']]]);
  });
});

describe('findAssignments: 会同 (together with)', () => {
  it('"（市发展改革委会同市财政局负责）": the first leads, the partner supports', () => {
    expect(roles('完善价格形成机制。（市发展改革委会同市财政局负责）')).toEqual([
      { role: 'LEADS', rolePhrase: '负责', layout: 'bracket', names: ['市发展改革委'] },
      { role: 'SUPPORTS', rolePhrase: '会同', layout: 'bracket', names: ['市财政局'] },
    ]);
  });

  it('"由区住房城乡建设局会同区财政局制定实施细则" in prose: the body 由 names leads, its partners support', () => {
    expect(roles('由区住房城乡建设局会同区财政局制定实施细则。')).toEqual([
      { role: 'LEADS', rolePhrase: '会同', layout: 'prose', names: ['区住房城乡建设局'] },
      { role: 'SUPPORTS', rolePhrase: '会同', layout: 'prose', names: ['区财政局制定实施细则'] },
    ]);
  });
});

describe('findAssignments: short labels', () => {
  it('"（牵头：市发展改革委；配合：市财政局、市自然资源局）"', () => {
    expect(roles('完善用地保障机制。（牵头：市发展改革委；配合：市财政局、市自然资源局）').map((r) => [r.role, r.names])).toEqual([
      ['LEADS', ['市发展改革委']],
      ['SUPPORTS', ['市财政局', '市自然资源局']],
    ]);
  });

  it('"主责部门：区住房城乡建设局　责任主体：各街道办事处"', () => {
    expect(roles('主责部门：区住房城乡建设局　责任主体：各街道办事处').map((r) => [r.role, r.names])).toEqual([
      ['LEADS', ['区住房城乡建设局']],
      ['SUPPORTS', ['各街道办事处']],
    ]);
  });
});
