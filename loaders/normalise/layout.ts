/**
 * Document-level layout facts the join rules need: is the text hard-wrapped at a fixed width
 * (PDF text: lines of ~27 full-width characters) and which lines are table-of-contents entries.
 */
import { isTocEntry, matchHeading, visualWidth } from './patterns.ts';

/** Wrap width in visual units (full-width = 2), or undefined for one-paragraph-per-line text. */
export function detectWrapWidth(lines: string[]): number | undefined {
  const widths = lines.filter((l) => l.length >= 8 && !l.includes('\t')).map(visualWidth);
  if (widths.length < 20) return undefined;
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best: number | undefined;
  let bestShare = 0;
  for (const w of counts.keys()) {
    if (w < 30 || w > 140) continue;
    // Wrapped lines cluster just under the width (kinsoku shifts a glyph; half-width digits round).
    const share = widths.filter((x) => x >= w - 4 && x <= w + 2).length / widths.length;
    if (share > bestShare || (share === bestShare && best !== undefined && w > best)) {
      bestShare = share;
      best = w;
    }
  }
  return best !== undefined && bestShare >= 0.4 ? best : undefined;
}

/**
 * Indexes (0-based) of table-of-contents lines: a 目录 line and the entries after it, or any
 * run of three or more entries ending in page numbers. The contents are not a second copy of the tasks.
 */
export function findTocLines(texts: string[]): Set<number> {
  const toc = new Set<number>();
  const blank = (i: number) => texts[i].trim() === '';
  for (let i = 0; i < texts.length; i++) {
    const isHeader = matchHeading(texts[i])?.kind === 'toc';
    if (!isHeader && !isTocEntry(texts[i])) continue;
    // collect a run of entries (blank lines allowed)
    const run: number[] = [];
    let j = isHeader ? i + 1 : i;
    for (; j < texts.length; j++) {
      if (blank(j)) continue;
      if (isTocEntry(texts[j])) run.push(j);
      else break;
    }
    if (isHeader || run.length >= 3) {
      if (isHeader) toc.add(i);
      for (const k of run) toc.add(k);
      i = j - 1;
    }
  }
  return toc;
}
