/**
 * Indicator tables that kept their cells on one line per row, separated by tabs (表2-1 of the
 * provincial plan). Rows are read right to left — attribute, year values, unit — because the
 * left-hand cells (category, indicator, sub-row label) are merged cells that PDF and Word
 * exports drop or shift: "11. 5G 网络用户普及率" arrives one column left of its neighbours.
 */
import {
  type IndicatorRow,
  type YearColumns,
  isAttribute,
  isNoValue,
  isNumericValue,
  joinPieces,
  rowQuote,
  splitSerial,
  subRowName,
  yearColumns,
  yearOf,
} from './indicator.ts';
import { headerKind } from '../normalise/tables/index.ts';

interface Header {
  cells: string[];
  years: YearColumns;
  attributeIndex: number;
}

/** A header line: cells naming the indicator (指标) and at least one year. */
export function tabbedHeader(line: string): Header | undefined {
  if (!line.includes('\t')) return undefined;
  // Asked of every tabbed row: a cell can only read 指标 or 项目名称 (blanks out) where the line holds their
  // characters, and most rows hold neither, so they are not split into cells.
  if (!(line.includes('指') && line.includes('标')) && !(line.includes('项') && line.includes('称'))) return undefined;
  const cells = line.split('\t').map((c) => c.trim());
  const compact = cells.map((c) => c.replace(/\s+/g, ''));
  if (!compact.some((c) => /指标|项目名称/.test(c))) return undefined;
  if (!cells.some((c) => yearOf(c) !== undefined)) return undefined;
  // 指标名称 | 2023年目标值 | 责任单位: a role column makes it an allocation of indicators, read row by row with
  // its columns' roles (table-rows.ts); this reader's right-to-left cells would take the bodies for values.
  if (cells.some((c) => headerKind(c) === 'role')) return undefined;
  return { cells, years: yearColumns(cells), attributeIndex: compact.findIndex((c) => c === '属性') };
}

/**
 * Rows of a tab-separated indicator table whose header is at `lines[headerIndex]`
 * (0-based; line numbers reported 1-based). Stops at the first line that is neither blank,
 * nor a tabbed row, nor a repeated header (a page break repeats it).
 */
export function parseTabbedTable(lines: string[], headerIndex: number): { rows: IndicatorRow[]; endIndex: number } {
  let header = tabbedHeader(lines[headerIndex]);
  if (!header) return { rows: [], endIndex: headerIndex };
  const rows: IndicatorRow[] = [];
  const numbered = { seen: false };
  let category: string | undefined;
  let current: IndicatorRow | undefined;
  let end = headerIndex;
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const raw = lines[i];
    if (!raw.trim()) continue;
    if (!raw.includes('\t')) break;
    end = i;
    const again = tabbedHeader(raw);
    if (again) {
      header = again;
      continue;
    }
    const row = readRow(raw, i + 1, header, numbered, category, current);
    if (!row) continue;
    category = row.category;
    // A numbered row (with or without its own sub-label) is the indicator later sub-rows refine.
    if (!row.sub || row.serial !== current?.serial) current = row;
    rows.push(row);
  }
  return { rows, endIndex: end };
}

function readRow(
  raw: string,
  lineNo: number,
  header: Header,
  numbered: { seen: boolean },
  category: string | undefined,
  current: IndicatorRow | undefined,
): IndicatorRow | undefined {
  const cells = raw.split('\t').map((c) => c.trim());
  const nYears = (header.years.baselineYear ? 1 : 0) + header.years.targetYears.length;
  let attrIndex = -1;
  for (let k = cells.length - 1; k >= 0; k--) if (isAttribute(cells[k])) { attrIndex = k; break; }
  let attribute: string | undefined;
  if (attrIndex >= 0) attribute = cells[attrIndex].replace(/\s+/g, '');
  else attrIndex = header.attributeIndex >= 0 && cells.length >= header.cells.length ? header.attributeIndex : cells.length;
  const unitIndex = attrIndex - nYears - 1;
  if (unitIndex < 1) return undefined;
  const yearCells = cells.slice(unitIndex + 1, attrIndex);
  if (yearCells.every((c) => isNoValue(c))) return undefined;

  const nameCells = cells.slice(0, unitIndex);
  const serialAt = nameCells.findIndex((c) => splitSerial(c) !== undefined);
  let serial: string | undefined;
  let indicator: string;
  let sub: string | undefined;
  if (serialAt >= 0) {
    numbered.seen = true;
    const [s, text] = splitSerial(nameCells[serialAt])!;
    serial = s;
    indicator = joinPieces([text]);
    const before = nameCells.slice(0, serialAt).filter(Boolean);
    if (before.length) category = joinPieces(before);
    const after = nameCells.slice(serialAt + 1).filter(Boolean);
    if (after.length) sub = joinPieces(after);
  } else {
    const filled = nameCells.filter(Boolean).map((c) => joinPieces([c]));
    if (!filled.length) return undefined;
    if (numbered.seen && current) {
      // An unnumbered row under a numbered indicator refines it (其中：珠三角; 小学).
      indicator = current.indicator;
      serial = current.serial;
      sub = filled[filled.length - 1].replace(/^其中[：:]/, '');
      attribute ??= current.attribute;
    } else {
      indicator = filled[filled.length - 1];
      if (filled.length > 1) category = filled.slice(0, -1).join('');
    }
  }
  const values = yearCells.map((c) => joinPieces([c]));
  const years = header.years;
  const row: IndicatorRow = {
    serial,
    category,
    name: subRowName(indicator, sub),
    indicator,
    sub,
    unit: cells[unitIndex] ? joinPieces([cells[unitIndex]]) : undefined,
    targets: [],
    attribute,
    line: lineNo,
    quote: rowQuote([raw]),
  };
  let v = 0;
  if (years.baselineYear) {
    row.baselineYear = years.baselineYear;
    if (values[0]) row.baselineValue = values[0];
    v = 1;
  }
  years.targetYears.forEach((year, k) => {
    let value = values[v + k];
    // A target in words over a blank cell to its right ("按国家核定目标执行" then nothing, then the
    // attribute) is one merged cell spanning both years; a blank after a number is a real blank.
    const previous = k > 0 ? values[v + k - 1] : undefined;
    if (!value && previous && !isNoValue(previous) && !isNumericValue(previous) && yearCells[v + k] === '') value = previous;
    if (!isNoValue(value)) row.targets.push({ year, value });
  });
  return row;
}
