import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPaths } from './extract.ts';
import { createExtractPool, defaultExtractWorkers } from './extract-pool.ts';

const seeds = path.resolve(import.meta.dirname, '../seeds');
const files = readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => path.join(seeds, f));

describe('createExtractPool', () => {
  it('extracts on worker threads exactly what the pipeline extracts on this thread, every file in parallel', async () => {
    const pool = createExtractPool(2);
    try {
      const [inWorkers, here] = await Promise.all([Promise.all(files.map((f) => pool.extract([f]))), Promise.all(files.map((f) => extractPaths([f])))]);
      expect(inWorkers.map((r) => r.documents)).toEqual(here.map((r) => r.documents));
      expect(inWorkers.flatMap((r) => r.documents).every((d) => d.graph && d.graph.nodes.length > 0)).toBe(true);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('reports a file it cannot read as that file\'s error, and refuses work once closed', async () => {
    const pool = createExtractPool(1);
    const missing = path.join(seeds, 'no-such-plan.txt');
    const { documents } = await pool.extract([missing]);
    expect(documents[0].error).toContain('no-such-plan.txt');
    await pool.close();
    await expect(pool.extract([missing])).rejects.toThrow(/closed/);
  }, 60_000);
});

describe('defaultExtractWorkers', () => {
  it('leaves one core to the writes: none on 1 or 2 cores (extraction on the loading thread), 7 on 8', () => {
    expect([1, 2, 3, 4, 8].map((cores) => defaultExtractWorkers(cores))).toEqual([1, 1, 2, 3, 7]);
  });
});
