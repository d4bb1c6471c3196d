/**
 * `plangraph remove <document>`: takes one document's facts out of the graph. It is the
 * writer's replace path (write-document.ts) with an empty new version: the document's
 * relationships and REFERS_TO records go, its Plan/Task/Goal nodes go, the shared nodes it
 * referred to derive their aliases and provenance again from the other documents and go
 * when none refers to them any more (a town only this plan named, then its district if
 * nothing else holds it); other documents' TOUCHES edges are recomputed where an area pair
 * only this document gave changes them. Gazetteer edges between nodes that stay are left
 * alone. One transaction: all of it or nothing; the graph version moves, so cached answers
 * go too.
 */
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { SHARED_LABELS } from './allow-list.ts';
import * as cypher from './cypher.ts';
import { byText } from '../canonical-json.ts';
import { ensureWriteIndexes } from './indexes.ts';
import { noSharedIds } from './prepare.ts';
import { WriteError } from './errors.ts';
import { pairsBeforeWrite, refreshTouchesAfterWrite } from './touches.ts';
import { bumpGraphVersion } from './version.ts';
import { emptyCounters, refreshReferenced, removePrevious, totalChanged, type WriteCounters } from './write-document.ts';

export interface RemoveResult {
  document: string;
  /** Plans, tasks and goals the document held. */
  owned: { plans: number; tasks: number; goals: number };
  counters: WriteCounters;
  changed: number;
}

const HELD = `
CALL () { MATCH (p:Plan {document: $doc}) RETURN count(p) AS plans }
CALL () { MATCH (t:Task {document: $doc}) RETURN count(t) AS tasks }
CALL () { MATCH (g:Goal {document: $doc}) RETURN count(g) AS goals }
RETURN plans, tasks, goals`;

/** The shared nodes the document refers to (its REFERS_TO records), by label. */
const REFERRED = `
MATCH (:Plan)-[:REFERS_TO {document: $doc}]->(n)
RETURN [l IN labels(n) WHERE l IN $labels][0] AS label, collect(n.id) AS ids`;

const DOCUMENTS = 'MATCH (p:Plan) RETURN DISTINCT p.document AS document ORDER BY document';

/** The document names the graph holds (as `plangraph load` named them: the file name). */
export async function loadedDocuments(driver: Driver, database?: string): Promise<string[]> {
  const result = await driver.executeQuery(DOCUMENTS, {}, { database, routing: neo4j.routing.READ });
  return result.records.map((r) => r.get('document') as string).filter((d) => typeof d === 'string');
}

/**
 * Removes a document (its file name as loaded, or a path to that file: the name is what
 * counts). Throws a WriteError naming the document when the graph holds nothing of it,
 * listing the loaded documents that look like it.
 */
export async function removeDocument(driver: Driver, document: string, opts: { database?: string } = {}): Promise<RemoveResult> {
  const name = path.basename(document.trim());
  if (name === '') throw new WriteError(document, 'no document name given');
  await ensureWriteIndexes(driver, opts.database);
  const session = driver.session({ database: opts.database, defaultAccessMode: neo4j.session.WRITE });
  let result: RemoveResult | undefined;
  try {
    result = await session.executeWrite(async (tx) => {
      const held = (await tx.run(HELD, { doc: name })).records[0];
      const owned = { plans: held.get('plans').toNumber(), tasks: held.get('tasks').toNumber(), goals: held.get('goals').toNumber() };
      if (owned.plans + owned.tasks + owned.goals === 0) return undefined;
      const counters = emptyCounters();
      // As the writer does (write-document.ts writeGroup): the shared nodes' locks in the global
      // order, the area pairs before, the facts out, the other documents' TOUCHES made exact
      // again (an area pair only this document gave can change what their tasks touch), then
      // the shared nodes nobody refers to any more go.
      const shared = noSharedIds();
      for (const r of (await tx.run(REFERRED, { doc: name, labels: [...SHARED_LABELS] })).records) {
        const label = r.get('label') as keyof typeof shared | null;
        if (label) shared[label] = [...(r.get('ids') as string[])].sort(byText);
      }
      await tx.run(cypher.LOCK_SHARED, { ids: shared });
      const pairs = await pairsBeforeWrite(tx, [], [name]);
      const referenced = await removePrevious(tx, { document: name, ownedIds: { Plan: [], Task: [], Goal: [] } }, counters);
      await refreshTouchesAfterWrite(tx, [name], pairs);
      await refreshReferenced(tx, referenced, counters);
      await bumpGraphVersion(tx);
      return { document: name, owned, counters, changed: totalChanged(counters) };
    });
  } finally {
    await session.close();
  }
  if (result) return result;
  const documents = await loadedDocuments(driver, opts.database);
  const stem = name.replace(/\.[^.]+$/, '').toLowerCase();
  const close = documents.filter((d) => d.toLowerCase().includes(stem) || stem.includes(d.replace(/\.[^.]+$/, '').toLowerCase()));
  const hint = close.length > 0 ? `did you mean ${close.slice(0, 5).join(', ')}?` : documents.length > 0 ? `loaded documents: ${documents.slice(0, 10).join(', ')}${documents.length > 10 ? ', …' : ''}` : 'the graph holds no documents';
  throw new WriteError(name, `not in the graph, nothing removed (${hint})`);
}
