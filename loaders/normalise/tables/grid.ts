/**
 * The shape every table reader yields: rows of cells, each cell made of pieces of source lines (a
 * wrapped cell has one piece per physical line). One row becomes one 'table-cell' paragraph whose
 * text joins the cells with tabs, the form HTML, Word and pipe rows already have downstream.
 */
import type { Paragraph } from '../../model.ts';
import { serialOf } from './headers.ts';

/** A run of one source line: line index (0-based) and [start, end) character offsets in it. */
export interface Piece {
  line: number;
  start: number;
  end: number;
}

export interface TableRow {
  cells: Piece[][];
}

/** A table found in the lines: the rows it yields and every line it takes (separators included). */
export interface TableBlock {
  rows: TableRow[];
  lines: number[];
  /** Lines inside the table that stay ordinary text (a category row "一、产业发展" spanning the table). */
  keep?: number[];
}

/** A trimmed piece of `line` between start and end, or undefined when only blanks. */
export function piece(lines: string[], line: number, start: number, end: number): Piece | undefined {
  const t = lines[line];
  while (start < end && /[\s\u3000]/u.test(t[start])) start++;
  while (end > start && /[\s\u3000]/u.test(t[end - 1])) end--;
  return end > start ? { line, start, end } : undefined;
}

export function cellText(lines: string[], cell: Piece[]): string {
  return cell.map((p) => lines[p.line].slice(p.start, p.end)).join('');
}

/**
 * A wrapped cell continues on the next physical line(s): in a table that numbers its rows, a line
 * with no number in the serial column adds its pieces to the row above, column by column; in one
 * that does not (serialColumn -1), a line filling a single column does.
 */
export function mergeWrapped(lines: string[], rows: TableRow[], serialColumn: number): TableRow[] {
  const out: TableRow[] = [];
  for (const row of rows) {
    const prev = out[out.length - 1];
    const continues =
      prev &&
      (serialColumn >= 0
        ? (row.cells[serialColumn] ?? []).length === 0 && prev.cells[serialColumn]?.length && serialOf(cellText(lines, prev.cells[serialColumn])) !== undefined
        : row.cells.filter((c) => c.length).length === 1);
    if (!continues) {
      out.push({ cells: row.cells.map((c) => [...c]) });
      continue;
    }
    row.cells.forEach((c, i) => {
      while (prev.cells.length <= i) prev.cells.push([]);
      prev.cells[i].push(...c);
    });
  }
  return out;
}

/** Column index of the serial column (序号), else -1. */
export function serialColumnOf(lines: string[], header: TableRow | undefined, rows: TableRow[]): number {
  if (header) {
    const i = header.cells.findIndex((c) => /^(?:序号|编号|序|项次)$/u.test(cellText(lines, c).replace(/[\s\u3000]/gu, '')));
    if (i >= 0) return i;
  }
  const numbered = rows.filter((r) => r.cells[0]?.length && serialOf(cellText(lines, r.cells[0])) !== undefined).length;
  return numbered >= 2 ? 0 : -1;
}

/**
 * One table row as a paragraph: cells joined by tabs in `text` (Simplified, what extractors match on)
 * and `original` (verbatim); each piece starts a segment on its own source line.
 */
export function rowParagraph(row: TableRow, original: string[], simplified: string[]): Paragraph {
  let text = '';
  let verbatim = '';
  const segments: Paragraph['segments'] = [];
  row.cells.forEach((cell, i) => {
    if (i > 0) {
      text += '\t';
      verbatim += '\t';
    }
    for (const p of cell) {
      const s = simplified[p.line];
      const o = original[p.line].length === s.length ? original[p.line] : s;
      if (segments.length === 0 || segments[segments.length - 1].line !== p.line + 1) segments.push({ offset: text.length, line: p.line + 1 });
      text += s.slice(p.start, p.end);
      verbatim += o.slice(p.start, p.end);
    }
  });
  // Cells with no text still keep their tab; trailing empty cells go.
  text = text.replace(/\t+$/u, '');
  verbatim = verbatim.slice(0, text.length);
  if (segments.length === 0) segments.push({ offset: 0, line: 1 });
  segments[0].offset = 0;
  const line = segments[0].line;
  // Segments must ascend in offset; lines may go back (a wrapped cell's second line before the next cell's first).
  return { text, original: verbatim, line, segments: segments.filter((s, i) => i === 0 || s.offset > segments[i - 1].offset), kind: 'table-cell' };
}
