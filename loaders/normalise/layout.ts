/**
 * Document-level layout facts the join rules need: is the text hard-wrapped at a fixed width
 * (PDF text: lines of ~27 full-width characters) and which lines are table-of-contents entries.
 */
import { firstNonBlankAt, isBlank, isTocEntry, matchHeading, visualWidth, withoutBlanks } from './patterns.ts';

/** Wrap width in visual units (full-width = 2), or undefined for one-paragraph-per-line text. */
export function detectWrapWidth(lines: string[]): number | undefined {
  const widths = lines.filter((l) => l.length >= 8 && !l.includes('\t')).map(visualWidth);
  if (widths.length < 20) return undefined;
  // A histogram over the widths that can count (26..142: a candidate 30..140 and its window).
  const counts = new Array<number>(143).fill(0);
  for (const w of widths) if (w >= 26 && w <= 142) counts[w]++;
  let best: number | undefined;
  let bestShare = 0;
  // The widest of the best-supported widths (any order of trying gives that one).
  for (let w = 30; w <= 140; w++) {
    if (counts[w] === 0) continue; // only widths some line has
    // Wrapped lines cluster just under the width (kinsoku shifts a glyph; half-width digits round).
    let near = 0;
    for (let x = w - 4; x <= w + 2; x++) near += counts[x];
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
    // Only a line opening with 目 (目录, 目 录) can be the contents' header: others skip the heading rules.
    const isHeader = texts[i].charCodeAt(firstNonBlankAt(texts[i])) === MU && matchHeading(texts[i])?.kind === 'toc';
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
  const byText = new Map<string, number[]>();
  texts.forEach((t, i) => {
    // Most lines are prose, far longer than 50 once blanks are out: counted before the short text is made.
    const n = nonBlankCount(t, 51);
    if (n < 2 || n > 50) return;
    const k = withoutBlanks(t);
    if (isPage(k) || /[。；]$/u.test(k) || matchHeading(k)) return;
    const at = byText.get(k);
    if (at) at.push(i);
    else byText.set(k, [i]);
  });
  const firstText = texts.findIndex((t) => withoutBlanks(t) !== '');
  const atBoundary = (i: number) => {
    // pdftotext puts the form feed at the start of a page's first line; the file's first line tops page 1.
    if (texts[i].includes('\f') || i === firstText) return true;
    for (const step of [-1, 1]) {
      let seen = 0;
      for (let j = i + step; j >= 0 && j < texts.length && seen < 3; j += step) {
        if (texts[j].includes('\f')) return true; // a page break right above (header) or below (footer)
        if (withoutBlanks(texts[j]) === '') continue;
        seen++;
        if (isPage(withoutBlanks(texts[j]))) return true;
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

const MU = 0x76ee; // 目

/** Non-blank characters of `s`, counted up to `cap` (a line past the cap is too long to be a running line). */
function nonBlankCount(s: string, cap: number): number {
  let n = 0;
  for (let i = 0; i < s.length && n < cap; i++) if (!isBlank(s.charCodeAt(i))) n++;
  return n;
}

/** "11.121人才梯队项目": an item number run into a title that starts with digits. */
const RUN_IN = /^[\s\u3000]*(\d{1,2})[.．](\d+)(.)/u;
/** What makes "2.5亿元" a decimal, not item 2: a unit, a percent, a letter (5G) or another digit group after the digits. */
const DECIMAL_TAIL = /[%％亿万元倍米吨度年月日个.．·A-Za-z]/u;

/**
 * Lines (0-based) whose number runs into a title starting with digits, and the offset of the separator:
 * "11.121人才梯队项目" right after item 10 is item 11 titled 121人才梯队项目, where a plain reading sees the
 * decimal 11.121. Only the number after the previous item counts, so decimals in prose stay prose.
 */
export function findRunInItemNumbers(texts: string[]): Map<number, number> {
  const out = new Map<number, number>();
  let last = 0;
  texts.forEach((t, i) => {
    // Both an item number and a run-in one open with a digit; other lines are neither.
    const c = t.charCodeAt(firstNonBlankAt(t));
    if (!(c >= 0x30 && c <= 0x39)) return;
    const h = matchHeading(t);
    if (h?.kind === 'point') {
      last = Number(h.number);
      return;
    }
    if (h) return;
    const m = RUN_IN.exec(t);
    if (!m || Number(m[1]) !== last + 1 || DECIMAL_TAIL.test(m[3])) return;
    out.set(i, m[0].indexOf(m[1]) + m[1].length);
    last++;
  });
  return out;
}
