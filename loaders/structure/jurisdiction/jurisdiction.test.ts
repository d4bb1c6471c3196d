/**
 * The resolver on whole documents in the layouts real copies use (text written for these
 * tests): each clue kind alone, clues in conflict, the traps (广东省推进城市…, 中共清远市委, a
 * breadcrumb, a table's deadline under a body's name) and a Traditional copy.
 */
import { describe, expect, it } from 'vitest';
import type { ManifestEntry, PlanDraft, SourceText } from '../../model.ts';
import { normalise } from '../../normalise/index.ts';
import { structure } from '../index.ts';
import { resolveJurisdiction } from './index.ts';

/** Lines of a document, a blank line between paragraphs as on a web page copy. */
function plan(lines: string[], opts: { manifest?: ManifestEntry; script?: SourceText['script'] } = {}): PlanDraft {
  const source: SourceText = { document: 'doc.txt', lines: lines.flatMap((l) => [l, '']), encoding: 'utf-8', script: opts.script ?? 'simplified' };
  return structure(source, normalise(source), opts.manifest)[0];
}
const lineOf = (lines: string[], text: string) => lines.indexOf(text) * 2 + 1;
const kinds = (p: PlanDraft) => p.jurisdictionEvidence?.map((e) => e.kind);

const TASKS = ['一、总体要求', '推进老旧小区改造，完善配套设施。', '二、重点任务', '（一）完善设施。加装电梯，整治管线。'];

describe('a document number names the division', () => {
  it('花府办〔2026〕5号 on its own line: 花都区', () => {
    const lines = ['关于推进老旧小区改造提升的实施方案', '花府办〔2026〕5号', ...TASKS];
    const p = plan(lines);
    expect(p).toMatchObject({ jurisdiction: '花都区', level: 'DISTRICT', jurisdictionCode: '440114' });
    expect(p.jurisdictionEvidence).toContainEqual({ line: lineOf(lines, '花府办〔2026〕5号'), quote: '花府办〔2026〕5号', kind: 'docNumber' });
  });

  it.each([
    ['穗花府办〔2023〕1号', '花都区'],
    ['穗府办函〔2024〕3号', '广州市'],
    ['粤府〔2021〕22号', '广东省'],
    ['许政〔2020〕20号', '许昌市'],
    ['鞍立政发〔2019〕3号', '立山区'],
    ['云府办〔2022〕7号', '云浮市'],
    ['深南府〔2024〕2号', '南山区'],
    ['清城府办〔2023〕9号', '清城区'],
  ])('%s: %s', (number, expected) => {
    expect(plan(['关于加快发展现代产业的若干措施', number, ...TASKS]).jurisdiction).toBe(expected);
  });

  it('南府办〔2023〕12号 is 南沙区, 南山区 or 南海区: the 佛山市 signature settles it as 南海区', () => {
    expect(plan(['关于加快发展现代产业的若干措施', '南府办〔2023〕12号', ...TASKS]).jurisdiction).toBeUndefined();
    const p = plan(['南府办〔2023〕12号', '各镇人民政府、街道办事处：', '现将方案印发给你们。', '佛山市人民政府办公室', '2023年5月6日', '关于加快发展现代产业的若干措施', ...TASKS]);
    expect(p.jurisdiction).toBe('南海区');
  });

  it('a number in brackets inside a sentence cites another document: "（粤府〔2021〕13号）"', () => {
    const lines = ['花都区推进老旧小区改造提升实施方案', '为贯彻落实《广东省人民政府关于推进城镇老旧小区改造的实施意见》（粤府〔2021〕13号），制定本方案。', ...TASKS];
    const p = plan(lines);
    expect(p.jurisdiction).toBe('花都区');
    expect(kinds(p)).not.toContain('docNumber');
  });
});

describe("a government page's information rows", () => {
  it('an 索引号 holding the issuer credit code 11440114007502316K: 花都区', () => {
    const lines = ['索引号：11440114007502316K/2026-00021', '分类：城乡建设', '关于推进老旧小区改造提升的实施方案', ...TASKS];
    const p = plan(lines);
    expect(p.jurisdiction).toBe('花都区');
    expect(p.jurisdictionEvidence).toEqual([{ line: 1, quote: '索引号：11440114007502316K/2026-00021', kind: 'creditCode' }]);
  });

  it('an 索引号 opening with the division code: "6107280000/2024-001005" is 镇巴县', () => {
    expect(plan(['索引号:', '6107280000/2024-001005', '关于推进老旧小区改造提升的实施方案', ...TASKS]).jurisdiction).toBe('镇巴县');
  });

  it('rows sharing a line: "发布机构：清远市人民政府办公室　文号：清府办〔2025〕4号"; the issuer comes from the row', () => {
    const p = plan(['发布机构：清远市人民政府办公室　文号：清府办〔2025〕4号　成文日期：2025-03-02', '关于推进老旧小区改造提升的实施方案', ...TASKS]);
    expect(p).toMatchObject({ jurisdiction: '清远市', issuer: '清远市人民政府办公室' });
    expect(kinds(p)).toEqual(expect.arrayContaining(['metadataRow', 'docNumber']));
  });

  it('a Markdown table of rows: "| 索引号 | 11440114007502316K/2026-00021 | 发布机构 | 广州市花都区人民政府办公室 |"', () => {
    const source: SourceText = {
      document: 'page.md',
      lines: ['| 索引号 | 11440114007502316K/2026-00021 | 发布机构 | 广州市花都区人民政府办公室 |', '|---|---|---|---|', '| 文号 | 花府办〔2026〕5号 | 成文日期 | 2026-02-26 |', '', '# 关于推进老旧小区改造提升的实施方案', '', ...TASKS.flatMap((l) => [l, ''])],
      encoding: 'utf-8',
      script: 'simplified',
    };
    const p = structure(source, normalise(source))[0];
    expect(p).toMatchObject({ jurisdiction: '花都区', issuer: '广州市花都区人民政府办公室' });
    expect(kinds(p)).toEqual(expect.arrayContaining(['metadataRow', 'creditCode', 'docNumber']));
  });

  it('spaced labels and bullets: "• 文  号: 增府办规[2020]6号", "• 发布机关: 广州市增城区人民政府办公室"', () => {
    const p = plan(['基本信息', '• 统一编号: ZC0220200006', '• 文  号: 增府办规[2020]6号', '• 发布机关: 广州市增城区人民政府办公室', '关于推进老旧小区改造提升的实施方案', ...TASKS]);
    expect(p).toMatchObject({ jurisdiction: '增城区', issuer: '广州市增城区人民政府办公室' });
    expect(kinds(p)).toEqual(expect.arrayContaining(['metadataRow', 'docNumber']));
  });

  it('a title line carrying its number: "…的通知【花府办〔2022〕6号】"', () => {
    const p = plan(['关于印发重大行政决策事项目录的通知【花府办〔2022〕6号】', '各镇（街）政府（办事处）：', ...TASKS]);
    expect(p.jurisdiction).toBe('花都区');
  });

  it('a label on its own line and its value on the next: "发文机关：" / "广州市花都区人民政府办公室"', () => {
    const p = plan(['发文机关：', '广州市花都区人民政府办公室', '关于推进老旧小区改造提升的实施方案', ...TASKS]);
    expect(p).toMatchObject({ jurisdiction: '花都区', issuer: '广州市花都区人民政府办公室' });
  });

  it('a breadcrumb "首页 > 政府信息公开 > 广州市番禺区人民政府办公室" is navigation, never evidence', () => {
    const p = plan(['首页 > 政府信息公开 > 广州市番禺区人民政府办公室 > 通知公告', '您当前所在位置：首页 > 发布机构：广州市番禺区人民政府办公室', '花都区推进老旧小区改造提升实施方案', ...TASKS]);
    expect(p.jurisdiction).toBe('花都区');
    expect(p.issuer).toBeUndefined();
    expect(p.jurisdictionEvidence!.every((e) => e.line > 3)).toBe(true);
  });
});

describe('header, notice and signature', () => {
  it('a header "广州市花都区人民政府文件"', () => {
    const p = plan(['广州市花都区人民政府文件', '关于推进老旧小区改造提升的实施方案', ...TASKS]);
    expect(p).toMatchObject({ jurisdiction: '花都区' });
    expect(p.jurisdictionEvidence![0]).toMatchObject({ line: 1, kind: 'header' });
  });

  it('a rule\'s header "广州市人民政府令 第123号"', () => {
    const p = plan(['广州市人民政府令', '第123号', '《老旧小区改造管理规定》已经市人民政府常务会议审议通过，现予公布。', ...TASKS]);
    expect(p.jurisdiction).toBe('广州市');
    expect(p.jurisdictionEvidence![0]).toMatchObject({ line: 1, kind: 'header' });
  });

  it('a signature "广州市花都区人民政府办公室" above "2026年2月26日" names the issuer too', () => {
    const lines = ['各镇人民政府、街道办事处，区政府各部门：', '现将方案印发给你们，请认真贯彻执行。', '广州市花都区人民政府办公室', '2026年2月26日', '关于推进老旧小区改造提升的实施方案', ...TASKS];
    const p = plan(lines);
    expect(p).toMatchObject({ jurisdiction: '花都区', issuer: '广州市花都区人民政府办公室' });
    expect(p.jurisdictionEvidence).toContainEqual({ line: lineOf(lines, '广州市花都区人民政府办公室'), quote: '广州市花都区人民政府办公室', kind: 'signature' });
  });

  it('a short document signed after its 40th paragraph', () => {
    const items = Array.from({ length: 42 }, (_, i) => `（${i + 1}）推进第${i + 1}项工作，完善配套设施。`);
    const p = plan(['关于推进老旧小区改造提升的实施方案', ...TASKS, ...items, '广州市花都区人民政府办公室', '2026年2月26日']);
    expect(p).toMatchObject({ jurisdiction: '花都区', issuer: '广州市花都区人民政府办公室' });
  });

  it('a signature at the end of the document, name and date on one line', () => {
    const tail = Array.from({ length: 70 }, (_, i) => `（${i + 1}）推进第${i + 1}项工作，完善配套设施。`);
    const p = plan(['关于推进老旧小区改造提升的实施方案', ...TASKS, ...tail, '汕头市澄海区人民政府　2024年6月3日']);
    expect(p).toMatchObject({ jurisdiction: '澄海区', issuer: '汕头市澄海区人民政府' });
  });

  it('a notice "广州市花都区人民政府办公室关于印发…的通知"', () => {
    const p = plan(['广州市花都区人民政府办公室关于印发花都区老旧小区改造提升实施方案的通知', '各镇人民政府：', '现将方案印发给你们。', ...TASKS]);
    expect(p.jurisdictionEvidence![0]).toMatchObject({ line: 1, kind: 'issuer' });
    expect(p.jurisdiction).toBe('花都区');
  });

  it('a title block on two lines: "怀化市人民政府办公室" over "关于印发《…》的通知"', () => {
    const p = plan(['怀化市人民政府办公室', '关于印发《促进消费恢复升级实施方案》的通知', '各县市区人民政府：', ...TASKS]);
    expect(p).toMatchObject({ jurisdiction: '怀化市', issuer: '怀化市人民政府办公室', title: '促进消费恢复升级实施方案' });
  });

  it('a joint title "中共清远市委 清远市人民政府关于…" is 清远市, never "中共清远市"', () => {
    const p = plan(['中共清远市委 清远市人民政府关于加快推进县域高质量发展的实施意见', ...TASKS]);
    expect(p).toMatchObject({ jurisdiction: '清远市', level: 'CITY', issuer: '清远市人民政府' });
    const notice = plan(['中共清远市委 清远市人民政府关于印发《清远市推进广清一体化高质量发展2022年工作要点》的通知', '清发〔2022〕6号', ...TASKS]);
    expect(notice).toMatchObject({ jurisdiction: '清远市', issuer: '清远市人民政府', title: '清远市推进广清一体化高质量发展2022年工作要点' });
  });

  it('a deadline under a body\'s name in a table ("花都区人民政府" / "2025年12月31日前") is no signature', () => {
    const tail = Array.from({ length: 70 }, (_, i) => `（${i + 1}）推进第${i + 1}项工作，完善配套设施。`);
    const p = plan(['广州市老旧小区改造提升实施方案', ...TASKS, ...tail, '花都区人民政府', '2025年12月31日前']);
    expect(p.jurisdiction).toBe('广州市');
    expect(kinds(p)).not.toContain('signature');
  });
});

describe('an issuer named relative to the plan', () => {
  it('"区府办" signed above the date under a 花府办函 number: the issuer stays as written, the plan is 花都区\'s', () => {
    const p = plan(['关于印发2025年重点工作任务分工方案的通知', '花府办函〔2025〕8号', '各镇人民政府、街道办事处：', '现将方案印发给你们。', '区府办', '2025年3月6日', ...TASKS]);
    expect(p).toMatchObject({ jurisdiction: '花都区', issuer: '区府办', title: '2025年重点工作任务分工方案' });
  });

  it('"发布机构：市政府办公室" on a 江门市 plan, "发布机构：县人民政府" on a 泾县 one', () => {
    expect(plan(['发布机构：市政府办公室', '江门市推进港口物流高质量发展工作方案', ...TASKS])).toMatchObject({ jurisdiction: '江门市', issuer: '市政府办公室' });
    expect(plan(['发布机构：县人民政府', '泾县推进老旧小区改造提升实施方案', ...TASKS])).toMatchObject({ jurisdiction: '泾县', issuer: '县人民政府' });
  });
});

describe('names two divisions share', () => {
  it('"白云区…" alone is 广州市白云区 (the home province\'s); signed "贵阳市白云区人民政府" it is Guiyang\'s', () => {
    expect(plan(['白云区推进老旧小区改造提升实施方案', ...TASKS]).jurisdictionCode).toBe('440111');
    const p = plan(['白云区推进老旧小区改造提升实施方案', '贵阳市白云区人民政府', '2024年5月8日', ...TASKS]);
    expect(p.jurisdictionCode).toBe('520113');
  });

  it('"鼓楼区…" alone could be any of four: no jurisdiction', () => {
    expect(plan(['鼓楼区推进老旧小区改造提升实施方案', ...TASKS]).jurisdiction).toBeUndefined();
  });
});

describe('layouts of headers and signatures', () => {
  it('a spaced-out header "广 州 市 花 都 区 人 民 政 府 文 件"', () => {
    expect(plan(['广 州 市 花 都 区 人 民 政 府 文 件', '关于推进老旧小区改造提升的实施方案', ...TASKS]).jurisdiction).toBe('花都区');
  });

  it('a date in Chinese numerals with a note: "二〇二六年二月二十六日（此件公开发布）"', () => {
    const p = plan(['各镇人民政府：', '现将方案印发给你们。', '英德市人民政府办公室', '二〇二六年二月二十六日（此件公开发布）', '关于推进老旧小区改造提升的实施方案', ...TASKS]);
    expect(p).toMatchObject({ jurisdiction: '英德市', level: 'DISTRICT', issuer: '英德市人民政府办公室' });
    expect(kinds(p)).toEqual(['signature']);
  });

  it('the closing line "广州市花都区人民政府办公室　　2026年2月26日印发"', () => {
    const tail = Array.from({ length: 70 }, (_, i) => `（${i + 1}）推进第${i + 1}项工作，完善配套设施。`);
    const p = plan(['关于推进老旧小区改造提升的实施方案', ...TASKS, ...tail, '广州市花都区人民政府办公室　　2026年2月26日印发']);
    expect(p.jurisdiction).toBe('花都区');
  });

  it('a 统一社会信用代码 row', () => {
    expect(plan(['统一社会信用代码：11440114007502316K', '关于推进老旧小区改造提升的实施方案', ...TASKS]).jurisdiction).toBe('花都区');
  });
});

describe('titles and headlines', () => {
  it('"广东省推进城市更新行动方案" is 广东省: 推进城市 is no division', () => {
    const p = plan(['广东省推进城市更新行动方案', ...TASKS]);
    expect(p).toMatchObject({ jurisdiction: '广东省', level: 'PROVINCE' });
  });

  it('a news headline "广东《政府工作报告》重点工作部门分工确定" is 广东省', () => {
    const r = resolveJurisdiction({ paragraphs: [], title: '广东《政府工作报告》重点工作部门分工确定', line: 3 });
    expect(r).toMatchObject({ name: '广东省', level: 'PROVINCE', evidence: [{ line: 3, kind: 'title', quote: '广东《政府工作报告》重点工作部门分工确定' }] });
  });

  it("a news page's first line is its headline: \"广东《政府工作报告》重点工作部门分工确定\" above a report naming 《…分工方案》", () => {
    const lines = ['广东《政府工作报告》重点工作部门分工确定', '2013-02-27 08:35　来源：南粤新闻网', '记者昨日从省政府办公厅获悉，省政府已印发《2013年重点工作部门分工方案》，明确了牵头单位。'];
    const p = plan(lines);
    expect(p.jurisdiction).toBe('广东省');
    expect(p.jurisdictionEvidence).toEqual([{ line: 1, quote: lines[0], kind: 'title' }]);
  });

  it('"附件：2025年重点工作任务分工方案" gives the title without 附件', () => {
    expect(plan(['附件：2025年重点工作任务分工方案', ...TASKS]).title).toBe('2025年重点工作任务分工方案');
  });

  it('"2024年花都区政府工作报告重点任务分工方案": the division after the year', () => {
    expect(plan(['2024年花都区政府工作报告重点任务分工方案', ...TASKS]).jurisdiction).toBe('花都区');
  });

  it('"上海市人民政府印发《…》的通知" under "沪府发〔2017〕92号"', () => {
    const p = plan(['沪府发〔2017〕92号', '上海市人民政府印发《关于本市加强营商环境建设的实施意见》的通知', '各区人民政府：', ...TASKS]);
    expect(p.jurisdiction).toBe('上海市');
    expect(kinds(p)).toEqual(expect.arrayContaining(['issuer', 'docNumber']));
  });

  it('"美丽广州建设规划纲要" starts with no division', () => {
    expect(plan(['美丽广州建设规划纲要', ...TASKS]).jurisdiction).toBeUndefined();
  });
});

describe('the body', () => {
  it('"我区" and "全区" beside 花都区 when nothing else says', () => {
    const lines = ['老旧小区改造提升实施方案', '近年来，花都区持续推进老旧小区改造，全区累计完成改造小区120个。', '我区将继续完善配套设施，花都区各镇街同步推进。', ...TASKS];
    const p = plan(lines);
    expect(p.jurisdiction).toBe('花都区');
    expect(p.jurisdictionEvidence).toEqual([expect.objectContaining({ kind: 'body', line: lineOf(lines, '近年来，花都区持续推进老旧小区改造，全区累计完成改造小区120个。') })]);
  });

  it('"示范县" in the body is no 范县', () => {
    const p = plan(['垃圾分类工作方案', '全县被列入农村生活垃圾分类示范县，全县推进资源化利用示范县建设。', '全县各镇同步推进示范县创建。', ...TASKS]);
    expect(p.jurisdiction).toBeUndefined();
  });

  it('a report naming one city once, its words 全市: "研究部署阳江市2024年海上风电…" / "今年全市新增…"', () => {
    const p = plan(['市政府常务会议研究部署海上风电产业集群建设', '3月13日，市政府常务会议研究部署阳江市2024年海上风电产业集群建设工作。', '会议明确，今年全市新增海上风电并网装机容量200万千瓦，全市产值突破600亿元。']);
    expect(p.jurisdiction).toBe('阳江市');
  });

  it('a city plan naming a district beside 全区 stays the city\'s', () => {
    const p = plan(['广州市老旧小区改造提升实施方案', '花都区全区推进试点，番禺区全区跟进。', ...TASKS]);
    expect(p.jurisdiction).toBe('广州市');
  });
});

describe('the level when no division can be named', () => {
  it('"区府办" over the date, nothing naming the district: a district\'s plan of unknown name', () => {
    const p = plan(['关于印发2025年重点工作任务分工方案的通知', '各镇人民政府、街道办事处：', '现将方案印发给你们。', '区府办', '2025年3月6日', ...TASKS]);
    expect(p).toMatchObject({ jurisdiction: undefined, level: 'DISTRICT', jurisdictionEvidence: [] });
  });

  it('an addressee "各镇人民政府、街道办事处，区政府各部门、各直属机构：": a district\'s', () => {
    const p = plan(['关于印发2025年重点工作任务分工方案的通知', '各镇人民政府、街道办事处，区政府各部门、各直属机构：', '现将方案印发给你们。', ...TASKS]);
    expect(p).toMatchObject({ jurisdiction: undefined, level: 'DISTRICT' });
  });

  it('"全市" in the body, no name: a city\'s', () => {
    const p = plan(['老旧小区改造提升实施方案', '全市共有老旧小区300个，我市将分三年完成改造。', '全市各区同步推进。', ...TASKS]);
    expect(p).toMatchObject({ jurisdiction: undefined, level: 'CITY' });
  });
});

describe('conflicts', () => {
  it('explicit clues beat the title: signature and number say 花都区, the title says 番禺区', () => {
    const p = plan(['花府办〔2026〕5号', '广州市花都区人民政府办公室', '2026年2月26日', '番禺区老旧小区改造经验推广方案', ...TASKS]);
    expect(p.jurisdiction).toBe('花都区');
    expect(kinds(p)).not.toContain('title');
  });

  it('within the explicit clues the stronger wins: a header over a number, a number over a credit code', () => {
    expect(plan(['广州市花都区人民政府文件', '番府〔2024〕2号', '关于推进老旧小区改造提升的实施方案', ...TASKS]).jurisdiction).toBe('花都区');
    expect(plan(['索引号：11440113007502316K/2024-00031', '花府〔2024〕2号', '关于推进老旧小区改造提升的实施方案', ...TASKS]).jurisdiction).toBe('花都区');
  });

  it('agreeing clues refine: a 穗府办 number and a "广州市花都区…" title give 花都区', () => {
    expect(plan(['穗府办〔2024〕3号', '广州市花都区老旧小区改造提升实施方案', ...TASKS]).jurisdiction).toBe('花都区');
  });

  it('a credit code registered in 越秀区 does not make a 广州市人民政府办公厅 signature a district\'s', () => {
    const p = plan(['索引号：11440104007502316K/2024-00007', '广州市人民政府办公厅', '2024年3月1日', '关于推进老旧小区改造提升的实施方案', ...TASKS]);
    expect(p.jurisdiction).toBe('广州市');
  });

  it("a district site reposting the city's notice: 发布机构 and 索引号 say 花都区, the notice, number and signature 广州市", () => {
    const p = plan([
      '索引号：11440114007502316K/2024-00031',
      '发布机构：广州市花都区人民政府办公室',
      '广州市人民政府办公厅关于印发广州市老旧小区改造提升实施方案的通知',
      '穗府办〔2024〕3号',
      '各区人民政府，市政府各部门：',
      '现将方案印发给你们。',
      '广州市人民政府办公厅',
      '2024年2月1日',
      ...TASKS,
    ]);
    expect(p).toMatchObject({ jurisdiction: '广州市', issuer: '广州市人民政府办公厅' });
    expect(kinds(p)).toEqual(['issuer', 'signature', 'docNumber', 'title']);
  });

  it('a manifest naming a shared name ("白云区") takes the namesake the text agrees with', () => {
    const signed = ['白云区推进老旧小区改造提升实施方案', '贵阳市白云区人民政府', '2024年5月8日', ...TASKS];
    expect(plan(signed, { manifest: { file: 'doc.txt', jurisdiction: '白云区' } }).jurisdictionCode).toBe('520113');
    expect(plan(['老旧小区改造提升实施方案', ...TASKS], { manifest: { file: 'doc.txt', jurisdiction: '白云区' } }).jurisdictionCode).toBe('440111');
  });

  it('a manifest overrides the text, and the agreeing text is still cited after it', () => {
    const lines = ['广州市花都区老旧小区改造提升实施方案', ...TASKS];
    const p = plan(lines, { manifest: { file: 'doc.txt', jurisdiction: '广州市' } });
    expect(p).toMatchObject({ jurisdiction: '广州市', level: 'CITY' });
    expect(p.jurisdictionEvidence).toEqual([
      { line: 0, quote: 'manifest: 广州市', kind: 'manifest' },
      { line: 1, quote: '广州市花都区老旧小区改造提升实施方案', kind: 'title' },
    ]);
  });
});

describe('a Traditional copy', () => {
  it('"花府辦〔2026〕5號" and "廣州市花都區人民政府辦公室關於印發…的通知": 花都区, quotes verbatim', () => {
    const lines = ['廣州市花都區人民政府辦公室關於印發花都區老舊小區改造提升實施方案的通知', '花府辦〔2026〕5號', '一、總體要求', '推進老舊小區改造，完善配套設施。'];
    const p = plan(lines, { script: 'traditional' });
    expect(p).toMatchObject({ jurisdiction: '花都区', issuer: '广州市花都区人民政府办公室' });
    expect(p.jurisdictionEvidence).toEqual(expect.arrayContaining([
      { line: 1, quote: lines[0], kind: 'issuer' },
      { line: 3, quote: '花府辦〔2026〕5號', kind: 'docNumber' },
    ]));
  });
});
