/**
 * Child process serving one kind of query endpoint over a Neo4j, so autocannon (in the
 * parent) and the server under test do not share an event loop, and the server's memory is
 * its own (the soak test reads this process's RSS):
 *
 *   node bin/run-ts.js bench/queries/serve.ts <graphql|graphqlNoCache|driver|peer> <bolt-uri> <user> <password> [database]
 *
 * graphql is PlanGraph as served (response cache on); graphqlNoCache the same server with the
 * response cache off, so the benchmark also shows what computing every answer costs.
 *
 * Prints one JSON line `{"url": …, "pid": …}` once it listens; exits on SIGTERM, SIGINT or
 * when its stdin closes (the parent died).
 */
import { startServer } from '../../api/server.ts';
import { createDriver } from '../../graph/connection.ts';
import { startFloorServer } from './floor-server.ts';
import { startPeerServer } from './peer-server.ts';
import { SERVER_KINDS, type ServerKind } from './kinds.ts';

const [kind, uri, user, password, database] = process.argv.slice(2) as [ServerKind, string, string, string, string | undefined];
if (!SERVER_KINDS.includes(kind) || !uri || !user || !password) {
  console.error(`usage: serve.ts <${SERVER_KINDS.join('|')}> <bolt-uri> <user> <password> [database]`);
  process.exit(2);
}
// One driver setting for all three (PlanGraph's serve profile), but the pool at the driver's default (100) as in the recorded runs.
const driver = createDriver({ uri, user, password }, { profile: 'serve', userAgent: `plangraph-bench-${kind}`, overrides: { maxConnectionPoolSize: 100 } });
await driver.verifyConnectivity({ database });

let url: string;
let close: () => Promise<void>;
let cacheStats: (() => unknown) | undefined;
if (kind === 'graphql' || kind === 'graphqlNoCache') {
  const s = await startServer({
    driver,
    database,
    port: 0,
    logger: { error: (m: string) => console.error(m), info: () => {} },
    ...(kind === 'graphqlNoCache' ? { responseCache: { enabled: false } } : {}),
  });
  url = s.url;
  close = s.close;
  cacheStats = s.responseCacheStats;
} else if (kind === 'driver') {
  const s = await startFloorServer(driver, database);
  url = s.origin;
  close = s.close;
} else {
  const s = await startPeerServer(driver, database);
  url = s.url;
  close = s.close;
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await close().catch(() => {});
  await driver.close().catch(() => {});
  process.exit(0);
}
// Only when the parent opened an IPC channel (the soak test, the benchmark): a full GC, then a memory
// reading, so two readings compare what is retained rather than where V8's collection cycle happens
// to be; or the response cache's counters (hits, misses, version reads).
if (process.send) {
  process.on('message', (message) => {
    if (message === 'cache-stats') {
      process.send!({ cacheStats: cacheStats?.() ?? null });
      return;
    }
    if (message !== 'gc-and-measure') return;
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.(); // a second pass frees what the first only finalized
    process.send!({ memory: process.memoryUsage(), gcRan: typeof gc === 'function' });
  });
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
console.log(JSON.stringify({ url, pid: process.pid }));
