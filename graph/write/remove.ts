/**
 * `plangraph remove <document>`: takes one document's facts out of the graph. It is the
 * writer's replace path (write-document.ts) with an empty new version: the document's
 * relationships and REFERS_TO records go, its Plan/Task/Goal nodes go, the shared nodes it
 * referred to derive their aliases and provenance again from the other documents and go
 * when none refers to them any more (a town only this plan named, then its district if
 * nothing else holds it). Gazetteer edges between nodes that stay are left alone. One
 * transaction: all of it or nothing; the graph version moves, so cached answers go too.
 */
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { ensureWriteIndexes } from './indexes.ts';
import { WriteError } from './properties.ts';
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
      const referenced = await removePrevious(tx, { document: name, ownedIds: { Plan: [], Task: [], Goal: [] } }, counters);
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
