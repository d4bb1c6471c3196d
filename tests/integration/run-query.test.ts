/**
 * graph/queries/run.ts against the real Neo4j, through a TCP relay on 127.0.0.1 that can drop
 * connections: an API read is one auto-commit transaction, retried on a retryable failure (a
 * dropped connection) within READ_RETRY_MS, and not retried on any other error, nor on a memory
 * limit Neo4j calls transient (counted on the wire by tests/support/bolt-relay.ts).
 */
import net from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterEach, describe, expect, it } from 'vitest';
import { createDriver } from '../../graph/connection.ts';
import type { CypherQuery } from '../../graph/queries/cypher.ts';
import { READ_RETRY_MS, runInOneRoundTrip, runQuery } from '../../graph/queries/run.ts';
import { boltRelay } from '../support/bolt-relay.ts';
import { testNeo4j } from '../support/neo4j.ts';

const target = new URL(testNeo4j().uri.replace(/^[a-z+]+:/, 'http:'));
const targetPort = Number(target.port || 7687);

/** Relays 127.0.0.1:<port> to the test Neo4j; the first `drop` connections are closed as soon as the client speaks. */
function relay(drop: number): Promise<{ port: number; accepted: () => number; close: () => Promise<void> }> {
  let accepted = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (accepted++ < drop) {
      client.once('data', () => client.destroy());
      return;
    }
    const upstream = net.connect(targetPort, target.hostname);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        accepted: () => accepted,
        close: () => {
          for (const s of sockets) s.destroy();
          return new Promise<void>((done) => server.close(() => done()));
        },
      }),
    ),
  );
}

const { user, password, database } = testNeo4j();
const drivers: Driver[] = [];
function driverVia(port: number): Driver {
  const driver = createDriver({ uri: `bolt://127.0.0.1:${port}`, user, password }, { userAgent: 'plangraph-tests' });
  drivers.push(driver);
  return driver;
}
const relays: Awaited<ReturnType<typeof relay>>[] = [];
async function relayOf(drop: number) {
  const r = await relay(drop);
  relays.push(r);
  return r;
}

const ONE: CypherQuery = { name: 'test.one', text: 'RETURN 1 AS one, $word AS word', params: { word: '花都' } };

afterEach(async () => {
  for (const d of drivers.splice(0)) await d.close();
  for (const r of relays.splice(0)) await r.close();
});

describe('runQuery', () => {
  it('answers a read with plain values (neo4j Integers as numbers)', async () => {
    const r = await relayOf(0);
    expect(await runQuery(driverVia(r.port), database, ONE)).toEqual([{ one: 1, word: '花都' }]);
  });

  it('runs the read again when its connection is dropped, where a single round trip fails', async () => {
    const once = await relayOf(1);
    await expect(runInOneRoundTrip(driverVia(once.port), database, ONE)).rejects.toSatisfy((e: Error) => neo4j.isRetryableError(e));

    const retried = await relayOf(1);
    expect(await runQuery(driverVia(retried.port), database, ONE)).toEqual([{ one: 1, word: '花都' }]);
    expect(retried.accepted()).toBe(2);
  });

  it('gives up within its retry budget when every connection is dropped, with the retryable error', async () => {
    const r = await relayOf(Number.MAX_SAFE_INTEGER);
    const started = Date.now();
    await expect(runQuery(driverVia(r.port), database, ONE)).rejects.toSatisfy((e: Error) => neo4j.isRetryableError(e));
    const took = Date.now() - started;
    expect(took).toBeLessThan(READ_RETRY_MS + 2_000);
    expect(r.accepted()).toBeGreaterThan(2);
  });

  it('does not retry an error that another try would repeat (a Cypher syntax error)', async () => {
    const r = await relayOf(0);
    const bad: CypherQuery = { name: 'test.bad', text: 'RETURN RETURN', params: {} };
    const started = Date.now();
    await expect(runQuery(driverVia(r.port), database, bad)).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.SyntaxError' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(r.accepted()).toBe(1);
  });
});

describe('runQuery and Neo4j memory limits', () => {
  it('does not retry a read over db.memory.transaction.max (Neo4j says transient, but it would fail again): sent once', async () => {
    const counting = await boltRelay(testNeo4j().uri);
    try {
      const heavy: CypherQuery = { name: 'test.heavy', text: 'UNWIND range(1, 60000000) AS x WITH collect(x) AS xs RETURN size(xs) AS n', params: {} };
      await expect(runQuery(driverVia(counting.port), database, heavy)).rejects.toMatchObject({ code: 'Neo.TransientError.General.MemoryPoolOutOfMemoryError' });
      expect(counting.sent('UNWIND range(1, 60000000)')).toBe(1);
    } finally {
      await counting.close();
    }
  }, 60_000);
});
