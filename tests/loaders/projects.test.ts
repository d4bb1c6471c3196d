/**
 * Projects on the seed plans and fixtures through the real spine (read → normalise → structure):
 * named works in 专栏 boxes with category and investment, PART_OF the box (or the box item) that
 * lists them, LOCATED_IN the place their name or row states; the same work in two plans is one id.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../load/extract.ts';
import { resolveDivision } from '../../loaders/gazetteer/divisions.ts';
import { extractProjects } from '../../loaders/projects/index.ts';
import { projectId } from '../../loaders/ids.ts';
import type { ExtractContext, GraphFragment, TaskDraft } from '../../loaders/model.ts';
import { allTasks as flat, extractContexts as contexts } from '../support/extract-context.ts';

const boxAt = (ctx: ExtractContext, line: number) => flat(ctx.plan.tasks).find((t) => t.kind === 'box' && t.evidence.line === line)!;
const project = (f: GraphFragment, name: string) => f.nodes.find((n) => n.id === projectId(name))?.properties;
const partOf = (f: GraphFragment, name: string) => f.relationships.filter((r) => r.type === 'PART_OF' && r.start === projectId(name)).map((r) => r.end);
const locatedIn = (f: GraphFragment, name: string) => f.relationships.filter((r) => r.type === 'LOCATED_IN' && r.start === projectId(name)).map((r) => r.end);

describe('Huadu plan boxes', async () => {
  const [ctx] = await contexts('seeds/huadu-14th-five-year-plan.txt');
  const f = extractProjects(ctx);
  const lines = readFileSync('seeds/huadu-14th-five-year-plan.txt', 'utf8').split('\n');

  it('专栏4 综合交通重点项目: "广州北站客运枢纽，狮岭站、石陂站、天贵站、炭步站枢纽，花都广场地铁站。"', () => {
    expect(lines[1964].trim()).toBe('专栏 4 花都区“十四五”时期综合交通重点项目');
    expect(lines[2047]).toBe('广州北站客运枢纽，狮岭站、石陂站、天贵站、炭步站枢纽，花都广场地铁站。');
    const box = ctx.taskId(boxAt(ctx, 1965).ref);
    for (const name of ['广州北站客运枢纽', '狮岭站', '花都广场地铁站', '广清永高铁', '炭步大桥重建工程', '三东大道（玫瑰路—规划支路）隧道工程']) {
      expect(project(f, name)).toMatchObject({ name, category: '交通', document: 'huadu-14th-five-year-plan.txt' });
      expect(partOf(f, name)).toContain(box);
    }
    expect(project(f, '花都广场地铁站')).toMatchObject({ line: 2048, quote: '花都广场地铁站' });
  });

  it('专栏4 keeps a bracketed section with its road: "太石路（花都区边界—山前旅游大道）工程" — and the section\'s ends are not its place', () => {
    expect(lines[1992]).toContain('太石路（花都区边');
    expect(lines[1994]).toMatch(/^界—山前旅游大道）工程/);
    expect(project(f, '太石路（花都区边界—山前旅游大道）工程')).toMatchObject({ line: 1993 });
    expect(locatedIn(f, '太石路（花都区边界—山前旅游大道）工程')).toEqual([]);
  });

  it('专栏6 特色小镇: "新能源智能网联汽车小镇。总投资 30 亿元" / "花东七溪地芳香小镇。总投资 25 个亿。"', () => {
    expect(lines[2435]).toBe('新能源智能网联汽车小镇。总投资 30 亿元，以国家级科创中心建设为核心，打造');
    expect(project(f, '新能源智能网联汽车小镇')).toMatchObject({ category: '特色小镇', investment: '30亿元', line: 2436 });
    expect(project(f, '花东七溪地芳香小镇')).toMatchObject({ category: '特色小镇', investment: '25个亿' });
    expect(locatedIn(f, '狮岭皮革皮具跨境贸易小镇')).toEqual([resolveDivision('狮岭镇', ctx.jurisdiction)!.id]);
    expect(partOf(f, '梯面康旅小镇')).toEqual([ctx.taskId(boxAt(ctx, 2428).ref)]);
  });

  it('专栏8 医疗: "异地新建区第二人民医院。…预计投资 8.5 亿元。" — the district\'s own hospital, named in full', () => {
    expect(lines[3842]).toBe('异地新建区第二人民医院。总用地面积约 70 亩，净用地约 39 亩。规划床位 500');
    expect(project(f, '花都区第二人民医院')).toMatchObject({ category: '医疗', investment: '8.5亿元', line: 3843 });
    expect(project(f, '花都区脑科康复医院')).toMatchObject({ investment: '约4.3亿元' });
    expect(locatedIn(f, '花都区第二人民医院')).toEqual(['div:440114']);
    expect(project(f, '秀全社区卫生服务中心')).toMatchObject({ category: '医疗', line: 3863 });
  });

  it('专栏5 美丽乡村: pilot villages are projects, the towns listed as 示范镇 are places ("梯面镇、赤坭镇。")', () => {
    expect(lines[2388]).toBe('梯面镇、赤坭镇。');
    expect(project(f, '港头村')).toMatchObject({ category: '美丽乡村', line: 2391 });
    expect(project(f, '狮岭镇义山村')).toMatchObject({ category: '美丽乡村', line: 2409 });
    expect(project(f, '梯面镇')).toBeUndefined();
    expect(project(f, '赤坭镇')).toBeUndefined();
  });

  it('names no policy phrase or generic facility as a project', () => {
    const names = f.nodes.filter((n) => n.labels.includes('Project')).map((n) => String(n.properties.name));
    for (const bad of ['智能停车场', '孵化器', '公共图书馆', '统筹城乡道路', '城镇污水管网']) expect(names).not.toContain(bad);
    expect(names.filter((n) => /^(依托|以|把|推进|加快|积极)/.test(n) || n.includes('的'))).toEqual([]);
  });
});

describe('provincial plan boxes', async () => {
  const [ctx] = await contexts('seeds/guangdong-new-urbanisation-plan-2021-2035.txt');
  const f = extractProjects(ctx);

  it('专栏3 "1. 国家级功能平台。广州南沙新区、深圳前海深港现代服务业合作区、…、广州临空经济示范区等。"', () => {
    const item = flat(ctx.plan.tasks).find((t) => t.paragraphs.some((p) => p.line === 477))!;
    for (const name of ['广州南沙新区', '深圳前海深港现代服务业合作区', '中新广州知识城', '广州临空经济示范区']) {
      expect(project(f, name)?.category).toBe('产业平台');
      expect(partOf(f, name)).toContain(ctx.taskId(item.ref));
    }
    expect(locatedIn(f, '广州南沙新区')).toEqual(['div:440115']);
  });

  it('专栏1 "1. “粤菜师傅”工程。" is a programme, not a work', () => {
    expect(f.nodes.some((n) => String(n.properties.name).includes('粤菜师傅'))).toBe(false);
  });

  it('the same work in two plans is one node: 南粤古驿道 (provincial 专栏6 and Beautiful Guangzhou)', async () => {
    const [bg] = await contexts('seeds/beautiful-guangzhou-plan-2025-2035.txt');
    const g = extractProjects(bg);
    expect(project(f, '南粤古驿道')?.id).toBe('project:南粤古驿道');
    expect(project(g, '南粤古驿道')?.id).toBe('project:南粤古驿道');
  });
});

describe('fixtures in other layouts', () => {
  it('HTML table (Conghua 专栏1): "1 | 流溪河碧道（温泉段） | 温泉镇 | 3.5" under "总投资（亿元）"', async () => {
    const [ctx] = await contexts('tests/fixtures/conghua-rural-revitalisation-belt-2024-2026.html');
    // HTML lines sit at their line in the .html file: the row is <tr> on line 36.
    expect(ctx.source.lines[35]).toBe('1\t流溪河碧道（温泉段）\t温泉镇\t3.5');
    const f = extractProjects(ctx);
    expect(project(f, '流溪河碧道（温泉段）')).toMatchObject({ category: '生态', investment: '3.5亿元', line: 36 });
    expect(project(f, '莲麻小镇提升工程')).toMatchObject({ category: '特色小镇', investment: '2.2亿元' });
    expect(locatedIn(f, '流溪河碧道（温泉段）')).toEqual([resolveDivision('温泉镇', ctx.jurisdiction)!.id]);
  });

  it('GB18030 (Nanhai 专栏1): "2．九江镇双创产业园，总投资8.5亿元，位于九江镇。"', async () => {
    const [ctx] = await contexts('tests/fixtures/nanhai-urban-rural-integration-2023-2025.txt');
    const f = extractProjects(ctx);
    expect(project(f, '九江镇双创产业园')).toMatchObject({ category: '产业平台', investment: '8.5亿元' });
    expect(project(f, '西樵山国家5A级旅游景区提升工程')).toMatchObject({ investment: '12亿元' });
    expect(locatedIn(f, '西樵山国家5A级旅游景区提升工程')).toEqual([resolveDivision('西樵镇', ctx.jurisdiction)!.id]);
  });
});

describe('named projects outside boxes, designations, other layouts', async () => {
  it('Huadu line 3479 "临空经济示范区、跨境电商综合试验区…等平台" are designations, no projects; 专栏4 keeps "广州白云国际机场东四、西四指廊及连接楼工程" whole', async () => {
    const [ctx] = await contexts('seeds/huadu-14th-five-year-plan.txt');
    const f = extractProjects(ctx);
    for (const name of ['临空经济示范区', '跨境电商综合试验区', '绿色金融改革创新试验区', '城乡融合发展试验区']) expect(project(f, name), name).toBeUndefined();
    expect(project(f, '广州白云国际机场东四、西四指廊及连接楼工程')).toMatchObject({ category: '交通', line: 1969 });
    expect(project(f, '西四指廊及连接楼工程')).toBeUndefined();
    // "依托白云机场综合保税区、临空经济示范区…等平台": the bonded zone is a named platform
    expect(project(f, '白云机场综合保税区')).toMatchObject({ category: '产业平台', line: 3479 });
  });

  it('Huizhou "加快中海壳牌惠州三期乙烯项目、埃克森美孚惠州化工综合体二期项目建设": named projects in task text', async () => {
    const [ctx] = await contexts('tests/fixtures/unseen/huizhou-petrochemical-materials-2024-2026.txt');
    const f = extractProjects(ctx);
    const task = flat(ctx.plan.tasks).find((t) => t.title.includes('推进大亚湾石化区扩能升级'))!;
    for (const name of ['中海壳牌惠州三期乙烯项目', '埃克森美孚惠州化工综合体二期项目']) expect(partOf(f, name), name).toEqual([ctx.taskId(task.ref)]);
    expect(project(f, '埃克森美孚惠州化工综合体二期项目')?.category).toBe('产业平台');
    // "推动惠州太平岭核电一期、二期项目建设，规划建设稔山镇新材料产业园"
    expect(project(f, '惠州太平岭核电一期、二期项目')).toMatchObject({ category: '能源', line: 27 });
    expect(project(f, '稔山镇新材料产业园')).toMatchObject({ category: '产业平台' });
  });

  it('Xiangzhou (Traditional) box "1．拱北街道夏灣片區老舊小區改造項目，涉及小區18個，總投資2.6億元。"', async () => {
    const [ctx] = await contexts('tests/fixtures/xiangzhou-old-communities-2024-2026.txt');
    const f = extractProjects(ctx);
    expect(project(f, '拱北街道夏湾片区老旧小区改造项目')).toMatchObject({ investment: '2.6亿元' });
    expect(project(f, '前山街道翠微社区完整社区试点项目')).toMatchObject({ investment: '0.9亿元' });
  });

  it('news: "参会人员还实地观摩了花都平龙新时代社区" names a pilot community, in 花都区', async () => {
    const articles = await contexts('seeds/guangdong-construction-news-future-communities.txt');
    const f = articles.map((c) => extractProjects(c));
    const hit = f.find((x) => project(x, '花都平龙新时代社区'));
    expect(hit).toBeDefined();
    expect(project(hit!, '花都平龙新时代社区')).toMatchObject({ line: 22, category: '社区' });
    expect(locatedIn(hit!, '花都平龙新时代社区')).toEqual(['div:440114']);
  });
});

describe('one work an action names, led by its place', async () => {
  it('Zhenjiang (PDF): "建设花坪镇圩镇综合停车场", "推动犁市镇中心卫生院扩建", "建设犁市镇蔬菜省级现代农业产业园"', async () => {
    const [ctx] = await contexts('tests/fixtures/unseen/zhenjiang-typical-towns-2024-2027.pdf');
    const f = extractProjects(ctx);
    expect(project(f, '花坪镇圩镇综合停车场')).toMatchObject({ category: '交通' });
    expect(project(f, '犁市镇中心卫生院扩建')).toMatchObject({ category: '医疗' });
    expect(project(f, '犁市镇蔬菜省级现代农业产业园')).toMatchObject({ category: '产业平台' });
    // "打造浈江乡村旅游精品线路3条" is a count of routes, not one work
    expect(project(f, '浈江乡村旅游精品线路')).toBeUndefined();
  });

  it('a kind of facility or a clause is none: "建设花坪镇区域养老服务中心①" keeps its footnote off; "梯面镇社工站打造…示范项目" (Huadu line 4149) is a clause', async () => {
    const [ctx] = await contexts('seeds/huadu-14th-five-year-plan.txt');
    const f = extractProjects(ctx);
    expect(f.nodes.filter((n) => String(n.properties.name).includes('打造'))).toEqual([]);
  });
});

describe('one work, one node', async () => {
  it('Xinhui: "实施会城街道污水处理厂三期扩建" in the text and "1．会城街道污水处理厂三期扩建工程" in 专栏1 are one project', async () => {
    const [ctx] = await contexts('tests/fixtures/unseen/xinhui-water-environment-2024-2030.txt');
    const f = extractProjects(ctx);
    expect(project(f, '会城街道污水处理厂三期扩建')).toBeUndefined();
    expect(partOf(f, '会城街道污水处理厂三期扩建工程')).toHaveLength(2);
  });

  it('Huadu 专栏4: "有轨电车 X6 支、X9+X9 支" are two tram branches', async () => {
    const [ctx] = await contexts('seeds/huadu-14th-five-year-plan.txt');
    const f = extractProjects(ctx);
    expect(project(f, '有轨电车X6支')).toMatchObject({ category: '交通' });
    expect(project(f, '有轨电车X9+X9支')).toMatchObject({ category: '交通' });
  });
});

describe('a work named with its district in front', () => {
  it('"建设福田区中医院新院区": a name opening with a district (read as a body name by the place matcher) still states its place', async () => {
    const { extractProjects: extract } = await import('../../loaders/projects/index.ts');
    const para = { text: '新建改造学校10所，建设福田区中医院新院区。', original: '新建改造学校10所，建设福田区中医院新院区。', line: 15, segments: [{ offset: 0, line: 15 }], kind: 'body' as const };
    const t: TaskDraft = { kind: 'point', ref: '二2', title: '完善公共设施配套', text: para.text, paragraphs: [para], evidence: { document: 'f.txt', line: 15, quote: '' }, children: [] };
    const ctx: ExtractContext = {
      source: { document: 'f.txt', lines: [], encoding: 'utf-8', script: 'simplified' },
      plan: { key: '', title: '深圳市福田区城市更新三年行动计划（2024—2026年）', kind: 'plan', evidence: t.evidence, tasks: [t], looseParagraphs: [], footnotes: [] },
      planId: 'plan:f', taskId: (r) => `plan:f/${r}`, jurisdiction: resolveDivision('福田区'),
    };
    const f = extract(ctx);
    expect(project(f, '福田区中医院新院区')).toMatchObject({ category: '医疗', line: 15 });
    expect(locatedIn(f, '福田区中医院新院区')).toEqual(['div:440304']);
  });
});

describe('a list an action opens and 建设 closes', () => {
  it('Nanhai (GB18030): "加快广佛江珠城际、佛山地铁3号线南海段建设，推进桂丹路、佛山一环西拓工程"', async () => {
    const [ctx] = await contexts('tests/fixtures/nanhai-urban-rural-integration-2023-2025.txt');
    const f = extractProjects(ctx);
    for (const name of ['广佛江珠城际', '佛山地铁3号线南海段', '桂丹路', '佛山一环西拓工程']) expect(project(f, name), name).toMatchObject({ category: '交通' });
    expect(project(f, '佛山地铁3号线南海段建设')).toBeUndefined();
  });

  it('kinds of facility in such a list are not works (provincial "城际铁路", Huadu "带状公园", "体育公园")', async () => {
    const [prov] = await contexts('seeds/guangdong-new-urbanisation-plan-2021-2035.txt');
    expect(project(extractProjects(prov), '城际铁路')).toBeUndefined();
    expect(project(extractProjects(prov), '广州南沙科学城')).toMatchObject({ category: '产业平台' });
    const [huadu] = await contexts('seeds/huadu-14th-five-year-plan.txt');
    const f = extractProjects(huadu);
    for (const name of ['带状公园', '体育公园', '综合性公园']) expect(project(f, name), name).toBeUndefined();
    // the box lists 专栏6's towns: the node's evidence is the box, the text mention is another PART_OF
    expect(project(f, '新能源智能网联汽车小镇')).toMatchObject({ line: 2436 });
    expect(partOf(f, '新能源智能网联汽车小镇')).toHaveLength(2);
  });
});

describe('a box paragraph that opens with a designation', () => {
  it('"临空经济示范区。位于花都区北部，…" in a 专栏 is no work, and the document still extracts (it failed: "Cannot set properties of undefined")', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plangraph-projects-'));
    try {
      const file = join(dir, 'huadu-platforms.txt');
      writeFileSync(file, [
        '花都区产业平台建设方案（2024—2026年）', '',
        '一、建设重点平台', '',
        '（一）提升平台能级。推动平台提质增效。', '',
        '专栏1 重点平台', '',
        '临空经济示范区。位于花都区北部，规划面积约100平方公里。', '',
        '广州北站综合交通枢纽。位于新华街道。', '',
      ].join('\n'));
      const g = await extractFile(file);
      const projects = g.nodes.filter((n) => n.labels.includes('Project')).map((n) => n.properties.name);
      expect(projects).toEqual(['广州北站综合交通枢纽']);
      expect(locatedIn(g, '广州北站综合交通枢纽')).toEqual([resolveDivision('新华街道', resolveDivision('花都区'))!.id]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
