/**
 * Indicator tables that PDF extraction scattered over many lines (专栏1 of the Huadu plan):
 * one cell — or a piece of a wrapped cell — per line, blank lines between, the header spread
 * over several lines ("类别 序号 指标 单位" / "2020 年" / "完成值" / "2025 年" / "目标值" / "属性").
 *
 * A row starts at the next serial number and ends at its attribute (预期性/约束性). Inside a
 * row the cells come in column order, so the row is read left to right: name pieces until the
 * unit cell, then value cells. Narrow columns wrap a cell over lines ("完成广州市下" / "达目标";
 * "1200（标方 72" / "万立方米）"), so value pieces are regrouped by bracket balance and by
 * whether a piece reads as a finished value, then fitted to the number of year columns.
 * Category cells (经济 / 发展) are merged cells printed as short lines before their first row.
 */
import {
  type IndicatorRow,
  type YearColumns,
  isAttribute,
  isNumericValue,
  isNoValue,
  isUnit,
  isUnitStart,
  joinPieces,
  rowQuote,
  yearColumns,
} from './indicator.ts';

const HEADER_WORDS = /^(类别|序号|指标|指标名称|单位|属性|完成值|目标值|基期值|现状值|预期值|规划目标|目标|基期|现状|年均增长|累计|(?:19|20)\d{2}\s*年?(?:完成值|目标值|目标|基期值|现状值)?)$/;

/** Header start of a scattered table: a line whose words include 指标 and 单位 or 序号/类别. */
export function isScatteredHeader(line: string): boolean {
  // Asked of every source line: one without 指标 anywhere is no header, and is not split into words.
  if (line.includes('\t') || !line.includes('指标')) return false;
  const words = line.trim().split(/\s+/);
  return words.includes('指标') && (words.includes('单位') || words.includes('序号')) && words.every((w) => HEADER_WORDS.test(w));
}

function isHeaderContinuation(line: string): boolean {
  const t = line.replace(/\s+/g, '');
  return t.length > 0 && t.length <= 12 && HEADER_WORDS.test(t);
}

/** A running page number a PDF leaves between rows ("— 12 —", "- 12 -"). */
function isPageNumber(line: string): boolean {
  return /^[—–\-－]+\s*\d{1,4}\s*[—–\-－]+$/.test(line.trim());
}

/** Headings and box titles end a table. */
function isHeading(line: string): boolean {
  return /^(第[一二三四五六七八九十百零〇\d]+[章节篇]|专栏\s*\d|表\s*\d|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|注[：:])/.test(line.trim());
}

interface Token {
  text: string;
  /** The token begins a source line (a wrapped cell continues on a new line). */
  lineStart: boolean;
}

/**
 * Rows of the scattered table whose header starts at `lines[headerIndex]` (0-based).
 * Returns the rows and the index of the table's last line.
 */
export function parseScatteredTable(lines: string[], headerIndex: number): { rows: IndicatorRow[]; endIndex: number } {
  const headerWords: string[] = [];
  let i = readHeader(lines, headerIndex, headerWords);
  let years = yearColumns(headerWords);
  const hasAttribute = headerWords.includes('属性');
  const rows: IndicatorRow[] = [];
  let serial = 0;
  let category: string | undefined;
  let pendingCategory: string[] = [];
  let end = i - 1;

  while (i < lines.length) {
    const line = lines[i].trim();
    if (!line || isPageNumber(line)) { i++; continue; }
    if (isScatteredHeader(line)) {
      const words: string[] = [];
      i = readHeader(lines, i, words);
      years = yearColumns(words);
      continue;
    }
    const start = new RegExp(`^${serial + 1}(?:\\s|$)`).test(line);
    if (!start) {
      // Between rows only a category piece may appear: a short line of words, no digits.
      if (line.length <= 6 && !/\d/.test(line) && !isHeading(line) && !isAttribute(line)) {
        pendingCategory.push(line);
        i++;
        continue;
      }
      break;
    }
    if (pendingCategory.length) {
      category = joinPieces(pendingCategory);
      pendingCategory = [];
    }
    // Collect the row's lines: to its attribute, or to the next row's start.
    const rowLines: { text: string; index: number }[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      const t = lines[j].trim();
      if (!t || isPageNumber(t)) continue;
      if (j > i && (isHeading(t) || isScatteredHeader(t))) break;
      if (j > i && !hasAttribute && new RegExp(`^${serial + 2}(?:\\s|$)`).test(t)) break;
      rowLines.push({ text: t, index: j });
      const words = t.split(/\s+/);
      if (isAttribute(words[words.length - 1])) { j++; break; }
    }
    serial++;
    const row = readRow(rowLines, years, String(serial), category);
    if (row) rows.push(row);
    end = rowLines.length ? rowLines[rowLines.length - 1].index : i;
    i = Math.max(j, i + 1);
  }
  return { rows, endIndex: end };
}

function readHeader(lines: string[], from: number, words: string[]): number {
  words.push(...lines[from].trim().split(/\s+/));
  let i = from + 1;
  for (; i < lines.length; i++) {
    const t = lines[i].trim();
    if (!t) continue;
    if (!isHeaderContinuation(t)) break;
    words.push(t.replace(/\s+/g, ''));
  }
  return i;
}

function readRow(rowLines: { text: string; index: number }[], years: YearColumns, serial: string, category?: string): IndicatorRow | undefined {
  const tokens: Token[] = [];
  for (const l of rowLines) l.text.split(/\s+/).forEach((text, k) => tokens.push({ text, lineStart: k === 0 }));
  tokens.shift(); // the serial number
  let attribute: string | undefined;
  if (tokens.length && isAttribute(tokens[tokens.length - 1].text)) attribute = tokens.pop()!.text;

  // Name pieces up to the unit cell.
  let k = 0;
  const nameParts: string[] = [];
  let unit: string | undefined;
  for (; k < tokens.length; k++) {
    const t = tokens[k].text;
    if (k > 0 && isUnit(t)) { unit = t; k++; break; }
    if (k > 0 && isUnitStart(t)) {
      let u = t;
      while (k + 1 < tokens.length && !isUnit(u) && tokens[k + 1].lineStart && !isNumericValue(tokens[k + 1].text)) u += tokens[++k].text;
      unit = u;
      k++;
      break;
    }
    nameParts.push(t);
  }
  if (!unit) {
    // No recognisable unit: the name runs to the first value-looking piece.
    const firstValue = nameParts.findIndex((p, n) => n > 0 && isNumericValue(p));
    if (firstValue < 0) return undefined;
    k = firstValue;
    nameParts.length = firstValue;
  }
  const nValues = (years.baselineYear ? 1 : 0) + years.targetYears.length;
  const values = groupValues(tokens.slice(k), nValues);
  if (!values) return undefined;
  const name = joinPieces(nameParts);
  const row: IndicatorRow = {
    serial,
    category,
    name,
    indicator: name,
    unit,
    targets: [],
    attribute,
    line: rowLines[0].index + 1,
    quote: rowQuote(rowLines.map((l) => l.text)),
  };
  let v = 0;
  if (years.baselineYear) {
    row.baselineYear = years.baselineYear;
    if (values[0]) row.baselineValue = values[0];
    v = 1;
  }
  years.targetYears.forEach((year, n) => {
    const value = values[v + n];
    if (!isNoValue(value)) row.targets.push({ year, value });
  });
  return row;
}

const FINISHED = /(目标|任务|左右|以上|以下|以内|执行|确定|[)）〕\]]|\d%?)$/;

/** Regroup value pieces into `n` cells (see the file comment). */
export function groupValues(tokens: Token[], n: number): string[] | undefined {
  const groups: { parts: string[]; numeric: boolean }[] = [];
  let open: { parts: string[]; numeric: boolean } | undefined;
  let depth = 0;
  for (const t of tokens) {
    const continues = open && (depth > 0 || (t.lineStart && !isNumericValue(t.text) && !FINISHED.test(open.parts.join(''))));
    if (continues) open!.parts.push(t.text);
    else {
      open = { parts: [t.text], numeric: false };
      groups.push(open);
    }
    depth += (t.text.match(/[（(〔[]/g) ?? []).length - (t.text.match(/[）)〕\]]/g) ?? []).length;
    if (depth < 0) depth = 0;
  }
  for (const g of groups) g.numeric = isNumericValue(g.parts.join(''));
  // Too many cells: a text cell wrapped after a piece that looked finished; rejoin text neighbours.
  while (groups.length > n) {
    const at = groups.findIndex((g, x) => x + 1 < groups.length && !g.numeric && !groups[x + 1].numeric);
    if (at < 0) break;
    groups[at].parts.push(...groups[at + 1].parts);
    groups.splice(at + 1, 1);
  }
  if (groups.length === 0 || groups.length > n) return undefined;
  const cells = groups.map((g) => joinPieces(g.parts));
  // Too few: the missing cells are the leading ones (a blank baseline).
  while (cells.length < n) cells.unshift('');
  return cells;
}
