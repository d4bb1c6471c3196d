/**
 * Structure of documents in layouts the seeds do not have (tests/fixtures/unseen): a GBK city plan
 * with "责任单位：" lines, a Hunan plan in Markdown with a pipe table, a government web page with
 * site furniture and a rowspan table, PDF text with running headers and 第X页 共Y页 footers, a Word
 * file with heading styles and merged cells, a Big5 Traditional-Chinese plan. read → normalise →
 * structure, asserted against the fixtures' own text and lines.
 */
import { describe, expect, it } from 'vitest';
import { allTasks as flat } from '../support/extract-context.ts';
import { join } from 'node:path';
import type { PlanDraft, SourceText, TaskDraft } from '../../loaders/model.ts';
import { readDocument } from '../../loaders/read/index.ts';
import { normalise } from '../../loaders/normalise/index.ts';
import { structure } from '../../loaders/structure/index.ts';
import { extractFile } from '../../load/extract.ts';

const unseen = new URL('../fixtures/unseen/', import.meta.url).pathname;
async function load(file: string): Promise<{ plan: PlanDraft; all: TaskDraft[]; source: SourceText }> {
  const source = await readDocument(join(unseen, file));
  const [plan] = structure(source, normalise(source));
  return { plan, all: flat(plan.tasks), source };
}
const outline = (all: TaskDraft[]) => all.map((t) => `${t.ref} ${t.title} @${t.evidence.line}`);

describe('惠州市 city plan (GBK, CRLF, "1." points with 责任单位 lines)', async () => {
  const { plan, all, source } = await load('huizhou-petrochemical-materials-2024-2026.txt');
  it('decodes GBK and reads the notice', () => {
    expect(source.encoding).toBe('gb18030');
    expect(plan).toMatchObject({
      title: '惠州市推动石化能源新材料产业高质量发展实施方案（2024—2026年）',
      issuer: '惠州市人民政府办公室',
      jurisdiction: '惠州市',
      level: 'CITY',
      periodStart: 2024,
      periodEnd: 2026,
      evidence: { line: 12 },
    });
  });
  it('nests 一、 > （一） > 1. with each 责任单位 line under its point', () => {
    expect(outline(all)).toEqual([
      '一 总体要求 @16',
      '二 重点任务 @20',
      '二(一) 做强做优石化产业链 @22',
      '二(一)1 推进大亚湾石化区扩能升级 @24',
      '二(一)2 建设惠东稔平半岛能源科技岛 @27',
      '二(一)3 发展化工新材料和精细化工 @30',
      '二(二) 提升产业创新能力 @33',
      '二(二)1 建设石化新材料创新平台 @35',
      '二(二)2 推动企业数字化绿色化转型 @37',
      '二(三) 强化园区承载能力 @40',
      '二(三)1 完善大亚湾石化区公共配套 @42',
      '二(三)2 优化仲恺高新区新材料产业布局 @45',
      '三 保障措施 @48',
      '三(一) 加强统筹协调 @50',
      '三(二) 强化要素保障 @53',
      '三(三) 加强人才支撑 @56',
    ]);
    const point = all.find((t) => t.ref === '二(一)1')!;
    expect(point.paragraphs.map((p) => [p.line, p.original])).toEqual([
      [24, '1.推进大亚湾石化区扩能升级。加快中海壳牌惠州三期乙烯项目、埃克森美孚惠州化工综合体二期项目建设，推动炼化一体化向“油头化尾”延伸，打造世界级石化产业基地。'],
      [25, '责任单位：市发展改革局、市工业和信息化局，大亚湾开发区管委会'],
    ]);
    expect(all.find((t) => t.ref === '二(二)1')!.text).toContain('（市科技局牵头，市教育局、市财政局配合）');
  });
  it('keeps the addressee line apart and the closing "公开方式" out of the last task', () => {
    expect(plan.looseParagraphs.map((p) => p.text)).toContain('各县、区人民政府（管委会），市直和驻惠各有关单位：');
    expect(plan.looseParagraphs.map((p) => p.text)).toContain('公开方式：主动公开');
    expect(all.find((t) => t.ref === '三(三)')!.text).not.toContain('公开方式');
  });
});

describe('株洲市 plan (湖南省; Markdown headings, bold lead phrases, pipe table annex)', async () => {
  const { plan, all } = await load('zhuzhou-urban-renewal-2024-2026.md');
  it('reads the title heading and "发布单位：" as issuer', () => {
    expect(plan).toMatchObject({ title: '株洲市城市更新三年行动实施方案（2024—2026年）', issuer: '株洲市人民政府办公室', jurisdiction: '株洲市', level: 'CITY', periodStart: 2024, periodEnd: 2026 });
    // a blank line ends a Markdown paragraph: the 发布单位 line is not glued to the preface
    expect(plan.looseParagraphs.map((p) => p.line)).toEqual([1, 3, 5]);
  });
  it('nests ## 第一章 > ### 第一节 > **lead phrase.**', () => {
    expect(outline(all.filter((t) => t.kind !== 'annexItem'))).toEqual([
      '第一章 总体要求 @7',
      '第一章第一节 指导思想 @9',
      '第一章第二节 工作目标 @13',
      '第二章 重点任务 @17',
      '第二章第一节 推进老旧小区和完整社区建设 @19',
      '第二章第一节-1 推进完整社区建设 @21',
      '第二章第一节-2 加快城镇老旧小区改造 @23',
      '第二章第二节 完善城市基础设施 @25',
      '第二章第二节-1 实施地下管网更新改造 @27',
      '第二章第二节-2 推进城市交通微循环改造 @29',
      '第二章第三节 保护传承历史文化 @31',
      '第二章第三节-1 活化利用工业遗产 @33',
      '第三章 保障措施 @35',
      '第三章第一节 加强组织领导 @37',
      '第三章第二节 强化资金保障 @41',
      '附件 重点任务分工表 @45',
    ]);
  });
  it('reads "| 1 | 推进完整社区建设 | 市住房城乡建设局 | … |" rows as annex items, one task with the lead phrases', () => {
    const annex = all.find((t) => t.kind === 'annex')!;
    expect(annex.children.map((t) => [t.ref, t.title, t.sameAs, t.evidence.line])).toEqual([
      ['附件1', '推进完整社区建设', '第二章第一节-1', 49],
      ['附件2', '加快城镇老旧小区改造', '第二章第一节-2', 50],
      ['附件3', '实施地下管网更新改造', '第二章第二节-1', 51],
      ['附件4', '推进城市交通微循环改造', '第二章第二节-2', 52],
      ['附件5', '活化利用工业遗产', '第二章第三节-1', 53],
    ]);
    const row = annex.children[0].paragraphs[0];
    expect(row.kind).toBe('table-cell');
    expect(row.text.split('\t').map((c) => c.trim())).toEqual(['1', '推进完整社区建设', '市住房城乡建设局', '市民政局、市卫生健康委，荷塘区、芦淞区人民政府', '2026年底']);
    expect(row.original).toBe('1 | 推进完整社区建设 | 市住房城乡建设局 | 市民政局、市卫生健康委，荷塘区、芦淞区人民政府 | 2026年底');
  });
});

describe('东莞市 government web page (政府信息公开 layout)', async () => {
  const { plan, all, source } = await load('dongguan-manufacturing-digital-2024-2026.html');
  it('places each block at its line in the HTML file', () => {
    expect(source.lines[24]).toBe('东莞市人民政府办公室关于印发《东莞市推进制造业数字化转型实施方案（2024—2026年）》的通知'); // <h2> on line 25
    expect(plan).toMatchObject({ title: '东莞市推进制造业数字化转型实施方案（2024—2026年）', issuer: '东莞市人民政府办公室', jurisdiction: '东莞市', evidence: { line: 33 } });
  });
  it('reads <p><strong>（一）…</strong> headings and leaves nav, share, related files and footer out', () => {
    expect(outline(all)).toEqual([
      '一 工作目标 @35',
      '二 重点任务 @37',
      '二(一) 分行业推进数字化转型 @38',
      '二(二) 建设工业互联网平台体系 @39',
      '二(三) 夯实数字基础设施 @40',
      '二(四) 强化数字化转型服务供给 @41',
      '三 保障措施 @42',
      '三(一) 加强组织领导 @43',
      '三(二) 加大资金支持 @44',
      '附件 东莞市推进制造业数字化转型重点任务分工表 @45',
      '附件1 分行业推进数字化转型 @57',
      '附件2 建设工业互联网平台体系 @65',
      '附件3 夯实数字基础设施 @72',
      '附件4 强化数字化转型服务供给 @80',
    ]);
    const text = source.lines.join('\n');
    for (const chrome of ['首页', '分享到', '打印本页', '相关文件', '网站标识码', '粤ICP备']) expect(text).not.toContain(chrome);
  });
  it('keeps the columns of rows under a rowspan cell aligned, so the task column is read', () => {
    const annex = all.find((t) => t.kind === 'annex')!;
    expect(annex.children.map((t) => t.sameAs)).toEqual(['二(一)', '二(二)', '二(三)', '二(四)']);
    expect(annex.children[1].paragraphs[0].text).toBe('2\t\t建设工业互联网平台体系\t市工业和信息化局\t松山湖管委会、市政务服务数据管理局\t2025年12月');
  });
});

describe('江门市新会区 plan as PDF text (hard wraps, running headers, 第X页 共Y页, footnotes)', async () => {
  const { plan, all } = await load('xinhui-water-environment-2024-2030.txt');
  it('reads the cover title over two lines and skips the contents', () => {
    expect(plan).toMatchObject({ title: '江门市新会区水环境综合治理规划（2024—2030年）', issuer: '江门市新会区人民政府', jurisdiction: '新会区', periodStart: 2024, periodEnd: 2030 });
    expect(all.filter((t) => t.kind === 'chapter').map((t) => t.evidence.line)).toEqual([18, 28, 43, 82]);
  });
  it('drops the running header and page footer and joins the sentence they interrupt', () => {
    const goals = all.find((t) => t.ref === '第二章第二节')!;
    expect(goals.paragraphs[1].text).toBe('到2027年，全区地表水国考、省考断面水质优良比例达到100%，农村生活污水治理率达到85%以上；到2030年，全区水生态系统基本恢复，城市生活污水集中收集率达到75%以上。');
    expect(goals.paragraphs[1].segments.map((s) => s.line)).toEqual([33, 41, 42]);
    const item = all.find((t) => t.ref === '第三章第三节二')!;
    expect(item.text).toBe('二、开展农村黑臭水体治理。实施三江镇、睦洲镇、大鳌镇农村黑臭水体整治，建立“河长+村长”长效管护机制②。');
    for (const t of all) expect(t.text).not.toMatch(/第 \d+ 页|江门市新会区水环境综合治理规划（2024—2030年）/);
  });
  it('splits the footnotes "① 银洲湖：…" and "② 河长+村长：…" off', () => {
    expect(plan.footnotes.map((f) => [f.marker, f.line, f.text])).toEqual([
      ['①', 35, '银洲湖：潭江下游河段，北起三江镇，南至崖门口，全长约35公里。'],
      ['②', 88, '河长+村长：由镇级河长和村委会主任共同负责村内河涌的日常巡查和管护。'],
    ]);
  });
  it('builds chapters, sections, items, lead phrases and the 专栏 list', () => {
    expect(outline(all.filter((t) => t.ref.startsWith('第三章')))).toEqual([
      '第三章 主要任务 @43',
      '第三章第一节 系统治理潭江干流 @44',
      '第三章第一节一 强化工业污染源管控 @45',
      '第三章第一节二 推进城镇污水处理提质增效 @50',
      '第三章第二节 修复银洲湖生态 @63',
      '第三章第二节-1 加强滨水生态修复 @64',
      '第三章第二节-2 推进岸线综合整治 @67',
      '第三章第三节 整治农村水环境 @70',
      '第三章第三节一 补齐农村生活污水治理短板 @71',
      '第三章第三节二 开展农村黑臭水体治理 @76',
    ]);
    const box = all.find((t) => t.kind === 'box')!;
    expect(box.title).toBe('潭江干流治理重点工程');
    expect(box.children.map((t) => [t.title, t.evidence.line])).toEqual([
      ['会城街道污水处理厂三期扩建工程', 56],
      ['大泽镇工业园区污水集中处理设施', 61],
      ['潭江新会段碧道建设工程', 62],
    ]);
    // "（江门市生态环境局新会分局牵头，…按职责分工负责）" wrapped over two lines stays with its item
    expect(all.find((t) => t.ref === '第三章第一节一')!.paragraphs[1].text).toBe('（江门市生态环境局新会分局牵头，区工业和信息化局、区住房城乡建设局按职责分工负责）');
  });
});

describe('汕头市澄海区 Word document (heading styles, merged category cells)', async () => {
  const { plan, all, source } = await load('chenghai-toy-industry-2024-2026.docx');
  it('numbers lines by Word paragraph and table row', () => {
    expect(source.lines[6]).toBe('澄海区推动玩具创意产业高质量发展行动方案（2024—2026年）');
    expect(plan).toMatchObject({ title: '澄海区推动玩具创意产业高质量发展行动方案（2024—2026年）', issuer: '汕头市澄海区人民政府办公室', jurisdiction: '澄海区', evidence: { line: 7 } });
    expect(source.lines).not.toContain('澄海区人民政府办公室文件'); // the page header
  });
  it('reads heading paragraphs, bold lead phrases and the allocation table under merged cells', () => {
    expect(outline(all)).toEqual([
      '一 发展目标 @9',
      '二 重点任务 @11',
      '二(一) 提升原创设计能力 @12',
      '二(一)-1 建设玩具设计创新平台 @13',
      '二(一)-2 强化知识产权保护 @14',
      '二(二) 推动产业智能化升级 @15',
      '二(二)-1 推进企业智能化改造 @16',
      '二(二)-2 发展智能玩具新品类 @17',
      '二(三) 拓展国内外市场 @18',
      '二(三)-1 建设玩具跨境电商基地 @19',
      '三 保障措施 @20',
      '附件 澄海区推动玩具创意产业高质量发展重点任务分工表 @22',
      '附件1 建设玩具设计创新平台 @24',
      '附件2 强化知识产权保护 @25',
      '附件3 推进企业智能化改造 @26',
      '附件4 发展智能玩具新品类 @27',
      '附件5 建设玩具跨境电商基地 @28',
    ]);
    expect(source.lines[24]).toBe('2\t\t强化知识产权保护\t区市场监督管理局\t区工业和信息化局、凤翔街道办事处');
    expect(all.filter((t) => t.kind === 'annexItem').map((t) => t.sameAs)).toEqual(['二(一)-1', '二(一)-2', '二(二)-1', '二(二)-2', '二(三)-1']);
  });
});

describe('横琴粤澳深度合作区 plan (Big5, Traditional)', async () => {
  const { plan, all, source } = await load('hengqin-culture-tourism-trade-2024-2026.txt');
  it('decodes Big5 and structures on the Simplified copy, titles verbatim', () => {
    expect(source).toMatchObject({ encoding: 'big5', script: 'traditional' });
    expect(plan).toMatchObject({ title: '橫琴粵澳深度合作區促進文旅會展商貿產業發展實施方案（2024—2026年）', issuer: '横琴粤澳深度合作区执行委员会', periodStart: 2024, periodEnd: 2026 });
    expect(outline(all)).toEqual([
      '一 發展目標 @16',
      '二 重點任務 @20',
      '二(一) 打造休閒旅遊目的地 @22',
      '二(一)1 建設國際休閒旅遊島 @24',
      '二(一)2 推動琴澳旅遊一體化 @27',
      '二(二) 發展會議展覽產業 @30',
      '二(二)1 培育品牌展會 @32',
      '二(三) 促進商貿消費 @35',
      '二(三)1 建設跨境消費集聚區 @37',
      '三 保障措施 @40',
      '三(一) 強化資金支持 @42',
    ]);
    expect(all.find((t) => t.ref === '二(一)1')!.paragraphs[1].original).toBe('　　牽頭單位：經濟發展局；配合單位：城市規劃和建設局、商事服務局'.trim());
  });
});

describe('plangraph extract over the unseen fixtures', () => {
  it('gives every task PART_OF its parent or plan, with the line and quote of its heading', async () => {
    const g = await extractFile(join(unseen, 'xinhui-water-environment-2024-2030.txt'), { extractors: {}, resolvers: {} });
    const task = g.nodes.find((n) => n.id === 'plan:xinhui-water-environment-2024-2030/专栏1.3')!;
    expect(task.properties).toMatchObject({ title: '潭江新会段碧道建设工程', line: 62, quote: '3．潭江新会段碧道建设工程，建设碧道45公里。' });
    const partOf = g.relationships.find((r) => r.type === 'PART_OF' && r.start === task.id)!;
    expect(partOf.end).toBe('plan:xinhui-water-environment-2024-2030/专栏1');
    const top = g.relationships.filter((r) => r.type === 'PART_OF' && r.end === 'plan:xinhui-water-environment-2024-2030').map((r) => r.start);
    expect(top).toEqual(['第一章', '第二章', '第三章', '第四章'].map((c) => `plan:xinhui-water-environment-2024-2030/${c}`));
  });
});

describe('韶关市浈江区 plan as a real PDF (running header on every page, "— N —" footers, CID font)', async () => {
  const { plan, all, source } = await load('zhenjiang-typical-towns-2024-2027.pdf');
  it('extracts the text with a form feed between pages and drops the header of every page, the first included', () => {
    expect(source.encoding).toBe('pdf');
    expect(source.lines.filter((l) => l === '浈江区“百千万工程”典型镇建设实施方案')).toHaveLength(3);
    expect(source.lines.filter((l) => l === '\f')).toHaveLength(2);
    expect(plan).toMatchObject({ title: '韶关市浈江区“百千万工程”典型镇建设实施方案（2024—2027年）', jurisdiction: '浈江区', level: 'DISTRICT', periodStart: 2024, periodEnd: 2027, evidence: { line: 2 } });
    expect([...plan.looseParagraphs, ...plan.footnotes, ...all.flatMap((t) => t.paragraphs)].some((p) => p.text.includes('典型镇建设实施方案—') || p.text === '浈江区“百千万工程”典型镇建设实施方案')).toBe(false);
  });
  it('joins a task cut by the page break, past the footer, the page number and the next header', () => {
    expect(outline(all)).toEqual([
      '一 工作目标 @6',
      '二 重点任务 @9',
      '二(一) 提升镇区综合承载能力 @10',
      '二(一)1 完善镇区基础设施 @11',
      '二(一)2 提升公共服务水平 @18',
      '二(二) 壮大镇域特色产业 @21',
      '二(二)1 发展现代农业产业园 @22',
      '二(二)2 培育文旅融合业态 @26',
      '三 保障措施 @34',
    ]);
    const first = all.find((t) => t.ref === '二(一)1')!;
    expect(first.text).toBe('1．完善镇区基础设施。推进犁市镇镇区雨污分流改造，建设花坪镇圩镇综合停车场，2025年底前完成镇区道路“白改黑”20公里。（区住房城乡建设局牵头，区交通运输局、犁市镇、花坪镇配合）');
    expect(first.paragraphs[0].segments.map((s) => s.line)).toEqual([11, 12, 16, 17]); // "…“白改黑”20" | — 1 — | header | "公里。…"
    expect(plan.footnotes.map((f) => [f.marker, f.line])).toEqual([['①', 27]]);
    expect(all.find((t) => t.ref === '二(二)2')!.text).toBe('2．培育文旅融合业态。依托十里亭镇、新韶镇乡村旅游资源，打造浈江乡村旅游精品线路3条。（区文化广电旅游体育局牵头，区农业农村局配合）');
  });
});
