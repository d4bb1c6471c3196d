/**
 * Where a fact read from a paragraph comes from: the source line a character starts on, the text as
 * written (a Traditional source keeps its script) and the short quote every node and edge carries
 * (docs/architecture.md, Provenance). Every extractor cites text through these, so a quote is cut
 * the same way whichever extractor found the fact.
 */
import type { Evidence, Paragraph } from '../model.ts';

/** Longest quote kept as evidence (model.ts `Evidence.quote`: at most ~120 characters). */
export const QUOTE_MAX = 120;

/** Source line (1-based) of character `offset` of the paragraph's text. */
export function lineAt(p: Paragraph, offset: number): number {
  let line = p.line;
  for (const s of p.segments) {
    if (s.offset > offset) break;
    line = s.line;
  }
  return line;
}

/**
 * Whether the verbatim text lines up character for character with the Simplified copy matching
 * reads (it does unless normalisation changed lengths), so an offset in one is an offset in the other.
 */
export function aligned(p: Pick<Paragraph, 'text' | 'original'>): boolean {
  return p.original?.length === p.text.length;
}

/** The text to quote from: the verbatim text where it is aligned, else the Simplified copy. */
export function verbatimText(p: Pick<Paragraph, 'text' | 'original'>): string {
  return aligned(p) ? p.original : p.text;
}

/** The verbatim text of [start, end) of the paragraph's text. */
export function verbatim(p: Pick<Paragraph, 'text' | 'original'>, start: number, end: number): string {
  return verbatimText(p).slice(start, end);
}

/** A quote cut to `max` characters. */
export function clip(quote: string, max = QUOTE_MAX): string {
  return quote.length > max ? quote.slice(0, max) : quote;
}

/** Text trimmed, then cut to a short quote. */
export function shortQuote(text: string, max = QUOTE_MAX): string {
  return clip(text.trim(), max);
}

/** Markdown bold marks (`**`) out of a quote, and the ends trimmed. */
export function plainQuote(quote: string): string {
  return quote.replace(/\*\*/g, '').trim();
}

/**
 * At most QUOTE_MAX characters of [from, to) around a match at [at, until): [from, to) itself when
 * short enough, else a window that ends where the match ends — or, for a match too long for that to
 * show its opening, one that starts 40 characters before it.
 */
export function quoteWindow(from: number, to: number, at: number, until: number): [number, number] {
  if (to - from <= QUOTE_MAX) return [from, to];
  const start = Math.max(from, Math.min(at - 40, until - QUOTE_MAX));
  return [start, Math.min(to, start + QUOTE_MAX)];
}

/** Marks that end the sentence a quote is cut from: 。；;！？!? and a line break. */
const isSentenceEnd = (c: number) =>
  c === 0x3002 || c === 0xff1b || c === 0x3b || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0x0a;

/** Evidence for a match at [start, end): the sentence holding it, verbatim, cut to a window around the match. */
export function evidenceAt(document: string, p: Paragraph, start: number, end: number): Evidence {
  const source = verbatimText(p);
  let s = start;
  while (s > 0 && !isSentenceEnd(p.text.charCodeAt(s - 1))) s--;
  let e = end;
  while (e < p.text.length && !isSentenceEnd(p.text.charCodeAt(e))) e++;
  if (e < p.text.length) e++; // keep the sentence's closing mark
  [s, e] = quoteWindow(s, e, start, end);
  while (s < start && /\s/.test(source[s])) s++;
  return { document, line: lineAt(p, s), quote: source.slice(s, e).trim() };
}
