/**
 * The provincial plan's annex 重点任务部门分工方案, every item: who leads and who supports, checked by hand
 * against the text. Runs on the real seed file through read → normalise; each paragraph stands as a task so the
 * test depends only on the bodies extractor (the pipeline test below covers the structured plan).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBodies } from '../../loaders/bodies/index.ts';
import type { ExtractContext, Paragraph, PlanDraft, SourceText, TaskDraft } from '../../loaders/model.ts';
import { normalise } from '../../loaders/normalise/index.ts';
import { resolveDivision } from '../../loaders/gazetteer/divisions.ts';
import { readDocument } from '../../loaders/read/index.ts';

const FILE = 'seeds/guangdong-new-urbanisation-plan-2021-2035.txt';

function contextFor(source: SourceText, paragraphs: Paragraph[], jurisdiction: string): ExtractContext {
  const tasks: TaskDraft[] = paragraphs.map((p, i) => ({
    kind: 'point',
    ref: `p${i}@${p.line}`,
    title: p.text.slice(0, 20),
    text: p.text,
    paragraphs: [p],
    evidence: { document: source.document, line: p.line, quote: p.text.slice(0, 60) },
    children: [],
  }));
  const plan: PlanDraft = { key: '', title: '', kind: 'plan', jurisdiction, evidence: tasks[0].evidence, tasks, looseParagraphs: [], footnotes: [] };
  return { source, plan, planId: 'plan:test', taskId: (ref) => `task:${ref}`, jurisdiction: resolveDivision(jurisdiction) };
}

// Short names for the expected table; each maps to the canonical full name.
const D: Record<string, string> = {
  公安厅: '广东省公安厅', 发改委: '广东省发展和改革委员会', 编办: '中共广东省委机构编制委员会办公室', 教育厅: '广东省教育厅',
  财政厅: '广东省财政厅', 人社厅: '广东省人力资源和社会保障厅', 住建厅: '广东省住房和城乡建设厅', 卫健委: '广东省卫生健康委员会',
  医保局: '广东省医疗保障局', 农业农村厅: '广东省农业农村厅', 自然资源厅: '广东省自然资源厅', 科技厅: '广东省科学技术厅',
  工信厅: '广东省工业和信息化厅', 生态环境厅: '广东省生态环境厅', 交通运输厅: '广东省交通运输厅', 文旅厅: '广东省文化和旅游厅',
  体育局: '广东省体育局', 水利厅: '广东省水利厅', 商务厅: '广东省商务厅', 民政厅: '广东省民政厅', 港澳办: '广东省人民政府港澳事务办公室',
  政法委: '中共广东省委政法委员会', 组织部: '中共广东省委组织部', 政数局: '广东省政务服务数据管理局', 通信管理局: '广东省通信管理局',
  能源局: '广东省能源局', 宣传部: '中共广东省委宣传部', 应急管理厅: '广东省应急管理厅', 粮食和储备局: '广东省粮食和物资储备局',
  司法厅: '广东省司法厅', 市场监管局: '广东省市场监督管理局', 信访局: '广东省信访局', 审计厅: '广东省审计厅',
  国资委: '广东省人民政府国有资产监督管理委员会', 金融监管局: '广东省地方金融监督管理局', 税务局: '国家税务总局广东省税务局',
  工商联: '广东省工商业联合会', 团省委: '共青团广东省委员会', 人行: '中国人民银行广州分行', 银保监局: '中国银行保险监督管理委员会广东监管局',
  证监局: '中国证券监督管理委员会广东监管局', 网信办: '中共广东省委网络安全和信息化委员会办公室', 乡村振兴局: '广东省乡村振兴局',
  统计局: '广东省统计局',
};
const city = (n: string) => `${n}市人民政府`;

/** line → [leads, supports], in the short names above (cities: 广州 → 广州市人民政府). */
const ANNEX: [number, string, string][] = [
  [860, '公安厅', '发改委'],
  [864, '', '编办 发改委 教育厅 财政厅 人社厅 住建厅 卫健委 医保局'],
  [868, '', '教育厅 人社厅 农业农村厅'],
  [874, '', '财政厅 自然资源厅 农业农村厅'],
  [880, '发改委', '教育厅 科技厅 工信厅 人社厅 自然资源厅 生态环境厅 住建厅 交通运输厅 文旅厅 卫健委 体育局'],
  [884, '@广州 @佛山 @肇庆 @清远', '@云浮 @韶关 发改委 教育厅 工信厅 人社厅 生态环境厅 交通运输厅 水利厅 卫健委'],
  [888, '@深圳 @东莞 @惠州', '@河源 @汕尾 发改委 教育厅 科技厅 工信厅 人社厅 生态环境厅 交通运输厅 水利厅'],
  [890, '@珠海 @中山 @江门 @阳江', '发改委 教育厅 工信厅 人社厅 自然资源厅 生态环境厅 交通运输厅 水利厅 文旅厅 卫健委'],
  [892, '@汕头 @潮州 @揭阳', '@梅州 发改委 教育厅 工信厅 自然资源厅 生态环境厅 交通运输厅 水利厅 商务厅'],
  [896, '@湛江 @茂名', '发改委 工信厅 自然资源厅 生态环境厅 交通运输厅 水利厅 卫健委'],
  [898, '发改委', '教育厅 科技厅 工信厅 人社厅 自然资源厅 生态环境厅 住建厅 交通运输厅 水利厅 商务厅 文旅厅 卫健委 体育局'],
  [904, '@深圳', '发改委 教育厅 科技厅 工信厅 民政厅 人社厅 自然资源厅 生态环境厅 住建厅 交通运输厅 卫健委 体育局 医保局'],
  [906, '@广州', '发改委 教育厅 科技厅 工信厅 自然资源厅 生态环境厅 住建厅 交通运输厅 商务厅 文旅厅 卫健委'],
  [908, '@珠海 @汕头 @湛江', '发改委 教育厅 工信厅 自然资源厅 商务厅 文旅厅 卫健委 港澳办'],
  [910, '@佛山 @东莞', '政法委 发改委 科技厅 工信厅 自然资源厅 住建厅'],
  [914, '发改委', '教育厅 科技厅 工信厅 住建厅 交通运输厅 商务厅 文旅厅 卫健委'],
  [920, '发改委', '教育厅 工信厅 民政厅 人社厅 自然资源厅 住建厅 交通运输厅 农业农村厅 文旅厅 卫健委 体育局'],
  [926, '住建厅 发改委 自然资源厅', '教育厅 民政厅 人社厅 交通运输厅 卫健委 体育局'],
  [930, '组织部 科技厅 工信厅', '发改委 人社厅 自然资源厅 住建厅'],
  [934, '工信厅 政数局 通信管理局', '发改委 教育厅 科技厅 住建厅 交通运输厅 卫健委'],
  [938, '发改委 生态环境厅 住建厅', '自然资源厅 交通运输厅 水利厅 能源局'],
  [942, '文旅厅 宣传部 住建厅', '自然资源厅 商务厅'],
  [946, '应急管理厅 住建厅', '民政厅 自然资源厅 交通运输厅 水利厅 卫健委 粮食和储备局 能源局'],
  [952, '自然资源厅', '发改委 住建厅'],
  [956, '民政厅 政法委 司法厅', '组织部 公安厅 住建厅 市场监管局 信访局'],
  [960, '编办 民政厅 政数局', '组织部 发改委 司法厅 住建厅 交通运输厅 农业农村厅 市场监管局'],
  [964, '财政厅', '发改委 审计厅 国资委 金融监管局 税务局'],
  [972, '组织部 财政厅 自然资源厅 农业农村厅', '发改委 科技厅 人社厅 金融监管局 工商联 团省委 人行 银保监局 证监局'],
  [976, '', '发改委 教育厅 民政厅 人社厅 文旅厅 卫健委 医保局'],
  [980, '农业农村厅 发改委', '自然资源厅 住建厅 交通运输厅 水利厅 商务厅'],
  [984, '农业农村厅', '网信办 发改委 科技厅 自然资源厅 生态环境厅 住建厅 文旅厅'],
  [988, '农业农村厅', '人社厅 乡村振兴局'],
  [992, '发改委', '教育厅 工信厅 民政厅 财政厅 自然资源厅 住建厅 交通运输厅 农业农村厅 商务厅 文旅厅 卫健委 统计局 医保局'],
];
const names = (list: string) => list.split(' ').filter(Boolean).map((k) => (k.startsWith('@') ? city(k.slice(1)) : D[k] ?? `unknown key ${k}`)).sort();

describe('provincial annex 重点任务部门分工方案 (every item)', async () => {
  const source = await readDocument(FILE);
  const paragraphs = normalise(source);
  const fragment = extractBodies(contextFor(source, paragraphs, '广东省'));
  const lines = readFileSync(FILE, 'utf8').split('\n');

  const atLine = (line: number, type: 'LEADS' | 'SUPPORTS') =>
    fragment.relationships.filter((r) => r.type === type && r.properties.line === line).map((r) => r.start.slice('dept:'.length)).sort();

  it.each(ANNEX)('line %i: leads %s; supports %s', (line, leads, supports) => {
    expect(atLine(line, 'LEADS')).toEqual(names(leads));
    expect(atLine(line, 'SUPPORTS')).toEqual(names(supports));
  });

  it('no assignment outside the annex items and the one prose 牵头 of the 保障 chapter', () => {
    const expectedLines = new Set([834, ...ANNEX.map(([l]) => l)]);
    const extra = fragment.relationships.filter((r) => r.start.startsWith('dept:') && r.properties.line !== undefined && !expectedLines.has(r.properties.line as number));
    expect(extra).toEqual([]);
    // "省发展改革委牵头推进规划实施和相关政策落实" (line 834)
    expect(lines[833]).toContain('省发展改革委牵头推进规划实施');
    expect(atLine(834, 'LEADS')).toEqual(['广东省发展和改革委员会']);
  });

  it('evidence: the line where the bracket starts, a verbatim quote holding the name, the written surface', () => {
    const wrapped = fragment.relationships.find((r) => r.properties.line === 874 && r.start === 'dept:广东省农业农村厅')!;
    // item (四) starts on line 872 and wraps; its bracket is on line 874.
    expect(lines[873]).toContain('（省财政厅、自然资源厅、农业农村厅等按职责分工负责）');
    expect(wrapped.properties).toMatchObject({
      document: 'guangdong-new-urbanisation-plan-2021-2035.txt',
      quote: '（省财政厅、自然资源厅、农业农村厅等按职责分工负责）',
      surface: '农业农村厅',
      rolePhrase: '按职责分工负责',
    });
    const slip = fragment.relationships.find((r) => r.properties.line === 920 && r.start === 'dept:广东省民政厅')!;
    expect(slip.properties.surface).toBe('民政部');
    for (const r of fragment.relationships) {
      expect((r.properties.quote as string).length).toBeLessThanOrEqual(120);
      expect(r.properties.quote).toContain(r.properties.surface);
    }
  });

  it('Department nodes: one per body, canonical name, kind, division, every surface seen as an alias', () => {
    const byId = new Map(fragment.nodes.map((n) => [n.id, n.properties]));
    expect(byId.get('dept:广东省民政厅')).toMatchObject({ name: '广东省民政厅', kind: 'department', level: 'PROVINCE', jurisdiction: 'div:44' });
    expect(byId.get('dept:广东省民政厅')!.aliases).toEqual(expect.arrayContaining(['民政部', '民政厅', '省民政厅']));
    expect(byId.get('dept:中共广东省委机构编制委员会办公室')).toMatchObject({ kind: 'party', aliases: expect.arrayContaining(['省委编办']) });
    expect(byId.get('dept:广州市人民政府')).toMatchObject({ kind: 'government', level: 'CITY', jurisdiction: 'div:4401' });
    expect(byId.get('dept:中国人民银行广州分行')).toMatchObject({ kind: 'bank' });
    expect(fragment.nodes.every((n) => n.labels[0] === 'Department' && n.id === `dept:${n.properties.name}`)).toBe(true);
    // collective phrases never become nodes
    expect([...byId.keys()].filter((id) => /各|有关/.test(id))).toEqual([]);
  });
});
