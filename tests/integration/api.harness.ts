/**
 * For the api-*.test.ts files: the real seeds loaded with the real loader into the test
 * Neo4j, and the real PlanGraph server over HTTP on a free port, whose per-request
 * contexts run through a driver that counts every query sent to Neo4j.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, expect } from 'vitest';
import { createContext, type PlanGraphContext } from '../../api/context.ts';
import { loadPaths } from '../../load/index.ts';
import { useNeo4j } from '../support/neo4j.ts';
import { gql, startTestServer, type GraphQLReply, type TestServer } from './server.harness.ts';

/** Wraps a driver so every query it runs (executeQuery, session.run, transactions) is recorded. */
export function countingDriver(driver: Driver): { driver: Driver; queries: string[] } {
  const queries: string[] = [];
  const countRuns = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop) {
        const value = Reflect.get(t, prop, t);
        if (prop === 'run' && typeof value === 'function') {
          return (query: string, ...rest: unknown[]) => {
            queries.push(query);
            return value.call(t, query, ...rest);
          };
        }
        if ((prop === 'executeRead' || prop === 'executeWrite') && typeof value === 'function') {
          return (work: (tx: object) => unknown, ...rest: unknown[]) => value.call(t, (tx: object) => work(countRuns(tx)), ...rest);
        }
        if ((prop === 'beginTransaction') && typeof value === 'function') {
          return (...args: unknown[]) => countRuns(value.apply(t, args));
        }
        return typeof value === 'function' ? value.bind(t) : value;
      },
    });
  const wrapped = new Proxy(driver, {
    get(t, prop) {
      const value = Reflect.get(t, prop, t);
      if (prop === 'executeQuery' && typeof value === 'function') {
        return (query: string, ...rest: unknown[]) => {
          queries.push(query);
          return value.call(t, query, ...rest);
        };
      }
      if (prop === 'session' && typeof value === 'function') {
        return (...args: unknown[]) => countRuns(value.apply(t, args));
      }
      return typeof value === 'function' ? value.bind(t) : value;
    },
  });
  return { driver: wrapped, queries };
}

export interface SeededApi {
  url: string;
  driver: Driver;
  database: string | undefined;
  /** Every Cypher text the API's contexts sent to Neo4j, in order (cleared by `counted`). */
  queries: string[];
  /** Per-request contexts created so far. */
  contexts: PlanGraphContext[];
  /** POSTs a query; fails the test on GraphQL errors unless `allowErrors`. */
  query(source: string, variables?: Record<string, unknown>): Promise<Record<string, any>>;
  request(source: string, variables?: Record<string, unknown>): Promise<GraphQLReply>;
  /** Runs a request and returns how many Cypher queries it sent. */
  counted(source: string, variables?: Record<string, unknown>): Promise<{ reply: GraphQLReply; queries: number }>;
}

export function useSeededApi(): SeededApi {
  const db = useNeo4j();
  let server: TestServer | undefined;
  const api = {
    queries: [] as string[],
    contexts: [] as PlanGraphContext[],
  } as SeededApi;

  beforeAll(async () => {
    const summary = await loadPaths(db.driver, ['seeds'], { database: db.database });
    expect(summary.failed, JSON.stringify(summary.documents.filter((d) => d.status === 'failed'))).toBe(0);
    expect(summary.loaded).toBeGreaterThanOrEqual(5);
    const counting = countingDriver(db.driver);
    api.queries = counting.queries;
    server = await startTestServer({
      driver: db.driver,
      database: db.database,
      healthCheckIntervalMs: 0,
      // These tests count the Cypher each request makes the resolvers send, so every request is
      // computed; the cache itself is tested in response-cache.test.ts.
      responseCache: { enabled: false },
      context: () => {
        const ctx = createContext({ driver: counting.driver, database: db.database });
        api.contexts.push(ctx);
        return ctx;
      },
    });
    api.url = server.url;
    api.driver = db.driver;
    api.database = db.database;
  });

  afterAll(async () => {
    await server?.close();
  });

  api.request = (source, variables) => gql(api.url, source, variables);
  api.query = async (source, variables) => {
    const reply = await gql(api.url, source, variables);
    expect(reply.body.errors, JSON.stringify(reply.body.errors)).toBeUndefined();
    expect(reply.status).toBe(200);
    return reply.body.data!;
  };
  api.counted = async (source, variables) => {
    const before = api.queries.length;
    const reply = await gql(api.url, source, variables);
    return { reply, queries: api.queries.length - before };
  };
  return api;
}

/** Ids of every task a connection field yields, paging through it with `after`. */
export async function allTaskIds(fetchPage: (after: string | null) => Promise<any>): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 200; i++) {
    const conn = await fetchPage(after);
    ids.push(...conn.edges.map((e: any) => e.node.id));
    if (!conn.pageInfo.hasNextPage) return ids;
    after = conn.pageInfo.endCursor;
  }
  throw new Error('more than 200 pages');
}
