/**
 * Issue 15's API probes against the real server over the real seeds and Neo4j, each now bounded:
 *  - memory: distinct query texts with a 64 KB undeclared variable, 10 in parallel (grew the heap
 *    147 MB → 3.4 GB), and a flood of distinct valid texts, keep every cache within one budget;
 *  - fan-out: 150 aliases refused; a pool busy with requests is never taken for Neo4j down;
 *  - cost: `plans` priced by the real number of plans; 100 aliased `__schema` refused;
 *  - Neo4j's limits: a read over db.memory.transaction.max is the client's QUERY_TOO_LARGE, fast,
 *    and others are unaffected; Neo4j's HTTP allows no wildcard origin;
 *  - cache: a direct Cypher edit (as in Neo4j Browser) invalidates cached answers.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import neo4j from 'neo4j-driver';
import { GraphQLInt, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_HEADER } from '../../api/plugins/responseCache.ts';
import type { PlanGraphContext } from '../../api/context.ts';
import { FLAGSHIP_QUERY } from '../../api/graphiql/page.ts';
import { boltRelay } from '../support/bolt-relay.ts';
import { testNeo4j, useNeo4j } from '../support/neo4j.ts';
import { codes, gql, loadSeeds, startTestServer, testConnection, type TestServer } from './server.harness.ts';

const db = useNeo4j();
let server: TestServer;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
const MB = 1024 * 1024;

beforeAll(async () => {
  await loadSeeds(db.driver, db.database);
  server = await startTestServer({ healthCheckIntervalMs: 500, limits: { cacheBudgetBytes: 2 * MB } });
});
afterAll(async () => {
  await server?.close();
});

async function inParallel<T>(n: number, width: number, send: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += width) out.push(...(await Promise.all(Array.from({ length: Math.min(width, n - i) }, (_, k) => send(i + k)))));
  return out;
}

describe('memory is bounded by construction', () => {
  it('refuses distinct texts with a 64 KB undeclared variable before any work; the heap does not grow with them', async () => {
    const big = 'x'.repeat(64 * 1024);
    await gql(server.url, `query Q0($n: Int) { tasks(first: $n) { totalCount } }`, { n: 1, big }); // warm
    const before = heapAfterGc();
    const replies = await inParallel(1500, 10, (i) => gql(server.url, `query Q${i}($n: Int) { tasks(first: $n) { totalCount } }`, { n: 1, big }));
    const grown = (heapAfterGc() - before) / MB;
    console.log(`[abuse] 1,500 requests with a 64 KB undeclared variable: heap after GC ${grown >= 0 ? '+' : ''}${grown.toFixed(1)} MB; caches ${(server.server.cacheBudget().used / 1024).toFixed(0)} KB`);
    expect(new Set(replies.map((r) => r.status))).toEqual(new Set([400]));
    expect(new Set(replies.flatMap(codes))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(replies[0]!.body.errors![0]!.message).toBe('Variable "big" is not declared by the operation; send only the variables it declares.');
    // Keyed on every variable, the old verdict cache held 128 KB per distinct text: 190 MB here.
    expect(grown).toBeLessThan(40);
  }, 300_000);

  it('keeps every cache together within the budget under 500 distinct valid texts and variables', async () => {
    const replies = await inParallel(500, 10, (i) =>
      gql(server.url, `query F${i}($n: Int, $t: String) { tasks(first: $n, filter: { text: $t }) { totalCount edges { node { id } } } }`, { n: (i % 20) + 1, t: `建设${i % 7}` }),
    );
    expect(replies.filter((r) => r.status !== 200).map((r) => JSON.stringify(r.body).slice(0, 200))).toEqual([]);
    const { used, max } = server.server.cacheBudget();
    console.log(`[abuse] 500 distinct valid texts: caches hold ${(used / 1024).toFixed(0)} KB of a ${(max / 1024).toFixed(0)} KB budget`);
    expect(max).toBe(2 * MB);
    expect(used).toBeGreaterThan(0);
    expect(used).toBeLessThanOrEqual(max);
  }, 300_000);

  it('refuses variables over the size limit with BAD_USER_INPUT', async () => {
    const reply = await gql(server.url, 'query Q($n: String!) { district(name: $n) { name } }', { n: '花'.repeat(7000) });
    expect(reply.status).toBe(400);
    expect(codes(reply)).toEqual(['BAD_USER_INPUT']);
    expect(reply.body.errors![0]!.message).toMatch(/^The variables take [\d,]+ bytes; the most this server accepts is 16,384\.$/);
  });
});

describe('fan-out is bounded', () => {
  it('refuses 150 cheap aliases of a filtered tasks count before they reach Neo4j', async () => {
    const query = `{ ${Array.from({ length: 150 }, (_, i) => `a${i}: tasks(filter: { touches: "花都", text: "建设" }, first: 1) { totalCount }`).join(' ')} }`;
    const reply = await gql(server.url, query);
    expect(reply.status).toBe(400);
    expect(codes(reply)).toEqual(['BAD_USER_INPUT']);
    expect(reply.body.errors![0]!.extensions).toMatchObject({ limit: 'rootFields', rootFields: 150, maxRootFields: 10 });
    const health = await (await fetch(`${server.origin}/health`)).json();
    expect(health.neo4j.available).toBe(true);
  });

  it('never declares a healthy Neo4j down because the connection pool is busy', async () => {
    const conn = testConnection();
    // A tiny pool that a burst of requests exhausts at once.
    const driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), { maxConnectionPoolSize: 2, connectionAcquisitionTimeout: 200, userAgent: 'plangraph-tests' });
    const logged: string[] = [];
    const small = await startTestServer({ driver, healthCheckIntervalMs: 200, responseCache: { enabled: false }, logger: { error: (l) => logged.push(l), info: () => {} } });
    try {
      const replies = await Promise.all(Array.from({ length: 40 }, () => gql(small.url, FLAGSHIP_QUERY)));
      const seen = new Set(replies.flatMap(codes));
      console.log(`[abuse] 40 flagship requests on a pool of 2: HTTP ${[...new Set(replies.map((r) => r.status))].join(',')}, codes ${[...seen].join(',') || 'none'}`);
      expect(seen.has('SERVICE_UNAVAILABLE')).toBe(false);
      expect(seen.has('INTERNAL_SERVER_ERROR')).toBe(false);
      for (const r of replies) expect([200, 503]).toContain(r.status);
      expect(logged.filter((l) => /unreachable/.test(l))).toEqual([]);
      const health = await (await fetch(`${small.origin}/health`)).json();
      expect(health).toMatchObject({ status: 'ok', neo4j: { available: true } });
      expect((await gql(small.url, FLAGSHIP_QUERY)).status).toBe(200);
    } finally {
      await small.close();
      await driver.close();
    }
  }, 120_000);

  it('prices plans by the real number of plans, read from the graph as it changes', async () => {
    const query = '{ plans { id goals { id } } }';
    expect((await gql(server.url, query)).status).toBe(200);
    await db.driver.executeQuery("UNWIND range(1, 6000) AS i CREATE (:Plan {id: 'bulk:' + i, title: 'bulk plan ' + i})", {}, { database: db.database });
    try {
      const reply = await gql(server.url, query);
      expect(reply.status).toBe(400);
      const plans = (await db.driver.executeQuery('MATCH (p:Plan) RETURN count(p) AS n', {}, { database: db.database })).records[0]!.get('n').toNumber();
      // Each plan, and up to 50 goals under it (LIST_SIZES['Plan.goals']).
      expect(reply.body.errors![0]!.extensions).toMatchObject({ limit: 'cost', cost: plans * 51 });
    } finally {
      await db.driver.executeQuery("MATCH (p:Plan) WHERE p.id STARTS WITH 'bulk:' DETACH DELETE p", {}, { database: db.database });
    }
    expect((await gql(server.url, query)).status).toBe(200);
  });

  it('prices introspection: 100 aliased __schema refused, GraphiQL’s one answered', async () => {
    const hundred = await gql(server.url, `{ ${Array.from({ length: 100 }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(' ')} }`);
    expect(hundred.status).toBe(400);
    expect(hundred.body.data).toBeUndefined();
    const one = await gql(server.url, '{ __schema { types { name fields { name } } } }');
    expect(one.status).toBe(200);
  });
});

describe("Neo4j's own limits", () => {
  it('runs with a per-transaction memory guard and without a wildcard CORS origin on its HTTP port', async () => {
    const settings = await db.driver.executeQuery(
      "SHOW SETTINGS YIELD name, value WHERE name IN ['db.memory.transaction.max', 'dbms.security.http_access_control_allow_origin'] RETURN name, value",
      {},
      { database: db.database },
    );
    const byName = Object.fromEntries(settings.records.map((r) => [r.get('name'), r.get('value')]));
    expect(byName['db.memory.transaction.max']).not.toMatch(/^0/);
    expect(byName['dbms.security.http_access_control_allow_origin']).not.toBe('*');
    const { httpUrl } = testNeo4j();
    if (httpUrl) {
      const res = await fetch(`${httpUrl}/`, { headers: { origin: 'http://evil.example' } });
      await res.arrayBuffer();
      expect(res.headers.get('access-control-allow-origin')).not.toBe('*');
    }
  });

  it('answers a read over db.memory.transaction.max with QUERY_TOO_LARGE at once, sent to Neo4j once, and others as before', async () => {
    // A resolver that asks Neo4j for far more memory than one transaction may use (a list of
    // 60 million integers), through the real request context and the serving driver, over a
    // relay that counts the times the read goes to Neo4j (a retry would send it again).
    const heavy = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          heavy: {
            type: GraphQLInt,
            resolve: async (_root, _args, ctx: PlanGraphContext) =>
              (await ctx.run({ name: 'test.heavy', text: 'UNWIND range(1, 60000000) AS x WITH collect(x) AS xs RETURN size(xs) AS n', params: {} }))[0]!.n,
          },
        },
      }),
    });
    const relay = await boltRelay(testConnection().uri);
    const hog = await startTestServer({
      schema: heavy,
      connection: { ...testConnection(), uri: `bolt://127.0.0.1:${relay.port}` },
      responseCache: { enabled: false },
      logger: { error: () => {}, info: () => {} },
    });
    try {
      const started = Date.now();
      const [reply, innocent] = await Promise.all([gql(hog.url, '{ heavy }'), gql(server.url, FLAGSHIP_QUERY)]);
      expect(reply.status).toBe(400);
      expect(codes(reply)).toEqual(['QUERY_TOO_LARGE']);
      expect(reply.body.errors![0]!.message).toMatch(/needs more memory in the database than one request may use/);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(relay.sent('UNWIND range(1, 60000000)')).toBe(1); // not retried (graph/memory-limit.ts)
      expect(innocent.status).toBe(200);
      const health = await (await fetch(`${hog.origin}/health`)).json();
      expect(health.neo4j.available).toBe(true);
    } finally {
      await hog.close();
      await relay.close();
    }
  }, 60_000);
});

describe('the response cache and direct edits', () => {
  it('answers afresh after a Cypher edit made outside PlanGraph (Neo4j Browser), not the cached answer', async () => {
    const query = '{ tasks(first: 1) { edges { node { id title } } } }';
    const first = await gql(server.url, query);
    const again = await gql(server.url, query);
    expect(again.headers.get(CACHE_HEADER)).toBe('hit');
    const task = first.body.data!.tasks.edges[0].node as { id: string; title: string };
    await db.driver.executeQuery('MATCH (t:Task {id: $id}) SET t.title = $title', { id: task.id, title: `${task.title}（已修改）` }, { database: db.database });
    try {
      const after = await gql(server.url, query);
      expect(after.headers.get(CACHE_HEADER)).toBe('miss');
      expect(after.body.data!.tasks.edges[0].node.title).toBe(`${task.title}（已修改）`);
    } finally {
      await db.driver.executeQuery('MATCH (t:Task {id: $id}) SET t.title = $title', { id: task.id, title: task.title }, { database: db.database });
    }
    expect((await gql(server.url, query)).body).toEqual(first.body);
  });
});
