/**
 * `npm run soak [-- --seconds 600 --growth-mb 200 --workers 16]`: the varied soak (tests/soak/varied.ts)
 * against a PlanGraph server it starts in a child process over the configured Neo4j (NEO4J_URI & co.,
 * else .neo4j/connection.json). Loads the seeds first when the graph holds no plan. Exit code 1 when
 * RSS grew past the bound or an answer was wrong.
 *   PLANGRAPH_SOAK_SECONDS (default 600), PLANGRAPH_SOAK_GROWTH_MB (default 200), PLANGRAPH_SOAK_WORKERS (default 16)
 */
import { spawnServer } from '../../bench/queries/child.ts';
import { ConfigError } from '../../config/env.ts';
import { openDriver, resolveConnection } from '../../graph/connection.ts';
import { applySchema } from '../../graph/schema.ts';
import { loadPaths } from '../../load/load-paths.ts';
import { runSoak } from './varied.ts';
import { readdirSync } from 'node:fs';
import path from 'node:path';

function setting(flag: string, env: string, fallback: number): number {
  const i = process.argv.indexOf(flag);
  const raw = i >= 0 ? process.argv[i + 1] : process.env[env];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${i >= 0 ? flag : env}="${raw}" must be a positive number`);
  return n;
}

const seconds = setting('--seconds', 'PLANGRAPH_SOAK_SECONDS', 600);
const growth = setting('--growth-mb', 'PLANGRAPH_SOAK_GROWTH_MB', 200);
const workers = setting('--workers', 'PLANGRAPH_SOAK_WORKERS', 16);
const conn = await resolveConnection();
const driver = await openDriver(conn);
try {
  const plans = (await driver.executeQuery('MATCH (p:Plan) RETURN count(p) AS n', {}, { database: conn.database })).records[0]!.get('n').toNumber();
  if (plans === 0) {
    const seeds = path.resolve(import.meta.dirname, '../../seeds');
    console.log(`[soak] the graph holds no plan: loading ${seeds} first`);
    await applySchema(driver, conn.database);
    await loadPaths(driver, readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => path.join(seeds, f)), { database: conn.database });
  }
} finally {
  await driver.close();
}
const server = await spawnServer('graphql', conn, 120_000, {
  nodeArgs: ['--expose-gc'],
  // A small cache budget so that the caches are full within the warm-up; MALLOC_ARENA_MAX as for any long-running Node server (tests/integration/soak.test.ts says why).
  env: { MALLOC_ARENA_MAX: '2', PLANGRAPH_CACHE_BUDGET_MB: process.env.PLANGRAPH_CACHE_BUDGET_MB ?? '32' },
  ipc: true,
});
let passed = false;
try {
  const result = await runSoak({ server, seconds, rssGrowthMb: growth, workers });
  passed = result.passed;
  for (const p of result.problems.slice(0, 5)) console.log(`[soak] bad answer: ${p}`);
} finally {
  await server.stop();
}
process.exit(passed ? 0 : 1);
