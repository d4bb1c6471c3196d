/**
 * Issue 15's input probes, each now a client error with a code, never INTERNAL_SERVER_ERROR:
 * search text past Lucene's clause limit, a forged cursor `offset:1e308`, a persisted-query hash
 * that is not the query's, a 90 KB name (refused, not echoed), slow readers of a big answer
 * (dropped after a bound) and clients hanging up mid-body (one log line each, no stack trace).
 */
import { createHash } from 'node:crypto';
import net from 'node:net';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeLucene } from '../../graph/queries/names.ts';
import { searchQuery } from '../../graph/queries/search.ts';
import { runQuery } from '../../graph/queries/run.ts';
import { useNeo4j } from '../support/neo4j.ts';
import { codes, gql, loadSeeds, startTestServer, type TestServer } from './server.harness.ts';

const neo4j = useNeo4j();
let server: TestServer;
const logged: string[] = [];

beforeAll(async () => {
  await loadSeeds(neo4j.driver, neo4j.database);
  server = await startTestServer({
    logger: { error: (line) => logged.push(line), info: () => {} },
    limits: { sendTimeoutMs: 1_500 },
    responseCache: { enabled: false },
  });
});
afterAll(async () => {
  await server?.close();
});

describe('input errors are the client’s, never internal', () => {
  it('refuses search text of 1,026 CJK characters, which Neo4j itself fails on (Lucene TooManyClauses)', async () => {
    const text = '花都区'.repeat(342); // 1,026 characters
    // The probe, straight to Neo4j: the full-text query has one clause per character pair.
    await expect(runQuery(neo4j.driver, neo4j.database, searchQuery(text, escapeLucene(text), 5))).rejects.toThrow(/TooManyClauses|maxClauseCount|too many clauses/i);
    for (const query of ['query S($t: String!) { search(text: $t) { __typename } }', 'query S($t: String) { tasks(filter: { text: $t }) { totalCount } }']) {
      const reply = await gql(server.url, query, { t: text });
      expect(reply.status, query).toBe(400);
      expect(codes(reply)).toEqual(['BAD_USER_INPUT']);
      expect(reply.body.errors![0]!.message).toBe('"text" is 1,026 characters long; search text may have at most 200. Search for fewer words.');
    }
    const fine = await gql(server.url, 'query S($t: String!) { search(text: $t) { __typename } }', { t: '花都区'.repeat(60) });
    expect(fine.status).toBe(200);
  });

  it('refuses a forged cursor offset:1e308 (was "long overflow") as BAD_USER_INPUT', async () => {
    const forged = Buffer.from('offset:1e308', 'utf8').toString('base64url');
    const reply = await gql(server.url, `{ tasks(first: 1, after: "${forged}") { totalCount } }`);
    expect(codes(reply)).toEqual(['BAD_USER_INPUT']);
    expect(reply.body.errors![0]!.message).toMatch(/^"after" is not a cursor this API issued/);
  });

  it('answers a persisted-query hash mismatch with PERSISTED_QUERY_HASH_MISMATCH, and a right hash normally', async () => {
    const query = '{ plans { id } }';
    const wrong = await gql(server.url, query, undefined, {});
    expect(wrong.status).toBe(200);
    const send = (sha256Hash: string) =>
      fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
      });
    const mismatch = await send('0'.repeat(64));
    expect(mismatch.status).toBe(400);
    expect((await mismatch.json()).errors[0].extensions.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    const right = await send(createHash('sha256').update(query).digest('hex'));
    expect(right.status).toBe(200);
    expect((await right.json()).data.plans.length).toBeGreaterThan(0);
    expect(logged.filter((l) => l.includes('internal error'))).toEqual([]);
  });

  it('refuses a 90 KB name without echoing it back', async () => {
    const name = '花'.repeat(30_000);
    const reply = await gql(server.url, 'query D($n: String!) { district(name: $n) { name } }', { n: name });
    expect(reply.status).toBe(400);
    expect(codes(reply)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(reply.body).length).toBeLessThan(500);
  });
});

describe('connections that misbehave', () => {
  it('drops a client that does not read a big answer within the send bound', async () => {
    // An answer far larger than the loopback socket buffers (the seeds' largest page is ~400 KB,
    // which the kernel takes whole): a schema of one 20 MB field, served by the real server.
    const big = await startTestServer({
      schema: new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { big: { type: GraphQLString, resolve: () => '花'.repeat(7_000_000) } } }) }),
      logger: { error: () => {}, info: () => {} },
      limits: { sendTimeoutMs: 1_500 },
      responseCache: { enabled: false },
    });
    try {
      const body = JSON.stringify({ query: '{ big }' });
      const { port } = new URL(big.url);
      const socket = net.connect(Number(port), '127.0.0.1');
      socket.on('error', () => {});
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      socket.pause(); // a client that does not read (a paused socket notices no close either)
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      let received = 0;
      socket.on('data', (chunk: Buffer) => (received += chunk.length));
      const closed = await new Promise<boolean>((resolve) => {
        socket.once('close', () => resolve(true));
        setTimeout(() => resolve(false), 20_000);
        socket.resume();
      });
      // The server gave up on it: the connection ended with the answer (21 MB of JSON) incomplete.
      expect(closed, 'the server kept the slow reader').toBe(true);
      expect(received).toBeLessThan(21_000_000 / 2);
      // A client that reads gets the whole answer.
      const reply = await gql(big.url, '{ big }');
      expect(reply.body.data!.big.length).toBe(7_000_000);
    } finally {
      await big.close();
    }
  }, 60_000);

  it('logs each body the client aborted as one line, not a stack trace', async () => {
    const before = logged.length;
    const { port } = new URL(server.url);
    for (let i = 0; i < 50; i++) {
      const socket = net.connect(Number(port), '127.0.0.1');
      socket.on('error', () => {});
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"query":"{ pl');
      await new Promise((resolve) => setTimeout(resolve, 5));
      socket.destroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const lines = logged.slice(before);
    expect(lines.length).toBe(50);
    for (const line of lines) {
      expect(line).toBe('[plangraph] request body aborted by the client (POST /graphql)');
    }
    expect((await gql(server.url, '{ plans { id } }')).status).toBe(200);
  });
});
