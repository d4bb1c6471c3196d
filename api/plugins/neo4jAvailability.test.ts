import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';
import { Neo4jMonitor } from './neo4jAvailability.ts';

// A real driver aimed at a port where nothing listens: exactly what a stopped Neo4j looks like.
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

// A port that accepts connections and never answers: a Neo4j too busy (or hung) to reply.
async function silentPort(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const srv = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  return {
    port,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        srv.close(() => r());
      }),
  };
}

let driver: Driver | undefined;
let silent: { close: () => Promise<void> } | undefined;
afterEach(async () => {
  await driver?.close();
  await silent?.close();
  driver = undefined;
  silent = undefined;
});

describe('Neo4jMonitor', () => {
  it('sees an unreachable server as down, with the driver reason, and tells outage listeners once', async () => {
    driver = neo4j.driver(`bolt://127.0.0.1:${await closedPort()}`, neo4j.auth.basic('neo4j', 'unused-pw'), { connectionTimeout: 1000 });
    const logged: string[] = [];
    const monitor = new Neo4jMonitor(driver, { intervalMs: 0, log: (line) => logged.push(line) });
    expect(monitor.status.available).toBe(true); // optimistic until the first probe
    let outages = 0;
    monitor.onNextOutage(() => outages++);
    const status = await monitor.probe();
    expect(status.available).toBe(false);
    expect(status.error).toMatch(/ECONNREFUSED|connect/i);
    await monitor.probe();
    expect(outages).toBe(1);
    expect(logged).toHaveLength(1); // once per change, not per probe
    expect(logged[0]).toMatch(/^\[plangraph\] Neo4j unreachable \(.+\); answering SERVICE_UNAVAILABLE until it is back$/);
  });

  it('shares one probe among concurrent callers and re-probes a down server at most every recheckMs', async () => {
    driver = neo4j.driver(`bolt://127.0.0.1:${await closedPort()}`, neo4j.auth.basic('neo4j', 'unused-pw'), { connectionTimeout: 1000 });
    const monitor = new Neo4jMonitor(driver, { intervalMs: 0, recheckMs: 10_000 });
    const [a, b] = await Promise.all([monitor.probe(), monitor.probe()]);
    expect(a).toBe(b);
    const again = await monitor.ensure();
    expect(again).toBe(a); // within recheckMs: the cached answer, no new probe
  });

  it('cancelled outage listeners are not called', async () => {
    driver = neo4j.driver(`bolt://127.0.0.1:${await closedPort()}`, neo4j.auth.basic('neo4j', 'unused-pw'), { connectionTimeout: 1000 });
    const monitor = new Neo4jMonitor(driver, { intervalMs: 0 });
    let called = false;
    const cancel = monitor.onNextOutage(() => (called = true));
    cancel();
    monitor.markDown('ServiceUnavailable: test');
    expect(called).toBe(false);
    expect(monitor.status).toMatchObject({ available: false, error: 'ServiceUnavailable: test' });
  });

  it('a slow probe keeps the previous state; only several timeouts in a row count as an outage', async () => {
    const listener = await silentPort();
    silent = listener;
    driver = neo4j.driver(`bolt://127.0.0.1:${listener.port}`, neo4j.auth.basic('neo4j', 'unused-pw'), { connectionTimeout: 60_000 });
    const logged: string[] = [];
    const monitor = new Neo4jMonitor(driver, { intervalMs: 0, probeTimeoutMs: 200, timeoutsForOutage: 3, log: (line) => logged.push(line) });
    expect((await monitor.probe()).available).toBe(true);
    expect((await monitor.probe()).available).toBe(true);
    expect(logged).toEqual([]); // merely slow: no outage, no request failed with 503
    const third = await monitor.probe();
    expect(third.available).toBe(false);
    expect(third.error).toMatch(/no answer to 3 probes in a row, 200 ms each/);
    expect(logged).toHaveLength(1);
  });
});
