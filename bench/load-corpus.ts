/**
 * Child process of `npm run bench` (so its peak RSS is the loader's own, not the whole
 * benchmark's). Loads a corpus folder the way `plangraph load <folder>` does (loadPaths:
 * extract every document, then one write transaction per document) into an empty graph,
 * then reloads it unchanged, then writes the same extracted graphs with the naive floor
 * writer into an empty graph. Also times the corpus's extraction (CPU seconds of the
 * extract phase) beside the decode-only floor. Prints one JSON line.
 *
 *   node bin/run-ts.js bench/load-corpus.ts <folder> <bolt-uri> <user> <password> [database]
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { loadPaths, type ExtractedDocument } from '../graph/write/index.ts';
import { extractPaths } from '../loaders/pipeline.ts';
import { decodeFloor, megabytes } from './extraction.ts';
import { clearGraph } from './neo4j.ts';
import { naiveWrite } from './naive-write.ts';
import { peakRssMb, round, timed } from './measure.ts';

const [folder, uri, user, password, database] = process.argv.slice(2);
const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { userAgent: 'plangraph-bench-load' });
const files = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort().map((f) => join(folder, f));
const mb = megabytes(files);

const rssAtStartMb = peakRssMb();
const floor = await decodeFloor(files);

// 1. PlanGraph: loadPaths into an empty graph, extraction timed inside it.
await clearGraph(driver, database);
let extracted: ExtractedDocument[] = [];
let extractCpu = 0;
let extractWall = 0;
const first = await loadPaths(driver, files, {
  database,
  extract: async (paths) => {
    const t = await timed(() => extractPaths(paths));
    extractCpu = t.cpuSeconds;
    extractWall = t.seconds;
    extracted = t.value.documents;
    return t.value;
  },
});
const corpusPeakRssMb = peakRssMb();
const loadedNames = new Set(first.documents.filter((d) => d.status === 'loaded').map((d) => d.document));
const graphs = extracted.filter((d) => d.graph && loadedNames.has(d.document)).map((d) => d.graph!);
const elements = graphs.reduce((n, g) => n + g.nodes.length + g.relationships.length, 0);
const writeSeconds = first.seconds - extractWall;

// 2. Reload unchanged: the same documents again; the writer must find every one unchanged.
//    (Extraction is deterministic and tested elsewhere; its cost is the extract phase above.)
const reload = await loadPaths(driver, files, { database, extract: async () => ({ documents: extracted }) });

// 3. Floor: the same graphs, naive UNWIND/MERGE/CREATE batches, into an empty graph.
await clearGraph(driver, database);
const naive = await timed(async () => {
  let n = 0;
  for (const g of graphs) n += await naiveWrite(driver, g, database);
  return n;
});
await clearGraph(driver, database);
await driver.close();

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
    elements,
    writeSeconds: round(writeSeconds),
    corpusElementsPerSec: round(elements / writeSeconds, 0),
    baselineElementsPerSec: round(naive.value / naive.seconds, 0),
    baselineWriteSeconds: round(naive.seconds),
    totalSeconds: round(first.seconds),
    corpusPeakRssMb: round(corpusPeakRssMb, 0),
    rssAtStartMb: round(rssAtStartMb, 0),
    reloadSeconds: round(reload.seconds),
    reloadUnchanged: reload.unchanged,
    reloadChanged: reload.changed,
  }),
);
