/**
 * `loadPaths`: files and folders in, one transaction per document out, a file at a time
 * (extract it, write it while the next is extracted, and so on: memory holds a few
 * documents, however many the folders hold). A file that cannot be read or extracted, or
 * whose write fails, is reported with its name and the problem; the others still load.
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { GraphDocument } from '../../loaders/model.ts';
import { extractPaths } from '../../loaders/pipeline.ts';
import { awaitSearchIndex } from '../schema.ts';
import { isOwnedLabel } from './allow-list.ts';
import { ensureWriteIndexes } from './indexes.ts';
import { documentOf, type DocumentCounts } from './prepare.ts';
import { listInputs, readGraphFile } from './inputs.ts';
import { writeDocument, type WriteCounters } from './write-document.ts';
import { bumpGraphVersionNow } from './version.ts';

export interface ExtractedDocument {
  document: string;
  graph?: GraphDocument;
  error?: string;
}

/** What loaders/pipeline.ts provides; injectable so a caller can load GraphDocuments it already has. */
export type Extract = (paths: string[]) => Promise<{ documents: ExtractedDocument[] }>;

export type LoadStatus = 'loaded' | 'unchanged' | 'failed';

export interface DocumentSummary extends Omit<DocumentCounts, 'relationships'> {
  document: string;
  status: LoadStatus;
  /** Why it failed: the extract or write error, naming the problem. */
  reason?: string;
  relationships: number;
  /** Graph elements created, deleted or set by this document's write (0 when unchanged or failed). */
  changed: number;
}

export interface LoadSummary {
  documents: DocumentSummary[];
  loaded: number;
  unchanged: number;
  failed: number;
  /** Sum of all counters over the run: 0 when nothing changed. */
  changed: number;
  counters: WriteCounters;
  seconds: number;
}

export type LoadProgress =
  /** Before the first file: how many files the paths name (folders walked). */
  | { phase: 'start'; files: number }
  /** After each document is written (or has failed); total grows when a graph file holds several. */
  | { phase: 'write'; done: number; total: number; document: string; status?: LoadStatus };

export interface LoadOptions {
  database?: string;
  onProgress?(event: LoadProgress): void;
  /** Defaults to loaders/pipeline.ts's extractPaths. */
  extract?: Extract;
  batchSize?: number;
  /** Documents written at once (each in its own transaction). Default DEFAULT_CONCURRENCY. */
  concurrency?: number;
}

/**
 * Two transactions at once keep Neo4j busy while the other commits or waits for a lock on a
 * shared node (they lock shared nodes in one order, so they wait rather than deadlock; a
 * deadlock would be retried by executeWrite anyway).
 */
export const DEFAULT_CONCURRENCY = 2;

/** Neo4j went away (killed, restarted, network): every further write would fail the same way. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === 'ServiceUnavailable' || e.code === 'SessionExpired') return true;
  }
  return false;
}

function emptyCounts(): Omit<DocumentCounts, 'relationships'> & { relationships: number } {
  return { tasks: 0, bodies: 0, places: 0, goals: 0, projects: 0, relationships: 0, warnings: 0 };
}

function countsOf(graph: GraphDocument | undefined, document: string): ReturnType<typeof emptyCounts> {
  const c = emptyCounts();
  if (!graph) return c;
  const count = (label: string) => (graph.nodes ?? []).filter((n) => n?.labels?.includes(label as never)).length;
  c.tasks = count('Task');
  c.goals = count('Goal');
  c.bodies = count('Department');
  c.places = count('District');
  c.projects = count('Project');
  c.relationships = (graph.relationships ?? []).length;
  c.warnings = (graph.warnings ?? []).filter((w) => !w.document || w.document === document).length;
  return c;
}

function ownedIds(graph: GraphDocument | undefined): string[] {
  return (graph?.nodes ?? []).filter((n) => n?.labels?.some((l) => isOwnedLabel(String(l)))).map((n) => n.id);
}

export async function loadPaths(driver: Driver, paths: string[], opts: LoadOptions = {}): Promise<LoadSummary> {
  const started = performance.now();
  const concurrency = Math.max(1, opts.concurrency ?? DEFAULT_CONCURRENCY);
  const extract = opts.extract ?? extractPaths;
  const inputs = await listInputs(paths);
  opts.onProgress?.({ phase: 'start', files: inputs.length });
  await ensureWriteIndexes(driver, opts.database);

  const counters: WriteCounters = { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0, labelsAdded: 0 };
  const documents: DocumentSummary[] = [];
  const seen = new Set<string>();
  let total = inputs.length;
  let unavailable: string | undefined;

  const write = async (item: ExtractedDocument): Promise<DocumentSummary> => {
    const document = item.graph ? (documentOf(item.graph) ?? item.document) : item.document;
    const base = { document, ...countsOf(item.graph, document), changed: 0 };
    if (item.error || !item.graph) return { ...base, status: 'failed', reason: item.error ?? 'extraction produced no graph' };
    if (unavailable) {
      // Fail fast rather than wait out the driver's connection timeouts once per document.
      return { ...base, status: 'failed', reason: `not written: ${unavailable}` };
    }
    if (seen.has(document)) {
      // Documents are identified by file name; a second file of that name would replace the first.
      return { ...base, status: 'failed', reason: `another file named "${document}" was already loaded in this run; rename one of them` };
    }
    seen.add(document);
    try {
      const result = await writeDocument(driver, item.graph, { database: opts.database, document, batchSize: opts.batchSize });
      for (const k of Object.keys(counters) as (keyof WriteCounters)[]) counters[k] += result.counters[k];
      return { ...base, ...result.counts, status: result.status, changed: result.changed };
    } catch (err) {
      if (isDatabaseUnavailable(err)) unavailable = `Neo4j became unavailable while ${document} was written; rerun the load once it is back`;
      return { ...base, status: 'failed', reason: err instanceof Error ? err.message : String(err) };
    }
  };

  /**
   * Writes in flight, oldest first. The next file is extracted while they run, and up to
   * `concurrency` documents are written at once (their transactions overlap on the server);
   * summaries and progress still come in input order.
   */
  const inFlight: { summary: Promise<DocumentSummary>; owned: Set<string> }[] = [];
  const finishOldest = async (): Promise<void> => {
    const summary = await inFlight.shift()!.summary;
    documents.push(summary);
    opts.onProgress?.({ phase: 'write', done: documents.length, total, document: summary.document, status: summary.status });
  };

  for (const input of inputs) {
    let extracted: ExtractedDocument[];
    if (input.kind === 'graph') {
      extracted = await readGraphFile(input.path);
    } else {
      try {
        extracted = (await extract([input.path])).documents;
      } catch (err) {
        // The pipeline reports per-file problems itself; this is it failing as a whole.
        const name = path.basename(input.path);
        extracted = [{ document: name, error: `${name}: extraction failed: ${err instanceof Error ? err.message : String(err)}` }];
      }
    }
    total += extracted.length - 1;
    for (const item of extracted) {
      const owned = ownedIds(item.graph);
      // A document whose owned nodes a write in flight also claims waits for it, so that
      // the ownership check of whichever comes second sees the first one's nodes.
      while (inFlight.length >= concurrency || inFlight.some((w) => owned.some((id) => w.owned.has(id)))) await finishOldest();
      inFlight.push({ summary: write(item), owned: new Set(owned) });
    }
  }
  while (inFlight.length > 0) await finishOldest();

  // The full-text index is eventually consistent: once a load returns, search sees it all.
  // What was committed stays committed, so a Neo4j gone by now costs only this wait.
  if (!unavailable && documents.some((d) => d.status === 'loaded')) {
    await awaitSearchIndex(driver, opts.database).catch(() => undefined);
    // Search answers cached while the index lagged behind the commits must not outlive this load.
    await bumpGraphVersionNow(driver, opts.database).catch(() => undefined);
  }

  return {
    documents,
    loaded: documents.filter((d) => d.status === 'loaded').length,
    unchanged: documents.filter((d) => d.status === 'unchanged').length,
    failed: documents.filter((d) => d.status === 'failed').length,
    changed: Object.values(counters).reduce((a, b) => a + b, 0),
    counters,
    seconds: (performance.now() - started) / 1000,
  };
}
