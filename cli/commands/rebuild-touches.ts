/**
 * `plangraph rebuild-touches`: every task's TOUCHES edges (graph/write/touches.ts), every
 * document's TALLY counts and every body's TOTALs (graph/write/tallies.ts), and every
 * assignment's `reading` (graph/write/reading.ts) computed again from the graph's facts, in
 * batches of their own transactions. Writes keep them exact and a graph from before them is
 * migrated on its first write; this is for a graph changed by other means (Cypher typed in Neo4j Browser, a restored backup).
 */
import { openDriver, resolveConnection } from '../../graph/connection.ts';
import { applySchema } from '../../graph/schema.ts';
import { rebuildTouches } from '../../graph/write/touches.ts';

export const summary = 'rebuild-touches: compute every task\'s TOUCHES edges (the "touches" rule, materialised), the bodies\' TALLY and TOTAL counts and the assignments\' reading keys again';

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`usage: plangraph rebuild-touches\n\n  ${summary}.\n\nenvironment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE (else .neo4j/connection.json)`);
    return 0;
  }
  if (args.length > 0) {
    console.error(`plangraph rebuild-touches: takes no arguments (got ${args.join(' ')})`);
    return 2;
  }
  const conn = await resolveConnection();
  const driver = await openDriver(conn);
  try {
    await applySchema(driver, conn.database);
    const { tasks, edges, tallies, totals, ms } = await rebuildTouches(driver, conn.database);
    console.log(`rebuilt TOUCHES for ${tasks} tasks: ${edges} edges, ${tallies} tallies, ${totals} body totals in ${(ms / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    await driver.close();
  }
}
