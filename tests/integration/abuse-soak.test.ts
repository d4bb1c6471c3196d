/**
 * A short run of the varied soak (`npm run soak` runs 10 minutes): 40 s of requests whose texts and
 * variables differ every time, hostile ones among them, against the real server in its own process
 * over the loaded seeds. Every answer is the expected one (data, or BAD_USER_INPUT for the hostile
 * ones) and the server's RSS after GC stays within 200 MB of its post-warm-up reading, with the
 * caches' budget at 32 MB. (Measured on a 150 s run with an 8 MB budget: heap after GC flat at
 * 52-53 MB from the first minute on, while RSS wobbled between +13 and +113 MB of allocator pages;
 * the leak this guards against grew 3.3 GB in under a minute.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type ServerChild } from '../../bench/queries/child.ts';
import { runSoak } from '../soak/varied.ts';
import { useNeo4j } from '../support/neo4j.ts';
import { loadSeeds, testConnection } from './server.harness.ts';

const SECONDS = 40;
const neo = useNeo4j();
let server: ServerChild;

beforeAll(async () => {
  await loadSeeds(neo.driver, neo.database);
  server = await spawnServer('graphql', testConnection(), 120_000, {
    nodeArgs: ['--expose-gc'],
    env: { MALLOC_ARENA_MAX: '2', PLANGRAPH_CACHE_BUDGET_MB: '32' },
    ipc: true,
  });
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

describe(`varied soak, ${SECONDS} s`, () => {
  it('answers every varied and hostile request as expected, and RSS stays within its bound', async () => {
    const result = await runSoak({ server, seconds: SECONDS, rssGrowthMb: 200, workers: 12, warmupSeconds: 15, printEverySeconds: 10 });
    expect(result.problems).toEqual([]);
    expect(result.requests).toBeGreaterThan(200);
    expect(result.readings.length).toBeGreaterThanOrEqual(4);
    expect(result.highestRssMb - result.baselineRssMb).toBeLessThanOrEqual(200);
    expect(server.stderr()).not.toMatch(/request failed|internal error/);
  }, 200_000);
});
