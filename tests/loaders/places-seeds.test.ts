/**
 * Places over whole seed documents: read → normalise → structure → extractPlaces, the stages the
 * pipeline runs. Expectations were checked by hand against the text; each quotes the line it rests on.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphFragment, GraphRelationship, ManifestEntry, SourceText, TaskDraft } from '../../loaders/model.ts';
import { normalise } from '../../loaders/normalise/index.ts';
import { resolveDivision } from '../../loaders/gazetteer/divisions.ts';
import { extractPlaces } from '../../loaders/places/index.ts';
import { readDocument } from '../../loaders/read/index.ts';
import { structure } from '../../loaders/structure/index.ts';
import { extractFile } from '../../load/extract.ts';

const manifest = JSON.parse(readFileSync('seeds/manifest.json', 'utf8')).documents as ManifestEntry[];

interface Extracted { source: SourceText; fragment: GraphFragment; tasks: Map<string, TaskDraft> }

async function extract(file: string): Promise<Extracted> {
  const source = await readDocument(`seeds/${file}`);
  const [plan] = structure(source, normalise(source), manifest.find((m) => m.file === file));
  const planId = `plan:${file.replace(/\.txt$/, '')}`;
  const tasks = new Map<string, TaskDraft>();
  const walk = (ts: TaskDraft[]) => ts.forEach((t) => (tasks.set(`${planId}/${t.ref}`, t), walk(t.children)));
  walk(plan.tasks);
  const fragment = extractPlaces({
    source, plan, planId, taskId: (ref) => `${planId}/${ref}`,
    jurisdiction: plan.jurisdiction ? resolveDivision(plan.jurisdiction) : undefined,
  });
  return { source, fragment, tasks };
}

const located = (f: GraphFragment, end: string) =>
  f.relationships.filter((r) => r.type === 'LOCATED_IN' && r.end === end && r.properties.document);

/** The evidence must be what the source says on that line: the quote starts there (wrapping on), names the place. */
function expectTraceable(source: SourceText, r: GraphRelationship) {
  const strip = (s: string) => s.replace(/\s/g, '');
  // Footnote markers (^②) are cut from quotes; compare without them.
  const line = strip(source.lines[(r.properties.line as number) - 1] ?? '').replace(/\^[①-⑳\d]+/g, '');
  const quote = strip(r.properties.quote as string);
  const head = quote.slice(0, 10);
  const startsHere = [...Array(head.length).keys()].some((k) => {
    const prefix = head.slice(0, head.length - k);
    return prefix.length === Math.min(10, quote.length) ? line.includes(prefix) : line.endsWith(prefix);
  });
  expect(startsHere, `line ${r.properties.line}: ${quote}`).toBe(true);
  if (r.properties.surface) expect(r.properties.quote).toContain(r.properties.surface as string);
}

/** Task → place edges only (not a zone's members). */
const ofTasks = (rels: GraphRelationship[]) => rels.filter((r) => !r.start.startsWith('div:'));

describe('Huadu plan (花都区): towns and streets', () => {
  let huadu: Extracted;
  beforeAll(async () => {
    huadu = await extract('huadu-14th-five-year-plan.txt');
  });

  it('locates the 专栏3 town guide entries in their towns: "炭步镇：积极承接汽车及零部件产业…" (line 1427)', () => {
    const r = located(huadu.fragment, 'div:440114107').find((x) => x.properties.line === 1427);
    expect(r?.properties.quote).toMatch(/^炭步镇：积极承接汽车及零部件产业/);
    const lines = (id: string) => located(huadu.fragment, id).map((x) => x.properties.line);
    expect(lines('div:440114109')).toContain(1433); // 狮岭镇：按照“时尚智造基地，活力宜居新城”总定位
    expect(lines('div:440114001')).toContain(1359); // 新华街：以广州北站综合交通枢纽建设为契机
  });

  it('reads bare town names in the plan’s own district: "重点围绕梯面、赤坭、狮岭、花东、花山、炭步等镇" (line 2378)', () => {
    const towns = ['div:440114103', 'div:440114108', 'div:440114109', 'div:440114105', 'div:440114104', 'div:440114107'];
    for (const town of towns) {
      expect(located(huadu.fragment, town).some((r) => r.properties.line === 2378), town).toBe(true);
    }
    // Several tasks are in 狮岭镇 (皮革皮具 town, its station, its sewage system …).
    expect(new Set(located(huadu.fragment, 'div:440114109').map((r) => r.start)).size).toBeGreaterThanOrEqual(8);
  });

  it('puts every town it names under 花都区 → 广州市 → 广东省', () => {
    const gaz = huadu.fragment.relationships.filter((r) => r.properties.source === 'gazetteer');
    expect(gaz).toContainEqual({ type: 'LOCATED_IN', start: 'div:440114109', end: 'div:440114', properties: { source: 'gazetteer' } });
    expect(gaz).toContainEqual({ type: 'LOCATED_IN', start: 'div:440114', end: 'div:4401', properties: { source: 'gazetteer' } });
    expect(gaz).toContainEqual({ type: 'LOCATED_IN', start: 'div:4401', end: 'div:44', properties: { source: 'gazetteer' } });
  });

  it('never takes 白云机场 / 白云国际机场 for 白云区, or 花都大道 for a place', () => {
    expect(located(huadu.fragment, 'div:440111')).toEqual([]);
    for (const r of located(huadu.fragment, 'div:440114')) {
      const q = r.properties.quote as string;
      // Where the only 花都 in the quote is 花都大道, nothing should have been found.
      expect(q.replaceAll('花都大道', '').includes('花都'), q).toBe(true);
    }
  });

  it('recognises 广清接合片区 (defined in the provincial plan) as the zone: "国家城乡融合发展试验区广清接合片区（花都片区）"', () => {
    const r = located(huadu.fragment, 'zone:广清接合片区');
    expect(r.map((x) => x.properties.line)).toContain(544);
    expect(huadu.fragment.nodes.find((n) => n.id === 'zone:广清接合片区')?.properties.level).toBe('ZONE');
  });

  it('gives every LOCATED_IN a line and quote that the source file bears out', () => {
    const rels = huadu.fragment.relationships.filter((r) => r.properties.document);
    expect(rels.length).toBeGreaterThan(100);
    for (const r of rels) {
      expect(r.properties.document).toBe('huadu-14th-five-year-plan.txt');
      expectTraceable(huadu.source, r);
      expect(huadu.tasks.has(r.start), r.start).toBe(true);
    }
  });
});

describe('provincial plan (广东省): zones and places', () => {
  let gd: Extracted;
  beforeAll(async () => {
    gd = await extract('guangdong-new-urbanisation-plan-2021-2035.txt');
  });

  it('defines 广清接合片区 from "广清接合片区：包括广州市增城区、花都区、从化区，清远市清城区、…" (line 814)', () => {
    const members = gd.fragment.relationships.filter((r) => r.end === 'zone:广清接合片区' && r.start.startsWith('div:'));
    expect(members.map((r) => r.start).sort()).toEqual(
      ['div:440114', 'div:440117', 'div:440118', 'div:441802', 'div:441803', 'div:441821', 'div:441881'].sort(),
    );
    expect(members.every((r) => r.properties.line === 814)).toBe(true);
  });

  it('the 专栏9 box about 广清接合片区 touches 花都区 through the zone', () => {
    const boxes = ofTasks(located(gd.fragment, 'zone:广清接合片区')).filter((r) => r.properties.line === 814);
    expect(boxes).toHaveLength(1);
    expect(gd.tasks.get(boxes[0].start)?.title).toContain('国家城乡融合发展试验区'); // 专栏9 一、
    expect(gd.fragment.relationships).toContainEqual(
      expect.objectContaining({ type: 'LOCATED_IN', start: 'div:440114', end: 'zone:广清接合片区' }),
    );
  });

  it('defines the five 都市圈 from their footnotes and locates their tasks in them', () => {
    for (const [zone, line, member] of [
      ['广州都市圈', 329, 'div:4406'], ['深圳都市圈', 335, 'div:4419'], ['珠江口西岸都市圈', 341, 'div:4417'],
      ['汕潮揭都市圈', 347, 'div:4451'], ['湛茂都市圈', 355, 'div:4409'],
    ] as const) {
      const m = gd.fragment.relationships.find((r) => r.start === member && r.end === `zone:${zone}`);
      expect(m?.properties.line, zone).toBe(line);
      expect(located(gd.fragment, `zone:${zone}`).some((r) => !r.start.startsWith('div:')), zone).toBe(true);
    }
    // "有关任务举措涵盖河源都市区和汕尾都市区" is coverage, not membership.
    expect(gd.fragment.relationships.find((r) => r.start === 'div:4416' && r.end === 'zone:深圳都市圈')).toBeUndefined();
  });

  it('cities in a responsibility clause are bodies: "（广州市、佛山市、肇庆市、清远市牵头，云浮市、韶关市参与；…）"', () => {
    for (const r of located(gd.fragment, 'div:4453')) {
      const q = r.properties.quote as string;
      expect(q.replace(/[（(][^）)]*牵头[^）)]*[）)]/g, '')).toContain('云浮');
    }
  });

  it('reads the pilot towns of 专栏9 under their districts: "广州市黄埔区新龙镇、白云区钟落潭镇" (line 820)', () => {
    expect(located(gd.fragment, 'div:440112101').map((r) => r.properties.line)).toContain(820);
    expect(located(gd.fragment, 'div:440111108').map((r) => r.properties.line)).toContain(820);
  });

  it('gives every LOCATED_IN a line and quote that the source file bears out', () => {
    for (const r of gd.fragment.relationships.filter((x) => x.properties.document)) expectTraceable(gd.source, r);
  });
});

describe('Beautiful Guangzhou plan (广州市): slogans are not places', () => {
  it('no LOCATED_IN 广州市 rests only on "美丽广州"', async () => {
    const bg = await extract('beautiful-guangzhou-plan-2025-2035.txt');
    const city = located(bg.fragment, 'div:4401');
    for (const r of city) {
      const q = r.properties.quote as string;
      expect(q.replaceAll('美丽广州', '').includes('广州'), q).toBe(true);
    }
    // "推动南沙新区领跑湾区美丽" — its districts are places.
    expect(located(bg.fragment, 'div:440115').length).toBeGreaterThan(0);
  });
});

describe('through the pipeline (extractFile)', () => {
  it('the Huadu plan’s GraphDocument carries the places with the pipeline’s task ids, nothing dangling', async () => {
    const doc = await extractFile('seeds/huadu-14th-five-year-plan.txt');
    const ids = new Set(doc.nodes.map((n) => n.id));
    const located = doc.relationships.filter((r) => r.type === 'LOCATED_IN');
    expect(located.filter((r) => !ids.has(r.start) || !ids.has(r.end))).toEqual([]);
    const tanbu = located.find((r) => r.end === 'div:440114107' && r.properties.line === 1427);
    expect(doc.nodes.find((n) => n.id === tanbu?.start)?.labels).toEqual(['Task']);
    const district = doc.nodes.find((n) => n.id === 'div:440114');
    expect(district?.properties).toMatchObject({ name: '花都区', level: 'DISTRICT', code: '440114' });
    expect(district?.properties.aliases).toContain('花都');
  });
});

describe('places on whole documents: passage subjects, counting phrases, known zones', () => {
  it('locates every measure under the news subheading “花都” (“花都将以三个…为引领”, line 62) in 花都区', async () => {
    const file = 'guangzhou-industrial-clusters-news.txt';
    const source = await readDocument(`seeds/${file}`);
    const plans = structure(source, normalise(source), manifest.find((m) => m.file === file));
    const article = plans.find((p) => p.tasks.some((t) => t.ref === '段18一是'))!;
    const fragment = extractPlaces({
      source, plan: article, planId: 'plan:news', taskId: (ref) => `plan:news/${ref}`,
      jurisdiction: article.jurisdiction ? resolveDivision(article.jurisdiction) : undefined,
    });
    for (const ref of ['段18一是', '段18二是', '段18三是']) {
      const r = located(fragment, 'div:440114').find((x) => x.start === `plan:news/${ref}`);
      expect(r, ref).toBeDefined();
      expectTraceable(source, r!);
    }
    for (const ref of ['段21一是', '段21二是', '段21三是']) {
      expect(located(fragment, 'div:440115').some((x) => x.start === `plan:news/${ref}`), ref).toBe(true);
    }
  });

  it('does not read “三水统筹” in the Xinhui water plan (line 27) as 三水区, and reads its 粤港澳大湾区 (line 25)', async () => {
    const path = 'tests/fixtures/unseen/xinhui-water-environment-2024-2030.txt';
    const source = await readDocument(path);
    const [plan] = structure(source, normalise(source));
    const fragment = extractPlaces({
      source, plan, planId: 'plan:xinhui', taskId: (ref) => `plan:xinhui/${ref}`,
      jurisdiction: plan.jurisdiction ? resolveDivision(plan.jurisdiction) : undefined,
    });
    expect(located(fragment, 'div:440607')).toEqual([]);
    const bay = located(fragment, 'zone:粤港澳大湾区');
    expect(bay.some((r) => r.properties.line === 25)).toBe(true);
    expect(fragment.relationships).toContainEqual({ type: 'LOCATED_IN', start: 'div:4407', end: 'zone:粤港澳大湾区', properties: { source: 'gazetteer' } });
  });

  it('gives the Big5 Hengqin plan “橫琴粵澳深度合作區促進文旅會展商貿產業發展實施方案” (line 12) the zone as jurisdiction, inside 香洲区', async () => {
    const source = await readDocument('tests/fixtures/unseen/hengqin-culture-tourism-trade-2024-2026.txt');
    const [plan] = structure(source, normalise(source));
    const fragment = extractPlaces({ source, plan, planId: 'plan:hengqin', taskId: (ref) => `plan:hengqin/${ref}` });
    const governs = fragment.relationships.find((r) => r.type === 'GOVERNS');
    expect(governs).toMatchObject({ start: 'plan:hengqin', end: 'zone:横琴粤澳深度合作区', properties: { surface: '橫琴粵澳深度合作區' } });
    expectTraceable(source, governs!);
    expect(fragment.relationships).toContainEqual({ type: 'LOCATED_IN', start: 'zone:横琴粤澳深度合作区', end: 'div:440402', properties: { source: 'gazetteer' } });
  });
});
