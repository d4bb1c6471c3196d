/**
 * Indexes the writer itself relies on to find one document's facts without scanning
 * the whole graph: `document` on owned nodes and on every relationship type (REFERS_TO and TALLY too). Created
 * with IF NOT EXISTS, so they coexist with graph/schema.ts (which owns the id
 * constraints, name and full-text indexes, and is applied here when the id constraints are missing).
 */
import type { Driver } from 'neo4j-driver';
import { OWNED_LABELS, REFERENCE_TYPE, RELATIONSHIP_TYPES, TALLY_TYPE } from './allow-list.ts';
import { migrateSharedBookkeeping } from './migrate.ts';
import { migrateTouches } from './touches.ts';
import { applySchema, constraintName, LABELS } from '../schema.ts';

export interface WriteIndex {
  name: string;
  statement: string;
}

export function writeIndexes(): WriteIndex[] {
  const nodes = OWNED_LABELS.map((l) => {
    const name = `write_${l.toLowerCase()}_document`;
    return { name, statement: `CREATE INDEX ${name} IF NOT EXISTS FOR (n:\`${l}\`) ON (n.document)` };
  });
  const rels = [...RELATIONSHIP_TYPES, REFERENCE_TYPE, TALLY_TYPE].map((t) => {
    const name = `write_rel_${t.toLowerCase()}_document`;
    return { name, statement: `CREATE INDEX ${name} IF NOT EXISTS FOR ()-[r:\`${t}\`]-() ON (r.document)` };
  });
  return [...nodes, ...rels];
}

const done = new WeakMap<Driver, Set<string>>();

export async function ensureWriteIndexes(driver: Driver, database?: string): Promise<void> {
  const key = database ?? '';
  let dbs = done.get(driver);
  if (dbs?.has(key)) return;
  // One read, then only the missing ones: every load starts here, and two dozen schema
  // statements (even IF NOT EXISTS ones) are two dozen round trips on a busy server.
  const shown = await driver.executeQuery('SHOW INDEXES YIELD name RETURN collect(name) AS names', {}, { database });
  const existing = new Set<string>(shown.records[0]?.get('names') ?? []);
  // The writer finds nodes by id: without the id constraints (a graph that `plangraph load`,
  // `up` or the server never prepared, written by a program calling loadPaths) Neo4j scans a
  // label's index for every id, and a 200-document load took 448 s instead of 36.
  if (LABELS.some((label) => !existing.has(constraintName(label)))) await applySchema(driver, database);
  for (const { name, statement } of writeIndexes()) {
    if (!existing.has(name)) await driver.executeQuery(statement, {}, { database });
  }
  await driver.executeQuery('CALL db.awaitIndexes(60)', {}, { database });
  // A graph from an older writer gets its REFERS_TO records before anything is written to it.
  await migrateSharedBookkeeping(driver, database);
  // A graph written before TOUCHES (graph/write/touches.ts) gets them before its first write.
  await migrateTouches(driver, database);
  if (!dbs) done.set(driver, (dbs = new Set()));
  dbs.add(key);
}
