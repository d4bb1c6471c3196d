/**
 * Tables whose columns are aligned with blanks (plain-text copies, `pdftotext -layout`):
 *   序号  重点任务              牵头单位        配合单位
 *   1     推进户籍制度改革      区公安分局      区发展改革局
 *         （含积分入户）                        区人力资源社会保障局
 * A header row names the columns; each later line's chunks (text between gaps of two or more
 * half-width blanks, or a full-width blank) fall in the column whose start is nearest at or left of
 * them, so a row missing a cell keeps its columns. A line with no number in a numbered table
 * continues the row above (a wrapped cell). The table ends at prose wider than its first column.
 */
import { matchHeading, visualWidth } from '../patterns.ts';
import { isHeaderRow, serialOf } from './headers.ts';
import { type Piece, type TableBlock, type TableRow, cellText, mergeWrapped, piece, serialColumnOf } from './grid.ts';

interface Chunk {
  start: number;
  end: number;
  /** Visual column (full-width = 2) where the chunk starts. */
  col: number;
}

const GAP = /(?: {2,}|[\u3000\t]+ *| *\u3000+)/gu;

function chunks(line: string): Chunk[] {
  const out: Chunk[] = [];
  let from = 0;
  const push = (to: number) => {
    let s = from;
    let e = to;
    while (s < e && /[\s\u3000]/u.test(line[s])) s++;
    while (e > s && /[\s\u3000]/u.test(line[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, col: visualWidth(line.slice(0, s)) });
  };
  for (const m of line.matchAll(GAP)) {
    push(m.index!);
    from = m.index! + m[0].length;
  }
  push(line.length);
  return out;
}

/** The column a chunk starting at visual `col` belongs to: the last column starting at or before it (2 units slack). */
function columnAt(starts: number[], col: number): number {
  let best = 0;
  for (let i = 0; i < starts.length; i++) if (starts[i] <= col + 2) best = i;
  return best;
}

export function spaceAlignedTables(lines: string[]): TableBlock[] {
  const blocks: TableBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // A header has at least two gaps between short header words; most lines have none.
    if (line.length > 120 || line.includes('|') || line.includes('\t') || !(line.includes('  ') || line.includes('\u3000'))) continue;
    const head = chunks(line);
    if (head.length < 2 || head.some((c) => c.end - c.start > 14)) continue;
    const headTexts = head.map((c) => line.slice(c.start, c.end));
    if (!isHeaderRow(headTexts)) continue;
    const starts = head.map((c) => c.col);
    const rows: TableRow[] = [{ cells: head.map((c) => [{ line: i, start: c.start, end: c.end }]) }];
    const taken = [i];
    const keep: number[] = [];
    let j = i + 1;
    let blanks = 0;
    for (; j < lines.length; j++) {
      const l = lines[j];
      if (l.trim() === '') {
        if (++blanks > 1) break;
        continue;
      }
      const cs = chunks(l);
      const first = cs[0];
      // A heading from the left margin: a category row inside the table ("一、产业发展") when rows follow it, else the table's end.
      if (cs.length === 1 && columnAt(starts, first.col) === 0 && matchHeading(l.trim())) {
        const next = lines.slice(j + 1).find((x) => x.trim() !== '');
        if (l.trim().length <= 40 && next && chunks(next).length >= 2 && !isHeaderRow(chunks(next).map((c) => next.slice(c.start, c.end)))) {
          keep.push(j);
          blanks = 0;
          continue;
        }
        break;
      }
      // Prose after the table: one chunk from the left margin running past the first column.
      if (cs.length === 1 && columnAt(starts, first.col) === 0 && visualWidth(l.slice(first.start, first.end)) + first.col > (starts[1] ?? 0) + 4) break;
      if (matchHeading(l.trim())?.kind === 'annex' || matchHeading(l.trim())?.kind === 'chapter') break;
      // Another table's header: that table starts here, with its own columns.
      if (cs.length >= 2 && isHeaderRow(cs.map((c) => l.slice(c.start, c.end)))) break;
      blanks = 0;
      const cells: Piece[][] = starts.map(() => []);
      for (const c of cs) {
        const p = piece(lines, j, c.start, c.end);
        if (p) cells[columnAt(starts, c.col)].push(p);
      }
      rows.push({ cells });
      taken.push(j);
    }
    if (rows.length < 2) continue;
    const [header, ...body] = rows;
    const serial = serialColumnOf(lines, header, body);
    const merged = mergeWrapped(lines, body, serial);
    // A table of one header and prose fragments is no table: some row must fill two columns.
    if (!merged.some((r) => r.cells.filter((c) => c.length).length >= 2)) continue;
    if (serial >= 0 && !merged.some((r) => serialOf(cellText(lines, r.cells[serial] ?? [])) !== undefined)) continue;
    blocks.push({ rows: [header, ...merged], lines: taken, keep });
    i = taken[taken.length - 1];
  }
  return blocks;
}
