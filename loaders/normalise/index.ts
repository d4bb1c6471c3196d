/**
 * normalise: SourceText → Paragraph[].
 *  - hard wraps undone: a line continues the previous one's sentence (PDF text wrapped at a fixed
 *    width, often with blank lines between wrapped lines; or a paragraph cut at a page break);
 *  - page numbers ("— 107 —", "- 3 -", lone page digits) and the table of contents dropped;
 *  - footnote lines ("^② 广州都市圈范围包括…") split off as kind 'footnote', their markers cut
 *    from the sentence they interrupt; the interrupted paragraph carries on after them;
 *  - tab-separated rows kept one line each as kind 'table-cell';
 *  - `segments` map every character of a paragraph back to its source line.
 */
import type { Paragraph, SourceText } from '../model.ts';
import { simplify } from '../read/script.ts';
import { cleanLine, PIPE_ROW, PIPE_SEPARATOR, type CleanLine } from './clean.ts';
import { detectWrapWidth, findRunInItemNumbers, findRunningLines, findTocLines } from './layout.ts';
import { findTextTables, rowParagraph } from './tables/index.ts';
import { isPageFurniture } from './furniture.ts';
import { endsSentence, FOOTNOTE_LINE, isLoneNumber, isPageNumber, matchHeading, visualWidth, type HeadingMatch } from './patterns.ts';

export { matchHeading, endsSentence, isPageNumber, isTocEntry, visualWidth } from './patterns.ts';
export type { HeadingMatch, HeadingKind } from './patterns.ts';

/** Normalised paragraphs plus a lookup for quoting any source line. */
export function normalise(source: SourceText): Paragraph[] {
  let simplified = source.script === 'traditional' ? source.lines.map(simplify) : source.lines;
  // "11.121人才梯队项目" is item 11: the matching copy gets 、 for its separator (same length, quotes stay verbatim).
  const runIn = findRunInItemNumbers(simplified);
  if (runIn.size) {
    simplified = [...simplified];
    for (const [i, at] of runIn) simplified[i] = `${simplified[i].slice(0, at)}、${simplified[i].slice(at + 1)}`;
  }
  const toc = findTocLines(simplified);
  const running = findRunningLines(simplified, isPageNumber);
  for (const i of running) toc.add(i); // dropped like page furniture
  const usedMarkers = collectInlineMarkers(simplified);
  const markdown = /\.(?:md|markdown)$/i.test(source.document);
  // Pull quotes inside cut sentences are a newspaper layout (a dateline such as "广东建设报讯").
  const newspaper = simplified.some((l) => l.includes('报讯') || l.includes('本报记者'));
  const kinds = source.lines.map((_, i) => classify(simplified, i, toc, usedMarkers));
  // Space-aligned, drawn and cell-per-line tables: their lines give way to one paragraph per row.
  const tableRows = new Map<number, Paragraph[]>();
  for (const block of findTextTables(simplified)) {
    const keep = new Set(block.keep);
    for (const l of block.lines) if (!keep.has(l)) kinds[l] = 'drawn';
    for (const row of block.rows) {
      const p = rowParagraph(row, source.lines, simplified);
      if (p.text.replace(/\t/g, '').trim() === '') continue;
      const at = p.segments.reduce((m, s) => Math.min(m, s.line), p.line) - 1;
      tableRows.set(at, [...(tableRows.get(at) ?? []), p]);
    }
  }
  const cleaned: CleanLine[] = source.lines.map((l, i) =>
    cleanLine(l, simplified[i], kinds[i] === 'footnote' ? FOOTNOTE_LINE : undefined, kinds[i] === 'table' && PIPE_ROW.test(simplified[i])),
  );
  const wrap = detectWrapWidth(cleaned.filter((_, i) => kinds[i] === 'content').map((c) => c.text));

  const out: Paragraph[] = [];
  let open: Builder | undefined;
  const close = () => {
    if (open) out.push(open.build());
    open = undefined;
  };
  for (let i = 0; i < cleaned.length; i++) {
    const kind = kinds[i];
    const line = cleaned[i];
    // Markdown: a blank line ends a paragraph (hard-wrapped lines between blanks still join).
    if (kind === 'blank' && markdown) close();
    if (kind === 'drawn') {
      close();
      out.push(...(tableRows.get(i) ?? []));
      continue;
    }
    if (kind === 'blank' || kind === 'page' || kind === 'toc' || line.text === '') continue;
    if (kind === 'footnote') {
      // Footnote text may wrap onto following lines until it ends a sentence.
      const note = new Builder(i + 1, line, 'footnote');
      while (!endsSentence(note.lastText) && i + 1 < cleaned.length && kinds[i + 1] === 'content' && !matchHeading(cleaned[i + 1].text) && isFullLine(note.lastText, wrap)) {
        i++;
        note.add(i + 1, cleaned[i]);
      }
      out.push(note.build());
      continue;
    }
    if (kind === 'caption') {
      out.push(new Builder(i + 1, line, 'body').build());
      continue;
    }
    if (kind === 'table') {
      close();
      // A row opening with empty cells (an HTML rowspan from the row above) keeps them: columns stay aligned.
      const tabs = /^\t+/.exec(source.lines[i])?.[0] ?? '';
      const row = tabs && !line.text.startsWith('\t') ? { ...line, original: tabs + line.original, text: tabs + line.text } : line;
      out.push(new Builder(i + 1, row, 'table-cell').build());
      continue;
    }
    // HTML and Word paragraphs are real blocks: never glued together.
    const blocks = source.encoding === 'html' || source.encoding === 'docx';
    // A newspaper pull quote ("奋力打造产业区块优化样板") printed inside a sentence the layout cut:
    // it stands alone and the sentence goes on after it.
    if (open && !blocks && wrap === undefined && newspaper && isPullQuote(open, line, cleaned, kinds, i)) {
      out.push(new Builder(i + 1, line, 'body').build());
      continue;
    }
    if (open && !blocks && continues(open, line, wrap)) {
      open.add(i + 1, line);
      continue;
    }
    close();
    open = new Builder(i + 1, line, 'body');
  }
  close();
  return out.sort((a, b) => a.line - b.line);
}

type LineKind = 'blank' | 'page' | 'toc' | 'footnote' | 'caption' | 'table' | 'content' | 'drawn';

function classify(lines: string[], i: number, toc: Set<number>, markers: Set<string>): LineKind {
  const t = lines[i].trim(); // trim() cuts what \s matches: \u3000, \u00a0 and \f too
  const pipe = t.includes('|');
  if (t === '' || (pipe && PIPE_SEPARATOR.test(t))) return 'blank';
  if (pipe && PIPE_ROW.test(t)) return 'table';
  if (toc.has(i)) return 'toc';
  if (isPageNumber(t) && !(isLoneNumber(t) && inTable(lines, i))) return 'page';
  const fm = FOOTNOTE_LINE.exec(t);
  if (fm) {
    const marker = fm[1].replace(/^\^/, '').replace(/[[\]]/g, '');
    // A bare ① starts a list item unless the text used ① as a note marker before.
    if (fm[1].startsWith('^') || markers.has(marker)) return 'footnote';
  }
  if (((t.startsWith('图') || t.startsWith('圖')) && /^(?:图|圖)\s*\d+(?:[-－.]\d+)?\s+\S/u.test(t)) || (t.includes('图源') && /[（(]图源[:：][^）)]*[）)]$/u.test(t)) || (t.endsWith('摄') && /\s摄$/u.test(t))) return 'caption';
  if (lines[i].includes('\t') && (/\t/.test(lines[i].replace(/^\t+/, '')) || /^\t.*\t/.test(lines[i]))) return 'table';
  return 'content';
}

/** Row numbers of a scrambled table look like page numbers; real page numbers sit between prose lines. */
function inTable(lines: string[], i: number): boolean {
  const near = (step: number) => {
    for (let j = i + step; j >= 0 && j < lines.length; j += step) if (lines[j].trim() !== '') return lines[j].trim();
    return '';
  };
  const prose = (s: string) => s.length >= 15 && /[，。、；]/u.test(s);
  return !(prose(near(-1)) || prose(near(1)));
}

function collectInlineMarkers(lines: string[]): Set<string> {
  const found = new Set<string>();
  for (const l of lines) {
    // Every marker is one of ①-⑳: lines without one skip the lookbehind scan.
    if (!/[①-⑳]/u.test(l)) continue;
    for (const m of l.matchAll(/\^([①-⑳])|(?<=[\p{Script=Han}”」》）)])([①-⑳])(?=[，。；、\p{Script=Han}])/gu)) {
      found.add(m[1] ?? m[2]);
    }
  }
  return found;
}

/**
 * A line filled to the wrap width, so its sentence may go on below. A paragraph's first line is
 * indented two full-width blanks in the PDF (lost in extraction), so it counts as full 4 units earlier.
 */
function isFullLine(text: string, wrap: number | undefined, firstLine = false): boolean {
  return wrap !== undefined && visualWidth(text) >= wrap - (firstLine ? 9 : 4);
}

const DOC_NUMBER = /^\p{Script=Han}{1,10}[〔［\[（(]\d{4}[〕］\]）)]\s*\d{1,4}\s*号$/u;
const OPENS_MID_SENTENCE = /[，、：:“‘（(《〈—\-·]$/u;
const STARTS_WITH_CONTINUATION = /^[，。、；：:）)”’」』》〉]/u;
/** A new paragraph's first words: a short sentence that is a lead phrase (积极培育新兴绿色低碳产业。). */
const SHORT_LEAD = /^[^，,。；;：:]{2,16}。./u;
/** SHORT_LEAD, read only where the text's first 。 can be the one it needs (at offset 2 to 16). */
function isShortLead(text: string): boolean {
  const stop = text.indexOf('。');
  return stop >= 2 && stop <= 16 && SHORT_LEAD.test(text);
}
/** DOC_NUMBER, read only on a text ending in 号. */
function isDocNumber(text: string): boolean {
  return text.endsWith('号') && DOC_NUMBER.test(text);
}
/** Last characters of 的通知, 的意见, 的批复, 的决定, 的函. */
const NOTICE_END = new Set([...'知见复定函'].map((c) => c.charCodeAt(0)));

function continues(p: Builder, next: CleanLine, wrap: number | undefined): boolean {
  const prev = p.lastText;
  const nextText = next.text;
  if (p.markdownHeading || next.markdownHeading) return false;
  const nextHeading = matchHeading(nextText);
  const prevFull = isFullLine(prev, wrap, p.lineCount === 1);
  const prevEnds = endsSentence(prev);
  if (p.lineCount === 1 && p.heading && isHeadingOnly(p.firstText)) {
    // A heading wrapped onto a second, short line: "第一章 全面建成小康社会，" + "开启花都…新征程".
    if (prevEnds || nextHeading || /[，。；]/u.test(nextText.slice(0, -1))) return false;
    if (OPENS_MID_SENTENCE.test(prev)) return nextText.length <= 20;
    // A full-width heading cut a word short ("…平台优化升" + "级"); a box title is followed by its rows.
    return prevFull && p.heading.kind !== 'box' && nextText.length <= 8;
  }
  if (nextHeading) return false;
  // A web page's byline or widget line ("发布时间：… 来源：… 字号：大 中 小") is a line of its own.
  if ((prev.length <= 120 && isPageFurniture(prev)) || (nextText.length <= 120 && isPageFurniture(nextText))) return false;
  // A notice's title line and its document number ("从府办〔2024〕5号") stand alone.
  if (isDocNumber(nextText) || isDocNumber(prev) || (NOTICE_END.has(prev.charCodeAt(prev.length - 1)) && /(?:的通知|的意见|的批复|的决定|的函)$/u.test(prev))) return false;
  if (STARTS_WITH_CONTINUATION.test(nextText)) return true;
  // A notice's addressees ("各县、区人民政府（管委会），市直和驻惠各有关单位：") are a line of their own.
  if (p.lineCount === 1 && (prev.endsWith('：') || prev.endsWith(':')) && /^.{2,60}(?:单位|部门|机构|人民政府|办事处)[：:]$/u.test(prev) && !/[。；]/u.test(prev)) return false;
  const nextStarts = nextText.startsWith('——') || isShortLead(nextText) || /^注[：:]/u.test(nextText);
  if (prevEnds) {
    // A sentence ended exactly at the wrap: the paragraph goes on unless the next line opens a new
    // one, or is a short label ("铁路交通" in a box) rather than the start of a wrapped sentence.
    const label = wrap !== undefined && visualWidth(nextText) < wrap * 0.7 && !endsSentence(nextText);
    return wrap !== undefined && prevFull && !nextStarts && !label;
  }
  if (OPENS_MID_SENTENCE.test(prev)) return true;
  if (wrap !== undefined) return prevFull;
  // "牵头单位：…　责任单位：…" ends without a full stop but is a line of its own.
  if (/^[（(]?(?:牵头单位|牵头责任单位|牵头部门|责任单位|责任部门|部门分工|配合单位|协同责任单位)[：:]/u.test(p.firstText)) return false;
  // One paragraph per line, cut by a page break: the cut-off part is prose (has inner punctuation) or long.
  return /[。，；]/u.test(prev) || prev.length >= 40;
}

function isPullQuote(open: Builder, line: CleanLine, cleaned: CleanLine[], kinds: LineKind[], i: number): boolean {
  const t = line.text;
  if (t.length < 4 || t.length > 20 || /[\p{P}\d]/u.test(t) || matchHeading(t) || open.heading || open.markdownHeading) return false;
  const prev = open.lastText;
  if (endsSentence(prev) || prev.length < 15 || !/[，、；]/u.test(prev)) return false;
  let j = i + 1;
  while (j < cleaned.length && (kinds[j] === 'blank' || kinds[j] === 'page' || cleaned[j].text === '')) j++;
  if (j >= cleaned.length || kinds[j] !== 'content') return false;
  const next = cleaned[j].text;
  // What follows finishes the cut sentence: prose that does not open a paragraph of its own.
  return next.length >= 15 && /[，。；]/u.test(next) && !STARTS_WITH_CONTINUATION.test(next) && !matchHeading(next) && !isShortLead(next) && !next.startsWith('——') && !/^\p{Script=Han}{0,12}(?:表示|指出|介绍|强调)/u.test(next);
}

/** A heading line with no body after it ("（一）加强组织领导。区城乡…" carries body text). */
function isHeadingOnly(text: string): boolean {
  const h = matchHeading(text);
  if (!h) return false;
  const rest = h.rest.replace(/[。.]$/u, '');
  return !/[。；]/u.test(rest) && rest.length <= 60;
}

class Builder {
  readonly line: number;
  private parts: { line: number; original: string; text: string }[] = [];
  readonly kind: Paragraph['kind'];
  readonly heading: HeadingMatch | undefined;
  readonly markdownHeading: boolean;
  private marker?: string;
  constructor(line: number, first: CleanLine, kind: Paragraph['kind']) {
    this.line = line;
    this.kind = kind;
    this.heading = kind === 'body' ? matchHeading(first.text) : undefined;
    this.markdownHeading = first.markdownHeading;
    this.marker = first.marker;
    this.add(line, first);
  }
  add(line: number, c: CleanLine) {
    this.parts.push({ line, original: c.original, text: c.text });
  }
  get lastText(): string {
    return this.parts[this.parts.length - 1].text;
  }
  get firstText(): string {
    return this.parts[0].text;
  }
  get lineCount(): number {
    return this.parts.length;
  }
  build(): Paragraph {
    let text = '';
    let original = '';
    const segments: Paragraph['segments'] = [];
    // The last character of `text` so far, as a code (-1: none), so the joined text is not re-read per line.
    let last = -1;
    for (const part of this.parts) {
      // Latin words or numbers cut by a wrap get their space back; Chinese joins directly.
      const joiner = last >= 0 && isLatinOrDigit(last) && isLatin(part.text.charCodeAt(0)) ? ' ' : '';
      text += joiner;
      original += joiner;
      segments.push({ offset: text.length, line: part.line });
      text += part.text;
      original += part.original;
      if (part.text !== '') last = part.text.charCodeAt(part.text.length - 1);
    }
    const p: Paragraph = { text, original, line: this.line, segments, kind: this.kind };
    if (this.marker) p.marker = this.marker;
    if (this.markdownHeading) p.markdownHeading = true;
    return p;
  }
}

const isLatin = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isLatinOrDigit = (c: number) => isLatin(c) || (c >= 0x30 && c <= 0x39);
