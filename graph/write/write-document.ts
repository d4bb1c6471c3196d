/**
 * Writes one document's facts in ONE transaction: all of them or none.
 *
 * Ownership: Plan/Task/Goal nodes and relationships carrying `document` belong to
 * their document; Department/District/Project nodes are shared (MERGEd on id, each
 * document's aliases and provenance kept apart so a reload replaces only its own);
 * gazetteer edges (`source`) are MERGEd and owned by nobody.
 *
 * Replace semantics: the document's previous relationships are deleted and its current
 * ones created; owned nodes it no longer has are deleted; shared nodes it no longer
 * references lose its contributions, and go when nobody references them.
 *
 * An unchanged document (same content hash on its Plan nodes) is skipped inside the
 * same transaction, so a reload writes nothing.
 *
 * Cost: one query for the prior state (hash, ownership clashes), the node statements
 * pipelined, the relationship statements pipelined, the commit. A handful of constant
 * statements (cypher.ts), never replanned, so a fresh database plans each once. The
 * full-text index is updated off the commit path (graph/schema.ts). What remains is mostly
 * Neo4j's own work: Lucene indexing of the task text (about half the server's CPU on the
 * synthetic corpus), MERGE and the shared nodes' per-document bookkeeping lists.
 */
import type { Driver, ManagedTransaction, QueryResult } from 'neo4j-driver';
import type { GraphDocument } from '../../loaders/model.ts';
import { OWNED_LABELS, RELATIONSHIP_TYPES, SHARED_LABELS, type AllowedType } from './allow-list.ts';
import * as cypher from './cypher.ts';
import { ensureWriteIndexes } from './indexes.ts';
import { chunk, prepareDocument, SEP, type DocumentCounts, type PreparedDocument } from './prepare.ts';
import { toNeo4jProperties, WriteError } from './properties.ts';
import { bumpGraphVersion } from './version.ts';

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

function emptyCounters(): WriteCounters {
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

async function priorState(tx: ManagedTransaction, doc: PreparedDocument): Promise<PriorState> {
  const result = await tx.run(cypher.PRIOR_STATE, { doc: doc.document, ids: doc.ownedIds });
  const record = result.records[0];
  const stored = new Map((record.get('plans') as [string, string | null][]).map(([id, hash]) => [id, hash]));
  const unchanged = stored.size === doc.planIds.length && doc.planIds.every((id) => stored.get(id) === doc.hash);
  return { unchanged, prior: stored.size > 0 || record.get('others') === true, clash: record.get('clash') };
}

function ownershipError(doc: PreparedDocument, [label, id, owner]: [string, string, string]): WriteError {
  return new WriteError(
    doc.document,
    `${label} ${id} already belongs to document "${owner}" (two files with the same name, or the same plan loaded under two names?)`,
  );
}

async function removePrevious(tx: ManagedTransaction, doc: PreparedDocument, counters: WriteCounters): Promise<void> {
  const params = { doc: doc.document, prefix: doc.document + SEP, sep: SEP };
  for (const type of RELATIONSHIP_TYPES) {
    add(counters, await tx.run(cypher.deleteOwnedRelationships(type), params));
  }
  for (const label of OWNED_LABELS) {
    add(counters, await tx.run(cypher.deleteStaleOwnedNodes(label), { ...params, keep: doc.ownedIds[label] }));
  }
  let candidates: string[] = [];
  for (const label of SHARED_LABELS) {
    const released = await tx.run(cypher.releaseShared(label), { ...params, keep: doc.sharedIds[label] });
    add(counters, released);
    candidates.push(...released.records.map((r) => r.get('id') as string));
  }
  // Leaf first: deleting a town can leave its district unreferenced, and so on up.
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

interface Statement {
  query: string;
  params: Record<string, unknown>;
}

/**
 * The node statements: the document's own nodes first (nobody else locks them, so that part
 * of a write overlaps another document's commit), then its shared nodes in one order for
 * every transaction (label, then id), so two concurrent loads wait for each other rather
 * than deadlock. Every property is checked here, before the transaction opens.
 */
function nodeStatements(doc: PreparedDocument, batchSize: number): Statement[] {
  const name = doc.document;
  const params = { doc: name, prefix: name + SEP, sep: SEP };
  const out: Statement[] = [];

  for (const group of doc.owned) {
    const query = cypher.upsertOwned(group.label, group.extraLabels);
    for (const batch of chunk(group.nodes, batchSize)) {
      const rows = batch.map((node) => {
        const props = toNeo4jProperties(name, `${group.label} ${node.id}`, node.properties);
        if (group.label === 'Plan') props.contentHash = doc.hash;
        return { id: node.id, props };
      });
      out.push({ query, params: { ...params, rows } });
    }
  }

  const shared = SHARED_LABELS.flatMap((label) =>
    doc.shared
      .filter((g) => g.label === label)
      .flatMap((g) => g.rows)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((row) => ({ label, row })),
  );
  for (const batch of chunk(shared, batchSize)) {
    const byLabel = Object.fromEntries(SHARED_LABELS.map((l) => [l, [] as unknown[]]));
    for (const { label, row } of batch) {
      byLabel[label].push({
        id: row.id,
        props: toNeo4jProperties(name, `${label} ${row.id}`, row.properties),
        aliases: row.aliases,
        provenance: row.provenance ?? null,
      });
    }
    out.push({ query: cypher.UPSERT_SHARED, params: { ...params, shared: byLabel } });
  }
  for (const group of doc.shared) {
    if (group.extraLabels.length === 0) continue;
    out.push({ query: cypher.addSharedLabels(group.label, group.extraLabels), params: { ids: group.rows.map((r) => r.id) } });
  }
  return out;
}

interface RelationshipRow {
  start: string;
  end: string;
  type: AllowedType;
  source: unknown;
  props: Record<string, unknown>;
}

/** Relationship rows (ends still as ids), owned ones and sourced ones apart; properties checked here too. */
function relationshipRows(doc: PreparedDocument): { owned: RelationshipRow[]; sourced: RelationshipRow[] } {
  const out = { owned: [] as RelationshipRow[], sourced: [] as RelationshipRow[] };
  for (const group of doc.relationships) {
    for (const r of group.relationships) {
      const props = toNeo4jProperties(doc.document, `relationship ${r.type} ${r.start} → ${r.end}`, r.properties);
      (group.owned ? out.owned : out.sourced).push({ start: r.start, end: r.end, type: group.type, source: props.source ?? null, props });
    }
  }
  return out;
}

/**
 * Two pipelined rounds: every node statement is sent before any answer is read (the driver
 * pipelines them on the transaction's connection; the server runs them in order), then,
 * with the nodes' elementIds, every relationship statement. A handful of constant
 * statements per document instead of one per label and relationship type: each distinct
 * statement costs a query planning on a fresh database.
 */
async function writeFacts(
  tx: ManagedTransaction,
  doc: PreparedDocument,
  nodes: Statement[],
  relationships: ReturnType<typeof relationshipRows>,
  batchSize: number,
  counters: WriteCounters,
): Promise<void> {
  const element = new Map<string, string>();
  for (const result of await Promise.all(nodes.map((s) => tx.run(s.query, s.params)))) {
    add(counters, result);
    for (const r of result.records) element.set(r.get('id') as string, r.get('element') as string);
  }

  const statements: { query: string; rows: unknown[] }[] = [];
  const withElements = (rows: RelationshipRow[]) =>
    rows.map((r) => {
      const start = element.get(r.start);
      const end = element.get(r.end);
      if (!start || !end) throw new WriteError(doc.document, `relationship ${r.type} ${r.start} → ${r.end}: an end node was not written`);
      return { ...r, start, end };
    });
  for (const batch of chunk(relationships.owned, batchSize)) statements.push({ query: cypher.CREATE_OWNED_RELATIONSHIPS, rows: withElements(batch) });
  for (const t of new Set(relationships.sourced.map((r) => r.type))) {
    const query = cypher.mergeSourcedRelationships(t);
    for (const batch of chunk(relationships.sourced.filter((r) => r.type === t), batchSize)) statements.push({ query, rows: withElements(batch) });
  }

  const results = await Promise.all(statements.map((s) => tx.run(s.query, { rows: s.rows })));
  results.forEach((result, i) => {
    add(counters, result);
    const written = Number(result.records[0]?.get('written') ?? 0);
    if (written !== statements[i].rows.length) {
      // Both ends were written above in this transaction, so a shortfall means the graph changed under us.
      throw new WriteError(doc.document, `wrote ${written} of ${statements[i].rows.length} relationships; some end nodes were not found`);
    }
  });
}

/**
 * Writes one document's GraphDocument. Transient failures (leader switch, deadlock,
 * lost connection) are retried by executeWrite from the start of the transaction;
 * anything else rolls the whole document back and is thrown as a WriteError naming it.
 */
export async function writeDocument(driver: Driver, graph: GraphDocument, opts: WriteOptions = {}): Promise<WriteResult> {
  const doc = prepareDocument(graph, opts.document);
  // Built (and every property checked) before the transaction opens: a bad value fails fast.
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const nodes = nodeStatements(doc, batchSize);
  const relationships = relationshipRows(doc);
  await ensureWriteIndexes(driver, opts.database);

  const session = driver.session({ database: opts.database, defaultAccessMode: 'WRITE' });
  try {
    return await session.executeWrite(async (tx) => {
      // Fresh counters per attempt: executeWrite may run this function more than once.
      const counters = emptyCounters();
      const { unchanged, prior, clash } = await priorState(tx, doc);
      if (unchanged) {
        return { document: doc.document, status: 'unchanged', contentHash: doc.hash, counters, changed: 0, counts: doc.counts } satisfies WriteResult;
      }
      if (clash) throw ownershipError(doc, clash);
      if (prior) await removePrevious(tx, doc, counters);
      await writeFacts(tx, doc, nodes, relationships, batchSize, counters);
      await bumpGraphVersion(tx); // last: answers cached for the old version stop being served at commit
      return { document: doc.document, status: 'loaded', contentHash: doc.hash, counters, changed: totalChanged(counters), counts: doc.counts } satisfies WriteResult;
    });
  } catch (err) {
    if (err instanceof WriteError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new WriteError(doc.document, `write failed, nothing of it was committed: ${message}`, { cause: err });
  } finally {
    await session.close();
  }
}
