/**
 * `loadPaths`: files and folders in, documents written a few per transaction, a file at a
 * time (extract it, and the next, until a group is full; write the group while the next
 * ones are extracted, and so on: memory holds a few groups, however many the folders hold).
 * Each document is still all or nothing (writeDocuments). A file that cannot be read or
 * extracted, or whose write fails, is reported with its name and the problem; the others
 * still load.
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { GraphDocument } from '../loaders/model.ts';
import { assignmentsOf, type DroppedAssignment } from '../loaders/bodies/report.ts';
import { awaitSearchIndex } from '../graph/schema.ts';
import { isOwnedLabel } from '../graph/write/allow-list.ts';
import { ensureWriteIndexes } from '../graph/write/indexes.ts';
import { documentOf, type DocumentCounts } from '../graph/write/prepare.ts';
import { isNeo4jUnavailable } from '../graph/availability.ts';
import { writeDocuments, type WriteCounters } from '../graph/write/write-document.ts';
import { failedWrite } from '../graph/write/errors.ts';
import { bumpGraphVersionNow } from '../graph/write/version.ts';
import { writeTimeoutFromEnv } from '../config/load.ts';
import { DeadlineError, withDeadline } from '../graph/write/deadline.ts';
import { missingSeedManifest, recordSources, sourceClash, storedSources } from '../graph/write/sources.ts';
import { extractPaths } from './extract.ts';
import { listInputs, readGraphFile } from './inputs.ts';
import { memoryLimitOf } from '../graph/memory-limit.ts';
import { createExtractPool, defaultExtractWorkers, type ExtractPool } from './extract-pool.ts';

export interface ExtractedDocument {
  document: string;
  graph?: GraphDocument;
  error?: string;
  /** The file it was read from (absolute), when it came from a file of its own. */
  path?: string;
}

/** What load/extract.ts provides; injectable so a caller can load GraphDocuments it already has. */
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
  /** LEADS/SUPPORTS whose body is an unresolved Department (the document does not say whose 区/市 it is). */
  unresolvedAssignments?: number;
  /** Assignments the text states that no body could be made of (loaders/bodies/report.ts), each named. */
  droppedAssignments?: DroppedAssignment[];
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
  /** Things the user should know that did not fail a document (a seed loaded without its manifest). */
  notices: string[];
}

export type LoadProgress =
  /** Before the first file: how many files the paths name (folders walked). */
  | { phase: 'start'; files: number }
  /** After each document is written (or has failed); total grows when a graph file holds several. */
  | { phase: 'write'; done: number; total: number; document: string; status?: LoadStatus };

export interface LoadOptions {
  database?: string;
  onProgress?(event: LoadProgress): void;
  /** Defaults to load/extract.ts's extractPaths. */
  extract?: Extract;
  batchSize?: number;
  /** Transactions (groups of documents) written at once. Default DEFAULT_CONCURRENCY. */
  concurrency?: number;
  /** Most documents in one transaction. Default GROUP_DOCUMENTS; 1 for a transaction each. */
  groupDocuments?: number;
  /**
   * How long one group's write (and each bookkeeping call) may wait for Neo4j before the load
   * counts it as unavailable and fails the rest fast. Default PLANGRAPH_WRITE_TIMEOUT_MS, else 5 minutes.
   */
  writeTimeoutMs?: number;
  /** Replace a loaded document of the same name that came from another path (else refused). */
  replace?: boolean;
  /**
   * Worker threads extracting source files (load/extract-pool.ts) when no `extract` is
   * given; default one per core but one (defaultExtractWorkers). 1 extracts on this thread.
   */
  workers?: number;
}

/**
 * Two transactions at once keep Neo4j busy while the other commits, waits for a lock on a
 * shared node, or waits for the client to prepare it (faster for the same CPU: docs/benchmarks.md).
 * Two groups creating the same new shared nodes in different orders can still deadlock
 * (cypher.LOCK_SHARED orders the locks of those that exist); Neo4j detects it and executeWrite
 * retries the group.
 */
export const DEFAULT_CONCURRENCY = 2;
/**
 * A group closes at this many documents or GROUP_ELEMENTS graph elements, whichever comes
 * first (a document larger than that is a group of its own). Measured on the synthetic corpus
 * (about 750 elements a document), see docs/benchmarks.md.
 */
export const GROUP_DOCUMENTS = 8;
export const GROUP_ELEMENTS = 8000;
/** The most documents a load has in flight (and so can lose to a crash of Neo4j) at once. */
export const MAX_DOCUMENTS_IN_FLIGHT = DEFAULT_CONCURRENCY * GROUP_DOCUMENTS;

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
  const inputs = await listInputs(paths);
  const workers = opts.extract ? 1 : Math.max(1, opts.workers ?? defaultExtractWorkers());
  const sourceFiles = inputs.filter((i) => i.kind !== 'graph').length;
  const pool: ExtractPool | undefined = workers > 1 && sourceFiles > 1 ? createExtractPool(Math.min(workers, sourceFiles)) : undefined;
  try {
    return await loadInputs(driver, inputs, opts, concurrency, started, pool?.extract ?? opts.extract ?? extractPaths, pool ? workers * 2 : 1);
  } finally {
    await pool?.close();
  }
}

async function loadInputs(
  driver: Driver,
  inputs: Awaited<ReturnType<typeof listInputs>>,
  opts: LoadOptions,
  concurrency: number,
  started: number,
  extract: Extract,
  /** Files extracted ahead of the one being grouped (the pool's workers each have one and one queued). */
  readAhead: number,
): Promise<LoadSummary> {
  opts.onProgress?.({ phase: 'start', files: inputs.length });
  const writeTimeoutMs = opts.writeTimeoutMs ?? writeTimeoutFromEnv();
  await withDeadline(ensureWriteIndexes(driver, opts.database), writeTimeoutMs, 'the write indexes check');

  const counters: WriteCounters = { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0, labelsAdded: 0 };
  const documents: DocumentSummary[] = [];
  const seen = new Set<string>();
  let total = inputs.length;
  let unavailable: string | undefined;
  const notices: string[] = [];

  const summaryBase = (item: ExtractedDocument) => {
    const document = item.graph ? (documentOf(item.graph) ?? item.document) : item.document;
    return { document, ...countsOf(item.graph, document), changed: 0, ...assignmentsOf(item.graph, document) };
  };

  /** A summary now for what cannot be written (no graph, Neo4j gone, a name seen before); else undefined. */
  const refuse = (item: ExtractedDocument, base: ReturnType<typeof summaryBase>): DocumentSummary | undefined => {
    if (item.error || !item.graph) return { ...base, status: 'failed', reason: item.error ?? 'extraction produced no graph' };
    if (unavailable) {
      // Fail fast rather than wait out the driver's connection timeouts once per document.
      return { ...base, status: 'failed', reason: `not written: ${unavailable}` };
    }
    if (seen.has(base.document)) {
      // Documents are identified by file name; a second file of that name would replace the first.
      return { ...base, status: 'failed', reason: `another file named "${base.document}" was already loaded in this run; rename one of them` };
    }
    seen.add(base.document);
    return undefined;
  };

  /** Writes a group of documents in one transaction (writeDocuments); one summary each, in order. */
  const write = async (items: ExtractedDocument[]): Promise<DocumentSummary[]> => {
    const all = items.map(summaryBase);
    const refused = items.map((item, i) => refuse(item, all[i]));
    // The same name from another path is another document: refused unless replacing.
    const known = await withDeadline(
      storedSources(driver, opts.database, items.flatMap((it, i) => (!refused[i] && it.path ? [all[i]!.document] : []))),
      writeTimeoutMs,
      'the source paths check',
    ).catch((err: unknown) => (err instanceof DeadlineError ? err : new Map<string, string>()));
    if (known instanceof DeadlineError) {
      unavailable ??= `${known.message}; rerun the load once it answers`;
      return items.map((_, i) => refused[i] ?? { ...all[i]!, status: 'failed' as const, reason: `not written: ${unavailable}` });
    }
    items.forEach((item, i) => {
      const stored = known.get(all[i]!.document);
      if (!refused[i] && item.path && stored && stored !== item.path && !opts.replace) {
        refused[i] = { ...all[i]!, status: 'failed', reason: sourceClash(all[i]!.document, stored, item.path) };
      }
    });
    const toWrite = items.filter((_, i) => !refused[i]);
    const bases = all.filter((_, i) => !refused[i]);
    let outcomes: Awaited<ReturnType<typeof writeDocuments>>;
    try {
      outcomes = await withDeadline(
        writeDocuments(driver, toWrite.map((item) => item.graph!), { database: opts.database, documents: bases.map((b) => b.document), batchSize: opts.batchSize }),
        writeTimeoutMs,
        `a write of ${bases.length} document(s)`,
      );
    } catch (err) {
      if (err instanceof DeadlineError) {
        unavailable ??= `${err.message} (PLANGRAPH_WRITE_TIMEOUT_MS); rerun the load once it answers`;
        // Whether Neo4j will still commit it is unknown: a rerun finds it unchanged or writes it.
        return refused.map((r, i) => r ?? { ...all[i]!, status: 'failed' as const, reason: `${all[i]!.document}: not known to be written: ${err.message}; rerun the load once Neo4j answers` });
      }
      // writeDocuments reports per document; this failed before any transaction (the write indexes).
      outcomes = bases.map((b) => ({ ok: false as const, error: failedWrite(b.document, err) }));
    }
    const written = outcomes.map((o, k): DocumentSummary => {
      const base = bases[k];
      if (o.ok) {
        for (const key of Object.keys(counters) as (keyof WriteCounters)[]) counters[key] += o.result.counters[key];
        return { ...base, ...o.result.counts, status: o.result.status, changed: o.result.changed };
      }
      if (isNeo4jUnavailable(o.error)) unavailable = `Neo4j became unavailable while ${base.document} was written; rerun the load once it is back`;
      const limit = memoryLimitOf(o.error);
      const tooBig =
        limit === 'transaction'
          ? ' (the document needs more memory in one Neo4j transaction than db.memory.transaction.max allows: split it, or raise PLANGRAPH_NEO4J_TX_MEMORY)'
          : limit === 'total'
            ? " (Neo4j's memory for all transactions together, dbms.memory.transaction.total.max, was full: rerun the load when Neo4j is less busy)"
            : '';
      return { ...base, status: 'failed', reason: o.error.message + tooBig };
    });
    const summaries = refused.map((r) => r ?? written.shift()!);
    const sources = summaries.flatMap((d, i) => (d.status !== 'failed' && items[i]!.path ? [{ document: d.document, path: items[i]!.path! }] : []));
    await withDeadline(recordSources(driver, opts.database, sources), writeTimeoutMs, 'the source paths record').catch(() => undefined);
    return summaries;
  };

  /**
   * Groups in flight, oldest first. The next files are extracted while they run, and up to
   * `concurrency` groups are written at once; summaries and progress still come in input order.
   */
  const inFlight: { summaries: Promise<DocumentSummary[]>; owned: Set<string> }[] = [];
  const finishOldest = async (): Promise<void> => {
    for (const summary of await inFlight.shift()!.summaries) {
      documents.push(summary);
      opts.onProgress?.({ phase: 'write', done: documents.length, total, document: summary.document, status: summary.status });
    }
  };

  const groupDocuments = Math.max(1, opts.groupDocuments ?? GROUP_DOCUMENTS);
  let group: ExtractedDocument[] = [];
  let groupOwned = new Set<string>();
  let groupElements = 0;
  const dispatch = async (): Promise<void> => {
    if (group.length === 0) return;
    // A group whose owned nodes a write in flight also claims waits for it, so that the
    // ownership check of whichever comes second sees the first one's nodes.
    while (inFlight.length >= concurrency || inFlight.some((w) => [...groupOwned].some((id) => w.owned.has(id)))) await finishOldest();
    inFlight.push({ summaries: write(group), owned: groupOwned });
    group = [];
    groupOwned = new Set();
    groupElements = 0;
  };

  const extractOne = async (input: (typeof inputs)[number]): Promise<ExtractedDocument[]> => {
    if (input.kind === 'graph') return readGraphFile(input.path);
    try {
      const notice = missingSeedManifest(input.path);
      if (notice) notices.push(notice);
      return (await extract([input.path])).documents.map((d) => ({ ...d, path: path.resolve(input.path) }));
    } catch (err) {
      // The pipeline reports per-file problems itself; this is it failing as a whole.
      const name = path.basename(input.path);
      return [{ document: name, error: `${name}: extraction failed: ${err instanceof Error ? err.message : String(err)}` }];
    }
  };
  // Files are extracted up to `readAhead` ahead (on the pool's workers) and taken in input order.
  const ahead: Promise<ExtractedDocument[]>[] = [];
  let nextInput = 0;
  const fill = () => {
    while (nextInput < inputs.length && ahead.length < readAhead) ahead.push(extractOne(inputs[nextInput++]));
  };
  fill();
  while (ahead.length > 0) {
    const extracted = await ahead.shift()!;
    fill();
    total += extracted.length - 1;
    for (const item of extracted) {
      const owned = ownedIds(item.graph);
      const elements = (item.graph?.nodes?.length ?? 0) + (item.graph?.relationships?.length ?? 0);
      // Two documents claiming the same ids never share a transaction (the second must see
      // the first's nodes to be refused), and a group stays within its size.
      if (owned.some((id) => groupOwned.has(id)) || (group.length > 0 && groupElements + elements > GROUP_ELEMENTS)) await dispatch();
      group.push(item);
      for (const id of owned) groupOwned.add(id);
      groupElements += elements;
      if (group.length >= groupDocuments) await dispatch();
    }
  }
  await dispatch();
  while (inFlight.length > 0) await finishOldest();

  // The full-text index is eventually consistent: once a load returns, search sees it all.
  // What was committed stays committed, so a Neo4j gone by now costs only this wait.
  if (!unavailable && documents.some((d) => d.status === 'loaded')) {
    await withDeadline(awaitSearchIndex(driver, opts.database), writeTimeoutMs, 'the search index wait').catch(() => undefined);
    // Search answers cached while the index lagged behind the commits must not outlive this load.
    await withDeadline(bumpGraphVersionNow(driver, opts.database), writeTimeoutMs, 'the version stamp').catch(() => undefined);
  }

  return {
    documents,
    loaded: documents.filter((d) => d.status === 'loaded').length,
    unchanged: documents.filter((d) => d.status === 'unchanged').length,
    failed: documents.filter((d) => d.status === 'failed').length,
    changed: Object.values(counters).reduce((a, b) => a + b, 0),
    counters,
    seconds: (performance.now() - started) / 1000,
    notices,
  };
}
