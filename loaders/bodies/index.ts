/**
 * Responsible bodies: Department nodes and LEADS / SUPPORTS edges (Department → Task), each edge carrying the
 * line and quote where the plan assigns the role. Annex items that restate a main-text task (sameAs) put their
 * edges on that task, with the annex line as evidence.
 */
import type { Division, Extractor, GraphFragment, GraphNode, GraphRelationship, Paragraph, TaskDraft } from '../model.js';
import { paragraphAssignments } from './assign.js';
import { bodyMentions } from './mentions.js';
import { divisionByName } from '../gazetteer/division-names.ts';
import type { Body } from '../gazetteer/departments.ts';
import { type Scope, resolveName, scopeOf } from './resolve.js';
import { type TableState, tableRowAssignments } from './tables.js';
import { allTasks } from '../structure/tasks.js';
import { FIRST_LEADS_NOTE } from '../normalise/tables/index.ts';
import { clip, lineAt, plainQuote, verbatim, verbatimText } from '../text/provenance.ts';

export { findAssignments } from './phrases.js';
export { paragraphAssignments } from './assign.js';
export type { Body } from '../gazetteer/departments.ts';

// Unresolved bodies (loaders/ids.ts): a relative name whose division the document does not tell is its own node.
import { departmentId, divisionId, unresolvedDepartmentId } from '../ids.js';
import { trimStrayBrackets } from './resolve.js';

/** A body's node id: its canonical name, or (unresolved) its name within the document that wrote it. */
export function bodyId(body: Body, document: string): string {
  return body.resolved === false ? unresolvedDepartmentId(document, body.name) : departmentId(body.name);
}

/**
 * The Department node of a body; `seen` are the names it was written as. An unresolved body (resolved: false)
 * belongs to `document` (scopeDocument); resolved bodies carry no `resolved` property.
 */
export function departmentNode(body: Body, seen: string[] = [], document = ''): GraphNode {
  const aliases = [...new Set([...seen, ...body.aliases].filter((a) => a !== body.name))];
  const properties: GraphNode['properties'] = { id: bodyId(body, document), name: body.name, aliases, kind: body.kind };
  if (body.level) properties.level = body.level;
  if (body.jurisdiction) properties.jurisdiction = divisionId(body.jurisdiction);
  if (body.resolved === false) Object.assign(properties, { resolved: false, scopeDocument: document });
  return { id: properties.id, labels: ['Department'], properties };
}

function scopeFor(jurisdiction: Division | undefined, surface?: string): Scope {
  if (jurisdiction?.code) return scopeOf(jurisdiction);
  // A zone or an unresolved area: fall back on the plan's own jurisdiction name.
  return scopeOf((surface && divisionByName(surface)) || undefined);
}

/**
 * A body's Department node from its name as written (used for ISSUED_BY); undefined for collective phrases.
 * A relative issuer (区发展改革局) whose division is unknown is the document's own unresolved body.
 */
export function resolveBody(surface: string, jurisdiction?: Division, document?: string): GraphNode | undefined {
  const written = surface.trim();
  if (!written) return undefined;
  const r = resolveName(written, scopeFor(jurisdiction));
  if (r.status === 'collective') return undefined;
  if (r.status === 'body' && (r.body.resolved !== false || document)) return departmentNode(r.body, [written], document);
  // An issuer is a body by construction: keep it under its own name rather than lose ISSUED_BY.
  return departmentNode({ name: written, kind: 'other', aliases: [], source: 'fallback' }, []);
}

/** Every task's paragraphs, depth first (a task's own before its children's). */
function allParagraphs(tasks: TaskDraft[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const t of allTasks(tasks)) out.push(...t.paragraphs);
  return out;
}

/** A quote's worth of the sentence around a mention, verbatim. */
function mentionQuote(p: Paragraph, offset: number, length: number): string {
  const source = verbatimText(p);
  let start = offset;
  while (start > 0 && offset - start < 60 && !/[。！？；]/.test(source[start - 1])) start--;
  let end = offset + length;
  while (end < source.length && end - start < 120 && !/[。！？；]/.test(source[end - 1])) end++;
  return plainQuote(clip(source.slice(start, end)));
}

/** A clause opening with a known body and 将 (will): the body that acts. */
const ACTOR = /(?:^|[。；：:，,！？])\s*((?:\d{4}年[，,])?)([\u4e00-\u9fa5（）()]{2,24}?)将(?!其|以|于|把|对|为|在|会|有)/g;

function actorLeads(p: Paragraph, scope: Scope): { body: Body; surface: string; line: number; quote: string }[] {
  const out: { body: Body; surface: string; line: number; quote: string }[] = [];
  for (const m of p.text.matchAll(ACTOR)) {
    const written = m[2];
    const r = resolveName(written, scope, { strictOnly: true });
    if (r.status !== 'body' || (r.body.kind !== 'department' && r.body.kind !== 'government')) continue;
    // A bare place ("南沙将…") is the place speaking, not its government: only a body's name counts.
    if (r.body.kind === 'government' && !/(政府|办公室|办公厅|管委会|管理委员会)$/.test(written)) continue;
    const at = m.index! + m[0].indexOf(written, m[1].length);
    out.push({ body: r.body, surface: mentionSurface(p, at, written.length), line: lineAt(p, at), quote: mentionQuote(p, at, written.length) });
  }
  return out;
}


const CONTACT = /请(?:径向|迳向|直接向|及时向|向)([^，。；,;]{2,30}?)(?:反映|反馈|联系)/g;

/** Bodies a notice names as the contact for problems in implementation. */
function contactBodies(p: Paragraph, scope: Scope): { body: Body; surface: string; line: number; quote: string }[] {
  const out: { body: Body; surface: string; line: number; quote: string }[] = [];
  for (const m of p.text.matchAll(CONTACT)) {
    const written = m[1].trim();
    const r = resolveName(written, scope);
    if (r.status !== 'body') continue;
    const at = m.index! + m[0].indexOf(written);
    out.push({ body: r.body, surface: mentionSurface(p, at, written.length), line: lineAt(p, at), quote: mentionQuote(p, at, written.length) });
  }
  return out;
}

/** A quote's worth of the paragraph's text on one source line, verbatim. */
function lineQuote(p: Paragraph, line: number): string {
  const source = verbatimText(p);
  const i = p.segments.findIndex((s) => s.line === line);
  const start = i < 0 ? 0 : p.segments[i].offset;
  const end = i < 0 || i + 1 >= p.segments.length ? source.length : p.segments[i + 1].offset;
  return plainQuote(clip(source.slice(start, end)));
}

function mentionSurface(p: Paragraph, offset: number, length: number): string {
  return verbatim(p, offset, offset + length);
}

/** Departments named in each task's assignment phrases, with LEADS / SUPPORTS to the task. */
/** The organisation an issuer belongs to: 横琴粤澳深度合作区执行委员会 → 横琴粤澳深度合作区. */
export function issuerOrganisation(issuer: string | undefined): string | undefined {
  const m = issuer && /^(.{2,20}?)(执行委员会|管理委员会|管委会|执委会|人民政府办公[厅室]|人民政府|管理局)$/.exec(issuer.trim());
  return m ? m[1] : undefined;
}

export const extractBodies: Extractor = (ctx): GraphFragment => {
  const scope = scopeFor(ctx.jurisdiction, ctx.plan.jurisdiction);
  if (!scope.own) scope.organisation = issuerOrganisation(ctx.plan.issuer);
  const document = ctx.source.document;
  const nodes = new Map<string, { body: Body; seen: Set<string>; first: { line: number; quote: string } }>();
  const relationships: GraphRelationship[] = [];
  const edgeKeys = new Set<string>();
  const warnings: NonNullable<GraphFragment['warnings']> = [];
  // A table's header row gives the role of the columns in the rows after it, across tasks in reading order.
  const table: TableState = {};

  // "排在第一位的为牵头单位": in this plan the first body of a 责任单位 list leads.
  const firstLeads = [...ctx.plan.looseParagraphs, ...ctx.plan.footnotes, ...allParagraphs(ctx.plan.tasks)].some((p) => /牵头|主办|主责/.test(p.text) && FIRST_LEADS_NOTE.test(p.text));

  // A table whose rows are the plan's top tasks has its header outside every task: read it in its place.
  const looseRows = ctx.plan.looseParagraphs.filter((p) => p.kind === 'table-cell');
  const readLooseRowsBefore = (line: number) => {
    while (looseRows.length && looseRows[0].line < line) tableRowAssignments(looseRows.shift()!.text, table, true);
  };

  const visit = (task: TaskDraft): void => {
    const target = ctx.taskId(task.kind === 'annexItem' && task.sameAs ? task.sameAs : task.ref);
    // Reading order: a task's paragraphs after its children (a note under a table) are read after them,
    // so a table's header still holds for the rows (the children) it heads.
    const childrenFrom = task.children[0]?.evidence.line ?? Infinity;
    const before = task.paragraphs.filter((p) => p.line < childrenFrom);
    const after = task.paragraphs.filter((p) => p.line >= childrenFrom);
    readParagraphs(task, target, before);
    task.children.forEach(visit);
    readParagraphs(task, target, after);
  };

  const readParagraphs = (task: TaskDraft, target: string, paragraphs: Paragraph[]): void => {
    for (const paragraph of paragraphs) {
      if (looseRows.length) readLooseRowsBefore(paragraph.line);
      const { assignments, problems } = paragraphAssignments(paragraph, scope, table);
      for (const a of assignments) {
        // 责任单位 lists (a table column, a label): the first body leads where the header or the document says so.
        if (a.role === 'SUPPORTS' && (a.firstOfList === 'leads' || (firstLeads && a.firstOfList === 'may-lead'))) a.role = 'LEADS';
      }
      // A stated assignment no body could be made of: named in the load summary and the extract report.
      for (const p of problems) warnings.push({ document, line: p.line, message: p.message, kind: 'assignment-dropped', quote: lineQuote(paragraph, p.line) });
      for (const a of assignments) {
        // A list's bracket left on its last name (市工业和信息化局〕) is not part of the name as written.
        a.surface = trimStrayBrackets(a.surface);
        const id = bodyId(a.body, document);
        const entry = nodes.get(id) ?? { body: a.body, seen: new Set<string>(), first: a };
        entry.seen.add(a.surface);
        nodes.set(id, entry);
        const key = `${a.role}|${id}|${target}`;
        if (edgeKeys.has(key)) continue;
        edgeKeys.add(key);
        relationships.push({
          type: a.role,
          start: id,
          end: target,
          properties: { document, line: a.line, quote: a.quote, surface: a.surface, rolePhrase: a.rolePhrase },
        });
      }
    }
    // A news article's task is led by the body the report says will do it: "一是强化政策供给。广东省住房和城乡
    // 建设厅将收集各方面诉求和建议…" (a plan assigns with 牵头/负责; a report says who will act).
    if (ctx.plan.kind === 'news') {
      for (const paragraph of paragraphs) {
        for (const a of actorLeads(paragraph, scope)) {
          const id = bodyId(a.body, document);
          const entry = nodes.get(id) ?? { body: a.body, seen: new Set<string>(), first: a };
          entry.seen.add(a.surface);
          nodes.set(id, entry);
          const key = `LEADS|${id}|${target}`;
          if (edgeKeys.has(key)) continue;
          edgeKeys.add(key);
          relationships.push({ type: 'LEADS', start: id, end: target, properties: { document, line: a.line, quote: a.quote, surface: a.surface, rolePhrase: '将' } });
        }
      }
    }
  };
  ctx.plan.tasks.forEach(visit);

  // The issuing notice names the body answering for the plan's implementation ("实施过程中遇到问题，请径向
  // 市生态环境局反映"): not a task's lead, but a body of the plan, linked to it with its role.
  if (ctx.plan.kind !== 'news') {
    for (const p of ctx.plan.looseParagraphs) {
      for (const c of contactBodies(p, scope)) {
        const id = bodyId(c.body, document);
        const entry = nodes.get(id) ?? { body: c.body, seen: new Set<string>(), first: { line: c.line, quote: c.quote } };
        entry.seen.add(c.surface);
        nodes.set(id, entry);
        const key = `MENTIONS|${id}|${ctx.planId}`;
        if (edgeKeys.has(key)) continue;
        edgeKeys.add(key);
        relationships.push({ type: 'MENTIONS', start: ctx.planId, end: id, properties: { document, line: c.line, quote: c.quote, surface: c.surface, role: 'contact' } });
      }
    }
  }

  // A news article assigns no task; the bodies it names are linked to the article itself.
  if (ctx.plan.kind === 'news') {
    const paragraphs = [...ctx.plan.looseParagraphs, ...allParagraphs(ctx.plan.tasks)];
    for (const p of paragraphs) {
      for (const m of bodyMentions(p, scope)) {
        const id = bodyId(m.body, document);
        const line = lineAt(p, m.offset);
        const quote = mentionQuote(p, m.offset, m.surface.length);
        const entry = nodes.get(id) ?? { body: m.body, seen: new Set<string>(), first: { line, quote } };
        entry.seen.add(m.surface);
        nodes.set(id, entry);
        const key = `MENTIONS|${id}|${ctx.planId}`;
        if (edgeKeys.has(key)) continue;
        edgeKeys.add(key);
        relationships.push({ type: 'MENTIONS', start: ctx.planId, end: id, properties: { document, line, quote, surface: m.surface } });
      }
    }
  }

  const departmentNodes = [...nodes.values()].map(({ body, seen, first }) => {
    const node = departmentNode(body, [...seen], document);
    Object.assign(node.properties, { document, line: first.line, quote: first.quote });
    return node;
  });
  return { nodes: departmentNodes, relationships, warnings };
};
