/**
 * Tables drawn with rules: box-drawing characters (┌─┬─┐ │ ├─┼─┤ └─┴─┘, double ╔═╦═╗ ║) or ASCII
 * (+-----+-----+ and | … | … |). Rule lines are taken and dropped; the lines between two rules are
 * one row whose cells may wrap over several lines, unless the table draws no rule between its rows,
 * when each line is a row (a numbered table still joins a line with no number to the row above).
 */
import { isHeaderRow } from './headers.ts';
import { type Piece, type TableBlock, type TableRow, cellText, mergeWrapped, piece, serialColumnOf } from './grid.ts';

const RULE = /^[\s\u3000]*[┌├└╔╠╚┏┣┗╟╞+][─━═┬┼┴╦╬╩┳╋┻╤╪╧╥╫╨\-=+┄┈\s]*[┐┤┘╗╣╝┓┫┛╢╡+]?[\s\u3000]*$/u;
const BAR = /[│┃║|]/u;
const BARS = /[│┃║|]/gu;

function isRule(line: string): boolean {
  return RULE.test(line) && /[─━═\-]{2,}/u.test(line);
}

function isContent(line: string): boolean {
  const t = line.trim();
  return t.length > 1 && BAR.test(t[0]) && BAR.test(t[t.length - 1]) && (t.match(BARS)?.length ?? 0) >= 3;
}

/** Cells of a content line: the text between its bars. */
function cellsOf(lines: string[], i: number): Piece[][] {
  const line = lines[i];
  const bars = [...line.matchAll(BARS)].map((m) => m.index!);
  const cells: Piece[][] = [];
  for (let k = 0; k + 1 < bars.length; k++) {
    const p = piece(lines, i, bars[k] + 1, bars[k + 1]);
    cells.push(p ? [p] : []);
  }
  return cells;
}

export function ruledTables(lines: string[]): TableBlock[] {
  const blocks: TableBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isRule(lines[i]) && !isContent(lines[i])) continue;
    // The run of rule and content lines.
    let j = i;
    while (j < lines.length && (isRule(lines[j]) || isContent(lines[j]))) j++;
    const run = Array.from({ length: j - i }, (_, k) => i + k);
    i = j - 1;
    const rules = run.filter((k) => isRule(lines[k]));
    // Without a rule it is a pipe table, read elsewhere (Markdown).
    if (rules.length === 0) continue;
    // Groups of content lines between rules.
    const groups: number[][] = [];
    let group: number[] = [];
    for (const k of run) {
      if (isRule(lines[k])) {
        if (group.length) groups.push(group);
        group = [];
      } else group.push(k);
    }
    if (group.length) groups.push(group);
    if (groups.length === 0) continue;
    const joinGroup = (g: number[]): TableRow => {
      const row: TableRow = { cells: [] };
      for (const k of g) cellsOf(lines, k).forEach((c, n) => {
        while (row.cells.length <= n) row.cells.push([]);
        row.cells[n].push(...c);
      });
      return row;
    };
    const header = joinGroup(groups[0]);
    const headerIsHeader = isHeaderRow(header.cells.map((c) => cellText(lines, c)));
    let rows: TableRow[];
    if (groups.length >= 3 || (groups.length === 2 && groups[1].length === 1)) {
      // A rule between every row: each group is a row.
      rows = groups.slice(headerIsHeader ? 1 : 0).map(joinGroup);
    } else {
      // Rules only around the header and the table: each line a row, wrapped lines joined below.
      const bodyLines = (headerIsHeader ? groups.slice(1) : groups).flat();
      const lineRows = bodyLines.map((k) => ({ cells: cellsOf(lines, k) }));
      rows = mergeWrapped(lines, lineRows, serialColumnOf(lines, headerIsHeader ? header : undefined, lineRows));
    }
    blocks.push({ rows: headerIsHeader ? [header, ...rows] : rows, lines: run });
  }
  return blocks;
}
