import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanDraft } from '../model.ts';
import { normalise } from '../normalise/index.ts';
import { readDocument } from '../read/index.ts';
import { structure } from '../structure/index.ts';
import { resolveDivision } from '../gazetteer/divisions.ts';
import { passageSubjects } from './passage.ts';

const doc = 'guangzhou-industrial-clusters-news.txt';
const seed = new URL(`../../seeds/${doc}`, import.meta.url).pathname;

describe('passageSubjects: the place a news passage is about, for its 一是…二是…三是', () => {
  let article: PlanDraft;
  let subjects: Map<string, { name: string; line: number; quote: string; surface: string }>;
  beforeAll(async () => {
    const source = await readDocument(seed);
    article = structure(source, normalise(source)).find((p) => p.tasks.some((t) => t.ref.endsWith('一是')))!;
    const found = passageSubjects(doc, article, { jurisdiction: resolveDivision('广州市') });
    subjects = new Map([...found].map(([t, p]) => [t.ref, { name: p.division.name, ...p.evidence, surface: p.surface }]));
  });

  it('puts all three measures after “花都将以三个“万亩千亿”产业平台为引领” (line 62) in 花都区', () => {
    for (const ref of ['段18一是', '段18二是', '段18三是']) {
      expect(subjects.get(ref), ref).toMatchObject({ name: '花都区', line: 62, surface: '花都' });
    }
    expect(subjects.get('段18一是')?.quote).toContain('花都将以三个“万亩千亿”产业平台为引领');
  });

  it('puts the measures after the “南沙” subheading and “南沙将以空间赋能” (line 70) in 南沙区', () => {
    for (const ref of ['段21一是', '段21二是', '段21三是']) expect(subjects.get(ref)?.name, ref).toBe('南沙区');
    expect(subjects.get('段21二是')?.quote).toContain('南沙将以空间赋能');
  });

  it('falls back to a place-only subheading (“花都”, line 54) when no clause names the subject', () => {
    const preamble = article.looseParagraphs.find((p) => p.text.startsWith('董传辉表示，花都将以'))!;
    const withoutIntent: PlanDraft = { ...article, looseParagraphs: article.looseParagraphs.filter((p) => p !== preamble) };
    const found = passageSubjects(doc, withoutIntent, { jurisdiction: resolveDivision('广州市') });
    const first = [...found].find(([t]) => t.ref === '段18一是')?.[1];
    expect(first).toMatchObject({ surface: '花都', evidence: { line: 54, quote: '花都' } });
  });

  it('gives no subject to a plan whose tasks are not enumerated measures', () => {
    const plain: PlanDraft = { ...article, tasks: article.tasks.map((t) => ({ ...t, ref: t.ref.replace(/[一二三]是$/, '') })) };
    expect(passageSubjects(doc, plain, {}).size).toBe(0);
  });
});
