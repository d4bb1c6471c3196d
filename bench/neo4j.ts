/**
 * A throw-away Neo4j for benchmarks: NEO4J_URI if set (it must be an empty, disposable
 * database: the benchmark clears it), else the local launcher on free ports.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../graph/connection.ts';
import { applySchema } from '../graph/schema.ts';
import { ensureLib, freePort, launch } from '../graph/local/launcher.ts';

export interface BenchNeo4j {
  uri: string;
  user: string;
  password: string;
  database?: string;
  driver: Driver;
  /** The local Neo4j's JVM (unset for NEO4J_URI): its CPU time is read from /proc. */
  pid?: number;
  stop(): Promise<void>;
}

export interface BenchNeo4jOptions {
  /** Full-text segments merged at a time (local launcher only; default graph/local/launcher.ts LUCENE_MERGE_FACTOR). */
  luceneMergeFactor?: number;
}

export async function startBenchNeo4j(log: (s: string) => void, opts: BenchNeo4jOptions = {}): Promise<BenchNeo4j> {
  if (process.env.NEO4J_URI) {
    const cfg = { uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE, source: 'environment' };
    const driver = createDriver(cfg as never);
    await applySchema(driver, cfg.database);
    return { ...cfg, driver, stop: () => driver.close() };
  }
  ensureLib(log);
  const home = mkdtempSync(join(tmpdir(), 'plangraph-bench-'));
  const password = 'bench-password';
  const server = await launch({ home, boltPort: await freePort(), httpPort: await freePort(), password, heap: '2g', pageCache: '1g', luceneMergeFactor: opts.luceneMergeFactor });
  log(`Neo4j ${server.version} at ${server.uri} (local launcher, ${server.seconds.toFixed(1)} s)`);
  const driver = createDriver({ uri: server.uri, user: 'neo4j', password, source: 'bench' } as never);
  await applySchema(driver);
  return {
    uri: server.uri,
    user: 'neo4j',
    password,
    driver,
    pid: server.pid,
    async stop() {
      await driver.close();
      await server.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
