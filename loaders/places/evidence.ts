/** Evidence for a match inside a paragraph: the source line it starts on and a short verbatim quote. */
import type { Evidence, Paragraph } from '../model.ts';

const MAX_QUOTE = 120;
/** Marks that end the sentence a quote is cut from: 。；;！？!? and a line break. */
const isSentenceEnd = (c: number) =>
  c === 0x3002 || c === 0xff1b || c === 0x3b || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0x0a;

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
 * The sentence holding [start, end), verbatim from `original` when it aligns with `text`
 * (it does unless normalisation changed lengths), clipped to ~120 characters around the match.
 */
export function evidenceAt(document: string, p: Paragraph, start: number, end: number): Evidence {
  const source = p.original && p.original.length === p.text.length ? p.original : p.text;
  let s = start;
  while (s > 0 && !isSentenceEnd(p.text.charCodeAt(s - 1))) s--;
  let e = end;
  while (e < p.text.length && !isSentenceEnd(p.text.charCodeAt(e))) e++;
  if (e < p.text.length) e++; // keep the sentence's closing mark
  if (e - s > MAX_QUOTE) {
    s = Math.max(s, Math.min(start - 40, end - MAX_QUOTE));
    e = Math.min(e, s + MAX_QUOTE);
  }
  while (s < start && /\s/.test(source[s])) s++;
  return { document, line: lineAt(p, s), quote: source.slice(s, e).trim() };
}
