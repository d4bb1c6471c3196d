/**
 * Shared vocabulary for indicator tables: what one reconstructed row is, how a header names its
 * year columns, and how cells are told apart (unit, attribute, value, name piece).
 */
import { readFileSync } from 'node:fs';
import { clip } from '../text/provenance.ts';

/** One indicator row of a table, reconstructed; values exactly as printed. */
export interface IndicatorRow {
  /** Serial number as printed ("1", "12"), when the table numbers its rows. */
  serial?: string;
  /** Category cell (类别) in force for this row, e.g. "经济发展", "城镇化水平". */
  category?: string;
  /** Goal name: the indicator, with its sub-row label in brackets (常住人口城镇化率（珠三角）). */
  name: string;
  /** The numbered indicator this row belongs to (same as name unless a sub-row). */
  indicator: string;
  /** Sub-row label (珠三角, 幼儿园) when the row refines a numbered indicator. */
  sub?: string;
  unit?: string;
  baselineYear?: number;
  baselineValue?: string;
  targets: { year: number; value: string }[];
  attribute?: string;
  /** 1-based source line where the row starts. */
  line: number;
  /** The row's source text, lines joined. */
  quote: string;
}

/** Year columns of a header in order; the first is the baseline when there are several. */
export interface YearColumns {
  baselineYear?: number;
  targetYears: number[];
}

const data = JSON.parse(readFileSync(new URL('../data/indicator-units.json', import.meta.url), 'utf8')) as {
  units: string[];
  attributes: string[];
};
const UNITS = new Set(data.units);
const ATTRIBUTES = new Set(data.attributes);

export function isAttribute(cell: string): boolean {
  return ATTRIBUTES.has(cell.replace(/\s+/g, ''));
}

/** A unit cell: a known unit, or known units joined by '/' (万人次/万吨, 万吨/万标箱). */
export function isUnit(cell: string): boolean {
  const c = cell.replace(/\s+/g, '');
  if (!c) return false;
  if (UNITS.has(c)) return true;
  const parts = c.split('/');
  return parts.length > 1 && parts.every((p) => UNITS.has(p));
}

/** The start of a composite unit wrapped in a narrow cell: "万人次/" or "万吨/万" (→ 万吨/万标箱). */
export function isUnitStart(cell: string): boolean {
  const c = cell.replace(/\s+/g, '');
  if (!c.includes('/')) return false;
  const parts = c.split('/');
  const last = parts.pop() ?? '';
  return parts.every((p) => UNITS.has(p)) && (last === '' || [...UNITS].some((u) => u.startsWith(last)));
}

/** Units known to the vocabulary, longest first (for matching a unit after a number in prose). */
export const UNITS_LONGEST_FIRST = [...UNITS].sort((a, b) => b.length - a.length);

/** A cell that is nothing but a value: numbers, ranges, ratios, [cumulative], 〔20〕, —, >40, 6左右. */
export function isNumericValue(cell: string): boolean {
  const c = cell.replace(/\s+/g, '');
  return /^[<>≤≥＜＞]?[\[〔(（]?[-+]?\d[\d.,]*(?:[/～~—–-]\d[\d.,]*)*[\]〕)）]?\*?(?:左右|以上|以下|以内)?$/.test(c) || /^[—–-]{1,2}$/.test(c);
}

/** No target in this cell: blank or a dash. */
export function isNoValue(cell: string | undefined): boolean {
  return !cell || /^[—–\-－]{1,2}$/.test(cell.replace(/\s+/g, ''));
}

/** A header cell naming a year column: "2020 年", "2025年", "2035年目标". */
export function yearOf(cell: string): number | undefined {
  const m = /^((?:19|20)\d{2})\s*年?/.exec(cell.trim());
  return m ? Number(m[1]) : undefined;
}

/** Year columns from header cells in reading order. */
export function yearColumns(cells: string[]): YearColumns {
  const years = cells.map(yearOf).filter((y): y is number => y !== undefined);
  if (years.length >= 2) return { baselineYear: years[0], targetYears: years.slice(1) };
  const baselineLabel = cells.some((c) => /完成|基期|现状|基准/.test(c));
  if (years.length === 1 && baselineLabel && !cells.some((c) => /目标/.test(c))) return { baselineYear: years[0], targetYears: [] };
  return { targetYears: years };
}

/**
 * Join pieces of one cell or name. PDF extraction puts spaces around Latin runs and digits in
 * Chinese text ("每千人拥有 3 岁以下"); they are layout, not content, so a space survives only
 * between two Latin letters or digits ("5G network").
 */
export function joinPieces(pieces: string[]): string {
  return pieces
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ (?![A-Za-z0-9])|(?<![A-Za-z0-9]) /g, '');
}

/** The printed numbering of an indicator cell: "1. 常住人口城镇化率" → ["1", "常住人口城镇化率"]. */
export function splitSerial(cell: string): [string, string] | undefined {
  const m = /^(\d{1,2})\s*[.．、]\s*(\S.*)$/.exec(cell.trim());
  return m ? [m[1], m[2]] : undefined;
}

/** Goal name for a sub-row: the indicator with the sub-row label in brackets. */
export function subRowName(indicator: string, sub: string | undefined): string {
  return sub ? `${indicator}（${sub}）` : indicator;
}

/** Verbatim row text for a quote: lines trimmed and joined with one space, cut to a quote's length. */
export function rowQuote(lines: string[]): string {
  const q = lines.map((l) => l.trim()).filter(Boolean).join(' ').replace(/\t+/g, ' ').replace(/ {2,}/g, ' ');
  return clip(q);
}
