/**
 * pipeline: SourceText → GraphDocument. normalise → structure → Plan/Task nodes, PART_OF,
 * GOVERNS, ISSUED_BY → extractors (bodies, places, goals, projects) → one merged fragment per
 * document. An extractor that fails fails its document (DocumentError, naming the extractor).
 * Files, folders and manifest.json are load/extract.ts's: it reads a file and calls extractSource.
 */
import type { Division, ExtractContext, Extractor, GraphDocument, GraphNode, GraphRelationship, ManifestEntry, Paragraph, PlanDraft, PropertyValue, SourceText, TaskDraft } from './model.ts';
import { DocumentError, simplify } from './read/index.ts';
import { normalise } from './normalise/index.ts';
import { structure } from './structure/index.ts';
import { shortQuote } from './text/provenance.ts';
import { planId as makePlanId, taskId as makeTaskId } from './ids.ts';
import { extractBodies, resolveBody } from './bodies/index.ts';
import { resolveDivision } from './gazetteer/divisions.ts';
import { divisionNodes } from './gazetteer/district-nodes.ts';
import { extractPlaces } from './places/index.ts';
import { extractGoals } from './goals/index.ts';
import { extractProjects } from './projects/index.ts';

export interface Resolvers {
  resolveDivision?: (name: string, within?: Division) => Division | undefined;
  divisionNodes?: (d: Division) => GraphDocument;
  resolveBody?: (surface: string, jurisdiction?: Division, document?: string) => GraphNode | undefined;
}

export interface ExtractOptions {
  /** Metadata the text may not state (load/extract.ts looks it up in a manifest.json beside the file). */
  manifest?: ManifestEntry;
  /** Extractors to run (default: bodies, places, goals, projects). */
  extractors?: Record<string, Extractor>;
  resolvers?: Resolvers;
}

// ------------------------------------------------------------------ extractor wiring

/** The four extractors, in the order their fragments merge, and the resolvers the plan graph uses. */
const DEFAULT_EXTRACTORS: Record<string, Extractor> = { bodies: extractBodies, places: extractPlaces, goals: extractGoals, projects: extractProjects };
const DEFAULT_RESOLVERS: Resolvers = { resolveBody, resolveDivision, divisionNodes };

// ------------------------------------------------------------------ one document

/** SourceText → GraphDocument: pure (the gazetteers are data files read once). */
export async function extractSource(source: SourceText, options: ExtractOptions = {}): Promise<GraphDocument> {
  const extractors = options.extractors ?? DEFAULT_EXTRACTORS;
  const resolvers = options.extractors && options.resolvers ? options.resolvers : { ...DEFAULT_RESOLVERS, ...options.resolvers };
  const paragraphs = normalise(source);
  const plans = structure(source, paragraphs, options.manifest);
  const graph = new GraphBuilder();
  if (plans.length === 0) graph.warn(source.document, undefined, 'no plan or article found in the text');
  plans.forEach((plan, i) => {
    const id = plan.kind === 'news' ? makePlanId(source.document, i + 1) : makePlanId(source.document);
    // Metadata keeps the document's own script (廣東省); the gazetteer is Simplified.
    const jurisdiction = plan.jurisdictionCode
      ? (resolvers.resolveDivision?.(plan.jurisdictionCode) ?? (plan.jurisdiction ? resolvers.resolveDivision?.(simplify(plan.jurisdiction)) : undefined))
      : plan.jurisdiction
        ? resolvers.resolveDivision?.(simplify(plan.jurisdiction))
        : undefined;
    const refIds = planGraph(graph, source, paragraphs, plan, id, jurisdiction, resolvers);
    const ctx: ExtractContext = {
      source,
      plan,
      planId: id,
      jurisdiction,
      taskId: (ref) => refIds.get(ref) ?? makeTaskId(id, ref),
    };
    for (const [name, extract] of Object.entries(extractors)) {
      try {
        graph.merge(extract(ctx));
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        throw new DocumentError(source.document, `${name} extraction failed${plans.length > 1 ? ` in "${plan.title}"` : ''}: ${msg}`, { cause: err });
      }
    }
  });
  return graph.build();
}

/** Plan and Task nodes, PART_OF, GOVERNS, ISSUED_BY. Returns ref → task node id (annex items merged into their main-text task). */
function planGraph(g: GraphBuilder, source: SourceText, paragraphs: Paragraph[], plan: PlanDraft, id: string, jurisdiction: Division | undefined, r: Resolvers): Map<string, string> {
  const document = source.document;
  g.node(id, 'Plan', {
    id,
    title: plan.title,
    document,
    kind: plan.kind,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    level: plan.level,
    jurisdiction: plan.jurisdiction,
    ...jurisdictionEvidenceProperties(plan),
    issuer: plan.issuer,
    publisher: plan.publisher,
    otherHeadlines: plan.otherHeadlines?.length ? plan.otherHeadlines : undefined,
    line: plan.evidence.line,
    endLine: plan.endLine,
    quote: plan.evidence.quote,
  });
  const refIds = new Map<string, string>();
  const all: { task: TaskDraft; parent?: TaskDraft }[] = [];
  const walk = (tasks: TaskDraft[], parent?: TaskDraft) => tasks.forEach((t) => (all.push({ task: t, parent }), walk(t.children, t)));
  walk(plan.tasks);
  for (const { task } of all) refIds.set(task.ref, makeTaskId(id, task.sameAs ?? task.ref));
  for (const { task, parent } of all) {
    const own = refIds.get(task.ref)!;
    if (task.sameAs) {
      // One task, two places: the main-text node remembers where the annex restates it.
      g.node(own, 'Task', { annexRef: task.ref, annexLine: task.evidence.line });
      continue;
    }
    g.node(own, 'Task', {
      id: own,
      title: task.title,
      text: task.text,
      ref: task.ref,
      kind: task.kind,
      document,
      line: task.evidence.line,
      endLine: task.endLine,
      quote: task.evidence.quote,
    });
    const end = parent ? refIds.get(parent.ref)! : id;
    g.rel('PART_OF', own, end, { document, line: task.evidence.line, quote: task.evidence.quote });
  }
  if (jurisdiction && r.divisionNodes) {
    g.merge(r.divisionNodes(jurisdiction));
    g.rel('GOVERNS', id, jurisdiction.id, { ...governsEvidence(plan, paragraphs, document), surface: plan.jurisdiction! });
  } else if (plan.jurisdiction) {
    g.warn(document, plan.evidence.line, `jurisdiction "${plan.jurisdiction}" of "${plan.title}" is not a known division`);
  }
  if (plan.issuer && r.resolveBody) {
    const body = r.resolveBody(simplify(plan.issuer), jurisdiction, document);
    if (body) {
      g.merge({ nodes: [body], relationships: [] });
      g.rel('ISSUED_BY', id, body.id, { ...evidenceFor(plan.issuer, paragraphs, plan, document), surface: plan.issuer });
    }
  }
  return refIds;
}

/** Where the jurisdiction was read; a line that names it, else the resolver's strongest clue from the text (a 花府办 number names no 花都区). */
function governsEvidence(plan: PlanDraft, paragraphs: Paragraph[], document: string): Record<string, PropertyValue> {
  const found = evidenceFor(plan.jurisdiction!, paragraphs, plan, document);
  const clue = plan.jurisdictionEvidence?.find((e) => e.kind !== 'manifest' && e.line > 0);
  if (found.source !== 'manifest' || !clue || plan.kind === 'news') return found;
  return { document, line: clue.line, quote: clue.quote };
}

/**
 * A plan's jurisdiction evidence as three parallel lists (Neo4j properties hold no maps):
 * item i is line jurisdictionEvidenceLines[i], quote …Quotes[i], kind …Kinds[i].
 */
function jurisdictionEvidenceProperties(plan: PlanDraft): Record<string, PropertyValue | undefined> {
  const list = plan.jurisdictionEvidence ?? [];
  if (list.length === 0) return {};
  return {
    jurisdictionEvidenceLines: list.map((e) => e.line),
    jurisdictionEvidenceQuotes: list.map((e) => e.quote),
    jurisdictionEvidenceKinds: list.map((e) => e.kind),
  };
}

/**
 * Where a plan's jurisdiction or issuer was read: its title line, else a short notice or
 * signature line before the tasks begin, else the manifest (which has no line of its own).
 */
function evidenceFor(surface: string, paragraphs: Paragraph[], plan: PlanDraft, document: string): Record<string, PropertyValue> {
  const firstTask = plan.tasks[0]?.evidence.line ?? Infinity;
  const from = plan.kind === 'news' ? plan.evidence.line : 0;
  const title = paragraphs.find((x) => x.line === plan.evidence.line);
  const p =
    (title && title.text.includes(surface) ? title : undefined) ??
    paragraphs.find((x) => x.line >= from && x.line < firstTask && x.kind === 'body' && x.text.length <= 80 && x.text.includes(surface));
  if (p) return { document, line: p.line, quote: shortQuote(p.original) };
  return { document, line: plan.evidence.line, quote: plan.evidence.quote, source: 'manifest' };
}

// ------------------------------------------------------------------ merging fragments

export class GraphBuilder {
  private nodes = new Map<string, GraphNode>();
  private rels = new Map<string, GraphRelationship>();
  private warnings: NonNullable<GraphDocument['warnings']> = [];

  node(id: string, label: GraphNode['labels'][number], props: Record<string, PropertyValue | undefined>) {
    // Built here, so owned here: merged without the copies merge() makes of an extractor's nodes.
    const properties = {} as GraphNode['properties'];
    for (const k in props) {
      const v = props[k];
      if (v !== undefined && v !== null) properties[k] = v;
    }
    properties.id = id; // kept where props had it, else last: the id is always a property
    const have = this.nodes.get(id);
    if (!have) this.nodes.set(id, { id, labels: [label], properties });
    else this.mergeInto(have, [label], properties);
  }

  rel(type: GraphRelationship['type'], start: string, end: string, properties: Record<string, PropertyValue | undefined>) {
    const props = {} as GraphRelationship['properties'];
    for (const k in properties) {
      const v = properties[k];
      if (v !== undefined) props[k] = v;
    }
    this.addRel({ type, start, end, properties: props });
  }

  warn(document: string, line: number | undefined, message: string) {
    this.warnings.push(line === undefined ? { document, message } : { document, line, message });
  }

  /** Nodes by id (labels and array properties unioned, first value of a scalar kept); relationships deduped by type+start+end+document+line. */
  merge(fragment: GraphDocument) {
    for (const n of fragment.nodes ?? []) {
      const have = this.nodes.get(n.id);
      if (!have) {
        this.nodes.set(n.id, { id: n.id, labels: [...n.labels], properties: { ...n.properties, id: n.id } });
        continue;
      }
      this.mergeInto(have, n.labels, n.properties);
    }
    for (const r of fragment.relationships ?? []) this.addRel(r);
    if (fragment.warnings) this.warnings.push(...fragment.warnings);
  }

  private mergeInto(have: GraphNode, labels: GraphNode['labels'], properties: GraphNode['properties']) {
    for (const l of labels) if (!have.labels.includes(l)) have.labels.push(l);
    for (const k in properties) {
      const v = properties[k];
      const cur = have.properties[k];
      if (Array.isArray(cur) && Array.isArray(v)) have.properties[k] = [...new Set([...(cur as (string | number)[]), ...(v as (string | number)[])])] as string[];
      else if (cur === undefined || cur === null) have.properties[k] = v;
    }
  }

  private addRel(r: GraphRelationship) {
    const key = `${r.type}\u0000${r.start}\u0000${r.end}\u0000${r.properties.document ?? ''}\u0000${r.properties.line ?? ''}`;
    if (!this.rels.has(key)) this.rels.set(key, r);
  }

  build(): GraphDocument {
    const nodes = [...this.nodes.values()];
    const relationships: GraphRelationship[] = [];
    for (const r of this.rels.values()) {
      if (this.nodes.has(r.start) && this.nodes.has(r.end)) relationships.push(r);
      else {
        const missing = this.nodes.has(r.start) ? r.end : r.start;
        this.warn(String(r.properties.document ?? ''), typeof r.properties.line === 'number' ? r.properties.line : undefined, `${r.type} ${r.start} → ${r.end} dropped: no node ${missing}`);
      }
    }
    const doc: GraphDocument = { nodes, relationships };
    if (this.warnings.length) doc.warnings = this.warnings;
    return doc;
  }
}
