/**
 * Every assignment a document states that the graph does not give a resolved body: those whose body is
 * unresolved (a relative name whose division the document does not tell: LEADS/SUPPORTS to a Department with
 * resolved: false) and those dropped altogether (warnings of kind 'assignment-dropped'). The load summary counts
 * them per document; `plangraph extract --report` lists each with document, line and quote.
 */
import type { GraphDocument } from '../model.js';

export interface UnresolvedAssignment {
  document: string;
  line?: number;
  quote?: string;
  role: 'LEADS' | 'SUPPORTS';
  /** The body's name (区财政局) and the name as written there (财政局 in 区发展改革局、财政局). */
  body: string;
  surface?: string;
  level?: string;
}

export interface DroppedAssignment {
  document: string;
  line?: number;
  quote?: string;
  message: string;
}

export interface AssignmentReport {
  unresolved: UnresolvedAssignment[];
  dropped: DroppedAssignment[];
}

/** The report of one graph document, for `document` (all documents in it when omitted), in line order. */
export function assignmentReport(graph: GraphDocument, document?: string): AssignmentReport {
  const unresolvedNodes = new Map<string, { name: string; level?: string }>();
  for (const n of graph.nodes ?? []) {
    if (n?.labels?.includes('Department') && n.properties?.resolved === false) {
      unresolvedNodes.set(n.id, { name: String(n.properties.name), level: n.properties.level === undefined ? undefined : String(n.properties.level) });
    }
  }
  const unresolved: UnresolvedAssignment[] = [];
  for (const r of graph.relationships ?? []) {
    if (r.type !== 'LEADS' && r.type !== 'SUPPORTS') continue;
    const body = unresolvedNodes.get(r.start);
    if (!body) continue;
    const p = r.properties ?? {};
    const doc = String(p.document ?? '');
    if (document !== undefined && doc !== document) continue;
    unresolved.push({
      document: doc,
      line: typeof p.line === 'number' ? p.line : undefined,
      quote: p.quote === undefined ? undefined : String(p.quote),
      role: r.type,
      body: body.name,
      surface: p.surface === undefined ? undefined : String(p.surface),
      level: body.level,
    });
  }
  const dropped: DroppedAssignment[] = (graph.warnings ?? [])
    .filter((w) => w.kind === 'assignment-dropped' && (document === undefined || w.document === document))
    .map((w) => ({ document: w.document, line: w.line, quote: w.quote, message: w.message }));
  const byPlace = (a: { document: string; line?: number }, b: { document: string; line?: number }) =>
    a.document.localeCompare(b.document) || (a.line ?? 0) - (b.line ?? 0);
  return { unresolved: unresolved.sort(byPlace), dropped: dropped.sort(byPlace) };
}

/** What the load summary shows per document: how many assignments have unresolved bodies, and each one dropped. */
export function assignmentsOf(graph: GraphDocument | undefined, document: string): { unresolvedAssignments?: number; droppedAssignments?: DroppedAssignment[] } {
  if (!graph) return {};
  const r = assignmentReport(graph, document);
  return { unresolvedAssignments: r.unresolved.length, droppedAssignments: r.dropped };
}

/** "区财政局 (DISTRICT) SUPPORTS, line 12: 「（区工业和信息化局牵头，…）」": one line of a report. */
export function describeUnresolved(u: UnresolvedAssignment): string {
  const written = u.surface && u.surface !== u.body ? ` written "${u.surface}"` : '';
  return `${u.document}:${u.line ?? '?'}: ${u.role} ${u.body}${written} (${u.level ?? 'level unknown'}, body not resolved) — ${u.quote ?? ''}`;
}

export function describeDropped(d: DroppedAssignment): string {
  return `${d.document}:${d.line ?? '?'}: dropped — ${d.message}${d.quote ? ` — ${d.quote}` : ''}`;
}

/**
 * The load summary's part (plangraph load): every document whose stated assignments did not all get a resolved
 * body, "12 assignments with bodies not resolved" (kept as the document's unresolved bodies), and each assignment
 * dropped, named with line and quote.
 */
export function loadSummaryLines(result: { documents: { document: string; unresolvedAssignments?: number; droppedAssignments?: DroppedAssignment[] }[] }): string[] {
  const out: string[] = [];
  for (const d of result.documents) {
    const unresolved = d.unresolvedAssignments ?? 0;
    const dropped = d.droppedAssignments ?? [];
    if (unresolved === 0 && dropped.length === 0) continue;
    if (out.length === 0) out.push('', 'assignments (plangraph extract --report lists each):');
    const parts = [];
    if (unresolved) parts.push(`${unresolved} assignment${unresolved === 1 ? '' : 's'} with bodies not resolved`);
    if (dropped.length) parts.push(`${dropped.length} assignment${dropped.length === 1 ? '' : 's'} dropped`);
    out.push(`  ${d.document}: ${parts.join(', ')}`);
    for (const x of dropped) out.push(`    ${describeDropped(x)}`);
  }
  return out;
}
