/**
 * Line-level patterns of Chinese government documents, shared by normalise (to know where a
 * paragraph must not be glued to its neighbour) and structure (to build the task tree).
 * All patterns run on the Simplified copy of a line with leading blanks removed.
 */

export const CN_NUM = '[一二三四五六七八九十百零〇两]';

export type HeadingKind =
  | 'part' // 第X篇 / 第X部分
  | 'chapter' // 第X章
  | 'section' // 第X节
  | 'item' // 一、
  | 'subitem' // （一）
  | 'point' // 1. / 1、 / 1．
  | 'subpoint' // （1） / ①
  | 'box' // 专栏
  | 'annex' // 附件
  | 'toc' // 目录
  | 'preface'; // 前言

export interface HeadingMatch {
  kind: HeadingKind;
  /** The numbering as written, e.g. "第三章", "一", "（一）" → "一", "1". */
  number: string;
  /** Text after the numbering, leading blanks removed. */
  rest: string;
}

const HEADING_RULES: { kind: HeadingKind; re: RegExp }[] = [
  { kind: 'part', re: new RegExp(`^(第${CN_NUM}+(?:篇|部分))[\\s\\u3000]*(.*)$`, 'u') },
  { kind: 'chapter', re: new RegExp(`^(第(?:${CN_NUM}+|\\d{1,2})章)[\\s\\u3000]*(.*)$`, 'u') },
  { kind: 'section', re: new RegExp(`^(第(?:${CN_NUM}+|\\d{1,2})节)[\\s\\u3000]*(.*)$`, 'u') },
  { kind: 'item', re: new RegExp(`^(${CN_NUM}{1,3})[、．.][\\s\\u3000]*(.*)$`, 'u') },
  { kind: 'subitem', re: new RegExp(`^[（(][\\s\\u3000]*(${CN_NUM}{1,3})[\\s\\u3000]*[）)][、．.]?[\\s\\u3000]*(.*)$`, 'u') },
  { kind: 'point', re: /^(\d{1,2})(?:[.．](?!\d)|、)[\s\u3000]*(.*)$/u },
  { kind: 'subpoint', re: /^[（(](\d{1,2})[）)][、．.]?[\s\u3000]*(.*)$/u },
  { kind: 'subpoint', re: /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])[\s\u3000]*(.*)$/u },
  { kind: 'box', re: /^(专栏[\s\u3000]*\d*(?:[-－—]\d+)?)[：:\s\u3000]*(.*)$/u },
  { kind: 'annex', re: /^(附件[\s\u3000]*\d*)[：:\s\u3000]*(.*)$/u },
  { kind: 'toc', re: /^(目[\s\u3000]*录)[\s\u3000]*()$/u },
  { kind: 'preface', re: /^(前[\s\u3000]*言)[\s\u3000]*()$/u },
];

/** Whitespace as \s (and String.prototype.trim) reads it; \u3000 and \u00a0 included. */
export function isBlank(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Where the first character that is not blank (isBlank) is: text.length when there is none. */
export function firstNonBlankAt(text: string): number {
  let i = 0;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** The text without any blank (isBlank: \s, \u3000, form feeds), as s.replace(/[\s\u3000\f]+/gu, '') has it. */
export function withoutBlanks(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (!isBlank(s.charCodeAt(i))) continue;
    if (i > from) out += s.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? s : from < s.length ? out + s.slice(from) : out;
}

/** The characters a heading can open with (after blanks): every rule below starts with one. */
const HEADING_FIRST = new Set([...`第${CN_NUM.slice(1, -1)}（(0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳专附目前`].map((c) => c.charCodeAt(0)));

export function matchHeading(text: string): HeadingMatch | undefined {
  // Most lines are prose: their first character rules out every heading without running the rules.
  const from = firstNonBlankAt(text);
  if (!HEADING_FIRST.has(text.charCodeAt(from))) return undefined;
  const t = from === 0 ? text : text.slice(from);
  for (const { kind, re } of HEADING_RULES) {
    const m = re.exec(t);
    if (!m) continue;
    // "附件" opens an annex only as a short line ("附件", "附件2：重点任务分工"), not "附件材料…" prose.
    if (kind === 'annex' && m[2].length > 40) continue;
    if (kind === 'box' && m[2].length > 60) continue;
    // "1.9万张" or "3.5%" at a line start is a number, not a point heading ("1、9个项目" is item 1: 、 is no decimal point).
    if (kind === 'point' && /^\d/.test(m[2]) && t.charCodeAt(m[1].length) !== 0x3001) continue;
    return { kind, number: m[1].replace(/[\s\u3000]/gu, ''), rest: m[2].trim() };
  }
  return undefined;
}

/** Sentence-final punctuation: a paragraph may end after it. */
export const TERMINAL = /[。！？!?；;…]$/u;
const TERMINAL_CHARS = new Set([...'。！？!?；;…'].map((c) => c.charCodeAt(0)));
const CLOSERS = new Set([...'”’」』）)'].map((c) => c.charCodeAt(0)));
/** A closing quote/bracket after terminal punctuation ("……。”" / "（…负责）") also ends a sentence. */
export function endsSentence(text: string): boolean {
  const t = text.trimEnd();
  const last = t.charCodeAt(t.length - 1);
  if (TERMINAL_CHARS.has(last)) return true;
  // Both other shapes end in a closing quote or bracket.
  if (!CLOSERS.has(last)) return false;
  if (/[。！？!?][”’」』）)]+$/u.test(t)) return true;
  // An attribution in brackets closes an item: "…（省公安厅牵头；省发展改革委按职责分工负责）".
  if (/[）)]$/u.test(t) && /[（(][^（()）]*(?:牵头|负责|配合|参与|落实)[^（()）]*[）)]$/u.test(t)) return true;
  return false;
}

/** Page numbers and page furniture: "— 107 —", "- 3 -", "—02", "第 3 页", "3/45". */
export function isPageNumber(text: string): boolean {
  // Every shape opens with a dash, 第, a digit or a dot: other lines are not read further.
  const from = firstNonBlankAt(text);
  if (!PAGE_FIRST.has(text.charCodeAt(from))) return false;
  const t = withoutBlanks(text);
  return (
    /^[—–\-－─~～]+\d{1,4}[—–\-－─~～]*$/u.test(t) ||
    /^第\d{1,4}页(共\d{1,4}页)?$/u.test(t) ||
    /^\d{1,4}\/\d{1,4}$/u.test(t) ||
    /^[·•]?\d{1,4}[·•]?$/u.test(t)
  );
}

const PAGE_FIRST = new Set([...'—–-－─~～第0123456789·•'].map((c) => c.charCodeAt(0)));

/** A lone number line: a page number unless it sits in a table (row numbers of a scrambled table). */
export function isLoneNumber(text: string): boolean {
  return /^[\s\u3000\f]*\d{1,4}[\s\u3000]*$/u.test(text);
}

/** A table-of-contents entry: a heading-like line ending in its page number. */
export function isTocEntry(text: string): boolean {
  const t = text.trimEnd();
  // An entry ends in its page number: a line that does not is not matched against the pattern.
  const last = t.charCodeAt(t.length - 1);
  if (!(last >= 0x30 && last <= 0x39)) return false;
  const m = /^(.{1,60}?)(?:\t+|[\s\u3000]*[.…·．]{2,}[\s\u3000]*|[\s\u3000]+)(\d{1,3})$/u.exec(t);
  if (!m) return false;
  const head = m[1].trim();
  if (/[。；，]/u.test(head)) return false;
  return matchHeading(head) !== undefined || head.length <= 30;
}

/** Footnote marker at a line start: "^① 广州都市圈范围包括…", "①广州都市圈…" (only if that marker was used), "[1] …". */
export const FOOTNOTE_LINE = /^(\^[①-⑳]|\^\[?\d{1,2}\]?|\[\d{1,2}\]|[①-⑳])[\s\u3000]*(?=\S)/u;
/** Inline footnote markers that interrupt a sentence: "广州都市圈^②。" */
export const INLINE_MARKER = /\^(?:[①-⑳]|\[\d{1,2}\]|\d{1,2})/gu;

/** Visual width: full-width characters count 2, ASCII 1 (a PDF's hard wrap fills a fixed width). */
export function visualWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80) w += c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2014 || c === 0x2026 ? 2 : 1;
    else {
      w += 2;
      // A character outside the BMP is one glyph, two code units.
      if (c >= 0xd800 && c <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
    }
  }
  return w;
}
