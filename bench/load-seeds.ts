/**
 * load (seeds): the seed documents into an empty graph the way `plangraph load seeds/` does
 * (loadPaths: extraction + one transaction per document), wall-clock seconds. Floor: the same
 * documents extracted, then written by the naive writer, into an empty graph. Leaves the
 * seeds loaded by PlanGraph's writer, for the query benchmark.
 */
import type { Driver } from 'neo4j-driver';
import { loadPaths } from '../load/index.ts';
import { extractPaths } from '../load/extract.ts';
import { clearGraph } from '../graph/clear.ts';
import { naiveWrite } from './naive-write.ts';
import { round, timed } from './measure.ts';

export interface SeedLoadFigures {
  seedsSeconds: number;
  baselineSeconds: number;
  /** Of seedsSeconds: extraction, then writing. */
  extractSeconds: number;
  writeSeconds: number;
  elements: number;
  documents: number;
}

export async function benchSeedLoad(driver: Driver, database: string | undefined, files: string[]): Promise<SeedLoadFigures> {
  await clearGraph(driver, database);
  const naive = await timed(async () => {
    const { documents } = await extractPaths(files);
    let n = 0;
    for (const d of documents) if (d.graph) n += await naiveWrite(driver, d.graph, database);
    return n;
  });
  await clearGraph(driver, database);
  let extractSeconds = 0;
  const load = await timed(() =>
    loadPaths(driver, files, {
      database,
      extract: async (paths) => {
        // Called once per file: loadPaths extracts and writes a file at a time.
        const t = await timed(() => extractPaths(paths));
        extractSeconds += t.seconds;
        return t.value;
      },
    }),
  );
  const failed = load.value.documents.filter((d) => d.status === 'failed');
  if (failed.length) throw new Error(`seeds failed to load: ${failed.map((d) => `${d.document}: ${d.reason}`).join('; ')}`);
  return {
    seedsSeconds: round(load.seconds),
    baselineSeconds: round(naive.seconds),
    extractSeconds: round(extractSeconds),
    writeSeconds: round(load.seconds - extractSeconds),
    elements: naive.value,
    documents: load.value.documents.length,
  };
}
