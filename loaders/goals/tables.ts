/**
 * Finds the indicator tables in a document's raw source lines — tab-separated ones and ones
 * scattered one cell per line — with their caption (专栏1 …主要指标 / 表 2-1 …指标体系).
 * Works on raw lines because normalisation joins short lines into sentences, which is exactly
 * what a scattered table must not undergo.
 */
import type { IndicatorRow } from './indicator.ts';
import { parseScatteredTable, isScatteredHeader } from './table-scattered.ts';
import { parseTabbedTable, tabbedHeader } from './table-tabbed.ts';

export interface IndicatorTable {
  /** Caption line as printed (trimmed), e.g. "表 2-1 广东省新型城镇化发展指标体系". */
  caption?: string;
  /** 1-based line of the caption, else of the header. */
  line: number;
  /** 1-based line of the header and of the table's last line. */
  headerLine: number;
  endLine: number;
  layout: 'tabbed' | 'scattered';
  rows: IndicatorRow[];
}

const CAPTION = /^(专栏|表)\s*[\d一二三四五六七八九十]/;

/** Every indicator table in the lines, in reading order. */
export function findIndicatorTables(lines: string[]): IndicatorTable[] {
  const tables: IndicatorTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const layout = tabbedHeader(lines[i]) ? 'tabbed' : isScatteredHeader(lines[i]) ? 'scattered' : undefined;
    if (!layout) continue;
    const { rows, endIndex } = layout === 'tabbed' ? parseTabbedTable(lines, i) : parseScatteredTable(lines, i);
    if (rows.length === 0) continue;
    const captionIndex = findCaption(lines, i);
    tables.push({
      caption: captionIndex === undefined ? undefined : lines[captionIndex].trim(),
      line: (captionIndex ?? i) + 1,
      headerLine: i + 1,
      endLine: endIndex + 1,
      layout,
      rows,
    });
    i = Math.max(i, endIndex);
  }
  return tables;
}

/** The caption within the few non-blank lines above a header. */
function findCaption(lines: string[], headerIndex: number): number | undefined {
  let seen = 0;
  for (let k = headerIndex - 1; k >= 0 && seen < 3; k--) {
    const t = lines[k].trim();
    if (!t) continue;
    seen++;
    if (CAPTION.test(t)) return k;
  }
  return undefined;
}
