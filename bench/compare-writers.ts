/**
 * Two writers, or two Neo4j configurations, side by side: the evidence behind a writer change.
 * A single `npm run bench` on a shared 2-core machine swings ±20% between runs; here the two
 * variants alternate in ONE process on the SAME extracted graphs, each load into an emptied
 * graph, for several rounds (round 0 also warms a fresh JVM up, so judge the later ones).
 *
 *   node bin/run-ts.js bench/compare-writers.ts --a <checkout> --b <checkout>
 *        [--count 500] [--seed 42] [--rounds 3] [--merge-factor-a N] [--merge-factor-b N]
 *
 * A checkout is a folder holding a PlanGraph tree (another git worktree, say); its
 * `graph/write` is imported and its `loadPaths` timed over graph files, as the bench's write
 * phase does. Corpus, extraction and Neo4j come from this checkout. With different merge
 * factors each variant gets its own local Neo4j (local launcher only, not NEO4J_URI).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeCorpus } from './corpus/generate.ts';
import { graphStash } from './graph-files.ts';
import { round, timedWithProcess } from './measure.ts';
import { clearGraph } from '../graph/clear.ts';
import { startBenchNeo4j, type BenchNeo4j } from './neo4j.ts';
import { option } from './options.ts';
import { extractPaths } from '../load/extract.ts';
import type { loadPaths as LoadPaths } from '../load/index.ts';

function positive(name: string, fallback?: number): number | undefined {
  const raw = option(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number, got "${raw}"`);
  return n;
}
function checkout(name: string): string {
  const dir = option(name);
  if (!dir) throw new Error(`--${name} <checkout folder> is required`);
  const abs = path.resolve(dir);
  if (!loaderModule(abs)) throw new Error(`--${name} ${dir}: no load/index.ts or graph/write/index.ts there; not a PlanGraph checkout`);
  return abs;
}
/** Where a checkout keeps loadPaths: load/index.ts, or graph/write/index.ts before load/ was split off. */
function loaderModule(dir: string): string | undefined {
  return ['load/index.ts', 'graph/write/index.ts'].map((f) => path.join(dir, f)).find((f) => existsSync(f));
}

const log = (s: string) => process.stderr.write(`${s}\n`);
const count = positive('count', 500)!;
const seed = positive('seed', 42)!;
const rounds = positive('rounds', 3)!;
const variants = (['a', 'b'] as const).map((v) => ({ name: v, dir: checkout(v), mergeFactor: positive(`merge-factor-${v}`) }));
if (process.env.NEO4J_URI && variants[0].mergeFactor !== variants[1].mergeFactor) {
  throw new Error('--merge-factor-a/-b need two local Neo4j servers; unset NEO4J_URI to compare them');
}

// The corpus, extracted once into graph files both variants read (the folder goes however the run ends).
const work = mkdtempSync(path.join(tmpdir(), 'plangraph-compare-'));
const servers = new Map<string, BenchNeo4j>();
const serverFor = async (mergeFactor: number | undefined) => {
  const key = String(mergeFactor ?? 'default');
  if (!servers.has(key)) servers.set(key, await startBenchNeo4j(log, { luceneMergeFactor: mergeFactor }));
  return servers.get(key)!;
};
const rows: { round: number; variant: string; seconds: number; neo4jCpu?: number }[] = [];
try {
  const sources = [...writeCorpus(path.join(work, 'corpus'), count, seed).files].sort();
  const stash = graphStash(work);
  for (let i = 0; i < sources.length; i += 20) stash.add((await extractPaths(sources.slice(i, i + 20))).documents);
  const { files: graphs, elements } = stash;
  log(`${graphs.length} graphs, ${elements} elements (corpus of ${count}, seed ${seed})`);

  const writers = await Promise.all(
    variants.map(async (v) => ({ ...v, loadPaths: (await import(pathToFileURL(loaderModule(v.dir)!).href)).loadPaths as typeof LoadPaths })),
  );
  for (let r = 0; r < rounds; r++) {
    for (const w of writers) {
      const neo = await serverFor(w.mergeFactor);
      await clearGraph(neo.driver, neo.database);
      const { value: result, seconds, otherCpuSeconds: neo4jCpu } = await timedWithProcess(neo.pid, () => w.loadPaths(neo.driver, graphs, { database: neo.database }));
      if (result.failed > 0) throw new Error(`variant ${w.name} (${w.dir}): ${result.failed} documents failed to load`);
      rows.push({ round: r, variant: w.name, seconds, neo4jCpu });
      log(`round ${r} ${w.name}: ${round(seconds, 1)} s, ${Math.round(elements / seconds)} elements/s, Neo4j CPU ${neo4jCpu === undefined ? '?' : round(neo4jCpu, 1)} s`);
    }
  }
} finally {
  for (const s of servers.values()) await s.stop();
  rmSync(work, { recursive: true, force: true });
}

const describe = (v: (typeof variants)[number]) => `${v.dir}${v.mergeFactor ? `, merge factor ${v.mergeFactor}` : ''}`;
console.log(`a = ${describe(variants[0])}\nb = ${describe(variants[1])}`);
console.log('round  a: wall s  a: Neo4j CPU s  b: wall s  b: Neo4j CPU s  b/a wall');
for (let r = 0; r < rounds; r++) {
  const [a, b] = ['a', 'b'].map((v) => rows.find((x) => x.round === r && x.variant === v)!);
  const cpu = (x: (typeof rows)[number]) => (x.neo4jCpu === undefined ? '?' : round(x.neo4jCpu, 1).toFixed(1));
  console.log(`${String(r).padStart(5)}  ${a.seconds.toFixed(1).padStart(9)}  ${cpu(a).padStart(14)}  ${b.seconds.toFixed(1).padStart(9)}  ${cpu(b).padStart(14)}  ${(b.seconds / a.seconds).toFixed(2).padStart(8)}`);
}
