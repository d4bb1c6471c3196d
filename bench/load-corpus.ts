/**
 * Child process of `npm run bench` (so its peak RSS is the loader's own, not the whole
 * benchmark's). Loads a corpus folder once to warm Neo4j up, then the way `plangraph load
 * <folder>` does (loadPaths: extraction file by file, overlapping the writes) into an empty
 * graph, timing the extraction inside it (end to end), with extraction on this thread and on
 * one worker per core; then, into an empty graph again, the extracted graphs alone (the
 * write rate: nothing left to subtract); then reloads them unchanged; then writes the same
 * graphs with the naive floor writer into an empty graph. Prints one JSON line.
 *
 *   node bin/run-ts.js bench/load-corpus.ts <folder> <bolt-uri> <user> <password> [database]
 *
 * Each extracted graph is stashed as a graph file (`{nodes, relationships}` JSON, what
 * `plangraph extract --out` writes) in a temp folder, so the reload and the floor see exactly
 * the same graphs without this process holding them all in memory (which would inflate the
 * peak RSS measured for the load).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { loadPaths } from '../load/index.ts';
import type { GraphDocument } from '../loaders/model.ts';
import { extractPaths } from '../load/extract.ts';
import { decodeFloor, megabytes } from './extraction.ts';
import { graphStash } from './graph-files.ts';
import { clearGraph } from '../graph/clear.ts';
import { naiveWrite } from './naive-write.ts';
import { peakRssMb, round, timed, timedWithProcess } from './measure.ts';

const [folder, uri, user, password, database] = process.argv.slice(2);
const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { userAgent: 'plangraph-bench-load' });
const files = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort().map((f) => join(folder, f));
const stash = mkdtempSync(join(tmpdir(), 'plangraph-bench-graphs-'));
const mb = megabytes(files);

const rssAtStartMb = peakRssMb();
const floor = await decodeFloor(files);

// 0. Warm-up, untimed: the first load into a fresh Neo4j plans every write statement, warms the
//    JVM and grows the store files (200 documents: 72 s cold, 28 s warm, the same load; after
//    50 documents of warm-up still 40 s), so whichever timed run went first would carry that.
await clearGraph(driver, database);
await loadPaths(driver, files, { database, workers: 1 });

// 1. PlanGraph end to end with extraction on this thread (what `plangraph load --workers 1`
//    does): loadPaths from the source files into an empty graph, its extract step timed (the
//    "extraction inside the load" figure) and nothing else added to it.
await clearGraph(driver, database);
let extractCpu = 0;
let extractWall = 0;
const first = await loadPaths(driver, files, {
  database,
  extract: async (paths) => {
    const t = await timed(() => extractPaths(paths));
    extractCpu += t.cpuSeconds;
    extractWall += t.seconds;
    return t.value;
  },
});
// 1b. The same end to end with extraction on worker threads, one per core, into an empty
//     graph: the 1-worker figure above beside it.
await clearGraph(driver, database);
const workers = os.availableParallelism();
const parallel = await loadPaths(driver, files, { database, workers });
// The extracted graphs, stashed as graph files for the loads below: a pass of its own, so
// writing the files is in neither end-to-end figure (it was in the 1-worker one, which made
// workers look 1.5x faster on 2 cores where they are not).
const graphs = graphStash(stash);
for (const file of files) graphs.add((await extractPaths([file])).documents);
const stashed = graphs.files;
const elements = graphs.elements;
// 2. The write rate: the same graphs, read back from the graph files, into an empty graph.
//    Its wall seconds are the whole loadPaths call: reading and parsing the files, preparing,
//    writing, and waiting for the full-text indexes to catch up.
//    Also its CPU seconds, this process's and (local launcher) the Neo4j JVM's: on a shared
//    machine the wall clock measures the queue for the cores, CPU time the work.
await clearGraph(driver, database);
const neo4jPid = Number(process.env.PLANGRAPH_BENCH_NEO4J_PID) || undefined;
const writeTimed = await timedWithProcess(neo4jPid, () => loadPaths(driver, stashed, { database }));
const written = writeTimed.value;
const writeSeconds = written.seconds;
const writeNeo4jCpuSeconds = writeTimed.otherCpuSeconds;
const elementsInGraph = Number(
  (await driver.executeQuery('CALL () { MATCH (n) RETURN count(n) AS n } CALL () { MATCH ()-[r]->() RETURN count(r) AS r } RETURN n + r AS e', {}, { database })).records[0].get('e'),
);
const corpusPeakRssMb = peakRssMb();

// 3. Reload unchanged: the same graphs again (as graph files); the writer must find every
//    document unchanged. Extraction is deterministic (tests/integration/load.test.ts); its
//    cost is the extract phase above.
const reload = await loadPaths(driver, stashed, { database });

// 4. Floor: the same graphs, naive UNWIND/MERGE/CREATE batches, into an empty graph. A rate,
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
    elementsInGraph,
    writeSeconds: round(writeSeconds),
    writeLoaded: written.loaded,
    writeFailed: written.failed,
    corpusElementsPerSec: round(elements / writeSeconds, 0),
    writeLoaderCpuSeconds: round(writeTimed.cpuSeconds),
    writeNeo4jCpuSeconds: writeNeo4jCpuSeconds === undefined ? undefined : round(writeNeo4jCpuSeconds),
    elementsPerCpuSecond: writeNeo4jCpuSeconds === undefined ? undefined : round(elements / (writeNeo4jCpuSeconds + writeTimed.cpuSeconds), 0),
    endToEndSeconds: round(first.seconds),
    endToEndElementsPerSec: round(elements / first.seconds, 0),
    endToEndWorkers: workers,
    endToEndWorkersSeconds: round(parallel.seconds),
    endToEndWorkersElementsPerSec: round(elements / parallel.seconds, 0),
    endToEndWorkersFailed: parallel.failed,
    baselineElementsPerSec: round(naiveElements / naiveSeconds, 0),
    baselineWriteSeconds: round(naiveSeconds),
    baselineDocuments: Math.min(FLOOR_DOCUMENTS, stashed.length),
    corpusPeakRssMb: round(corpusPeakRssMb, 0),
    rssAtStartMb: round(rssAtStartMb, 0),
    reloadSeconds: round(reload.seconds),
    reloadUnchanged: reload.unchanged,
    reloadFailed: reload.failed,
    reloadChanged: reload.changed,
  }),
);
