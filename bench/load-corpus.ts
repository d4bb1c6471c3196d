/**
 * Child process of `npm run bench` (so its peak RSS is the loader's own, not the whole
 * benchmark's). Loads a corpus folder the way `plangraph load <folder>` does (loadPaths: a
 * file at a time, extract then one write transaction) into an empty graph, timing the
 * extraction inside it; then reloads the extracted graphs unchanged; then writes the same
 * graphs with the naive floor writer into an empty graph. Prints one JSON line.
 *
 *   node bin/run-ts.js bench/load-corpus.ts <folder> <bolt-uri> <user> <password> [database]
 *
 * Each extracted graph is stashed as a graph file (`{nodes, relationships}` JSON, what
 * `plangraph extract --out` writes) in a temp folder, so the reload and the floor see exactly
 * the same graphs without this process holding them all in memory (which would inflate the
 * peak RSS measured for the load).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { loadPaths } from '../graph/write/index.ts';
import type { GraphDocument } from '../loaders/model.ts';
import { extractPaths } from '../loaders/pipeline.ts';
import { decodeFloor, megabytes } from './extraction.ts';
import { clearGraph } from './neo4j.ts';
import { naiveWrite } from './naive-write.ts';
import { peakRssMb, round, timed } from './measure.ts';

const [folder, uri, user, password, database] = process.argv.slice(2);
const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { userAgent: 'plangraph-bench-load' });
const files = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort().map((f) => join(folder, f));
const stash = mkdtempSync(join(tmpdir(), 'plangraph-bench-graphs-'));
const mb = megabytes(files);

const rssAtStartMb = peakRssMb();
const floor = await decodeFloor(files);

// 1. PlanGraph: loadPaths into an empty graph; its extract step timed (and stashed, untimed).
await clearGraph(driver, database);
let extractCpu = 0;
let extractWall = 0;
let stashSeconds = 0;
let elements = 0;
const stashed: string[] = [];
const first = await loadPaths(driver, files, {
  database,
  extract: async (paths) => {
    const t = await timed(() => extractPaths(paths));
    extractCpu += t.cpuSeconds;
    extractWall += t.seconds;
    const s = await timed(() => {
      for (const d of t.value.documents) {
        if (!d.graph) continue;
        elements += d.graph.nodes.length + d.graph.relationships.length;
        const file = join(stash, `${String(stashed.length).padStart(5, '0')}.json`);
        writeFileSync(file, JSON.stringify({ nodes: d.graph.nodes, relationships: d.graph.relationships }));
        stashed.push(file);
      }
    });
    stashSeconds += s.seconds;
    return t.value;
  },
});
const corpusPeakRssMb = peakRssMb();
const writeSeconds = first.seconds - extractWall - stashSeconds;

// 2. Reload unchanged: the same graphs again (as graph files); the writer must find every
//    document unchanged. Extraction is deterministic (tests/integration/load.test.ts); its
//    cost is the extract phase above.
const reload = await loadPaths(driver, stashed, { database });

// 3. Floor: the same graphs, naive UNWIND/MERGE/CREATE batches, into an empty graph. A rate,
//    so the first FLOOR_DOCUMENTS graphs are enough (it halves the run on a large corpus).
const FLOOR_DOCUMENTS = 100;
await clearGraph(driver, database);
let naiveSeconds = 0;
let naiveElements = 0;
for (const file of stashed.slice(0, FLOOR_DOCUMENTS)) {
  const g = JSON.parse(readFileSync(file, 'utf8')) as GraphDocument;
  const t = await timed(() => naiveWrite(driver, g, database));
  naiveSeconds += t.seconds;
  naiveElements += t.value;
}
await clearGraph(driver, database);
await driver.close();
rmSync(stash, { recursive: true, force: true });

console.log(
  JSON.stringify({
    documents: files.length,
    loaded: first.loaded,
    failed: first.failed,
    failures: first.documents.filter((d) => d.status === 'failed').slice(0, 5).map((d) => `${d.document}: ${d.reason}`),
    mb: round(mb),
    extractionMbPerSecPerCore: round(mb / extractCpu),
    extractionBaselineMbPerSecPerCore: round(mb / floor.cpuSeconds),
    extractionMbPerWallSecond: round(mb / extractWall),
    extractSeconds: round(extractWall),
    extractCpuSeconds: round(extractCpu),
    elements,
    writeSeconds: round(writeSeconds),
    corpusElementsPerSec: round(elements / writeSeconds, 0),
    baselineElementsPerSec: round(naiveElements / naiveSeconds, 0),
    baselineWriteSeconds: round(naiveSeconds),
    baselineDocuments: Math.min(FLOOR_DOCUMENTS, stashed.length),
    totalSeconds: round(first.seconds),
    corpusPeakRssMb: round(corpusPeakRssMb, 0),
    rssAtStartMb: round(rssAtStartMb, 0),
    reloadSeconds: round(reload.seconds),
    reloadUnchanged: reload.unchanged,
    reloadFailed: reload.failed,
    reloadChanged: reload.changed,
  }),
);
