/**
 * Operations endpoints on the real server over the real Neo4j: /ready (Neo4j reachable and schema
 * applied, 503 otherwise, with what is missing), /health (liveness), /metrics (Prometheus: requests
 * and latencies by operation, cache hits, Neo4j availability) and CORS with an allow-list while
 * CSRF prevention still refuses simple cross-site requests.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema, NODE_INDEXES } from '../../graph/schema.ts';
import { freePort } from '../../graph/local/launcher.ts';
import { loadPaths } from '../../load/load-paths.ts';
import { useNeo4j } from '../support/neo4j.ts';
import { gql, seedPaths, startTestServer, type TestServer } from './server.harness.ts';

const db = useNeo4j();
let server: TestServer;
const SANDBOX = 'https://sandbox.example.com';

beforeAll(async () => {
  await applySchema(db.driver, db.database);
  const summary = await loadPaths(db.driver, seedPaths().filter((p) => p.endsWith('huadu-14th-five-year-plan.txt')), { database: db.database });
  expect(summary.failed).toBe(0);
  server = await startTestServer({ driver: db.driver, database: db.database, healthCheckIntervalMs: 0, ops: { corsOrigins: [SANDBOX] } });
});

afterAll(async () => {
  await server?.close();
  await applySchema(db.driver, db.database);
});

describe('/ready and /health', () => {
  it('is ready when Neo4j answers and the schema is applied', async () => {
    const res = await fetch(`${server.origin}/ready`);
    expect(res.status).toBe(200);
    // A probe's answer says how things are now: no cache may keep it.
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ready', neo4j: { available: true }, schema: { applied: true, missing: [] } });
  });

  it('is not ready (503) while an index is missing, and names it', async () => {
    const [name] = NODE_INDEXES[0]!;
    await db.driver.executeQuery(`DROP INDEX ${name} IF EXISTS`, {}, { database: db.database });
    try {
      const res = await fetch(`${server.origin}/ready`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'not ready', schema: { applied: false, missing: [name] } });
    } finally {
      await applySchema(db.driver, db.database);
    }
    expect((await fetch(`${server.origin}/ready`)).status).toBe(200);
  });

  it('with Neo4j unreachable: /ready 503, /health still 200 (liveness) saying degraded', async () => {
    const dead = neo4j.driver(`bolt://127.0.0.1:${await freePort()}`, neo4j.auth.basic('neo4j', 'nothing-here'), { connectionTimeout: 1000 });
    const down = await startTestServer({ driver: dead, healthCheckIntervalMs: 0 });
    try {
      const ready = await fetch(`${down.origin}/ready`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get('retry-after')).toBe('2');
      expect(await ready.json()).toMatchObject({ status: 'not ready', neo4j: { available: false } });
      const health = await fetch(`${down.origin}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'degraded', neo4j: { available: false } });
      const metrics = await (await fetch(`${down.origin}/metrics`)).text();
      expect(metrics).toMatch(/^plangraph_neo4j_up 0$/m);
    } finally {
      await down.close();
      await dead.close();
    }
  });
});

describe('/metrics', () => {
  it('counts requests and latencies by operation, cache hits and Neo4j availability', async () => {
    const query = 'query HuaduPlans { plans { id } }';
    for (let i = 0; i < 3; i++) expect((await gql(server.url, query)).body.errors).toBeUndefined();
    expect((await gql(server.url, 'query Bad { district(name: "Atlantis") { id } }')).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const res = await fetch(`${server.origin}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    const value = (line: RegExp) => Number(new RegExp(`^${line.source} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(value(/plangraph_graphql_requests_total\{operation="HuaduPlans",type="query",outcome="ok"\}/)).toBe(3);
    expect(value(/plangraph_graphql_requests_total\{operation="Bad",type="query",outcome="BAD_USER_INPUT"\}/)).toBe(1);
    expect(value(/plangraph_graphql_request_duration_seconds_count\{operation="HuaduPlans",type="query"\}/)).toBe(3);
    // The first of the three computed the answer, the other two came from the cache.
    expect(value(/plangraph_response_cache_hits_total/)).toBeGreaterThanOrEqual(2);
    expect(value(/plangraph_response_cache_misses_total/)).toBeGreaterThanOrEqual(1);
    expect(value(/plangraph_neo4j_up/)).toBe(1);
    expect(text).toMatch(/^plangraph_process_cpu_seconds_total /m);
  });
});

describe('CORS allow-list, CSRF kept', () => {
  it('answers the preflight of a listed origin and lets it read answers', async () => {
    const preflight = await fetch(server.url, {
      method: 'OPTIONS',
      headers: { origin: SANDBOX, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SANDBOX);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');

    const reply = await gql(server.url, '{ plans { id } }', undefined, { origin: SANDBOX });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-origin')).toBe(SANDBOX);
  });

  it('gives other origins no CORS headers and refuses their preflight', async () => {
    const preflight = await fetch(server.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const reply = await gql(server.url, '{ plans { id } }', undefined, { origin: 'https://evil.example.com' });
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('still refuses a simple (non-preflighted) cross-site request, even from a listed origin', async () => {
    const res = await fetch(`${server.url}?query=${encodeURIComponent('{ plans { id } }')}`, { headers: { origin: SANDBOX } });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF|preflight/i);
  });
});
