/**
 * pipeline: files → GraphDocument. read → normalise → structure → Plan/Task nodes, PART_OF,
 * GOVERNS, ISSUED_BY → extractors (bodies, places, goals, projects) → one merged fragment per
 * document. A document that cannot be read, or whose extraction fails, is reported with its
 * file name and the problem; the other documents go on.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Division, ExtractContext, Extractor, GraphDocument, GraphNode, GraphRelationship, ManifestEntry, Paragraph, PlanDraft, PropertyValue, SourceText, TaskDraft } from './model.ts';
import { DocumentError, readDocument, simplify, SUPPORTED_EXTENSIONS } from './read/index.ts';
import { normalise } from './normalise/index.ts';
import { structure } from './structure/index.ts';
import { shortQuote } from './text/provenance.ts';
import { planId as makePlanId, taskId as makeTaskId } from './ids.ts';

export interface Resolvers {
  resolveDivision?: (name: string, within?: Division) => Division | undefined;
  divisionNodes?: (d: Division) => GraphDocument;
  resolveBody?: (surface: string, jurisdiction?: Division, document?: string) => GraphNode | undefined;
}

export interface ExtractOptions {
  /** Metadata the text may not state; by default looked up in a manifest.json beside the file. */
  manifest?: ManifestEntry;
  /** Extractors to run (default: bodies, places, goals, projects). */
  extractors?: Record<string, Extractor>;
  resolvers?: Resolvers;
}

export interface ExtractResult {
  documents: { document: string; path: string; graph?: GraphDocument; error?: string }[];
}

// ------------------------------------------------------------------ extractor wiring

interface Wiring {
  extractors: Record<string, Extractor>;
  resolvers: Resolvers;
  /** Modules that failed to load: each document fails with this message rather than silently missing facts. */
  broken: string[];
}

let wiring: Promise<Wiring> | undefined;

/** Imports the other engineers' extractors lazily, so one broken module is a clear error, not a crash. */
function defaultWiring(): Promise<Wiring> {
  wiring ??= (async () => {
    const w: Wiring = { extractors: {}, resolvers: {}, broken: [] };
    const load = async (name: string, importer: () => Promise<Record<string, unknown>>, pick: (m: Record<string, unknown>) => void) => {
      try {
        pick(await importer());
      } catch (err) {
        w.broken.push(`${name} module failed to load: ${err instanceof Error ? err.message : String(err)}`);
      }
    };
    await load('bodies', () => import('./bodies/index.ts'), (m) => {
      w.extractors.bodies = m.extractBodies as Extractor;
      w.resolvers.resolveBody = m.resolveBody as Resolvers['resolveBody'];
    });
    await load('places', () => import('./places/index.ts'), (m) => {
      w.extractors.places = m.extractPlaces as Extractor;
      w.resolvers.resolveDivision = m.resolveDivision as Resolvers['resolveDivision'];
      w.resolvers.divisionNodes = m.divisionNodes as Resolvers['divisionNodes'];
    });
    await load('goals', () => import('./goals/index.ts'), (m) => (w.extractors.goals = m.extractGoals as Extractor));
    await load('projects', () => import('./projects/index.ts'), (m) => (w.extractors.projects = m.extractProjects as Extractor));
    for (const [k, v] of Object.entries(w.extractors)) if (typeof v !== 'function') delete w.extractors[k];
    return w;
  })();
  return wiring;
}

// ------------------------------------------------------------------ one document

export async function extractFile(path: string, options: ExtractOptions = {}): Promise<GraphDocument> {
  const source = await readDocument(path);
  const manifest = options.manifest ?? (await manifestFor(path));
  return extractSource(source, { ...options, manifest });
}

/** SourceText → GraphDocument: pure apart from loading the extractor modules once. */
export async function extractSource(source: SourceText, options: ExtractOptions = {}): Promise<GraphDocument> {
  const w = options.extractors && options.resolvers ? { extractors: options.extractors, resolvers: options.resolvers, broken: [] } : await defaultWiring();
  if (w.broken.length && !options.extractors) throw new DocumentError(source.document, w.broken.join('; '));
  const extractors = options.extractors ?? w.extractors;
  const resolvers = { ...w.resolvers, ...options.resolvers };
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

// ------------------------------------------------------------------ many paths

/** Files or folders (recursing, skipping manifest.json and unsupported files inside folders). */
export async function extractPaths(paths: string[], options: Omit<ExtractOptions, 'manifest'> = {}): Promise<ExtractResult> {
  const files: { path: string; error?: string }[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      files.push({ path: p, error: `${basename(p)}: file not found (${p})` });
      continue;
    }
    if (info.isDirectory()) files.push(...(await listDocuments(p)).map((path) => ({ path })));
    else files.push({ path: p });
  }
  const documents: ExtractResult['documents'] = [];
  for (const f of files) {
    const document = basename(f.path);
    if (f.error) {
      documents.push({ document, path: f.path, error: f.error });
      continue;
    }
    try {
      documents.push({ document, path: f.path, graph: await extractFile(f.path, options) });
    } catch (err) {
      const error = err instanceof DocumentError ? err.message : `${document}: ${err instanceof Error ? err.message : String(err)}`;
      documents.push({ document, path: f.path, error });
    }
  }
  return { documents };
}

/** Extracts every path and merges the documents that succeeded into one GraphDocument. */
export function mergeDocuments(result: ExtractResult): GraphDocument {
  const g = new GraphBuilder();
  for (const d of result.documents) if (d.graph) g.merge(d.graph);
  return g.build();
}

async function listDocuments(folder: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'manifest.json' || e.name === 'node_modules') continue;
    const full = join(folder, e.name);
    if (e.isDirectory()) out.push(...(await listDocuments(full)));
    else if (SUPPORTED_EXTENSIONS.includes(extname(e.name).toLowerCase())) out.push(full);
  }
  return out;
}

const manifests = new Map<string, Promise<ManifestEntry[]>>();

/** The entry for a file in the manifest.json of its folder, if any ({ documents: [...] } or a bare array). */
export async function manifestFor(path: string): Promise<ManifestEntry | undefined> {
  const dir = dirname(path);
  let entries = manifests.get(dir);
  if (!entries) {
    entries = readFile(join(dir, 'manifest.json'), 'utf8').then(
      (text) => {
        const json = JSON.parse(text) as { documents?: ManifestEntry[] } | ManifestEntry[];
        const list = Array.isArray(json) ? json : (json.documents ?? []);
        return list.filter((e) => e && typeof e.file === 'string');
      },
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return [];
        throw err;
      },
    );
    manifests.set(dir, entries);
  }
  const name = basename(path);
  try {
    return (await entries).find((e) => e.file === name);
  } catch (err) {
    // A broken manifest is bad input too: say so rather than silently load without it.
    throw new DocumentError(name, `${join(dir, 'manifest.json')} is not valid: ${err instanceof Error ? err.message : String(err)}`);
  }
}
