/**
 * A table copied from a web page that arrives one cell per line, each ending in "|":
 *   序号|
 *   重点任务|
 *   牵头单位|
 *   配合单位|
 *   1|
 *   推进户籍制度改革|
 *   区公安分局|
 *   |
 * The header is a run of header words; it gives the width. Rows are the cells after it, that many at a
 * time; in a numbered table a row starts at the next number, so a row missing a cell does not shift the
 * rows after it. A cell's text may wrap onto lines without a bar: they join the next cell line.
 */
import { headerKind, isHeaderRow, serialOf } from './headers.ts';
import { type Piece, type TableBlock, type TableRow, piece } from './grid.ts';

/** A line that is one cell: text (or nothing) then a closing bar, no other bar. */
function cellLine(line: string): boolean {
  const t = line.trimEnd();
  return t.endsWith('|') && t.indexOf('|') === t.length - 1;
}

/** Up to two lines without a bar that lead to a cell line: the first part of a wrapped cell. */
function wrapsInto(lines: string[], j: number): boolean {
  for (let k = j; k < Math.min(lines.length, j + 3); k++) {
    if (cellLine(lines[k])) return true;
    if (lines[k].trim() === '' || lines[k].includes('|') || lines[k].length > 80) return false;
  }
  return false;
}

export function cellPerLineTables(lines: string[]): TableBlock[] {
  const blocks: TableBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!cellLine(lines[i])) continue;
    const run: number[] = [];
    const cells: Piece[][] = [];
    let pending: Piece[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      if (cellLine(lines[j])) {
        run.push(j);
        const p = piece(lines, j, 0, lines[j].lastIndexOf('|'));
        cells.push(p ? [...pending, p] : pending);
        pending = [];
      } else if (lines[j].trim() === '') continue;
      else if (cells.length && wrapsInto(lines, j)) {
        run.push(j);
        const p = piece(lines, j, 0, lines[j].length);
        if (p) pending.push(p);
      } else break;
    }
    i = j - 1;
    const text = (c: Piece[] | undefined) => (c ?? []).map((p) => lines[p.line].slice(p.start, p.end)).join('');
    // The header: the first run of two or more header words that names a role.
    let start = -1;
    let width = 0;
    for (let s = 0; s < cells.length && start < 0; s++) {
      let w = 0;
      while (s + w < cells.length && headerKind(text(cells[s + w]))) w++;
      if (w >= 2 && isHeaderRow(cells.slice(s, s + w).map(text))) {
        start = s;
        width = w;
      }
    }
    if (start < 0) continue;
    const serialAt = cells.slice(start, start + width).findIndex((c) => headerKind(text(c)) === 'serial');
    const rows: TableRow[] = [{ cells: cells.slice(start, start + width) }];
    let k = start + width;
    while (k < cells.length) {
      let end = Math.min(cells.length, k + width);
      const own = serialAt === 0 ? serialOf(text(cells[k])) : undefined;
      if (own && serialOf(text(cells[end])) !== String(Number(own) + 1)) {
        // The next row starts at the next number: a row missing a cell (or with one too many) does not shift the rest.
        const next = String(Number(own) + 1);
        for (let n = k + 1; n < Math.min(cells.length, k + width * 2); n++) {
          if (serialOf(text(cells[n])) === next) {
            end = n;
            break;
          }
        }
      }
      rows.push({ cells: cells.slice(k, end) });
      k = end;
    }
    // Lines before the header stay where they were (a page's 索引号：| rows are no part of the table).
    const first = cells[start][0]?.line ?? run[0];
    blocks.push({ rows, lines: run.filter((l) => l >= first) });
  }
  return blocks;
}
