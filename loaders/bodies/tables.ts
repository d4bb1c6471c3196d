/**
 * Task-allocation tables: a header row naming role columns (序号 | 重点任务 | 牵头单位 | 配合单位) and rows below it,
 * tab-separated (as normalise gives every table layout it reads) or Markdown pipes. The header's words decide each
 * column's role (牵头/主办 → LEADS; 配合/协办/参与 → SUPPORTS; a bare 责任单位 → SUPPORTS, its first body leading
 * where the document says so); each role cell of a row is a list of names.
 */
import { type RoleColumn, roleColumn } from '../normalise/tables/index.ts';
import { type Assignment, splitNames } from './phrases.js';

interface Cell {
  text: string;
  offset: number;
}

/** The role columns of the table being read, carried from its header row to the rows after it. */
export interface TableState {
  columns?: Map<number, RoleColumn>;
}

/** Cells of a table row, with offsets into the row text; undefined when the text is not a row. */
export function cellsOf(text: string): Cell[] | undefined {
  let separator: string;
  if (text.includes('\t')) separator = '\t';
  else if (/^\s*\|.*\|\s*$/.test(text)) separator = '|';
  else return undefined;
  const cells: Cell[] = [];
  let from = 0;
  const parts = text.split(separator);
  for (const part of parts) {
    const lead = part.length - part.trimStart().length;
    cells.push({ text: part.trim(), offset: from + lead });
    from += part.length + 1;
  }
  // Markdown rows open and close with a pipe: drop the empty outer cells.
  return separator === '|' ? cells.slice(1, -1) : cells;
}

const MARKED_LEAD = /[（(](?:牵头|主办|牵头单位)[）)]$/u;

/**
 * Assignments of one paragraph read as a table row; updates `state` on a header row. A category row
 * spanning the table ("一、产业发展", a table-cell paragraph of one cell) keeps the header for the rows after it.
 */
export function tableRowAssignments(text: string, state: TableState, categoryRow = false): Assignment[] {
  const cells = cellsOf(text);
  if (!cells) {
    if (!categoryRow) state.columns = undefined;
    return [];
  }
  const header = new Map<number, RoleColumn>();
  cells.forEach((c, i) => {
    const column = c.text.length <= 40 ? roleColumn(c.text) : undefined;
    if (column) header.set(i, column);
  });
  if (header.size) {
    state.columns = header;
    return [];
  }
  if (!state.columns || cells.every((c) => /^[-:\s]*$/.test(c.text))) return [];
  const out: Assignment[] = [];
  for (const [i, column] of state.columns) {
    const cell = cells[i];
    if (!cell?.text) continue;
    const names = splitNames(cell.text, cell.offset);
    const leads = names.filter((n) => MARKED_LEAD.test(n.text));
    for (const n of leads) n.text = n.text.replace(MARKED_LEAD, '');
    const rest = names.filter((n) => !leads.includes(n));
    const span = { start: cell.offset, end: cell.offset + cell.text.length, layout: 'table' as const };
    if (leads.length) out.push({ role: 'LEADS', rolePhrase: '牵头', names: leads, ...span });
    if (rest.length) {
      const a: Assignment = { role: column.role, rolePhrase: column.label, names: rest, ...span };
      // A bare 责任单位 column: its first body leads where the header or the document says so (no lead marked in the cell).
      if (column.firstMayLead && !leads.length) a.firstMayLead = true;
      if (column.firstLeads && !leads.length) a.firstLeads = true;
      out.push(a);
    }
  }
  return out;
}
