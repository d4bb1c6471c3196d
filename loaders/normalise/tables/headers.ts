/**
 * What a column header of a task-allocation table says (vocabulary: loaders/data/allocation-headers.json):
 * the row's number (序号), the task (重点任务), a role (牵头单位 → LEADS, 配合单位 → SUPPORTS, 责任单位 →
 * SUPPORTS unless the document names its first body the lead), or another known column (完成时限).
 */
import { readFileSync } from 'node:fs';

interface HeadersFile {
  role: { column: string; leads: string; supports: string; notRole: string; firstLeadsNote: string };
  task: { column: string };
  serial: { column: string };
  other: { column: string };
  collective: { always: string[]; afterCollective: string[] };
}

const data = JSON.parse(readFileSync(new URL('../../data/allocation-headers.json', import.meta.url), 'utf8')) as HeadersFile;
const ROLE = new RegExp(data.role.column);
const LEADS = new RegExp(data.role.leads);
const SUPPORTS = new RegExp(data.role.supports);
const NOT_ROLE = new RegExp(data.role.notRole);
const TASK = new RegExp(data.task.column);
const SERIAL = new RegExp(data.serial.column, 'i');
const OTHER = new RegExp(data.other.column);
/** "排在第一位的为牵头单位", "第一个单位为牵头单位": in this document a 责任单位 list's first body leads. */
export const FIRST_LEADS_NOTE = new RegExp(data.role.firstLeadsNote);
const anyOf = (patterns: string[]) => new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'u');
const COLLECTIVE = anyOf(data.collective.always);
const AFTER_COLLECTIVE = anyOf(data.collective.afterCollective);

export type HeaderKind = 'serial' | 'task' | 'role' | 'other';

export interface RoleColumn {
  role: 'LEADS' | 'SUPPORTS';
  /** The header as written, blanks removed (the edge's rolePhrase). */
  label: string;
  /** A bare 责任单位 column: its first body leads when the document says so. */
  firstMayLead: boolean;
  /** The header itself carries the note: 责任单位（排在第一位的为牵头单位）. */
  firstLeads: boolean;
}

/** Header text with blanks, markup and a bracketed note removed: "牵头单位（部门）" stays, "责任单位（排第一位的为牵头单位）" → "责任单位". */
export function headerKey(cell: string): string {
  const compact = cell.replace(/[\s\u3000*]+/gu, '');
  const bare = compact.replace(/[（(][^（()）]{4,}[）)]$/u, '');
  return bare;
}

export function headerKind(cell: string): HeaderKind | undefined {
  const key = headerKey(cell);
  if (!key || key.length > 14) return undefined;
  if (SERIAL.test(key)) return 'serial';
  if (OTHER.test(key)) return 'other';
  if (ROLE.test(key) && !NOT_ROLE.test(key)) return 'role';
  if (TASK.test(key)) return 'task';
  return undefined;
}

export function roleColumn(cell: string): RoleColumn | undefined {
  if (headerKind(cell) !== 'role') return undefined;
  const label = cell.replace(/[\s\u3000*]+/gu, '');
  const key = headerKey(cell);
  const note = FIRST_LEADS_NOTE.test(label);
  if (LEADS.test(key)) return { role: 'LEADS', label: key, firstMayLead: false, firstLeads: false };
  if (SUPPORTS.test(key)) return { role: 'SUPPORTS', label: key, firstMayLead: false, firstLeads: false };
  return { role: 'SUPPORTS', label: key, firstMayLead: true, firstLeads: note };
}

/** A header row: at least one role column, and besides it a task, serial or other known column. */
export function isHeaderRow(cells: string[]): boolean {
  let roles = 0;
  let others = 0;
  for (const c of cells) {
    const k = headerKind(c);
    if (k === 'role') roles++;
    else if (k) others++;
  }
  return roles >= 1 && roles + others >= 2;
}

/** A row number as a serial cell writes it: 1, 1., 1、, （1）, 01. */
export function serialOf(cell: string): string | undefined {
  const m = /^[（(]?(\d{1,3})[）)]?[.、．]?$/u.exec(cell.trim());
  return m ? String(Number(m[1])) : undefined;
}

/** A list item naming a class of bodies (各成员单位; 县级市 after 各区、): neither a body nor a problem. */
export function isCollectiveItem(name: string, afterCollective = false): boolean {
  return COLLECTIVE.test(name) || (afterCollective && AFTER_COLLECTIVE.test(name));
}
