/**
 * Tables in plain text, in the layouts real documents arrive in: each reader finds its own shape and
 * yields rows of cells (grid.ts); normalise turns each row into one 'table-cell' paragraph with
 * tab-joined cells, as HTML, Word and pipe rows already are. Tab-separated and Markdown pipe rows
 * are read line by line in normalise itself.
 */
import { cellPerLineTables } from './cell-per-line.ts';
import type { TableBlock } from './grid.ts';
import { ruledTables } from './ruled.ts';
import { spaceAlignedTables } from './space-aligned.ts';
import { singleSpacedTables } from './single-spaced.ts';

export { rowParagraph, type TableBlock, type TableRow } from './grid.ts';
export { headerKind, headerKey, isHeaderRow, roleColumn, serialOf, isCollectiveItem, FIRST_LEADS_NOTE, type RoleColumn } from './headers.ts';

/** Characters a drawn table or a cell-per-line table needs somewhere in the text; most documents have none. */
const MAY_HOLD = /[│┃║|]| |\u3000/u;

/** Every table the readers find, in line order; a line belongs to at most one (the first reader's). */
export function findTextTables(lines: string[]): TableBlock[] {
  if (!lines.some((l) => MAY_HOLD.test(l))) return [];
  const found: TableBlock[] = [];
  const taken = new Set<number>();
  for (const read of [ruledTables, cellPerLineTables, spaceAlignedTables, singleSpacedTables]) {
    for (const b of read(lines)) {
      if (b.lines.some((l) => taken.has(l))) continue;
      for (const l of b.lines) taken.add(l);
      found.push(b);
    }
  }
  return found.sort((a, b) => a.lines[0] - b.lines[0]);
}
