/**
 * Tables whose column gaps a PDF extraction shrank to one blank: "序号 工作任务 牵头单位 配合单位" then
 * "1 开拓荔枝海外市场 市商务局 茂名海关". Only a header made of header words alone (every token one) opens
 * such a table, and only lines with as many tokens as it has columns, opening with the row number when
 * it numbers its rows, are its rows; a page number or blank line between rows is skipped.
 */
import { isPageNumber } from '../patterns.ts';
import { headerKind, isHeaderRow, serialOf } from './headers.ts';
import { type Piece, type TableBlock, type TableRow } from './grid.ts';

function tokens(line: string, i: number): Piece[] {
  return [...line.matchAll(/[^\s\u3000]+/gu)].map((m) => ({ line: i, start: m.index!, end: m.index! + m[0].length }));
}

export function singleSpacedTables(lines: string[]): TableBlock[] {
  const blocks: TableBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > 60 || !line.includes(' ') || line.includes('|') || line.includes('\t')) continue;
    const head = tokens(line, i);
    const words = head.map((p) => line.slice(p.start, p.end));
    if (head.length < 3 || !words.every((w) => headerKind(w)) || !isHeaderRow(words)) continue;
    const numbered = headerKind(words[0]) === 'serial';
    const rows: TableRow[] = [{ cells: head.map((p) => [p]) }];
    const taken = [i];
    let skipped = 0;
    for (let j = i + 1; j < lines.length && skipped <= 4; j++) {
      const t = lines[j].trim();
      // Page furniture between rows: a page number, a form feed, a running header (one token, no gap).
      if (t === '' || isPageNumber(t) || (numbered && !/[\s\u3000]/u.test(t) && t.length <= 30)) {
        skipped++;
        continue;
      }
      const cells = tokens(lines[j], j);
      if (cells.length !== head.length || (numbered && serialOf(lines[j].slice(cells[0].start, cells[0].end)) === undefined)) break;
      rows.push({ cells: cells.map((p) => [p]) });
      taken.push(j);
      skipped = 0;
    }
    if (rows.length < 2) continue;
    blocks.push({ rows, lines: taken });
    i = taken[taken.length - 1];
  }
  return blocks;
}
