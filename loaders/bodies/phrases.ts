/**
 * Where a paragraph assigns responsibility, in the layouts plans use:
 *   bracket  "(省公安厅牵头；省发展改革委按职责分工负责)" closing an annex item or a sentence;
 *   label    "牵头单位：…　责任单位：…", "牵头责任单位：… 协同责任单位：…", "部门分工：X牵头，Y配合";
 *   prose    "由X负责，Y参与", "X牵头…", "…、Y等多个部门共同参与".
 * This finds the phrases and the lists of names in them; resolving the names is resolve.ts's job.
 */

import { FIRST_LEADS_NOTE } from '../normalise/tables/headers.ts';

export type Role = 'LEADS' | 'SUPPORTS';
export type Layout = 'bracket' | 'label' | 'prose' | 'table';

/** One name as written in a list, with its character offset in the paragraph text. */
export interface WrittenName {
  text: string;
  offset: number;
  /** Names of one group share a prefix (省发展改革委、教育厅); a comma starts a new group. */
  group: number;
  /** The text may run on past the name ("省建设厅制定标准"): keep the longest head that names a body. */
  open?: boolean;
}

/** One role given to a list of bodies. */
export interface Assignment {
  role: Role;
  /** The words that give the role: 牵头, 按职责分工负责, 牵头单位, 参与 … */
  rolePhrase: string;
  names: WrittenName[];
  /** The assignment text (bracket with its contents, label and value, prose clause): quote and line come from it. */
  start: number;
  end: number;
  layout: Layout;
  /** A bare 责任单位 list: its first body leads where the document says so (责任单位中排在第一位的为牵头单位). */
  firstMayLead?: boolean;
  /** The list's own header says its first body leads. */
  firstLeads?: boolean;
  /**
   * Prose whose role word alone does not make it an assignment ("X负责温泉取水许可"): it is one only when every name
   * of the list, exactly as written from the start of its clause, is a known body (checked by the caller).
   */
  wholeNames?: boolean;
}

// Longest first, so 按职责分工负责 wins over 负责 and 牵头负责 over 牵头.
const MARKER = /(牵头负责|牵头|按职责分工负责|按职责负责|按职能分工负责|分工负责|共同负责|具体负责|负责|配合|参与|协同|协助|协办|落实)/g;
const LEAD_MARKERS = new Set(['牵头负责', '牵头', '负责', '具体负责']);

const LABEL_WORDS =
  '牵头责任单位|协同责任单位|主要责任单位|配合责任单位|牵头单位|牵头部门|主责单位|主责部门|责任单位|责任部门|责任主体|配合单位|配合部门|协同单位|协同部门|参与单位|主办单位|协办单位|实施单位|实施主体|部门分工|责任分工|' +
  // Short labels of compact tables and brackets: "（牵头：市发展改革委；配合：市财政局）".
  '牵头|配合|协同|参与|协办';
// "牵头单位：…" or "【牵头单位】…"; the label word is group 1 or 2.
const LABEL = new RegExp(`(?:【(${LABEL_WORDS})】\\s*[：:]?|(${LABEL_WORDS})\\s*[：:])`, 'g');
const LEAD_LABELS = new Set(['牵头责任单位', '主要责任单位', '牵头单位', '牵头部门', '主责单位', '主责部门', '主办单位', '牵头']);
const CLAUSE_LABELS = new Set(['部门分工', '责任分工']);

/** Brackets an attribution is written in: （） () 〔〕 [] 【】. */
const isOpen = (c: number) => c === 0x28 || c === 0xff08 || c === 0x3014 || c === 0x5b || c === 0x3010;
const isClose = (c: number) => c === 0x29 || c === 0xff09 || c === 0x3015 || c === 0x5d || c === 0x3011;
/** MARKER without the global flag: "is there a role word in this text". */
const HAS_MARKER = new RegExp(MARKER.source);

/** Trailing words after a list that are not part of the last name: 等, 等多个部门共同, （牵头）… */
const LIST_TAIL = /(等(多个|多家|相关|有关|其他|各)?(部门|单位|机构|企业)?)?(共同|联合|积极|主动|分别|具体|统筹|各自)?$/;
const LIST_HEAD = /^(由|请|会同|并由|均由)/;

/** Split "省委编办，省发展改革委、教育厅等" into names; offsets relative to the paragraph. */
export function splitNames(text: string, offset: number): WrittenName[] {
  const names: WrittenName[] = [];
  let group = 0;
  // A line break kept in a Markdown cell (<br>) separates names like 、.
  const re = /[，,；;]|<br\s*\/?>|[、\/]|以及|及|会同/g;
  let from = 0;
  const push = (to: number) => {
    let piece = text.slice(from, to);
    let start = from;
    const lead = piece.match(/^[\s*“”"「」]+/)?.[0].length ?? 0;
    piece = piece.slice(lead);
    start += lead;
    const head = piece.match(LIST_HEAD)?.[0].length ?? 0;
    piece = piece.slice(head);
    start += head;
    piece = piece.replace(/[\s*“”"「」]+$/, '').replace(LIST_TAIL, '').replace(/[\s*]+$/, '');
    if (piece) names.push({ text: piece, offset: offset + start, group });
  };
  // A separator inside brackets belongs to the name: 各县（市、区）政府（管委会） is one phrase.
  const inside = bracketDepths(text);
  for (const m of text.matchAll(re)) {
    if (inside && inside[m.index!] > 0) continue;
    push(m.index!);
    from = m.index! + m[0].length;
    if (/[，,；;]/.test(m[0])) group++;
  }
  push(text.length);
  return names;
}

/** Bracket depth at each offset (undefined when the text has no bracket). */
function bracketDepths(text: string): number[] | undefined {
  if (!/[（(〔\[【]/u.test(text)) return undefined;
  const depths: number[] = new Array(text.length);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '（' || c === '(' || c === '〔' || c === '[' || c === '【') depth++;
    else if ((c === '）' || c === ')' || c === '〕' || c === ']' || c === '】') && depth > 0) depth--;
    depths[i] = depth;
  }
  return depths;
}

/** Matching open bracket for the close one at `at`, -1 when none. */
function openOf(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (isClose(c)) depth++;
    else if (isOpen(c) && --depth === 0) return i;
  }
  return -1;
}

/** Matching close bracket for the open one at `at`, honouring nesting (各镇（街）). */
function closeOf(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isOpen(c)) depth++;
    else if (isClose(c) && --depth === 0) return i;
  }
  return -1;
}

/**
 * "市发展改革委会同市财政局负责": the body before 会同 has the marker's role, the ones after it join in.
 * Without 会同, or with 牵头 (co-leads), the whole list has the marker's role.
 */
function withPartners(listText: string, offset: number, role: Role, rolePhrase: string, start: number, end: number, layout: Layout): Assignment[] {
  const at = listText.indexOf('会同');
  // "X会同Y牵头": both lead (the role word says so); "X会同Y负责": X answers for it, Y joins.
  if (at <= 0 || role !== 'LEADS' || rolePhrase.includes('牵头')) {
    const names = splitNames(listText, offset);
    return names.length ? [{ role, rolePhrase, names, start, end, layout }] : [];
  }
  const out: Assignment[] = [];
  const leads = splitNames(listText.slice(0, at), offset);
  const partners = splitNames(listText.slice(at + 2), offset + at + 2);
  if (leads.length) out.push({ role, rolePhrase, names: leads, start, end, layout });
  if (partners.length) out.push({ role: 'SUPPORTS', rolePhrase: '会同', names: partners, start, end, layout });
  return out;
}

/** "X牵头，Y参与；Z按职责分工负责": each marker gives its role to the list before it. */
function parseClauses(text: string, offset: number, start: number, end: number, layout: Layout): Assignment[] {
  const out: Assignment[] = [];
  let clauseFrom = 0;
  for (const clause of text.split(/[；;]/)) {
    let from = 0;
    for (const m of clause.matchAll(new RegExp(MARKER.source, 'g'))) {
      const listStart = from;
      const listText = clause.slice(listStart, m.index!);
      from = m.index! + m[0].length;
      // 由X负责 is a lead; 负责 alone closing an annex list is the body's own responsibility too.
      const role: Role = LEAD_MARKERS.has(m[0]) ? 'LEADS' : 'SUPPORTS';
      out.push(...withPartners(listText, offset + clauseFrom + listStart, role, m[0], start, end, layout));
    }
    clauseFrom += clause.length + 1;
  }
  return out;
}

function labelAssignments(text: string, taken: [number, number][]): Assignment[] {
  // Every label ends in a colon or 】: most paragraphs have neither and need no scan.
  if (!text.includes('：') && !text.includes(':') && !text.includes('】')) return [];
  const labels = [...text.matchAll(LABEL)];
  const out: Assignment[] = [];
  labels.forEach((m, i) => {
    const valueFrom = m.index! + m[0].length;
    let valueTo = i + 1 < labels.length ? labels[i + 1].index! : text.length;
    // A label inside a bracket ends at that bracket's close; a sentence end closes it too.
    let depth = 0;
    for (let k = valueFrom; k < valueTo; k++) {
      const c = text.charCodeAt(k);
      if (isOpen(c)) depth++;
      else if (isClose(c) && depth-- === 0) { valueTo = k; break; }
      else if (c === 0x3002 /* 。 */ || c === 0x0a) { valueTo = k; break; }
    }
    const value = text.slice(valueFrom, valueTo);
    const label = m[1] ?? m[2];
    taken.push([m.index!, valueTo]);
    // 部门分工：X牵头，Y配合 — and any label whose value gives roles itself (责任单位：X牵头，Y配合).
    if (CLAUSE_LABELS.has(label) || HAS_MARKER.test(value.replace(/[（(]牵头[）)]/g, ''))) {
      out.push(...parseClauses(value, valueFrom, m.index!, valueTo, 'label'));
      return;
    }
    const role: Role = LEAD_LABELS.has(label) ? 'LEADS' : 'SUPPORTS';
    const names = splitNames(value, valueFrom);
    // 责任单位：市发展改革委（牵头）、市财政局 — the marked one leads.
    const leads = names.filter((n) => /[（(]牵头[）)]$/.test(n.text));
    const rest = names.filter((n) => !leads.includes(n));
    for (const n of leads) n.text = n.text.replace(/[（(]牵头[）)]$/, '');
    if (leads.length) out.push({ role: 'LEADS', rolePhrase: '牵头', names: leads, start: m.index!, end: valueTo, layout: 'label' });
    if (rest.length) {
      // 责任单位：A、B — A leads where the document says the first-listed body does.
      const firstMayLead = !leads.length && (label === '责任单位' || label === '责任部门');
      out.push({ role, rolePhrase: label, names: rest, start: m.index!, end: valueTo, layout: 'label', ...(firstMayLead ? { firstMayLead } : {}) });
    }
  });
  return out;
}

function bracketAssignments(text: string, taken: [number, number][]): Assignment[] {
  const out: Assignment[] = [];
  if (!/[（(〔\[【]/u.test(text)) return out;
  for (let i = 0; i < text.length; i++) {
    if (!isOpen(text.charCodeAt(i))) continue;
    const close = closeOf(text, i);
    if (close < 0) break;
    const inner = text.slice(i + 1, close);
    const overlaps = taken.some(([a, b]) => a < close && b > i);
    if (!overlaps && HAS_MARKER.test(inner)) {
      const found = parseClauses(inner, i + 1, i, close + 1, 'bracket');
      if (found.length) {
        out.push(...found);
        taken.push([i, close + 1]);
      }
    }
    i = close;
  }
  return out;
}

/** Characters that end the clause a prose marker's list is read back through. */
const CLAUSE_END = new Set([...'。；;：:！？!?\n（()）'].map((c) => c.charCodeAt(0)));

/** True when `at` starts a clause: the paragraph's start, or just after a sentence or clause mark. */
function opensClause(text: string, at: number): boolean {
  return at === 0 || CLAUSE_END.has(text.charCodeAt(at - 1)) || /[，,]/u.test(text[at - 1]);
}

/** Prose markers outside brackets and labels; names here must be known bodies (checked by the caller). */
function proseAssignments(text: string, taken: [number, number][]): Assignment[] {
  const out: Assignment[] = [];
  for (const m of text.matchAll(/(牵头负责|按职责分工负责|按职能分工负责|按职责负责|分工负责|牵头|负责|配合|共同参与|参与|协同|协助)/g)) {
    const at = m.index!;
    if (taken.some(([a, b]) => at >= a && at < b)) continue;
    let clauseStart = at;
    for (;;) {
      while (clauseStart > 0 && !CLAUSE_END.has(text.charCodeAt(clauseStart - 1)) && at - clauseStart < 100) {
        // A comma ends the clause unless the list keeps going (、 lists never contain commas here).
        const c = text.charCodeAt(clauseStart - 1);
        if (c === 0xff0c || c === 0x2c) break;
        clauseStart--;
      }
      // A bracket inside the last name (各县（市、区）人民政府负责): the name starts before it.
      if (clauseStart > 1 && isClose(text.charCodeAt(clauseStart - 1))) {
        const open = openOf(text, clauseStart - 1);
        if (open > 0 && at - open < 100) {
          clauseStart = open;
          continue;
        }
      }
      break;
    }
    // "X牵头，Y、Z，A、B配合": the supporting list runs back over comma groups that are only names.
    if (!m[0].startsWith('牵头') && m[0] !== '负责') {
      while (clauseStart > 1 && /[，,]/u.test(text[clauseStart - 1])) {
        let segStart = clauseStart - 1;
        while (segStart > 0 && !/[，,。；;：:\n（()）]/u.test(text[segStart - 1])) segStart--;
        const seg = text.slice(segStart, clauseStart - 1);
        if (seg.length < 3 || seg.length > 60 || HAS_MARKER.test(seg) || /由|等|将|要|的/u.test(seg) || !/(?:局|委|办|厅|政府|院|中心|室|部|会|社|行)$/u.test(seg)) break;
        clauseStart = segStart;
      }
    }
    // "推进产业园区扩能增效由省经济和信息化委牵头": the list starts after 由.
    const by = text.lastIndexOf('由', at - 1);
    if (by >= clauseStart && by < at - 2 && !/^(?:于|此|来|衷)/u.test(text.slice(by + 1, by + 2))) clauseStart = by;
    const listText = text.slice(clauseStart, at);
    const isLead = m[0].startsWith('牵头') || m[0] === '负责';
    // 负责 without 由 is everyday prose (负责同志, 各自负责): 由X负责 assigns, and so does a list closing its
    // clause with it (市发展改革委、市财政局等负责。 / 市卫生健康委负责，…), whose names must all be known bodies.
    const closesClause = at + m[0].length >= text.length || /[，,。；;）)】〕\]]/u.test(text[at + m[0].length]);
    // A clause that opens with the list and goes on with its task (广州市规划和自然资源局从化区分局负责温泉取水许可…)
    // assigns too, when the names are bodies as written (wholeNames); never 负责人, 负责同志, 负责任, 负责的.
    const plainLead = m[0] === '负责' && !/^(并由|均由|由)/.test(listText) && !closesClause && !/等$/u.test(listText);
    if (plainLead && (!opensClause(text, clauseStart) || /^[人同任的]/u.test(text.slice(at + 2, at + 3)))) continue;
    // 按职责分工负责 in prose: only where it closes the clause (X按职责分工负责。), never 按职责分工负责的原则.
    if (m[0].length > 2 && m[0].endsWith('负责') && !closesClause) continue;
    const found = withPartners(listText, clauseStart, isLead ? 'LEADS' : 'SUPPORTS', m[0], clauseStart, at + m[0].length, 'prose');
    if (plainLead) for (const a of found) a.wholeNames = true;
    out.push(...found);
  }
  // "由市发展改革委会同市财政局制定实施细则": the body 由 names leads, with no role word after the list.
  if (!text.includes('会同')) return out;
  for (const m of text.matchAll(/由([^，。；;：:、（）()]{2,30}?)会同([^，。；;：:（）()]{2,60})/g)) {
    const at = m.index!;
    if (taken.some(([a, b]) => at >= a && at < b) || out.some((a) => a.start <= at && at < a.end)) continue;
    const names = splitNames(m[1], at + 1);
    const end = at + m[0].length;
    if (names.length) out.push({ role: 'LEADS', rolePhrase: '会同', names, start: at, end, layout: 'prose' });
    // The partners run into the verb ("省建设厅制定…"): each is cut to the body name it opens with (resolve.ts).
    const partners = splitNames(m[2], at + 1 + m[1].length + 2).map((n) => ({ ...n, open: true }));
    if (partners.length) out.push({ role: 'SUPPORTS', rolePhrase: '会同', names: partners, start: at, end, layout: 'prose' });
  }
  return out;
}

/** The clause (or bracket) holding each first-leads note. */
function noteSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(new RegExp(FIRST_LEADS_NOTE.source, 'gu'))) {
    let from = m.index!;
    while (from > 0 && !/[（(。；;：:\n]/u.test(text[from - 1])) from--;
    if (from > 0 && /[（(]/u.test(text[from - 1])) from--;
    let to = m.index! + m[0].length;
    while (to < text.length && !/[）)。；;，,]/u.test(text[to])) to++;
    // "…为牵头单位，其他为配合单位": the rest of the note.
    if (/^[，,](?:其他|其余|其它)/u.test(text.slice(to))) while (to < text.length && !/[）)。；;]/u.test(text[to])) to++;
    if (to < text.length && /[）)]/u.test(text[to])) to++;
    out.push([from, to]);
  }
  return out;
}

/** Every assignment in one paragraph's (Simplified) text, in reading order. */
export function findAssignments(text: string): Assignment[] {
  const taken: [number, number][] = [];
  // "（责任单位中排在第一位的为牵头单位）" says how to read the lists; it assigns nothing itself.
  if (text.includes('牵头') || text.includes('主办')) for (const span of noteSpans(text)) taken.push(span);
  const labelled = labelAssignments(text, taken);
  const bracketed = bracketAssignments(text, taken);
  const prose = proseAssignments(text, taken);
  return [...labelled, ...bracketed, ...prose].sort((a, b) => a.start - b.start || a.names[0].offset - b.names[0].offset);
}
