/**
 * Runs a CypherQuery read-only and returns plain JavaScript rows (neo4j Integers become
 * numbers, nodes become their properties), so resolvers never see driver types.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { queryTimeoutMs } from '../../config/api.ts';
import type { CypherQuery } from './cypher.ts';
import { memoryLimitOf } from '../memory-limit.ts';

export type PlainRow = Record<string, any>;

/**
 * A read that takes longer than this is stopped by Neo4j: one costly request must not starve the
 * others. PLANGRAPH_QUERY_TIMEOUT_MS overrides it (config/api.ts; read once, when this loads).
 */
export const QUERY_TIMEOUT_MS = queryTimeoutMs();

/** Timeout and metadata (visible in SHOW TRANSACTIONS and the query log) for every API read. */
function transactionConfig(query: CypherQuery) {
  return { timeout: QUERY_TIMEOUT_MS, metadata: { app: 'plangraph-api', query: query.name } };
}

function plainRows(records: readonly neo4j.Record[]): PlainRow[] {
  return records.map((r) => toPlain(r.toObject()) as PlainRow);
}

/**
 * How long runQuery keeps retrying a read that failed with a retryable error (a connection
 * the pool handed out that had gone stale, Neo4j restarting), as executeQuery's managed
 * transactions would; the serving driver's retry budget for its own transactions is the
 * same (graph/connection.ts DRIVER_PROFILES.serve).
 */
export const READ_RETRY_MS = 3_000;
const FIRST_RETRY_DELAY_MS = 100;

/**
 * One API read as one auto-commit transaction: RUN and PULL go in one message to Neo4j and
 * the answer comes back in one, where a managed transaction (executeQuery) takes two round
 * trips and two extra messages (BEGIN, then RUN and PULL, then COMMIT); docs/benchmarks.md has
 * what that cost. Retries as executeQuery does, for READ_RETRY_MS, on retryable errors only (a read changes
 * nothing, so running it again is always safe); other errors are thrown as they are.
 */
export async function runQuery(driver: Driver, database: string | undefined, query: CypherQuery): Promise<PlainRow[]> {
  const deadline = Date.now() + READ_RETRY_MS;
  for (let delay = FIRST_RETRY_DELAY_MS; ; delay *= 2) {
    try {
      return await runInOneRoundTrip(driver, database, query);
    } catch (err) {
      // A memory limit says "transient" but is not retried (graph/memory-limit.ts).
      if (!neo4j.isRetryableError(err as Error) || memoryLimitOf(err) || Date.now() + delay > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * session.run without the call-site stack the driver records for every result (it puts it on
 * that result's errors): reading `new Error().stack` formats every frame, through the source
 * maps tsx turns on, and that was about 6% of a serving process's CPU (a CPU profile of the
 * flagship at 2,000 documents). Our errors name the query instead (transactionConfig). The
 * limit is put back before anything else runs: the Result is built synchronously inside run().
 */
function runWithoutCallSite(session: neo4j.Session, query: CypherQuery) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return session.run(query.text, query.params, transactionConfig(query));
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * One auto-commit read: a single round trip (RUN and PULL sent together). No retries: for
 * small reads whose failure the caller reports as it is (the graph version the response
 * cache checks on every request); runQuery adds them. It shares executeQuery's bookmarks, so
 * the queries after it see at least what it saw.
 */
export async function runInOneRoundTrip(driver: Driver, database: string | undefined, query: CypherQuery): Promise<PlainRow[]> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ, bookmarkManager: driver.executeQueryBookmarkManager });
  try {
    const result = await runWithoutCallSite(session, query);
    return plainRows(result.records);
  } finally {
    await session.close();
  }
}

/**
 * runInOneRoundTrip, also returning the read's bookmark: Neo4j answers a read with the id of the
 * last transaction committed when it ran (5.26, measured: unchanged by reads, changed by every
 * committed write, whoever made it), so an equal bookmark means nothing was committed since.
 */
export async function runReadWithBookmark(driver: Driver, database: string | undefined, query: CypherQuery): Promise<{ rows: PlainRow[]; bookmark: string }> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await runWithoutCallSite(session, query);
    return { rows: plainRows(result.records), bookmark: session.lastBookmarks().join(',') };
  } finally {
    await session.close();
  }
}

/** Driver values → plain JSON-like values. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as neo4j.Integer).toNumber();
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    // Node / Relationship: keep the properties (queries project maps, this is a fallback).
    if ('properties' in v && ('labels' in v || 'type' in v) && 'elementId' in v) return toPlain(v.properties);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toPlain(x);
    return out;
  }
  return value;
}
