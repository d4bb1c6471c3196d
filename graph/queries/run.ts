/**
 * Runs a CypherQuery read-only and returns plain JavaScript rows (neo4j Integers become
 * numbers, nodes become their properties), so resolvers never see driver types.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { CypherQuery } from './cypher.ts';

export type PlainRow = Record<string, any>;

/** A read that takes longer than this is stopped by Neo4j: one costly request must not starve the others. */
export const QUERY_TIMEOUT_MS = 20_000;

/** Timeout and metadata (visible in SHOW TRANSACTIONS and the query log) for every API read. */
function transactionConfig(query: CypherQuery) {
  return { timeout: QUERY_TIMEOUT_MS, metadata: { app: 'plangraph-api', query: query.name } };
}

function plainRows(records: readonly neo4j.Record[]): PlainRow[] {
  return records.map((r) => toPlain(r.toObject()) as PlainRow);
}

export async function runQuery(driver: Driver, database: string | undefined, query: CypherQuery): Promise<PlainRow[]> {
  const result = await driver.executeQuery(query.text, query.params, {
    database,
    routing: neo4j.routing.READ,
    transactionConfig: transactionConfig(query),
  });
  return plainRows(result.records);
}

/**
 * One auto-commit read: a single round trip (RUN and PULL sent together), where executeQuery's
 * managed transaction takes two (BEGIN, RUN, PULL, then COMMIT): measured on a trivial query on
 * this machine, ~40% less wall time and client CPU. No retries, so only for small reads whose
 * failure the caller reports as it is (the graph version the response cache checks on every
 * request). It shares executeQuery's bookmarks, so the queries after it see at least what it saw.
 */
export async function runInOneRoundTrip(driver: Driver, database: string | undefined, query: CypherQuery): Promise<PlainRow[]> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ, bookmarkManager: driver.executeQueryBookmarkManager });
  try {
    const result = await session.run(query.text, query.params, transactionConfig(query));
    return plainRows(result.records);
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
