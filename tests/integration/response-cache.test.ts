/**
 * The response cache (api/plugins/responseCache.ts) on the real server over the real seeds:
 * cached answers are the answers computed without it, and a load makes the next answer new.
 * Two servers share one Neo4j: one as served (cache on), one with the cache off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_HEADER } from '../../api/plugins/responseCache.ts';
import { loadPaths } from '../../load/load-paths.ts';
import { REQUESTS } from '../../bench/queries/requests.ts';
import { clearDatabase, useNeo4j } from '../support/neo4j.ts';
import { gql, seedPaths, startTestServer, type TestServer } from './server.harness.ts';

const db = useNeo4j();
let cached: TestServer;
let uncached: TestServer;
const HUADU_PLAN = 'huadu-14th-five-year-plan.txt';

const PLANS = '{ plans { id title } }';
// 碳达峰 appears in the Huadu plan's 加大能源“双控”力度 (line 2653), not only in the others.
const SEARCH = '{ search(text: "碳达峰", first: 50) { __typename ... on Task { id title } } }';
const TOUCHING = '{ tasks(filter: { touches: "花都区" }, first: 1) { totalCount } }';

async function load(paths: string[]): Promise<void> {
  const summary = await loadPaths(db.driver, paths, { database: db.database });
  expect(summary.failed, JSON.stringify(summary.documents)).toBe(0);
}

beforeAll(async () => {
  await load(seedPaths().filter((p) => !p.endsWith(HUADU_PLAN)));
  cached = await startTestServer({ driver: db.driver, database: db.database, healthCheckIntervalMs: 0 });
  uncached = await startTestServer({ driver: db.driver, database: db.database, healthCheckIntervalMs: 0, responseCache: { enabled: false } });
});

afterAll(async () => {
  await cached?.close();
  await uncached?.close();
});

describe('response cache', () => {
  it('answers a repeated request from the cache with exactly the answer computed without it', async () => {
    const requests = [{ query: PLANS }, { query: SEARCH }, { query: TOUCHING }, ...REQUESTS.map((r) => r.graphql)];
    for (const { query, variables } of requests) {
      const first = await gql(cached.url, query, variables);
      const second = await gql(cached.url, query, variables);
      const reference = await gql(uncached.url, query, variables);
      expect(first.body.errors, query).toBeUndefined();
      expect([first.headers.get(CACHE_HEADER), second.headers.get(CACHE_HEADER)], query).toEqual(['miss', 'hit']);
      expect(second.status).toBe(200);
      expect(second.body).toEqual(reference.body);
      expect(first.body).toEqual(reference.body);
      expect(reference.headers.get(CACHE_HEADER)).toBeNull();
    }
  });

  it('keys on the variables: other values are another answer', async () => {
    const query = 'query($n: String!) { district(name: $n) { name } }';
    const a = await gql(cached.url, query, { n: '花都' });
    const b = await gql(cached.url, query, { n: '广州市' });
    expect([a.body.data!.district.name, b.body.data!.district.name]).toEqual(['花都区', '广州市']);
    expect(b.headers.get(CACHE_HEADER)).toBe('miss');
  });

  it('does not keep failed answers', async () => {
    const query = '{ district(name: "花度区") { name } }';
    const replies = [await gql(cached.url, query), await gql(cached.url, query)];
    expect(replies.map((r) => r.body.errors?.[0]?.extensions?.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(replies.map((r) => r.headers.get(CACHE_HEADER))).toEqual(['miss', 'miss']);
  });

  it('still applies the limits to a request whose answer could be cached', async () => {
    const query = 'query($n: Int) { tasks(first: $n) { totalCount } }';
    expect((await gql(cached.url, query, { n: 5 })).status).toBe(200);
    // Twice: the second time the limit's verdict for these variables is remembered, not re-derived.
    for (let i = 0; i < 2; i++) {
      const tooMany = await gql(cached.url, query, { n: 1_000_000 });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await gql(cached.url, query, { n: 5 })).headers.get(CACHE_HEADER)).toBe('hit');
  });

  it('gives the new answer once a document is loaded, search included', async () => {
    const before = await Promise.all([PLANS, SEARCH, TOUCHING].map((q) => gql(cached.url, q)));
    expect(before.map((r) => r.headers.get(CACHE_HEADER))).toEqual(['hit', 'hit', 'hit']);
    expect(before[0].body.data!.plans.map((p: { id: string }) => p.id)).not.toContain('plan:huadu-14th-five-year-plan');

    await load(seedPaths().filter((p) => p.endsWith(HUADU_PLAN)));

    const after = await Promise.all([PLANS, SEARCH, TOUCHING].map((q) => gql(cached.url, q)));
    const reference = await Promise.all([PLANS, SEARCH, TOUCHING].map((q) => gql(uncached.url, q)));
    expect(after.map((r) => r.headers.get(CACHE_HEADER))).toEqual(['miss', 'miss', 'miss']);
    expect(after.map((r) => r.body)).toEqual(reference.map((r) => r.body));
    expect(after[0].body.data!.plans.map((p: { id: string }) => p.id)).toContain('plan:huadu-14th-five-year-plan');
    expect(after[1].body.data!.search.length).toBeGreaterThan(before[1].body.data!.search.length);
    expect(after[1].body.data!.search.map((t: { title: string }) => t.title)).toContain('加大能源“双控”力度');
    expect(after[2].body.data!.tasks.totalCount).toBeGreaterThan(before[2].body.data!.tasks.totalCount);
  });

  it('reloading unchanged documents keeps the cached answers (nothing was written)', async () => {
    await gql(cached.url, PLANS);
    const summary = await loadPaths(db.driver, seedPaths().filter((p) => p.endsWith(HUADU_PLAN)), { database: db.database });
    expect(summary.unchanged).toBe(1);
    expect((await gql(cached.url, PLANS)).headers.get(CACHE_HEADER)).toBe('hit');
  });

  it('caches nothing in a graph no PlanGraph load has stamped (cleared by hand)', async () => {
    await clearDatabase(db.driver, db.database);
    const replies = [await gql(cached.url, PLANS), await gql(cached.url, PLANS)];
    expect(replies.map((r) => r.body.data!.plans)).toEqual([[], []]);
    expect(replies.map((r) => r.headers.get(CACHE_HEADER))).toEqual([null, null]);
  });
});
