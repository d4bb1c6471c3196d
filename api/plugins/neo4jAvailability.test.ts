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

let driver: Driver | undefined;
afterEach(async () => {
  await driver?.close();
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
});
