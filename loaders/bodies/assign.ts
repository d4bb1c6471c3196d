/**
 * Assignment phrases of one paragraph → resolved bodies with their role and evidence.
 * Names in a list share the prefix of the name before them (省发展改革委、教育厅 = 省教育厅) until a comma
 * starts a new group (省委编办，省发展改革委); collective phrases (各地级以上市人民政府) are skipped.
 */
import type { Paragraph } from '../model.js';
import type { Body } from '../gazetteer/departments.ts';
import { type Assignment, type Role, type WrittenName, findAssignments } from './phrases.js';
import { type TableState, tableRowAssignments } from './tables.js';
import { type Resolution, type Scope, resolveName } from './resolve.js';
import { isCollective } from '../gazetteer/departments.ts';
import { isCollectiveItem } from '../normalise/tables/index.ts';
import { lineAt, plainQuote, quoteWindow, verbatim } from '../text/provenance.ts';

export interface ResolvedAssignment {
  body: Body;
  role: Role;
  rolePhrase: string;
  /** The name as written (verbatim, original script). */
  surface: string;
  line: number;
  quote: string;
  layout: Assignment['layout'];
  /** The first body of a list that may lead (see Assignment.firstMayLead / firstLeads). */
  firstOfList?: 'may-lead' | 'leads';
}

export interface ParagraphResult {
  assignments: ResolvedAssignment[];
  /** Names in an allocation layout that could not be resolved (never silently dropped). */
  problems: { line: number; message: string }[];
}

/** Quote: the assignment text, or when longer than a quote a window of it holding the name, filled to its end. */
function quoteFor(p: Paragraph, a: Assignment, name: WrittenName): string {
  const [start, end] = quoteWindow(a.start, a.end, name.offset, a.end);
  return plainQuote(verbatim(p, start, end));
}

/** In prose the list may begin mid-sentence (建立区委政法委): keep the longest tail that names a known body. */
function proseName(name: WrittenName, scope: Scope, first: boolean): { name: WrittenName; r: Resolution } | undefined {
  const r = resolveName(name.text, scope, { strictOnly: true });
  // "由省大数据局会同…": a level marker and a department's ending make a body name even when the gazetteer
  // does not know it (another province's bureau).
  if (r.status === 'unresolved' && /^(省|市|区|县)(?!场)[\u4e00-\u9fa5]{2,12}(厅|局|委员会|委|办公室)$/.test(name.text)) {
    const built = resolveName(name.text, scope);
    if (built.status === 'body') return { name, r: built };
  }
  if (r.status !== 'unresolved' || !first) return { name, r };
  for (let i = 1; i <= name.text.length - 2; i++) {
    const tail = { ...name, text: name.text.slice(i), offset: name.offset + i };
    const rt = resolveName(tail.text, scope, { strictOnly: true });
    if (rt.status === 'body') return { name: tail, r: rt };
  }
  return undefined;
}

/** A name the sentence runs on from ("省建设厅制定…"): the longest head that names a body. */
function openName(name: WrittenName, scope: Scope): { name: WrittenName; r: Resolution } | undefined {
  for (let end = name.text.length; end >= 3; end--) {
    const head = { ...name, text: name.text.slice(0, end) };
    const hit = proseName(head, scope, false);
    if (hit && hit.r.status === 'body') return hit;
  }
  return undefined;
}

/**
 * A list that runs into the next line's sentence (a label line joined to the paragraph after it:
 * "…、良口镇" + "建设北部山区生态示范带。"): the name ends where its source line ends.
 */
function cutAtLineEnd(p: Paragraph, name: WrittenName, scope: Scope, prefix?: string): { name: WrittenName; r: Resolution } | undefined {
  for (const s of p.segments) {
    const at = s.offset - name.offset;
    if (at < 2 || at >= name.text.length) continue;
    const head = { ...name, text: name.text.slice(0, at) };
    const r = resolveName(head.text, scope, { groupPrefix: prefix });
    if (r.status !== 'unresolved') return { name: head, r };
  }
  return undefined;
}

const GOVERNMENT = /^([\u4e00-\u9fa5]{2,10}?)(人民政府|政府|党委|管委会|管理委员会)$/u;
const BODY_ENDING = /(?:局|委|办|厅|院|室|所|站|队|会|中心|政府|公司|集团|街道|镇|乡|部|处|行|社)$/u;

/**
 * "广州、深圳、珠海市政府", "梅县区、平远县人民政府": places listed before the last one share its government
 * ending (广州市政府, 深圳市政府). Returns the name each such place stands for, by index.
 */
export function sharedEndings(names: WrittenName[]): Map<number, string> {
  const out = new Map<number, string>();
  names.forEach((last, i) => {
    const m = GOVERNMENT.exec(last.text);
    if (!m) return;
    const level = /[市区县]$/u.exec(m[1])?.[0];
    for (let k = i - 1; k >= 0 && names[k].group === last.group && !out.has(k); k--) {
      const t = names[k].text;
      if (!/^[\u4e00-\u9fa5]{2,8}$/u.test(t) || BODY_ENDING.test(t) || GOVERNMENT.test(t)) break;
      out.set(k, (level && !/[省市区县]$/u.test(t) ? t + level : t) + m[2]);
    }
  });
  return out;
}

function resolveAssignment(p: Paragraph, a: Assignment, scope: Scope, result: ParagraphResult): void {
  const line = lineAt(p, a.start);
  let group = -1;
  let prefix: string | undefined;
  const found: ResolvedAssignment[] = [];
  let previousCollective = false;
  let firstWritten = false;
  const endings = a.layout === 'prose' ? undefined : sharedEndings(a.names);
  for (const [i, written] of a.names.entries()) {
    if (written.group !== group) {
      group = written.group;
      prefix = undefined;
    }
    let name = written;
    let r: Resolution;
    // A class of bodies the gazetteer's patterns miss (各成员单位), or the rest of a collective phrase the list
    // split at its 、 (各区、县级市): no body, no problem.
    // (Prose keeps its own rule: the name next to the role word must be a known body.)
    if (a.layout !== 'prose' && isCollectiveItem(written.text, previousCollective)) {
      previousCollective = true;
      continue;
    }
    previousCollective = isCollective(written.text);
    if (a.layout === 'prose' && written.open) {
      const hit = openName(written, scope);
      if (!hit) continue;
      ({ name, r } = hit);
    } else if (a.layout === 'prose') {
      const hit = proseName(written, scope, i === 0 && !a.wholeNames);
      // "X负责…" with no 由 or 等: every name must be a body as written, or the clause is no assignment.
      if (a.wholeNames && (!hit || hit.r.status === 'unresolved')) return;
      // Prose accepts only known bodies, and the name next to the marker must be one (标杆企业牵头 is not an assignment).
      if (!hit || hit.r.status === 'unresolved') {
        if (i === a.names.length - 1) return;
        continue;
      }
      ({ name, r } = hit);
    } else {
      r = resolveName(endings?.get(i) ?? written.text, scope, { groupPrefix: prefix });
      const cut = r.status === 'unresolved' ? cutAtLineEnd(p, written, scope, prefix) : undefined;
      if (cut) {
        ({ name, r } = cut);
        a.end = Math.min(a.end, name.offset + name.text.length);
      }
    }
    if (r.status === 'collective') continue;
    if (r.status === 'unresolved') {
      if (a.layout !== 'prose') result.problems.push({ line, message: `responsible body not resolved: ${r.reason}` });
      continue;
    }
    if (r.prefix) prefix = r.prefix;
    if (found.length === 0) firstWritten = i === 0;
    found.push({
      body: r.body,
      role: a.role,
      rolePhrase: a.rolePhrase,
      surface: verbatim(p, name.offset, name.offset + name.text.length),
      // A table cell may wrap: each name is cited on the line it is printed on.
      line: a.layout === 'table' ? lineAt(p, name.offset) : line,
      quote: quoteFor(p, a, name),
      layout: a.layout,
    });
  }
  // Only the body written first may lead: when that name is unresolved or collective, no other one takes its place.
  if (found.length && firstWritten && (a.firstLeads || a.firstMayLead)) found[0].firstOfList = a.firstLeads ? 'leads' : 'may-lead';
  result.assignments.push(...found);
}

/** Every body a paragraph assigns a role to. */
export function paragraphAssignments(p: Paragraph, scope: Scope, table: TableState = {}): ParagraphResult {
  const result: ParagraphResult = { assignments: [], problems: [] };
  if (p.kind === 'footnote') return result;
  const rows = tableRowAssignments(p.text, table, p.kind === 'table-cell');
  const phrases = findAssignments(p.text).filter((a) => !rows.some((r) => r.start <= a.start && a.start < r.end));
  for (const a of [...rows, ...phrases]) resolveAssignment(p, a, scope, result);
  return result;
}
