/**
 * Child process of `npm run bench` (so its peak RSS is the loader's own, not the whole
 * benchmark's): loads a corpus folder document by document, first with the naive floor
 * writer into an empty graph, then with PlanGraph's writer into an empty graph, then
 * reloads it unchanged. Prints one JSON line.
 *
 *   node bin/run-ts.js bench/load-corpus.ts <folder> <bolt-uri> <user> <password>
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDriver } from '../graph/connection.ts';
import { writeDocument } from '../graph/write/index.ts';
import { extractFile } from '../loaders/pipeline.ts';
import type { GraphDocument } from '../loaders/model.ts';
import { clearGraph } from './neo4j.ts';
import { naiveWrite } from './naive-write.ts';
import { peakRssMb, round } from './measure.ts';

const [folder, uri, user, password] = process.argv.slice(2);
const driver = createDriver({ uri, user, password, source: 'bench' } as never);
const files = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort().map((f) => join(folder, f));

/** Extract then write one file at a time: memory stays flat however large the corpus. */
async function pass(write: (g: GraphDocument) => Promise<number>): Promise<{ writeSeconds: number; totalSeconds: number; elements: number; changed: number }> {
  const start = performance.now();
  let writeSeconds = 0;
  let elements = 0;
  let changed = 0;
  for (const f of files) {
    const g = await extractFile(f);
    const t = performance.now();
    changed += await write(g);
    writeSeconds += (performance.now() - t) / 1000;
    elements += g.nodes.length + g.relationships.length;
  }
  return { writeSeconds, totalSeconds: (performance.now() - start) / 1000, elements, changed };
}

await clearGraph(driver);
const naive = await pass((g) => naiveWrite(driver, g));
await clearGraph(driver);
const rssBefore = peakRssMb();
const first = await pass(async (g) => (await writeDocument(driver, g)).changed);
const reload = await pass(async (g) => (await writeDocument(driver, g)).changed);
await driver.close();
console.log(
  JSON.stringify({
    documents: files.length,
    elements: first.elements,
    corpusElementsPerSec: round(first.elements / first.writeSeconds, 0),
    baselineElementsPerSec: round(naive.elements / naive.writeSeconds, 0),
    corpusWriteSeconds: round(first.writeSeconds),
    corpusPeakRssMb: round(peakRssMb(), 0),
    rssBeforeLoadMb: round(rssBefore, 0),
    // A user's reload: extraction again, then the writer finding every document unchanged.
    reloadSeconds: round(reload.totalSeconds),
    reloadWriteSeconds: round(reload.writeSeconds),
    reloadChanged: reload.changed,
  }),
);
