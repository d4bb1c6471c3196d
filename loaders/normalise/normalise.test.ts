import { describe, expect, it } from 'vitest';
import type { SourceText } from '../model.ts';
import { normalise } from './index.ts';
import { lineAt } from '../text/provenance.ts';
import { endsSentence, isPageNumber, isTocEntry, matchHeading, visualWidth, withoutBlanks } from './patterns.ts';
import { cleanLine } from './clean.ts';

const src = (lines: string[], script: SourceText['script'] = 'simplified'): SourceText => ({ document: 't.txt', lines, encoding: 'utf-8', script });

/** The Huadu plan's PDF text: ~27 characters a line, a blank line between wrapped lines. */
const HUADU = [
  ' 第一章 全面建成小康社会，',
  '',
  '开启花都全面建设社会主义现代化新征程',
  '',
  '综合实力迈上新台阶。经济规模和效益双提升，2020 年全',
  '',
  '区实现地区生产总值 1682.15 亿元，“十三五”期间年均增长',
  '',
  '6.5%。地方一般公共预算收入 84.92 亿元，年均增长 3.3%。社',
  '',
  '会消费品零售总额 644.80 亿元，年均增长 8%。固定资产投资',
  '',
  '“十三五”期间年均增长 11.9%。产业结构持续调整，汽车、',
  '',
  '— 8 —',
  '',
  '临空、智能电子三大高端产业集群加速集聚，数字经济、人工',
  '',
  '智能、绿色建筑等新兴产业蓬勃发展，以先进制造业和现代服务',
  '',
  '年，新认定市总部企业 26 家，增速全市第一。',
  '',
  '创新发展实现新跨越。截至 2020 年，全区拥有高新技术企',
  '',
  '业 761家，较 2015年增长 550%，1家企业获国家科技进步奖。',
  '',
  '一、筑建“一核引领、三带联动、六大功能区支撑”产业新',
  '',
  '格局',
  '',
  '高举中国特色社会主义伟大旗帜，深入贯彻党的十九大和十九',
];
// Enough full-width lines for the wrap width to be detected.
const FILLER = Array.from({ length: 30 }, () => ['加快建设现代产业体系，加快推进治理体系和治理能力现代化，', '']).flat();

describe('normalise: hard wraps', () => {
  const paragraphs = normalise(src([...HUADU, '', ...FILLER]));
  const texts = paragraphs.map((p) => p.text);

  it('joins a chapter heading wrapped after its comma', () => {
    expect(texts).toContain('第一章 全面建成小康社会，开启花都全面建设社会主义现代化新征程');
  });
  it('joins wrapped lines across blank lines and drops the page number "— 8 —"', () => {
    const p = paragraphs.find((x) => x.text.startsWith('综合实力迈上新台阶。'))!;
    expect(p.text).toContain('年均增长 3.3%。社会消费品零售总额');
    expect(p.text).toContain('产业结构持续调整，汽车、临空、智能电子三大高端产业集群');
    expect(p.text).not.toContain('— 8 —');
    expect(p.text.endsWith('增速全市第一。')).toBe(true);
    // every character maps back to its source line
    expect(lineAt(p, p.text.indexOf('临空、智能电子'))).toBe(17);
    expect(lineAt(p, 0)).toBe(5);
  });
  it('starts a new paragraph after a short line that ends a sentence', () => {
    expect(texts.some((t) => t.startsWith('创新发展实现新跨越。') && t.endsWith('1家企业获国家科技进步奖。'))).toBe(true);
  });
  it('joins a heading cut one word short by the wrap ("…产业新" + "格局")', () => {
    expect(texts).toContain('一、筑建“一核引领、三带联动、六大功能区支撑”产业新格局');
  });
});

describe('normalise: footnotes, tables, TOC', () => {
  it('splits off the footnote "^② 广州都市圈范围包括…" and continues the sentence it interrupts', () => {
    const lines = [
      '优化提升广州都市圈^②。发挥广州主核心、佛山副核心的引领带动作用，加快推进广佛同城化，夯实肇清云韶制造业发展基础，实',
      '',
      '^② 广州都市圈范围包括广州、佛山全域，肇庆端州区、鼎湖区（含新区）、高要区、高新区、四会市，清远清城区、清新区、佛冈县。',
      '',
      '现产业协同联动和有序转移承接。',
    ];
    const [body, note] = normalise(src(lines));
    expect(body.text).toBe('优化提升广州都市圈。发挥广州主核心、佛山副核心的引领带动作用，加快推进广佛同城化，夯实肇清云韶制造业发展基础，实现产业协同联动和有序转移承接。');
    expect(body.segments).toEqual([
      { offset: 0, line: 1 },
      { offset: body.text.indexOf('现产业'), line: 5 },
    ]);
    expect(note.kind).toBe('footnote');
    expect(note.marker).toBe('②');
    expect(note.line).toBe(3);
    expect(note.text.startsWith('广州都市圈范围包括广州、佛山全域')).toBe(true);
  });
  it('drops the provincial plan\'s table of contents', () => {
    const lines = ['目 录', '', '前 言\t1', '第一章 发展基础\t2', '第一节 发展成就\t2', '附件\t重点任务部门分工方案\t94', '', '前 言', '', '第一章 发展基础'];
    expect(normalise(src(lines)).map((p) => [p.line, p.text])).toEqual([
      [8, '前 言'],
      [10, '第一章 发展基础'],
    ]);
  });
  it('keeps tab-separated indicator rows one per line', () => {
    const lines = ['类别\t指 标\t\t单位\t2020 年\t2025 年\t2035 年\t属性', '城镇化水平\t1. 常住人口城镇化率\t\t%\t74.15\t77\t82\t预期性'];
    const ps = normalise(src(lines));
    expect(ps.map((p) => p.kind)).toEqual(['table-cell', 'table-cell']);
  });
  it('matches on a Simplified copy and quotes the Traditional original', () => {
    const [p] = normalise(src(['　　部門分工：區住房和城鄉建設局牽頭，區財政局配合。'], 'traditional'));
    expect(p.text).toBe('部门分工：区住房和城乡建设局牵头，区财政局配合。');
    expect(p.original).toBe('部門分工：區住房和城鄉建設局牽頭，區財政局配合。');
  });
  it('strips markdown emphasis so "——**农业转移人口全面融入城市。**户籍…" reads as text', () => {
    const [p] = normalise(src(['——**农业转移人口全面融入城市。**户籍制度改革基本完成。']));
    expect(p.text).toBe('——农业转移人口全面融入城市。户籍制度改革基本完成。');
  });
});

describe('patterns', () => {
  it('recognises page numbers but not text', () => {
    for (const t of ['— 107 —', '- 3 -', '—02', '12', '第 3 页']) expect(isPageNumber(t)).toBe(true);
    for (const t of ['2035 年', '一、指导思想', '3.5%']) expect(isPageNumber(t)).toBe(false);
  });
  it('drops every blank the way /[\\s\\u3000\\f]+/gu does: "— 107 —", "\\f第 3 页　共 45 页", "\\t \\n"', () => {
    for (const t of ['— 107 —', '\f第 3 页\u3000共 45 页', ' \u00a0江门市新会区\u2003人民政府 ', '\t \n', '', '花都区']) {
      expect(withoutBlanks(t)).toBe(t.replace(/[\s\u3000\f]+/gu, ''));
    }
    expect(withoutBlanks('\f第 3 页\u3000共 45 页')).toBe('第3页共45页');
  });
  it('recognises TOC entries', () => {
    expect(isTocEntry('第三章 提高市民化质量 促进农业转移人口全面融入城市\t17')).toBe(true);
    expect(isTocEntry('第一节\t建设舒适便利的宜居城市\t43')).toBe(true);
    expect(isTocEntry('到 2035 年，广东将基本实现新型城镇化 2')).toBe(false);
  });
  it('reads heading numbering', () => {
    expect(matchHeading('第三章 提高市民化质量')).toMatchObject({ kind: 'chapter', number: '第三章', rest: '提高市民化质量' });
    expect(matchHeading('(一) 全面深化户籍制度改革。')).toMatchObject({ kind: 'subitem', number: '一' });
    expect(matchHeading('1. 优化提升广州都市圈。发挥…')).toMatchObject({ kind: 'point', number: '1' });
    expect(matchHeading('1.9万张人才绿卡')).toBeUndefined();
    expect(matchHeading('专栏 5 广东省绿色城市建设行动')).toMatchObject({ kind: 'box', number: '专栏5', rest: '广东省绿色城市建设行动' });
    // Blanks before the numbering (a PDF's two full-width indents) are not part of it.
    expect(matchHeading('　　（一）全面深化户籍制度改革。')).toMatchObject({ kind: 'subitem', number: '一', rest: '全面深化户籍制度改革。' });
    expect(matchHeading('　　深入推进以人为核心的新型城镇化')).toBeUndefined();
  });
  it('measures a line as printed: full-width and curly quotes 2, ASCII 1, a character outside the BMP once', () => {
    expect(visualWidth('“绿美广东”G106')).toBe(16);
    expect(visualWidth('𠀀村')).toBe(4);
  });
  it('ends a sentence at a stop, a stop inside closing quotes, or a bracketed attribution', () => {
    expect(endsSentence('户籍制度改革基本完成。 ')).toBe(true);
    expect(endsSentence('打造“湾区通”工程。”')).toBe(true);
    expect(endsSentence('加强组织领导（省公安厅牵头；省发展改革委按职责分工负责）')).toBe(true);
    expect(endsSentence('推动“湾区通”')).toBe(false);
    expect(endsSentence('（2021—2035年）')).toBe(false);
  });
  it('cleans a plain line by its edges and a marked-up one inside: "## 第一章 总则", "——**农业转移人口…**"', () => {
    expect(cleanLine('  ## 第一章 总则\u3000 ', '  ## 第一章 总则\u3000 ')).toEqual({ original: '第一章 总则', text: '第一章 总则', marker: undefined, markdownHeading: true });
    expect(cleanLine('　　• 新建社区卫生服务中心', '　　• 新建社区卫生服务中心')).toMatchObject({ text: '新建社区卫生服务中心', markdownHeading: false });
    expect(cleanLine('——**农业转移人口全面融入城市。**', '——**农业转移人口全面融入城市。**').text).toBe('——农业转移人口全面融入城市。');
  });
});

describe('normalise: page furniture of PDF text', () => {
  it('drops a running header that opens every page and the "第 N 页 共 M 页" footers, joining the sentence they cut', () => {
    const header = '江门市新会区水环境综合治理规划（2024—2030年）';
    const lines = [
      '江门市新会区水环境综合治理规划', '（2024—2030年）', '\f' + header, '', '第一节 规划目标', '到2027年，全区地表水国考、省考断面水质优良比例达到100%，', '', '第 1 页 共 3 页',
      '\f' + header, '', '农村生活污水治理率达到85%以上。', '', '第 2 页 共 3 页', '\f' + header, '', '二、强化资金保障。统筹各级水污染防治资金。', '', '第 3 页 共 3 页',
    ];
    const texts = normalise(src(lines)).map((p) => p.text);
    expect(texts).toEqual(['江门市新会区水环境综合治理规划', '（2024—2030年）', '第一节 规划目标', '到2027年，全区地表水国考、省考断面水质优良比例达到100%，农村生活污水治理率达到85%以上。', '二、强化资金保障。统筹各级水污染防治资金。']);
  });
  it('keeps a line that merely repeats but never sits at a page boundary', () => {
    const lines = ['牵头单位：区农业农村局', '一、加强组织领导。', '牵头单位：区农业农村局', '二、强化资金保障。', '牵头单位：区农业农村局'];
    expect(normalise(src(lines)).filter((p) => p.text === '牵头单位：区农业农村局')).toHaveLength(3);
  });
});

describe('normalise: Markdown', () => {
  const md = (lines: string[]): SourceText => ({ document: 'plan.md', lines, encoding: 'utf-8', script: 'simplified' });
  it('turns "| 1 | 推进完整社区建设 | 市住房城乡建设局 |" rows into tab-separated table rows and drops the |---| line', () => {
    const ps = normalise(md(['| 序号 | 重点任务 | 牵头单位 |', '|:---:|---|---|', '| 1 | 推进完整社区建设 | 市住房城乡建设局 |']));
    expect(ps.map((p) => [p.kind, p.line, p.text.split('\t').map((c) => c.trim())])).toEqual([
      ['table-cell', 1, ['序号', '重点任务', '牵头单位']],
      ['table-cell', 3, ['1', '推进完整社区建设', '市住房城乡建设局']],
    ]);
    expect(ps[1].original).toBe('1 | 推进完整社区建设 | 市住房城乡建设局');
  });
  it('ends a paragraph at a blank line', () => {
    const ps = normalise(md(['发布单位：株洲市人民政府办公室　　文号：株政办发〔2024〕6号', '', '为贯彻落实《湖南省城市更新行动实施方案》，制定本方案。']));
    expect(ps.map((p) => p.line)).toEqual([1, 3]);
  });
});

describe('normalise: newspaper pull quotes', () => {
  it('keeps a pull quote printed inside a cut sentence apart and joins the sentence around it', () => {
    const lines = ['广州日报讯', '一是筑牢产业承载根基，全力保障项目发展空间。全区布局', '', '奋力打造产业区块优化样板', '', '万亩级产业空间，发展潜力广阔。2026年，南沙区将加快推进重点产业园土地整备工作。'];
    expect(normalise(src(lines)).slice(1).map((p) => [p.line - 1, p.text])).toEqual([
      [1, '一是筑牢产业承载根基，全力保障项目发展空间。全区布局万亩级产业空间，发展潜力广阔。2026年，南沙区将加快推进重点产业园土地整备工作。'],
      [3, '奋力打造产业区块优化样板'],
    ]);
  });
  it('still joins a short continuation that ends the sentence', () => {
    const lines = ['座谈会上，国家开发银行广东省分行介绍了城市更新专项贷款，并表示将加大', '', '未来社区信贷支持力度', '', '会议强调，开展未来社区建设是实施城市更新行动的重要举措。'];
    expect(normalise(src(lines)).map((p) => p.line)).toEqual([1, 5]);
    // outside a newspaper page a short line in a cut sentence is never taken out of it
    const plan = ['加快建设粤港澳大湾区国际科技创新中心，推动广州、深圳建设', '', '综合性国家科学中心', '', '重要承载区，打造具有全球影响力的科技创新策源地。'];
    expect(normalise(src(plan))[0].text).toBe('加快建设粤港澳大湾区国际科技创新中心，推动广州、深圳建设综合性国家科学中心');
  });
});

describe('an item number run into a title that starts with a digit', () => {
  it('"11.121人才梯队项目" after item 10 is item 11 titled 121人才梯队项目; the quote keeps the text as written', async () => {
    const { normalise: run } = await import('./index.ts');
    const { matchHeading: heading } = await import('./patterns.ts');
    const lines = ['10.实施青年人才引进计划。', '11.121人才梯队项目。每年遴选一批优秀青年人才。', '12.建设人才驿站。'];
    const ps = run({ document: 'd.txt', lines, encoding: 'utf-8', script: 'simplified' });
    expect(ps.map((p) => heading(p.text)?.number)).toEqual(['10', '11', '12']);
    expect(heading(ps[1].text)?.rest).toBe('121人才梯队项目。每年遴选一批优秀青年人才。');
    expect(ps[1].original).toBe('11.121人才梯队项目。每年遴选一批优秀青年人才。');
  });

  it('a decimal is not an item: "2.5亿元" after item 1, "3.14" after item 1', async () => {
    const { findRunInItemNumbers } = await import('./layout.ts');
    expect(findRunInItemNumbers(['1.加大投入。', '2.5亿元用于基础设施建设。']).size).toBe(0);
    expect(findRunInItemNumbers(['1.加大投入。', '3.14159是圆周率。']).size).toBe(0);
    expect([...findRunInItemNumbers(['1.加大投入。', '2.5G网络全覆盖。', '2.121人才梯队项目'])]).toEqual([[2, 1]]);
  });
});
