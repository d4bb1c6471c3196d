/**
 * Upgrades a graph written before REFERS_TO records (allow-list.ts): writers up to 2026-12
 * kept each document's contribution to a shared node in three list properties on the node
 * (`documents`, `aliasesByDocument` as `document SEP alias`, `provenanceByDocument` as
 * `document SEP line SEP quote`). Each listed document becomes its REFERS_TO record, from its
 * smallest Plan id as the writer does now, and the lists go. The visible properties (aliases,
 * aliasText, provenance) are already what the records give, so nothing else changes and an
 * unchanged reload after the upgrade still writes nothing.
 *
 * Per node, records and removal commit together (batches of nodes, CALL IN TRANSACTIONS), so
 * an interrupted upgrade leaves every node either converted or as it was, and the next write
 * finishes it.
 */
import type { Driver } from 'neo4j-driver';
import { REFERENCE_TYPE, SHARED_LABELS } from './allow-list.ts';
import { bumpGraphVersionNow } from './version.ts';

/** The separator the list writer used inside its entries. */
export const LEGACY_SEP = '\u001f';

const IS_SHARED = SHARED_LABELS.map((l) => `n:\`${l}\``).join(' OR ');

/** One row as soon as one node still has the lists (count() would scan every shared node first). */
const HAS_LEGACY = `MATCH (n) WHERE (${IS_SHARED}) AND n.documents IS NOT NULL RETURN true AS legacy LIMIT 1`;

export const CONVERT_LEGACY = `
MATCH (n) WHERE (${IS_SHARED}) AND n.documents IS NOT NULL
CALL (n) {
  CALL (n) {
    UNWIND n.documents AS doc
    CALL (doc) { MATCH (p:\`Plan\` {document: doc}) RETURN p ORDER BY p.id LIMIT 1 }
    WITH n, doc, p,
         [x IN coalesce(n.aliasesByDocument, []) WHERE x STARTS WITH doc + $sep | substring(x, size(doc) + 1)] AS aliases,
         [x IN coalesce(n.provenanceByDocument, []) WHERE x STARTS WITH doc + $sep | split(x, $sep)][0] AS cited
    MERGE (p)-[r:${REFERENCE_TYPE} {document: doc}]->(n)
    SET r.aliases = aliases,
        r.line = CASE WHEN cited[1] IS NULL OR cited[1] = '' THEN null ELSE toInteger(cited[1]) END,
        r.quote = CASE WHEN cited[2] IS NULL OR cited[2] = '' THEN null ELSE cited[2] END
  }
  REMOVE n.documents, n.aliasesByDocument, n.provenanceByDocument
} IN TRANSACTIONS OF 200 ROWS`;

/** Converts what is left of the list bookkeeping; true when there was any. */
export async function migrateSharedBookkeeping(driver: Driver, database?: string): Promise<boolean> {
  const found = await driver.executeQuery(HAS_LEGACY, {}, { database });
  if (found.records.length === 0) return false;
  // CALL IN TRANSACTIONS needs an implicit (auto-commit) transaction: session.run, not executeQuery.
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    await session.run(CONVERT_LEGACY, { sep: LEGACY_SEP });
  } finally {
    await session.close();
  }
  // The graph's properties changed under any cached answer that showed them.
  await bumpGraphVersionNow(driver, database);
  return true;
}
