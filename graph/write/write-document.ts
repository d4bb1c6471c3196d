/**
 * Writes documents' facts, each document all or none; several documents share one
 * transaction (writeDocuments), and if that transaction fails they are written again one
 * transaction each, so a bad document fails alone and leaves nothing.
 *
 * Ownership: Plan/Task/Goal nodes and relationships carrying `document` belong to
 * their document; Department/District/Project nodes are shared (MERGEd on id; what each
 * document contributed, its aliases and provenance, is kept in that document's REFERS_TO
 * record to the node, so a reload replaces only its own); gazetteer edges (`source`) are
 * MERGEd and owned by nobody.
 *
 * Replace semantics: the document's previous relationships (REFERS_TO records included) are
 * deleted and its current ones created; owned nodes it no longer has are deleted; the shared
 * nodes it referred to derive their aliases and provenance again from the records left, and
 * go when nobody references them. A document the graph holds nothing of has its owned nodes
 * CREATEd (no MERGE lookup) and only adds to its shared nodes: constant work per node, however
 * many documents refer to it.
 *
 * An unchanged document (same content hash on its Plan nodes) is skipped inside the
 * same transaction, so a reload writes nothing.
 *
 * Cost per transaction (a group of up to load-paths.ts's GROUP_DOCUMENTS): one query for
 * every document's prior state, one taking the locks of the shared nodes the group writes
 * (cypher.LOCK_SHARED, in the order every transaction takes them), the node statements of
 * all of them pipelined, the relationship statements pipelined, the TOUCHES edges of their
 * tasks recomputed (touches.ts: two reads of the area pairs they write, one recomputation, and
 * one for other documents' tasks when a shared pair appeared or went), the commit. A handful of
 * constant statements (cypher.ts), never replanned. What the writes cost and where Neo4j
 * spends it: docs/benchmarks.md.
 */
import type { Driver, ManagedTransaction, QueryResult } from 'neo4j-driver';
import { isNeo4jUnavailable } from '../availability.ts';
import type { GraphDocument } from '../../loaders/model.ts';
import { OWNED_LABELS, RELATIONSHIP_TYPES, SHARED_LABELS, type SharedLabel } from './allow-list.ts';
import * as cypher from './cypher.ts';
import { byText } from '../canonical-json.ts';
import { ensureWriteIndexes } from './indexes.ts';
import { noSharedIds, prepareDocument, type DocumentCounts, type PreparedDocument, type SharedIds } from './prepare.ts';
import { failedWrite, ownershipError, WriteError } from './errors.ts';
import { nodeStatements, relationshipRows, relationshipStatements, type RelationshipRows, type Statement } from './statements.ts';
import { pairsBeforeWrite, refreshTouchesAfterWrite } from './touches.ts';
import { SET_DOCUMENT_READING } from './reading.ts';
import { bumpGraphVersion } from './version.ts';
import { notRetriedWhenMemoryLimit } from '../memory-limit.ts';

export interface WriteCounters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  labelsAdded: number;
}

export interface WriteResult {
  document: string;
  status: 'loaded' | 'unchanged';
  contentHash: string;
  counters: WriteCounters;
  /** Sum of the counters: 0 for an unchanged document. */
  changed: number;
  counts: DocumentCounts;
}

export interface WriteOptions {
  database?: string;
  /** Overrides the document name read from the graph's Plan nodes. */
  document?: string;
  /** Rows per UNWIND batch. */
  batchSize?: number;
}

export const DEFAULT_BATCH_SIZE = 500;

export function emptyCounters(): WriteCounters {
  return { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0, labelsAdded: 0 };
}

function add(counters: WriteCounters, result: QueryResult): void {
  const u = result.summary.counters.updates();
  counters.nodesCreated += u.nodesCreated;
  counters.nodesDeleted += u.nodesDeleted;
  counters.relationshipsCreated += u.relationshipsCreated;
  counters.relationshipsDeleted += u.relationshipsDeleted;
  counters.propertiesSet += u.propertiesSet;
  counters.labelsAdded += u.labelsAdded;
}

export function totalChanged(c: WriteCounters): number {
  return c.nodesCreated + c.nodesDeleted + c.relationshipsCreated + c.relationshipsDeleted + c.propertiesSet + c.labelsAdded;
}

interface PriorState {
  unchanged: boolean;
  prior: boolean;
  /** An id this document wants that another document owns: [label, id, owner]. */
  clash: [string, string, string] | null;
}

/** The prior state of every document of a group, in one round trip (cypher.PRIOR_STATES). */
async function priorStates(tx: ManagedTransaction, docs: PreparedDocument[]): Promise<PriorState[]> {
  const result = await tx.run(cypher.PRIOR_STATES, { docs: docs.map((d) => ({ doc: d.document, ids: d.ownedIds })) });
  const byIndex = new Map(result.records.map((r) => [Number(r.get('i')), r]));
  return docs.map((doc, i) => {
    const record = byIndex.get(i)!;
    const stored = new Map((record.get('plans') as [string, string | null][]).map(([id, hash]) => [id, hash]));
    const unchanged = stored.size === doc.planIds.length && doc.planIds.every((id) => stored.get(id) === doc.hash);
    return { unchanged, prior: stored.size > 0 || record.get('others') === true, clash: record.get('clash') };
  });
}

/**
 * Removes what a document held before it is written again: its REFERS_TO records, its
 * relationships, the owned nodes it no longer has. Returns the shared nodes it referred to,
 * for refreshReferenced once the new version is written.
 */
export async function removePrevious(tx: ManagedTransaction, doc: Pick<PreparedDocument, 'document' | 'ownedIds'>, counters: WriteCounters): Promise<SharedIds> {
  const params = { doc: doc.document };
  const referenced = noSharedIds();
  const removed = await tx.run(cypher.REMOVE_REFERENCES, params);
  add(counters, removed);
  for (const r of removed.records) {
    const label = r.get('label') as SharedLabel | null;
    if (label) referenced[label].push(...(r.get('ids') as string[]));
  }
  for (const type of RELATIONSHIP_TYPES) {
    add(counters, await tx.run(cypher.deleteOwnedRelationships(type), params));
  }
  for (const label of OWNED_LABELS) {
    add(counters, await tx.run(cypher.deleteStaleOwnedNodes(label), { ...params, keep: doc.ownedIds[label] }));
  }
  return referenced;
}

/**
 * After a replaced document's new version is written: the shared nodes it referred to before
 * take their visible properties from the records that remain, and those nobody refers to any
 * more go (leaf first: deleting a town can leave its district unreferenced, and so on up).
 */
export async function refreshReferenced(tx: ManagedTransaction, referenced: SharedIds, counters: WriteCounters): Promise<void> {
  let candidates: string[] = [];
  for (const label of SHARED_LABELS) {
    if (referenced[label].length === 0) continue;
    const refreshed = await tx.run(cypher.refreshShared(label), { ids: referenced[label] });
    add(counters, refreshed);
    for (const r of refreshed.records) if (Number(r.get('records')) === 0) candidates.push(r.get('id') as string);
  }
  for (let round = 0; round < 10 && candidates.length > 0; round++) {
    const next = new Set<string>();
    for (const label of SHARED_LABELS) {
      const result = await tx.run(cypher.deleteUnreferencedShared(label), { ids: candidates });
      add(counters, result);
      for (const r of result.records) for (const id of r.get('parents') as string[]) next.add(id);
    }
    candidates = [...next];
  }
}

/** A document with its statements built and every value checked, before any transaction. */
interface Prepared {
  doc: PreparedDocument;
  nodes: Statement[];
  relationships: RelationshipRows;
}

/** One document of a group on its way into the transaction. */
interface Pending extends Prepared {
  counters: WriteCounters;
  /** Nothing of it in the graph yet: its owned nodes are CREATEd. */
  fresh: boolean;
}

/**
 * Two pipelined rounds for every document of the group at once: every node statement is sent
 * before any answer is read (the driver pipelines them on the transaction's connection; the
 * server runs them in order, so a shared node two documents reference is updated by the
 * first and then by the second), then, with the nodes' elementIds, every relationship
 * statement. A handful of constant statements per document instead of one per label and
 * relationship type: each distinct statement costs a query planning on a fresh database.
 */
async function writeFacts(tx: ManagedTransaction, pending: Pending[], batchSize: number): Promise<void> {
  const nodes = pending.flatMap((p) => p.nodes.map((s) => ({ query: p.fresh && s.freshQuery ? s.freshQuery : s.query, params: s.params, p })));
  const elements = new Map<Pending, Map<string, string>>(pending.map((p) => [p, new Map()]));
  const nodeResults = await Promise.all(nodes.map((s) => tx.run(s.query, s.params)));
  nodeResults.forEach((result, i) => {
    const { p } = nodes[i];
    add(p.counters, result);
    const element = elements.get(p)!;
    for (const r of result.records) element.set(r.get('id') as string, r.get('element') as string);
  });

  const statements = pending.flatMap((p) => relationshipStatements(p.doc.document, p.relationships, elements.get(p)!, batchSize).map((s) => ({ ...s, p })));

  const results = await Promise.all(statements.map((s) => tx.run(s.query, { rows: s.rows })));
  results.forEach((result, i) => {
    const { p, rows } = statements[i];
    add(p.counters, result);
    const written = Number(result.records[0]?.get('written') ?? 0);
    if (written !== rows.length) {
      // Both ends were written above in this transaction, so a shortfall means the graph changed under us.
      throw new WriteError(p.doc.document, `wrote ${written} of ${rows.length} relationships; some end nodes were not found`);
    }
  });
}

/** What writeDocuments gives back for each document, in input order: its result or why it failed. */
export type DocumentOutcome = { ok: true; result: WriteResult } | { ok: false; error: WriteError };

function loadedResult(doc: PreparedDocument, counters: WriteCounters): WriteResult {
  return { document: doc.document, status: 'loaded', contentHash: doc.hash, counters, changed: totalChanged(counters), counts: doc.counts };
}
function unchangedResult(doc: PreparedDocument): WriteResult {
  return { document: doc.document, status: 'unchanged', contentHash: doc.hash, counters: emptyCounters(), changed: 0, counts: doc.counts };
}
/** Every shared id the group's documents write, by label, each list sorted as nodeStatements sorts (cypher.LOCK_SHARED). */
function sharedIdsInLockOrder(pending: Pending[]): SharedIds {
  const ids = noSharedIds();
  for (const label of SHARED_LABELS) {
    const all = new Set<string>();
    for (const p of pending) for (const id of p.doc.sharedIds[label]) all.add(id);
    ids[label] = [...all].sort(byText);
  }
  return ids;
}

/**
 * The group's transaction. Decides per document (unchanged: skipped; claims another
 * document's ids: refused, nothing of it sent; held before: its previous facts removed
 * first), then writes the rest's facts together. Returns each document's outcome.
 */
async function writeGroup(tx: ManagedTransaction, group: Prepared[], batchSize: number): Promise<DocumentOutcome[]> {
  const states = await priorStates(tx, group.map((g) => g.doc));
  const outcomes: (DocumentOutcome | Pending)[] = [];
  for (const [i, g] of group.entries()) {
    const { unchanged, prior, clash } = states[i];
    if (unchanged) outcomes.push({ ok: true, result: unchangedResult(g.doc) });
    else if (clash) outcomes.push({ ok: false, error: ownershipError(g.doc, clash) });
    // Fresh counters per attempt: executeWrite may run this function more than once.
    else outcomes.push({ ...g, counters: emptyCounters(), fresh: !prior });
  }
  const pending = outcomes.filter((o): o is Pending => 'doc' in o);
  if (pending.length > 0) {
    // The shared nodes' locks first, in the global order, even for one document: what
    // touches.ts reads next about shared areas must not change under it until the commit.
    await tx.run(cypher.LOCK_SHARED, { ids: sharedIdsInLockOrder(pending) });
    const pairs = await pairsBeforeWrite(
      tx,
      pending.map((p) => p.doc),
      pending.filter((p) => !p.fresh).map((p) => p.doc.document),
    );
    const referenced = new Map<Pending, SharedIds>();
    for (const p of pending) if (!p.fresh) referenced.set(p, await removePrevious(tx, p.doc, p.counters));
    await writeFacts(tx, pending, batchSize);
    await tx.run(SET_DOCUMENT_READING, { documents: pending.map((p) => p.doc.document) });
    // Before refreshReferenced: an area still touched is still referenced.
    await refreshTouchesAfterWrite(tx, pending.map((p) => p.doc.document), pairs);
    for (const [p, ids] of referenced) await refreshReferenced(tx, ids, p.counters);
  }

  // Last statement: answers cached for the old graph version stop being served at commit
  // (graph/write/version.ts); an all-unchanged group leaves the version, and the cache, alone.
  if (pending.length > 0) await bumpGraphVersion(tx);

  return outcomes.map((o) => ('doc' in o ? { ok: true, result: loadedResult(o.doc, o.counters) } : o));
}

/**
 * Prepared documents in one transaction; if it fails as a whole, each again in a transaction
 * of its own (already prepared: only the transaction is repeated), so only the bad one fails.
 */
async function writePrepared(driver: Driver, docs: Prepared[], batchSize: number, database: string | undefined): Promise<DocumentOutcome[]> {
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  // Set once the work of an attempt has returned: the driver's COMMIT follows, and a connection
  // lost from then on leaves unknown whether Neo4j committed (a retry that reads the graph
  // again would settle it, but it failed too). Never reset: any such attempt leaves the doubt.
  let committing = false;
  try {
    return await session.executeWrite(async (tx) => {
      // A memory limit is not retried: the same transaction would meet it again (graph/memory-limit.ts).
      const outcomes = await writeGroup(tx, docs, batchSize).catch(notRetriedWhenMemoryLimit);
      committing = true;
      return outcomes;
    });
  } catch (err) {
    const lost = isNeo4jUnavailable(err);
    if (docs.length === 1 || lost) return docs.map(({ doc }) => ({ ok: false, error: failedWrite(doc.document, err, lost && committing) }));
  } finally {
    await session.close();
  }
  // One of them spoiled the transaction for all: each alone, so only that one fails.
  const outcomes: DocumentOutcome[] = [];
  for (const doc of docs) outcomes.push((await writePrepared(driver, [doc], batchSize, database))[0]);
  return outcomes;
}

/**
 * Writes several documents' GraphDocuments in ONE transaction (fewer commits, round trips
 * and full-text index refreshes than one each), each document still all or nothing: a
 * document that cannot be prepared, or claims another's ids, fails alone before anything of
 * it is sent; if the transaction fails as a whole (a value Neo4j refuses, a memory limit),
 * the documents are written again one transaction each, so only the bad one fails and it
 * leaves nothing. Transient failures (leader switch, deadlock, lost connection) are retried
 * by executeWrite from the start of the transaction; memory limits are not (the same
 * transaction meets them again). A connection lost during the commit fails the documents as
 * "outcome unknown", not as "nothing committed". Documents of one call must not claim
 * the same owned ids (loadPaths sees to that).
 */
export async function writeDocuments(driver: Driver, graphs: GraphDocument[], opts: Omit<WriteOptions, 'document'> & { documents?: (string | undefined)[] } = {}): Promise<DocumentOutcome[]> {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const outcomes: (DocumentOutcome | undefined)[] = graphs.map(() => undefined);
  const docs: (Prepared & { i: number })[] = [];
  for (const [i, graph] of graphs.entries()) {
    try {
      // Built (and every property checked) before the transaction opens: a bad value fails fast.
      const doc = prepareDocument(graph, opts.documents?.[i]);
      docs.push({ i, doc, nodes: nodeStatements(doc, batchSize), relationships: relationshipRows(doc) });
    } catch (err) {
      outcomes[i] = { ok: false, error: failedWrite(opts.documents?.[i] ?? '(unnamed document)', err) };
    }
  }
  if (docs.length > 0) {
    await ensureWriteIndexes(driver, opts.database);
    const written = await writePrepared(driver, docs, batchSize, opts.database);
    written.forEach((o, k) => (outcomes[docs[k].i] = o));
  }
  return outcomes as DocumentOutcome[];
}

/**
 * Writes one document's GraphDocument in its own transaction (writeDocuments with one).
 * Throws a WriteError naming the document when it fails; nothing of it is committed then.
 */
export async function writeDocument(driver: Driver, graph: GraphDocument, opts: WriteOptions = {}): Promise<WriteResult> {
  const [outcome] = await writeDocuments(driver, [graph], { ...opts, documents: [opts.document] });
  if (!outcome.ok) throw outcome.error;
  return outcome.result;
}
