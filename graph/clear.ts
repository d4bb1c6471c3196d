/**
 * Empties the graph: every relationship, then every node, in batches (the schema stays). For
 * benchmarks and tests, which start from an empty database; nothing in a load calls it.
 */
import type { Driver } from 'neo4j-driver';

/** Deletes every node and relationship (the schema stays), `rowsPerTransaction` at a time so large graphs fit in memory. */
export async function clearGraph(driver: Driver, database?: string, rowsPerTransaction = 10_000): Promise<void> {
  if (!Number.isSafeInteger(rowsPerTransaction) || rowsPerTransaction < 1) throw new RangeError(`rowsPerTransaction must be a positive integer, not ${rowsPerTransaction}`);
  // CALL … IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeQuery.
  const session = driver.session({ database });
  try {
    // Relationships first: a batch of DETACH DELETE that holds a shared node (the province, with a
    // TOUCHES from every task) deletes all its relationships in one inner transaction, which on a
    // big graph exceeds Neo4j's transaction memory pool.
    await session.run(`MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF ${rowsPerTransaction} ROWS`);
    await session.run(`MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF ${rowsPerTransaction} ROWS`);
  } finally {
    await session.close();
  }
}
