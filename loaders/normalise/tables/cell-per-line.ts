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
 * The header is the run of header words at the start; it gives the width. Rows are the cells after
 * it, that many at a time; in a numbered table a row starts at the next number, so a row missing a
 * cell does not shift the rows after it.
 */
import { headerKind, isHeaderRow, serialOf } from './headers.ts';
import { type Piece, type TableBlock, type TableRow, piece } from './grid.ts';

/** A line that is one cell: text (or nothing) then a closing bar, no other bar. */
function cellLine(line: string): boolean {
  const t = line.trimEnd();
  return t.endsWith('|') && t.indexOf('|') === t.length - 1;
}

export function cellPerLineTables(lines: string[]): TableBlock[] {
  const blocks: TableBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!cellLine(lines[i])) continue;
    const run: number[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      if (cellLine(lines[j])) run.push(j);
      else if (lines[j].trim() !== '') break;
    }
    i = j - 1;
    const cells = run.map((k) => piece(lines, k, 0, lines[k].lastIndexOf('|')));
    const text = (p: Piece | undefined) => (p ? lines[p.line].slice(p.start, p.end) : '');
    let width = 0;
    while (width < cells.length && headerKind(text(cells[width]))) width++;
    if (width < 2 || !isHeaderRow(cells.slice(0, width).map(text))) continue;
    const serialAt = cells.slice(0, width).findIndex((c) => headerKind(text(c)) === 'serial');
    const rows: TableRow[] = [{ cells: cells.slice(0, width).map((c) => (c ? [c] : [])) }];
    let k = width;
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
      rows.push({ cells: cells.slice(k, end).map((c) => (c ? [c] : [])) });
      k = end;
    }
    blocks.push({ rows, lines: run });
  }
  return blocks;
}
