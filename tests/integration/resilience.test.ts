/**
 * Neo4j going away and coming back while the API serves. Uses its own Neo4j (the local
 * launcher on free ports, data in a temp dir) so stopping it disturbs no other test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, launch, type LaunchedNeo4j } from '../../graph/local/launcher.ts';
import { CACHE_HEADER } from '../../api/plugins/responseCache.ts';
import { bumpGraphVersionNow } from '../../graph/write/version.ts';
import { codes, gql, startTestServer, type Neo4jConnection, type TestServer } from './server.harness.ts';

const PASSWORD = 'resilience-test-pw';
// A query that needs Neo4j (plans are read from the graph), and one that does not.
const PLANS = '{ plans { id title } }';
const INTROSPECTION = '{ __schema { queryType { name } } }';

let home: string;
let ports: { bolt: number; http: number };
let neo4jServer: LaunchedNeo4j | undefined;
let server: TestServer;

function startNeo4j(): Promise<LaunchedNeo4j> {
  return launch({ home, boltPort: ports.bolt, httpPort: ports.http, password: PASSWORD, heap: '384m', pageCache: '32m' });
}

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'plangraph-resilience-'));
  ports = { bolt: await freePort(), http: await freePort() };
  neo4jServer = await startNeo4j();
  const connection: Neo4jConnection = { uri: neo4jServer.uri, user: 'neo4j', password: PASSWORD };
  server = await startTestServer({ connection });
}, 240_000);

afterAll(async () => {
  await server?.close();
  await neo4jServer?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
}, 120_000);

async function health(): Promise<{ status: string; neo4j: { available: boolean; error?: string } }> {
  const res = await fetch(`${server.origin}/health`);
  expect(res.status).toBe(200);
  return res.json();
}

describe('Neo4j stopped while serving', () => {
  it('answers normally while Neo4j runs', async () => {
    const reply = await gql(server.url, PLANS);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.errors).toBeUndefined();
    expect(Array.isArray(reply.body.data!.plans)).toBe(true);
    expect((await health()).neo4j.available).toBe(true);
  });

  it('has the answer cached before the outage (so the next test proves a cached answer is not given)', async () => {
    await bumpGraphVersionNow(server.driver); // a stamped graph: answers are cached from now on
    await gql(server.url, PLANS);
    const again = await gql(server.url, PLANS);
    expect(again.status).toBe(200);
    expect(again.headers.get(CACHE_HEADER)).toBe('hit');
  });

  it('gives SERVICE_UNAVAILABLE (HTTP 503) while Neo4j is down, stays up, and recovers within 5 s of Neo4j returning', async () => {
    await neo4jServer!.stop();
    neo4jServer = undefined;

    const downAt = Date.now();
    const reply = await gql(server.url, PLANS);
    const failFastMs = Date.now() - downAt;
    expect(reply.status, JSON.stringify(reply.body)).toBe(503);
    expect(codes(reply)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(reply.headers.get('retry-after')).toBe('2');
    expect(reply.body.errors![0]!.message).toMatch(/Neo4j.*not reachable/);
    // Fails in seconds, not after the driver's retry budget.
    expect(failFastMs).toBeLessThan(5000);

    // Several requests at once during the outage: all get the same clear answer, none hangs.
    const burst = await Promise.all(Array.from({ length: 10 }, () => gql(server.url, PLANS)));
    expect(burst.map((r) => r.status)).toEqual(Array(10).fill(503));
    expect(burst.flatMap(codes)).toEqual(Array(10).fill('SERVICE_UNAVAILABLE'));

    // The server itself is fine: health answers, and schema questions (GraphiQL) still work.
    const down = await health();
    expect(down).toMatchObject({ status: 'degraded', neo4j: { available: false } });
    expect(down.neo4j.error).toBeTruthy();
    const schemaReply = await gql(server.url, INTROSPECTION);
    expect(schemaReply.status).toBe(200);
    expect(schemaReply.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });

    // Keep asking while Neo4j restarts (same data, same ports), as a client would.
    neo4jServer = await startNeo4j();
    const readyAt = Date.now();
    let answered: Awaited<ReturnType<typeof gql>> | undefined;
    while (Date.now() - readyAt < 15_000) {
      const attempt = await gql(server.url, PLANS);
      if (attempt.status === 200) {
        answered = attempt;
        break;
      }
      expect(codes(attempt)).toEqual(['SERVICE_UNAVAILABLE']);
      await new Promise((r) => setTimeout(r, 100));
    }
    const recoveryMs = Date.now() - readyAt;
    expect(answered, 'the server answered again after Neo4j returned').toBeDefined();
    expect(answered!.body.errors).toBeUndefined();
    expect(Array.isArray(answered!.body.data!.plans)).toBe(true);
    expect(recoveryMs).toBeLessThan(5000);
    expect((await health()).neo4j.available).toBe(true);
  }, 240_000);
});
