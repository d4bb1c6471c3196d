/**
 * Paragraph[] → TaskDraft tree. Numbered headings nest by rank (第X篇 > 第X章 > 第X节 > 一、 >
 * （一） > 1. > （1）), levels may be skipped; a body paragraph opening with a short sentence
 * becomes a leadPhrase task under the innermost heading. 专栏 boxes keep their lines as
 * paragraphs and get children only from numbered headings inside them; a box ends at the next
 * heading as high as the task it sits in. 附件 opens an annex whose headings are annexItems.
 */
import type { Paragraph, TaskDraft, TaskKind } from '../model.ts';
import { matchHeading, type HeadingKind, type HeadingMatch } from '../normalise/patterns.ts';
import { headingTitle, leadPhrase, shortQuote } from './titles.ts';
import { headerKind, isHeaderRow } from '../normalise/tables/index.ts';
import { isPageFurniture } from '../normalise/furniture.ts';

const RANK: Partial<Record<HeadingKind | 'leadPhrase', number>> = {
  part: 0,
  chapter: 1,
  section: 2,
  item: 3,
  subitem: 4,
  point: 5,
  subpoint: 6,
  leadPhrase: 7,
};

/**
 * Ranks outside the heading ladder. An annex outranks every heading (only another annex closes
 * it); a box ranks below every heading, so no heading nests under it by rank (what a box holds
 * is attached to it while it is open).
 */
const ANNEX_RANK = -1;
const BOX_RANK = 99;
/**
 * Longest line read as a one-cell table row or an annex's name on the line after 附件: a
 * category row ("一、产业发展") or a title, not a paragraph of prose.
 */
const SHORT_LINE = 40;

const KIND: Partial<Record<HeadingKind, TaskKind>> = {
  part: 'chapter',
  chapter: 'chapter',
  section: 'section',
  item: 'item',
  subitem: 'subitem',
  point: 'point',
  subpoint: 'point',
};

/** The column naming the task: 重点任务, 工作任务, 任务名称, 具体措施… (vocabulary: loaders/data/allocation-headers.json). */
const isTaskHeader = (c: string) => headerKind(c) === 'task';
/** A serial cell: 1, 1., 1、, （1）. */
const SERIAL = /^[（(]?(\d{1,3})[）)]?[.、．]?$/u;
/** The column naming the task in an allocation table's header row, -1 when the row is none. */
function taskColumnOf(cells: string[]): number {
  if (!isHeaderRow(cells)) return -1;
  const named = cells.findIndex(isTaskHeader);
  if (named >= 0) return named;
  // An indicator table naming 责任单位 (指标名称 | 2023年目标值 | 责任单位): each indicator row is assigned on its own.
  const indicator = cells.findIndex((c) => /^(?:主要)?指标(?:名称)?$/u.test(c.replace(/[\s\u3000]/gu, '')));
  if (indicator >= 0) return indicator;
  // A numbered table whose task column has a header of its own (民生实事): the first column no other word claims.
  return cells.some((c) => headerKind(c) === 'serial') ? cells.findIndex((c) => c !== '' && headerKind(c) === undefined) : -1;
}

const ASSIGNMENT_LINE = /^[（(]?(?:牵头单位|牵头责任单位|牵头部门|责任单位|责任部门|部门分工|配合单位|协同责任单位|主要责任单位|实施主体)[：:]/u;
/** An attribution in brackets on its own line: "（区农业农村局牵头，…按职责分工负责）". */
const ATTRIBUTION_LINE = /^[（(][^（()）]*(?:牵头|负责|配合|参与)[^（()）]*[）)][。；;]?$/u;
/**
 * Where a document's own text ends: a notice's closing lines (公开方式, 抄送, 印发 date) and the
 * furniture a web page or PDF prints after it (print/close links, share, related files, site owner).
 */
const END_MATTER_START = /^(?:公开方式[：:]|抄送[：:]|【?打印本页】?|【?关闭窗口】?|【?打印】?【|分享到[：:]?|扫一扫在手机|相关(?:文件|链接|阅读|稿件)[：:]?$|主办单位[：:]|承办单位[：:]|主办[：:]|网站标识码|版权所有|Copyright)/iu;
const ISSUED_BY_OFFICE = /\p{Script=Han}{2,30}(?:办公室|办公厅)\s*\d{4}年\d{1,2}月\d{1,2}日印发$/u;
/** The unanchored alternatives are tried only where they can match: one combined regex retried Han{2,30} at every offset of every paragraph. */
function isEndMatter(text: string): boolean {
  return END_MATTER_START.test(text) || /ICP备\d/i.test(text) || text.includes('公网安备') || (text.endsWith('印发') && ISSUED_BY_OFFICE.test(text));
}

interface Node {
  draft: TaskDraft;
  rank: number;
  /** Simplified title, for matching annex items (draft.title is verbatim). */
  key: string;
  leadCount: number;
  boxCount: number;
}

export interface TaskTree {
  tasks: TaskDraft[];
  loose: Paragraph[];
  footnotes: Paragraph[];
  /** Simplified title of every task, by ref (titles in `tasks` are verbatim). */
  simplifiedTitles: Map<string, string>;
}

export interface TaskOptions {
  document: string;
  /** News articles have no tasks; plans do. */
  tasks: boolean;
  /** Paragraph index where the plan's own text starts (after notice/title); before it all is loose. */
  bodyStart?: number;
}

export function buildTasks(paragraphs: Paragraph[], options: TaskOptions): TaskTree {
  const roots: TaskDraft[] = [];
  const loose: Paragraph[] = [];
  const footnotes: Paragraph[] = [];
  const refs = new Set<string>();
  const simplifiedTitles = new Map<string, string>();
  let stack: Node[] = [];
  let mode: 'pre' | 'preface' | 'main' | 'annex' | 'end' = 'pre';
  let box: { node: Node; boundary: number } | undefined;
  let inNote = false;
  let rootBoxes = 0;
  let rootLeads = 0;
  /** Column holding the task in the allocation table being read, -1 outside one. */
  let taskColumn = -1;
  /** Whether that table numbers its rows (序号 column); if not, rows are numbered in order. */
  let tableSerials = true;
  let tableRow = 0;
  /** The task of the table's last row read. */
  let lastRow: TaskDraft | undefined;
  const hasHeadings = paragraphs.some((p, i) => i >= (options.bodyStart ?? 0) && p.kind === 'body' && matchHeading(p.text));

  const top = () => stack[stack.length - 1];
  const uniqueRef = (ref: string) => {
    let r = ref;
    for (let n = 2; refs.has(r); n++) r = `${ref}~${n}`;
    refs.add(r);
    return r;
  };
  const open = (kind: TaskKind, token: string, p: Paragraph, title: { text: string; original: string }, rank: number, parent: Node | undefined, absolute = false): Node => {
    const ref = uniqueRef(absolute || !parent ? token : joinRef(parent.draft.ref, token));
    const draft: TaskDraft = {
      kind,
      ref,
      title: title.original,
      text: '',
      paragraphs: [p],
      evidence: { document: options.document, line: p.line, quote: shortQuote(p.original) },
      children: [],
    };
    if (parent) parent.draft.children.push(draft);
    else roots.push(draft);
    simplifiedTitles.set(ref, title.text);
    const node: Node = { draft, rank, key: title.text, leadCount: 0, boxCount: 0 };
    stack.push(node);
    return node;
  };
  const closeBox = () => {
    if (!box) return;
    const i = stack.indexOf(box.node);
    if (i >= 0) stack = stack.slice(0, i);
    box = undefined;
  };
  const attach = (p: Paragraph) => {
    // An assignment line ("牵头单位：…", "部门分工：X牵头…", "（X牵头，Y按职责分工负责）") belongs to the task right above it.
    if ((ASSIGNMENT_LINE.test(p.text) || ATTRIBUTION_LINE.test(p.text)) && stack.length > 0) {
      top().draft.paragraphs.push(p);
      return;
    }
    // Other prose belongs to the innermost heading, not to the lead-phrase paragraph before it.
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i].draft.kind !== 'leadPhrase') {
        stack[i].draft.paragraphs.push(p);
        return;
      }
    }
    loose.push(p);
  };

  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (p.kind === 'footnote') {
      footnotes.push(p);
      continue;
    }
    // A web page's breadcrumbs, bylines, widgets and footer are no part of the plan, not even loose text.
    const furniture = p.kind === 'body' && isPageFurniture(p.text);
    if (!options.tasks || i < (options.bodyStart ?? 0)) {
      if (!furniture) loose.push(p);
      continue;
    }
    if (mode !== 'pre' && isEndMatter(p.text)) {
      closeBox();
      stack = [];
      mode = 'end';
    }
    if (furniture) continue;
    // An annex printed after the closing lines still opens.
    if (mode === 'end' && !(p.kind === 'body' && matchHeading(p.text)?.kind === 'annex')) {
      loose.push(p);
      continue;
    }
    // A row spanning the whole table ("一、产业发展") is read as text; the table goes on below it.
    if (p.kind === 'table-cell' && p.text.includes('\t')) {
      // A task-allocation table (序号 | 重点任务 | 牵头单位 | 配合单位): each numbered row is a task.
      const cells = p.text.split('\t').map((c) => c.trim());
      const headerTask = taskColumnOf(cells);
      const header = headerTask >= 0;
      // The table may be the document's whole body (a 分工表 with no headings): its header opens the tasks.
      if (header && (mode === 'pre' || mode === 'preface')) mode = 'main';
      if (mode === 'pre' || mode === 'preface') {
        loose.push(p);
        continue;
      }
      if (header) {
        taskColumn = headerTask;
        tableSerials = cells.some((c) => headerKind(c) === 'serial');
        tableRow = 0;
        lastRow = undefined;
        attach(p);
        continue;
      }
      const serial = SERIAL.exec(cells[0] ?? '')?.[1];
      const isRow = tableSerials ? serial !== undefined : cells.length >= 2 && !isTaskHeader(cells[taskColumn] ?? '');
      if (taskColumn >= 0 && isRow && cells[taskColumn]) {
        while (top() && top() !== box?.node && top().draft.kind !== 'annex' && (top().rank >= RANK.point! || top().draft.kind === 'leadPhrase')) stack.pop();
        const title = headingTitle(cells[taskColumn]);
        tableRow++;
        lastRow = open(mode === 'annex' ? 'annexItem' : 'point', tableSerials ? serial! : String(tableRow), p, titleOf(p, title), RANK.point!, top()).draft;
        stack.pop(); // a row has no children
        continue;
      }
      // A numbered table's row with no number goes on with the row above (a cell merged down, a wrapped row).
      if (taskColumn >= 0 && tableSerials && lastRow && serial === undefined && !cells[0]) {
        lastRow.paragraphs.push(p);
        continue;
      }
      attach(p);
      continue;
    }
    // A category row spanning the table ("一、产业发展") is one cell, so no tab: the table goes on below it.
    if (!((p.kind === 'table-cell' || paragraphs[i + 1]?.kind === 'table-cell') && p.text.length <= SHORT_LINE)) taskColumn = -1;
    let h = matchHeading(p.text);
    if (h && (h.kind === 'point' || h.kind === 'subpoint') && inNote) h = undefined; // "注：1. … 2. …"
    if (!h) {
      if (/^注[：:]/u.test(p.text)) inNote = true;
      // A plan written without numbered headings: its lead phrases are its top-level tasks.
      if (mode === 'pre' && !hasHeadings && leadPhrase(p.text)) mode = 'main';
      if (mode === 'pre' || mode === 'preface') {
        loose.push(p);
        continue;
      }
      const lp = mode === 'main' && !box ? leadPhrase(p.text) : undefined;
      if (lp && (stack.length > 0 || !hasHeadings)) {
        while (top()?.draft.kind === 'leadPhrase') stack.pop();
        const parent = top();
        const n = parent ? ++parent.leadCount : ++rootLeads;
        open('leadPhrase', parent ? `-${n}` : `段${n}`, p, titleOf(p, lp), RANK.leadPhrase!, parent);
        continue;
      }
      attach(p);
      continue;
    }
    inNote = false;
    if (h.kind === 'toc') {
      loose.push(p);
      continue;
    }
    if (h.kind === 'preface') {
      closeBox();
      stack = [];
      mode = 'preface';
      loose.push(p);
      continue;
    }
    if (h.kind === 'annex') {
      closeBox();
      stack = [];
      mode = 'annex';
      let titleText = h.rest;
      let title = titleOf(p, headingTitle(h.rest));
      const next = paragraphs[i + 1];
      // "附件" on its own line, the annex's name on the next: "重点任务部门分工方案".
      if (!titleText && next && next.kind === 'body' && !matchHeading(next.text) && next.text.length <= SHORT_LINE && !/[。；]/u.test(next.text)) {
        titleText = next.text;
        title = { text: next.text, original: next.original };
        i++;
        const node = open('annex', h.number, p, title, ANNEX_RANK, undefined, true);
        node.draft.paragraphs.push(next);
        continue;
      }
      open('annex', h.number, p, title, ANNEX_RANK, undefined, true);
      continue;
    }
    if (h.kind === 'box') {
      closeBox();
      while (top()?.draft.kind === 'leadPhrase') stack.pop();
      // A box printed after "2." whose own list starts "1．…" sits in the task above "2.", not in it.
      const firstInside = paragraphs[i + 1]?.kind === 'body' ? matchHeading(paragraphs[i + 1].text) : undefined;
      const insideRank = firstInside ? RANK[firstInside.kind] : undefined;
      if (insideRank !== undefined) while (stack.length > 0 && top().rank >= insideRank && top().draft.kind !== 'annex') stack.pop();
      const parent = top();
      const boundary = parent ? parent.rank : RANK.chapter!;
      const numbered = /\d/.test(h.number);
      let token = h.number;
      if (!numbered) token = parent ? `${parent.draft.ref}专栏${++parent.boxCount}` : `专栏${++rootBoxes}`;
      const title = titleOf(p, h.rest.replace(/^[：:\s]+/u, '') || h.number);
      const node = open('box', token, p, title, BOX_RANK, parent, true);
      box = { node, boundary };
      if (mode === 'pre' || mode === 'preface') mode = 'main';
      continue;
    }
    const rank = RANK[h.kind];
    const kind = KIND[h.kind];
    if (rank === undefined || kind === undefined) {
      attach(p);
      continue;
    }
    if (box && rank <= box.boundary) closeBox();
    if (mode === 'annex') {
      while (stack.length > 1 && top().rank >= rank) stack.pop();
      open('annexItem', token(h), p, titleOf(p, headingTitle(h.rest)), rank, top());
      continue;
    }
    if (mode === 'pre' || mode === 'preface') mode = 'main';
    while (stack.length > 0 && top() !== box?.node && top().rank >= rank) stack.pop();
    open(kind, token(h), p, titleOf(p, headingTitle(h.rest)), rank, top());
  }

  for (const t of roots) finish(t);
  return { tasks: roots, loose, footnotes, simplifiedTitles };
}

function token(h: HeadingMatch): string {
  if (h.kind === 'subitem' || (h.kind === 'subpoint' && /^\d/.test(h.number))) return `(${h.number})`;
  return h.number;
}

/** "二(二)" + "1" → "二(二)1"; "专栏5" + "1" → "专栏5.1" (digits would run together). */
function joinRef(parent: string, token: string): string {
  return parent + (/\d$/.test(parent) && /^\d/.test(token) ? '.' : '') + token;
}

/** The verbatim form of a title found in the Simplified text (same offsets in both). */
function titleOf(p: Paragraph, simplifiedTitle: string): { text: string; original: string } {
  const at = p.text.indexOf(simplifiedTitle);
  const original = at >= 0 ? p.original.slice(at, at + simplifiedTitle.length) : simplifiedTitle;
  return { text: simplifiedTitle, original };
}

/** Text (verbatim, paragraph per line) and last source line of each task. */
function finish(t: TaskDraft): number {
  t.text = t.paragraphs.map((p) => p.original).join('\n');
  let end = t.evidence.line;
  for (const p of t.paragraphs) end = Math.max(end, p.segments[p.segments.length - 1]?.line ?? p.line);
  for (const c of t.children) end = Math.max(end, finish(c));
  t.endLine = end;
  return end;
}

/** The tasks and all their descendants, in reading order (each task before its children), on one array. */
export function allTasks(tasks: TaskDraft[], out: TaskDraft[] = []): TaskDraft[] {
  for (const t of tasks) {
    out.push(t);
    allTasks(t.children, out);
  }
  return out;
}
