/**
 * `npm run bench`: PlanGraph against its floor and its peer, on this machine, now.
 * Prints one table (every figure beside its baseline from the same run, and the target) and
 * writes the figures to bench/results/latest.json and bench/results/<ISO date>.json.
 *
 *   npm run bench -- [--count 500] [--seed 42] [--seconds 5] [--quick] [--only extraction,load,queries]
 *   npm run bench -- --scale 500,2000,5000 [--seed 7] [--seconds 5] [--servers graphqlNoCache,graphql,driver,peer]
 *
 * With --scale, only the scale benchmark runs (bench/scale/run.ts): the graph grows to each size
 * in turn and every question is asked at each.
 *
 * Neo4j: NEO4J_URI if set (an empty, disposable database: the benchmark clears it), else a
 * throw-away local Neo4j on free ports (graph/local/launcher.ts). See docs/benchmarks.md.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus/generate.ts';
import { benchExtraction, type ExtractionFigures } from './extraction.ts';
import { benchSeedLoad, type SeedLoadFigures } from './load-seeds.ts';
import { startBenchNeo4j } from './neo4j.ts';
import { option } from './options.ts';
import { benchQueries, type QueryFigures } from './queries/index.ts';
import { REQUESTS } from './queries/requests.ts';
import { printTable, targetsOf } from './report.ts';
import { benchScale, scaleTable } from './scale/run.ts';
import { SERVER_KINDS, type ServerKind } from './queries/kinds.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

const quick = process.argv.includes('--quick');
const count = Number(option('count') ?? (quick ? 60 : 500));
const seed = Number(option('seed') ?? 42);
const seconds = Number(option('seconds') ?? (quick ? 2 : 5));
const scaleSizes = option('scale')?.split(',').map(Number);
if (scaleSizes && (scaleSizes.length === 0 || scaleSizes.some((n) => !Number.isInteger(n) || n <= 0))) throw new Error('--scale takes document counts, e.g. --scale 500,2000,5000');
const sections = new Set(scaleSizes ? ['scale'] : (option('only') ?? 'extraction,load,queries').split(','));
const servers = (option('servers')?.split(',') ?? SERVER_KINDS) as ServerKind[];
if (servers.some((k) => !SERVER_KINDS.includes(k))) throw new Error(`--servers takes some of ${SERVER_KINDS.join(',')}`);
for (const [name, value] of [['count', count], ['seed', seed], ['seconds', seconds]] as const) {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
}

const log = (line: string) => console.error(line);
const started = new Date();

function seedFiles(): string[] {
  const dir = path.join(root, 'seeds');
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { documents: { file: string }[] };
  return manifest.documents.map((d) => path.join(dir, d.file));
}

/** Runs bench/load-corpus.ts in its own process and returns its JSON line. */
function loadCorpusChild(folder: string, login: { uri: string; user: string; password: string; database?: string; pid?: number }): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    const args = ['bin/run-ts.js', 'bench/load-corpus.ts', folder, login.uri, login.user, login.password, ...(login.database ? [login.database] : [])];
    const env = { ...process.env, ...(login.pid ? { PLANGRAPH_BENCH_NEO4J_PID: String(login.pid) } : {}) };
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').filter((l) => l.startsWith('{')).at(-1);
      if (code !== 0 || !line) return reject(new Error(`corpus load failed (exit ${code}): ${out.slice(-1000)}`));
      resolve(JSON.parse(line));
    });
  });
}

const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(os.totalmem() / 1e9),
  node: process.version,
  loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 10) / 10),
};
log(`PlanGraph benchmark: ${machine.cpus} cores (${machine.cpuModel}), load average ${machine.loadAverageAtStart.join(' ')}; corpus ${count} documents (seed ${seed}), ${seconds} s per query run`);

const neo4j = await startBenchNeo4j(log);
const corpusDir = mkdtempSync(path.join(os.tmpdir(), 'plangraph-bench-corpus-'));
// Ctrl-C: stop the Neo4j this run started and remove the corpus, then exit.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    rmSync(corpusDir, { recursive: true, force: true });
    neo4j.stop().finally(() => process.exit(130));
  });
}
const results: Record<string, any> = { meta: { date: started.toISOString(), machine, count, seed, seconds, quick, sections: [...sections] } };
try {
  const version = (await neo4j.driver.executeQuery('CALL dbms.components() YIELD versions RETURN versions[0] AS v')).records[0]?.get('v');
  results.meta.neo4j = { version, uri: neo4j.uri };

  let seedsExtraction: ExtractionFigures | undefined;
  let corpus: Record<string, any> | undefined;
  if (sections.has('extraction') || sections.has('load')) {
    log('extraction: seeds');
    seedsExtraction = await benchExtraction(seedFiles());
    const written = writeCorpus(corpusDir, count, seed);
    // One pass over the corpus, extraction only, in this process (warm from the seeds): the
    // corpus load below extracts too, but with writes in flight whose driver work and garbage
    // land in the same CPU seconds; its figure is reported beside this one.
    log(`extraction: corpus, ${written.files.length} documents, ${(written.bytes / 1e6).toFixed(1)} MB in ${corpusDir}`);
    const corpusExtraction = await benchExtraction(written.files, { cold: false, warmup: 0, timed: 1 });
    log(`corpus: extracting and loading it (child process)`);
    corpus = await loadCorpusChild(corpusDir, neo4j);
    results.extraction = {
      mbPerSecPerCore: { seeds: seedsExtraction.mbPerSecPerCore, corpus: corpusExtraction.mbPerSecPerCore },
      baselineMbPerSecPerCore: { seeds: seedsExtraction.baselineMbPerSecPerCore, corpus: corpusExtraction.baselineMbPerSecPerCore },
      mbPerWallSecond: { seeds: seedsExtraction.mbPerWallSecond, corpus: corpusExtraction.mbPerWallSecond },
      coldMbPerSecPerCore: { seeds: seedsExtraction.coldMbPerSecPerCore },
      duringLoadMbPerSecPerCore: { corpus: corpus.extractionMbPerSecPerCore },
      seeds: seedsExtraction,
      corpus: { documents: corpus.documents, mb: corpusExtraction.mb, failed: corpusExtraction.failed, cpuSeconds: corpusExtraction.cpuSeconds, duringLoadWallSeconds: corpus.extractSeconds },
    };
  }
  let seeds: SeedLoadFigures | undefined;
  if (sections.has('load') || sections.has('queries')) {
    log('load: seeds');
    seeds = await benchSeedLoad(neo4j.driver, neo4j.database, seedFiles());
  }
  if (sections.has('load') && corpus && seeds) {
    results.load = {
      seedsSeconds: seeds.seedsSeconds,
      seedsBaselineSeconds: seeds.baselineSeconds,
      seeds,
      corpusElementsPerSec: corpus.corpusElementsPerSec,
      corpusBaselineElementsPerSec: corpus.baselineElementsPerSec,
      corpusEndToEndElementsPerSec: corpus.endToEndElementsPerSec,
      // 1 extraction worker (above) and one per core (loadPaths's default), side by side
      corpusEndToEndWorkers: corpus.endToEndWorkers,
      corpusEndToEndWorkersElementsPerSec: corpus.endToEndWorkersElementsPerSec,
      corpusElementsPerCpuSecond: corpus.elementsPerCpuSecond,
      corpusPeakRssMb: corpus.corpusPeakRssMb,
      corpusRssAtStartMb: corpus.rssAtStartMb,
      reloadSeconds: corpus.reloadSeconds,
      reloadChanged: corpus.reloadChanged,
      corpus,
    };
  }
  if (scaleSizes) {
    results.scale = await benchScale(neo4j, { sizes: scaleSizes, seed: Number(option('seed') ?? 7), seconds, corpusDir, seedFiles: seedFiles(), log }, servers);
  }
  if (sections.has('queries')) {
    log(`queries: ${REQUESTS.map((r) => r.name).join(', ')} (graphql, driver floor, @neo4j/graphql peer; 1 and 32 connections)`);
    const { figures, counts } = await benchQueries(neo4j, { seconds, warmupSeconds: Math.min(3, seconds), log });
    results.queries = figures;
    results.meta.requests = Object.fromEntries(REQUESTS.map((r) => [r.name, { describe: r.describe, items: counts[r.name] }]));
  }
} finally {
  await neo4j.stop().catch((err) => log(`stopping Neo4j: ${err}`));
  rmSync(corpusDir, { recursive: true, force: true });
}
results.meta.loadAverageAtEnd = os.loadavg().map((x) => Math.round(x * 10) / 10);
results.meta.seconds = Math.round((Date.now() - started.getTime()) / 1000);
results.targets = targetsOf(results);

const dir = path.join(root, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const json = JSON.stringify(results, null, 2) + '\n';
// One file holds both kinds of run: a scale run adds its figures to the last full run's (under
// `scale` and `scaleMeta`), a full run keeps the last scale run's, so neither erases the other.
let previous: Record<string, unknown> = {};
try {
  previous = JSON.parse(readFileSync(path.join(dir, 'latest.json'), 'utf8'));
} catch {
  // no earlier run
}
const latest = results.scale
  ? JSON.stringify({ ...previous, scale: results.scale, scaleMeta: results.meta }, null, 2) + '\n'
  : JSON.stringify({ ...results, ...(previous.scale ? { scale: previous.scale, scaleMeta: previous.scaleMeta } : {}) }, null, 2) + '\n';
writeFileSync(path.join(dir, 'latest.json'), latest);
writeFileSync(path.join(dir, `${started.toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}.json`), json);
if (results.scale) console.log(scaleTable(results.scale));
else console.log(printTable(results as { queries?: QueryFigures } & Record<string, any>));
log(`written bench/results/latest.json (${results.meta.seconds} s)`);
