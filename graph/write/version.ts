/**
 * The graph version stamp: one `(:GraphState {id: 'graph'})` node whose `version` every write
 * sets to a fresh value, inside the write's own transaction, so a reader that sees the new
 * version also sees the facts written with it (api/plugins/responseCache.ts keys answers on it).
 *
 * Bump it as the transaction's LAST statement: every writer locks this one node, and the lock is
 * then held only from this statement to the commit, so concurrent document writes do not queue on
 * it while they run their own statements. A fresh random value, not a counter: a cleared database
 * starts again from nothing, and a counter restarting at 1 would reuse versions a cache has seen.
 * The bump is not counted in a write's change counters (it is bookkeeping, not a graph fact).
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';

export const GRAPH_STATE_LABEL = 'GraphState';
/** The one GraphState node's id (graph/schema.ts keeps it unique). */
export const GRAPH_STATE_ID = 'graph';

/**
 * What the graph's derived facts are (graph/write/touches.ts): 1, TOUCHES for every task; 2, and
 * the tallies of tallies.ts; 3, and the bodies' totals, and each tally's `pair`; 4, and each
 * assignment's `reading` (reading.ts). A graph stamped lower (or not at all) is rebuilt by
 * migrateTouches before its next write.
 */
export const TOUCHES_VERSION = 4;

/**
 * `touchesVersion`: every write runs after migrateTouches (graph/write/touches.ts) and keeps the
 * derived facts exact, so the graph it leaves holds them as TOUCHES_VERSION says (a cleared graph
 * written again is stamped by its first write). Stamping any lower version would make the next
 * process's first write rebuild the whole graph.
 */
const BUMP = `MERGE (s:${GRAPH_STATE_LABEL} {id: '${GRAPH_STATE_ID}'}) SET s.version = randomUUID(), s.changedAt = datetime(), s.touchesVersion = ${TOUCHES_VERSION}`;

/** Inside a write transaction, after its last change. */
export async function bumpGraphVersion(tx: ManagedTransaction): Promise<void> {
  await tx.run(BUMP);
}

/**
 * On its own transaction: after something that changes answers without a document write, e.g.
 * the eventually consistent full-text index catching up with committed writes (loadPaths).
 */
export async function bumpGraphVersionNow(driver: Driver, database?: string): Promise<void> {
  await driver.executeQuery(BUMP, {}, { database });
}
