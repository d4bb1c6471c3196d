/**
 * Enumerated measures inside prose: "一是强化政策供给。…二是强化社区运营。…三是强化示范引领。…" or
 * "第一，…。第二，…。". A news article reports the work a body will do this way; each enumerated
 * measure is a task of the article (lead-phrase style: its title is the words after the marker up
 * to the first full stop). Plain narrative paragraphs are not tasks. An enumeration needs at least
 * two members counting up from 一/第一, and is not a list of features ("特点：一是规模大，二是…").
 */
import type { Paragraph, TaskDraft } from '../model.ts';
import { lineAt, shortQuote } from '../text/provenance.ts';

const DIGITS = '一二三四五六七八九十';
/** Marker after a paragraph start or a punctuation mark: 一是 / 第一，  */
const MARKER = new RegExp(`(?<=^|[。；;！!？?：:，,”])[\\s\\u3000]*(?:([${DIGITS}])是|第([${DIGITS}])[，,、])`, 'gu');
/** An enumeration of features or findings, not of work. */
const DESCRIPTIVE = /(?:特点|特征|亮点|成效|优势|原因|问题|短板|不足|表现在|体现在)[^。]{0,12}[：:，,]?$/u;

interface Marker {
  para: number;
  /** Offset of the marker's first character in the paragraph text. */
  at: number;
  /** Offset where the measure's words begin (after 一是 / 第一，). */
  body: number;
  n: number;
  style: '是' | '第';
  token: string;
}

export interface Enumerated {
  tasks: TaskDraft[];
  /** The paragraphs (or their parts) outside every enumerated measure, in reading order. */
  loose: Paragraph[];
}

export function enumeratedTasks(paragraphs: Paragraph[], document: string): Enumerated {
  const markers: Marker[] = [];
  paragraphs.forEach((p, para) => {
    if (p.kind !== 'body') return;
    for (const m of p.text.matchAll(MARKER)) {
      const digit = m[1] ?? m[2];
      const at = m.index! + (m[0].length - m[0].trimStart().length);
      markers.push({ para, at, body: m.index! + m[0].length, n: DIGITS.indexOf(digit) + 1, style: m[1] ? '是' : '第', token: m[1] ? `${digit}是` : `第${digit}` });
    }
  });
  // Runs: 一 → 二 → 三 … in reading order, same style.
  const runs: Marker[][] = [];
  let run: Marker[] = [];
  const end = () => {
    if (run.length >= 2 && !descriptive(paragraphs[run[0].para], run[0].at)) runs.push(run);
    run = [];
  };
  for (const m of markers) {
    const last = run[run.length - 1];
    if (last && m.style === last.style && m.n === last.n + 1 && m.para - last.para <= 3) run.push(m);
    else {
      end();
      if (m.n === 1) run = [m];
    }
  }
  end();
  if (runs.length === 0) return { tasks: [], loose: paragraphs };

  const tasks: TaskDraft[] = [];
  /** Character ranges of each paragraph taken by measures. */
  const taken = new Map<number, [number, number][]>();
  const take = (para: number, from: number, to: number) => taken.set(para, [...(taken.get(para) ?? []), [from, to]]);
  for (const r of runs) {
    const prefix = runs.length > 1 ? `段${r[0].para + 1}` : '';
    r.forEach((m, k) => {
      const next = r[k + 1];
      const parts: Paragraph[] = [];
      // The measure runs to the next marker, across the paragraphs between; the last one to its paragraph's end.
      const lastPara = next ? next.para : m.para;
      for (let q = m.para; q <= lastPara; q++) {
        const p = paragraphs[q];
        if (p.kind !== 'body') continue;
        const from = q === m.para ? m.at : 0;
        const to = next && q === next.para ? next.at : p.text.length;
        if (to <= from) continue;
        parts.push(slice(p, from, to));
        take(q, from, to);
      }
      const first = parts[0];
      const title = measureTitle(first.text.slice(m.body - m.at));
      const titleAt = m.body - m.at + (first.text.slice(m.body - m.at).length - first.text.slice(m.body - m.at).trimStart().length);
      tasks.push({
        kind: 'leadPhrase',
        ref: prefix + m.token,
        title: first.original.slice(titleAt, titleAt + title.length),
        text: parts.map((p) => p.original).join('\n'),
        paragraphs: parts,
        evidence: { document, line: first.line, quote: shortQuote(first.original) },
        children: [],
        endLine: Math.max(...parts.map((p) => p.segments[p.segments.length - 1].line)),
      });
    });
  }
  // Whatever no measure took stays loose: the lines before 一是, the paragraphs after the last measure.
  const loose: Paragraph[] = [];
  paragraphs.forEach((p, q) => {
    const ranges = (taken.get(q) ?? []).sort((a, b) => a[0] - b[0]);
    let at = 0;
    for (const [from, to] of ranges) {
      if (from > at && p.text.slice(at, from).trim() !== '') loose.push(slice(p, at, from));
      at = Math.max(at, to);
    }
    if (at === 0) loose.push(p);
    else if (at < p.text.length && p.text.slice(at).trim() !== '') loose.push(slice(p, at, p.text.length));
  });
  return { tasks, loose };
}

function descriptive(p: Paragraph, at: number): boolean {
  return DESCRIPTIVE.test(p.text.slice(Math.max(0, at - 40), at));
}

/** "强化政策供给。广东省…" → "强化政策供给"; a long first sentence is cut at its first comma. */
export function measureTitle(text: string): string {
  const t = text.trimStart();
  const stop = /^([^。！？；;]{2,60}?)[。！？；;]/u.exec(t);
  const sentence = stop ? stop[1] : t.slice(0, 60);
  if (sentence.length <= 40) return sentence.replace(/[，,、]$/u, '');
  const comma = /^([^，,]{4,40})[，,]/u.exec(sentence);
  return comma ? comma[1] : sentence.slice(0, 40);
}

/** The part [from, to) of a paragraph as a paragraph of its own, with its line map. */
export function slice(p: Paragraph, from: number, to: number): Paragraph {
  // Leading blanks are not text: start at the first visible character.
  while (from < to && /[\s\u3000]/u.test(p.text[from])) from++;
  const segments = [{ offset: 0, line: lineAt(p, from) }];
  for (const s of p.segments) if (s.offset > from && s.offset < to) segments.push({ offset: s.offset - from, line: s.line });
  const out: Paragraph = { text: p.text.slice(from, to), original: p.original.slice(from, to), line: segments[0].line, segments, kind: p.kind };
  if (p.marker) out.marker = p.marker;
  return out;
}
