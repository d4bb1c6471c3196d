import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractContext, GraphFragment, Paragraph, PlanDraft, TaskDraft } from '../model.ts';
import { normalise } from '../normalise/index.ts';
import { readDocument } from '../read/index.ts';
import { resolveDivision } from '../gazetteer/divisions.ts';
import { extractPlaces } from './index.ts';

const seed = (name: string) => new URL(`../../seeds/${name}`, import.meta.url).pathname;

/** A task over real normalised paragraphs (the structure stage is not under test here). */
function task(ref: string, paragraphs: Paragraph[]): TaskDraft {
  const first = paragraphs[0];
  return {
    kind: 'box', ref, title: first.text.slice(0, 30), text: paragraphs.map((p) => p.text).join('\n'), paragraphs,
    evidence: { document: 'x', line: first.line, quote: first.original.slice(0, 60) }, children: [],
  };
}

function context(document: string, tasks: TaskDraft[], footnotes: Paragraph[], jurisdiction: string): ExtractContext {
  const plan: PlanDraft = {
    key: '', title: document, kind: 'plan', evidence: { document, line: 1, quote: '' }, tasks, looseParagraphs: [], footnotes,
  };
  const planId = `plan:${document.replace(/\.txt$/, '')}`;
  return {
    source: { document, lines: [], encoding: 'utf-8', script: 'simplified' }, plan, planId,
    taskId: (ref) => `${planId}/${ref}`, jurisdiction: resolveDivision(jurisdiction),
  };
}

const rel = (f: GraphFragment, start: string, end: string) =>
  f.relationships.find((r) => r.type === 'LOCATED_IN' && r.start === start && r.end === end);

describe('extractPlaces on the provincial plan’s 专栏9 and footnotes', () => {
  let frag: GraphFragment;
  const doc = 'guangdong-new-urbanisation-plan-2021-2035.txt';
  const box = `plan:guangdong-new-urbanisation-plan-2021-2035/专栏9`;
  beforeAll(async () => {
    const paras = normalise(await readDocument(seed(doc)));
    const start = paras.findIndex((p) => p.text.startsWith('专栏9'));
    const end = paras.findIndex((p, i) => i > start && p.text.startsWith('第八章'));
    frag = extractPlaces(context(doc, [task('专栏9', paras.slice(start, end))], paras.filter((p) => p.kind === 'footnote'), '广东省'));
  });

  it('makes 广清接合片区 a ZONE District read from line 814', () => {
    const zone = frag.nodes.find((n) => n.id === 'zone:广清接合片区');
    expect(zone?.labels).toEqual(['District']);
    expect(zone?.properties).toMatchObject({ name: '广清接合片区', level: 'ZONE', document: doc, line: 814 });
  });

  it('puts the members listed on line 814 in the zone, 花都区 among them', () => {
    const r = rel(frag, 'div:440114', 'zone:广清接合片区');
    expect(r?.properties).toMatchObject({ document: doc, line: 814 });
    expect(r?.properties.quote).toContain('广清接合片区：包括广州市增城区、花都区、从化区');
    for (const id of ['div:440118', 'div:440117', 'div:441802', 'div:441803', 'div:441821', 'div:441881']) {
      expect(rel(frag, id, 'zone:广清接合片区'), id).toBeDefined();
    }
  });

  it('locates the box in the zone and in the pilot towns it lists', () => {
    expect(rel(frag, box, 'zone:广清接合片区')?.properties).toMatchObject({ line: 814, surface: '广清接合片区' });
    expect(rel(frag, box, 'div:440112101')?.properties.quote).toContain('广州市黄埔区新龙镇');
    // 广州市 only qualifies 黄埔区新龙镇 here: no LOCATED_IN to the city from that name.
    expect(rel(frag, box, 'div:4401')).toBeUndefined();
  });

  it('reads the 都市圈 footnotes as zones (^② on line 329)', () => {
    const r = rel(frag, 'div:4406', 'zone:广州都市圈');
    expect(r?.properties).toMatchObject({ document: doc, line: 329 });
    expect(rel(frag, 'div:441881', 'zone:广州都市圈')).toBeUndefined(); // 英德市 is only "covered"
    expect(rel(frag, 'div:4419', 'zone:深圳都市圈')).toBeDefined();
  });

  it('brings the gazetteer hierarchy of every District it references', () => {
    expect(frag.relationships).toContainEqual({ type: 'LOCATED_IN', start: 'div:440114', end: 'div:4401', properties: { source: 'gazetteer' } });
    expect(frag.relationships).toContainEqual({ type: 'LOCATED_IN', start: 'div:4401', end: 'div:44', properties: { source: 'gazetteer' } });
    const ids = frag.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('extractPlaces on the Huadu plan’s town guide (专栏3)', () => {
  it('locates the 炭步镇 entry in 炭步镇 with line 1427 and its quote', async () => {
    const doc = 'huadu-14th-five-year-plan.txt';
    const paras = normalise(await readDocument(seed(doc)));
    const entry = paras.find((p) => p.text.startsWith('炭步镇：'))!;
    const frag = extractPlaces(context(doc, [task('专栏3/炭步镇', [entry])], [], '花都区'));
    const r = rel(frag, 'plan:huadu-14th-five-year-plan/专栏3/炭步镇', 'div:440114107');
    expect(r?.properties).toMatchObject({ document: doc, line: 1427, surface: '炭步镇' });
    expect(r?.properties.quote).toMatch(/^炭步镇：积极承接汽车及零部件产业/);
    expect(frag.nodes.find((n) => n.id === 'div:440114107')?.properties).toMatchObject({ name: '炭步镇', level: 'TOWN', code: '440114107' });
    expect(rel(frag, 'div:440114107', 'div:440114')?.properties).toEqual({ source: 'gazetteer' });
  });
});
