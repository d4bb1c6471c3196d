/**
 * Task-allocation tables: a header row naming role columns (序号 | 重点任务 | 牵头单位 | 配合单位) and rows below it,
 * tab-separated (as normalise keeps them) or Markdown pipes. Each role cell of a row is a list of names.
 */
import { type Assignment, type Role, splitNames } from './phrases.js';

const ROLE_HEADER =
  /^(牵头责任单位|主要责任单位|牵头单位|牵头部门|主责单位|主责部门|责任单位|责任部门|责任主体|配合单位|配合部门|协同单位|协同责任单位|协同部门|参与单位|协办单位|实施单位|牵头|配合)$/;
const LEAD_HEADERS = new Set(['牵头责任单位', '主要责任单位', '牵头单位', '牵头部门', '主责单位', '主责部门', '牵头']);

interface Cell {
  text: string;
  offset: number;
}

/** The role columns of the table being read, carried from its header row to the rows after it. */
export interface TableState {
  columns?: Map<number, { role: Role; label: string }>;
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

/** Assignments of one paragraph read as a table row; updates `state` on a header row. */
export function tableRowAssignments(text: string, state: TableState): Assignment[] {
  const cells = cellsOf(text);
  if (!cells) {
    state.columns = undefined;
    return [];
  }
  const header = new Map<number, { role: Role; label: string }>();
  cells.forEach((c, i) => {
    const label = c.text.replace(/\s+/g, '');
    if (ROLE_HEADER.test(label)) header.set(i, { role: LEAD_HEADERS.has(label) ? 'LEADS' : 'SUPPORTS', label });
  });
  if (header.size) {
    state.columns = header;
    return [];
  }
  if (!state.columns || cells.every((c) => /^[-:\s]*$/.test(c.text))) return [];
  const out: Assignment[] = [];
  for (const [i, { role, label }] of state.columns) {
    const cell = cells[i];
    if (!cell?.text) continue;
    const names = splitNames(cell.text, cell.offset);
    const leads = names.filter((n) => /[（(]牵头[）)]$/.test(n.text));
    for (const n of leads) n.text = n.text.replace(/[（(]牵头[）)]$/, '');
    const rest = names.filter((n) => !leads.includes(n));
    const span = { start: cell.offset, end: cell.offset + cell.text.length, layout: 'table' as const };
    if (leads.length) out.push({ role: 'LEADS', rolePhrase: '牵头', names: leads, ...span });
    if (rest.length) out.push({ role, rolePhrase: label, names: rest, ...span });
  }
  return out;
}
