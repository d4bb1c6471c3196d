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
    // Summed over the distinct widths, not every line: the same count, without a pass over all lines per width.
    let near = 0;
    for (const [x, n] of counts) if (x >= w - 4 && x <= w + 2) near += n;
    const share = near / widths.length;
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

/**
 * Indexes (0-based) of running headers and footers: the same short line printed on every page of
 * a PDF ("江门市新会区水环境综合治理规划（2024—2030年）", "××市人民政府办公室文件"). A line counts when
 * its text recurs at least three times and most occurrences sit at a page boundary (a form feed,
 * or a page number within a few lines). A plan's title on its cover page is not at a boundary, so it stays.
 */
export function findRunningLines(texts: string[], isPage: (t: string) => boolean): Set<number> {
  const norm = (s: string) => s.replace(/[\s\u3000\f]+/gu, '');
  const byText = new Map<string, number[]>();
  texts.forEach((t, i) => {
    const k = norm(t);
    if (k.length < 2 || k.length > 50 || isPage(k) || /[。；]$/u.test(k) || matchHeading(k)) return;
    byText.set(k, [...(byText.get(k) ?? []), i]);
  });
  const firstText = texts.findIndex((t) => norm(t) !== '');
  const atBoundary = (i: number) => {
    // pdftotext puts the form feed at the start of a page's first line; the file's first line tops page 1.
    if (texts[i].includes('\f') || i === firstText) return true;
    for (const step of [-1, 1]) {
      let seen = 0;
      for (let j = i + step; j >= 0 && j < texts.length && seen < 3; j += step) {
        if (texts[j].includes('\f')) return true; // a page break right above (header) or below (footer)
        if (norm(texts[j]) === '') continue;
        seen++;
        if (isPage(norm(texts[j]))) return true;
      }
    }
    return false;
  };
  const out = new Set<number>();
  for (const idx of byText.values()) {
    if (idx.length < 3) continue;
    const at = idx.filter(atBoundary);
    if (at.length < Math.max(3, Math.ceil(idx.length * 0.6))) continue;
    for (const i of at) out.add(i);
  }
  return out;
}
