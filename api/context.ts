/**
 * The per-request context every resolver receives. The HTTP layer (api/server.ts) builds one
 * per request with `createContext({ driver, database })`; all database access goes through
 * `ctx.run`, which also counts queries (tests assert the bound; logs can report it).
 */
import type { Driver } from 'neo4j-driver';
import type { CypherQuery } from '../graph/queries/cypher.ts';
import { runQuery, type PlainRow } from '../graph/queries/run.ts';
import { Limiter } from './common/limiter.ts';
import { Loaders } from './common/loaders.ts';

export interface PlanGraphContext {
  driver: Driver;
  database?: string;
  /** Runs one read-only query and returns plain rows. */
  run(query: CypherQuery): Promise<PlainRow[]>;
  /** Names of the queries run for this request so far, in order. */
  readonly queries: string[];
  loaders: Loaders;
  /**
   * The server's page-size limit (QueryLimits.maxPageSize), set for each request by the plugin
   * that enforces it (api/plugins/variableLimits.ts); pageFrom's default when absent.
   */
  maxPageSize?: number;
}

export interface CreateContextOptions {
  driver: Driver;
  /** Neo4j database name; the server default when omitted. */
  database?: string;
  /** Reads of this request running at once (the rest queue); default DEFAULT_QUERIES_PER_REQUEST. */
  maxConcurrentQueries?: number;
}

/** A request's share of the driver's pool (PLANGRAPH_QUERIES_PER_REQUEST). */
export const DEFAULT_QUERIES_PER_REQUEST = 4;

export function createContext({ driver, database, maxConcurrentQueries = DEFAULT_QUERIES_PER_REQUEST }: CreateContextOptions): PlanGraphContext {
  const queries: string[] = [];
  const limiter = new Limiter(maxConcurrentQueries);
  const run = (query: CypherQuery): Promise<PlainRow[]> => {
    queries.push(query.name);
    return limiter.run(() => runQuery(driver, database, query));
  };
  return { driver, database, run, queries, loaders: new Loaders(run) };
}
