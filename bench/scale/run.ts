/**
 * `npm run bench -- --scale 500,2000,5000`: PlanGraph on a growing graph. The seeds, then the
 * synthetic corpus (bench/corpus/generate.ts) loaded in steps up to each size; at each size,
 * every question of bench/scale/requests.ts, parameters drawn Zipf-skewed from fixed lists
 * (bench/scale/workload.ts), against PlanGraph without and with its response cache, the
 * driver floor and @neo4j/graphql, at 1 and 32 connections: p50, p99, requests/s and the
 * answer's size. Figures under `scale.<docs>` in bench/results/latest.json:
 *   scale.<docs>.load.{seconds, elementsPerSec, documents, elements, talliesMismatched}
 *   scale.<docs>.warmUp.rps.<name>: the floor's requests/s in each warm-up run before timing (warmUpNeo4j)
 *   scale.<docs>.queries.<name>.<graphqlNoCache|graphql|driver|peer>.<c1|c32>.{p50, p99, rps, bytes, errors}
 */
import autocannon from 'autocannon';
import type { Driver } from 'neo4j-driver';
import { loadPaths } from '../../load/index.ts';
import { writeCorpus } from '../corpus/generate.ts';
import { spawnServer, type Neo4jLogin } from '../queries/child.ts';
import { SERVER_KINDS, type ServerKind } from '../queries/kinds.ts';
import { round } from '../measure.ts';
import { SCALE_REQUESTS, type ScaleRequest } from './requests.ts';
import { readParameters, zipfSequence, type Parameters } from './workload.ts';
import { tallyMismatches, totalMismatches } from './tally-check.ts';
import { WARM_CONNECTIONS, WARM_RUN_SECONDS, warmedUp } from './warm-up.ts';

export interface ScaleOptions {
  sizes: number[];
  seed: number;
  seconds: number;
  corpusDir: string;
  seedFiles: string[];
  log(line: string): void;
}

export interface RunFigures {
  p50: number | null;
  p99: number | null;
  rps: number;
  /** Mean bytes per answer. */
  bytes: number;
  requests: number;
  errors: number;
  cacheHitRate?: number;
}

/** Requests drawn per question (cycled when a run sends more). */
const SEQUENCE = 20_000;

async function graphElements(driver: Driver, database?: string): Promise<number> {
  const r = await driver.executeQuery('CALL () { MATCH (n) RETURN count(n) AS n } CALL () { MATCH ()-[r]->() RETURN count(r) AS r } RETURN n + r AS e', {}, { database });
  return Number(r.records[0].get('e'));
}

async function loadStep(driver: Driver, database: string | undefined, files: string[], log: (l: string) => void, label: string) {
  const before = await graphElements(driver, database);
  const started = performance.now();
  let last = 0;
  const summary = await loadPaths(driver, files, {
    database,
    onProgress: (e) => {
      if (e.phase !== 'write' || e.done - last < 250) return;
      last = e.done;
      log(`    ${label}: ${e.done}/${e.total} documents, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const elements = (await graphElements(driver, database)) - before;
  if (summary.failed > 0) log(`    ${label}: ${summary.failed} documents failed`);
  return { seconds: round(seconds), elementsPerSec: round(elements / seconds, 0), elements, documents: files.length, failed: summary.failed };
}

/** One autocannon run sending `bodies` in turn (each connection takes the next). */
async function varied(url: string, bodies: string[], connections: number, seconds: number): Promise<RunFigures> {
  let i = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections,
    duration: seconds,
    pipelining: 1,
    timeout: 30,
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
  });
  const answered = result.requests.total > 0;
  return {
    p50: answered ? result.latency.p50 : null,
    p99: answered ? result.latency.p99 : null,
    rps: round(result.requests.average, 1),
    bytes: answered ? Math.round(result.throughput.total / result.requests.total) : 0,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

function sequenceOf(request: ScaleRequest, params: Parameters, seed: number): string[] {
  if (typeof request.params === 'object') return [request.params.fixed];
  return zipfSequence(params[request.params], SEQUENCE, seed);
}

function bodiesFor(kind: ServerKind, request: ScaleRequest, sequence: string[]): string[] {
  if (kind === 'driver') return sequence.map((p) => JSON.stringify({ p }));
  return sequence.map((p) => JSON.stringify(kind === 'peer' ? request.peer(p) : request.graphql(p)));
}

async function firstAnswer(url: string, body: string): Promise<string | null> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  if (res.status !== 200) return `HTTP ${res.status}: ${text.slice(0, 300)}`;
  const json = JSON.parse(text);
  return json.errors ? JSON.stringify(json.errors).slice(0, 300) : null;
}

/**
 * Neo4j's JVM compiles the code a question's Cypher runs only after many thousands of its
 * requests: on a Neo4j restarted over the seeds + 2,000 graph, the floor's flagshipCounts at 32
 * connections went 429 → 992 → 1,122 requests/s in its first three 5 s runs and settled near
 * 1,500 after about 40 s (Neo4j's CPU per request 3.3 → 0.5 ms). A load leaves it as cold for
 * reads. Timed cold, the first server measured paid that for the others: graphqlNoCache, first
 * at every size until 2026-12-07 (docs/benchmarks.md has what it changed). So before any server
 * is timed, each question runs through the floor, which sends the very Cypher the PlanGraph
 * servers send, at 32 connections until its rate stops rising (warmedUp). The rates are
 * returned: they are what a user gets in the first minute of reads after a load or a restart.
 */
async function warmUpNeo4j(neo4j: Neo4jLogin, params: Parameters, opts: Pick<ScaleOptions, 'seed' | 'log'>, only?: readonly string[]) {
  const warm: Record<string, number[]> = {};
  const floor = await spawnServer('driver', neo4j);
  try {
    for (const request of SCALE_REQUESTS.filter((r) => !only || only.includes(r.name))) {
      const bodies = bodiesFor('driver', request, sequenceOf(request, params, opts.seed));
      const rates: number[] = (warm[request.name] = []);
      while (!warmedUp(rates)) rates.push((await varied(`${floor.url}/scale/${request.name}`, bodies, WARM_CONNECTIONS, WARM_RUN_SECONDS)).rps);
      opts.log(`      warm-up ${request.name.padEnd(16)} floor c${WARM_CONNECTIONS} req/s by ${WARM_RUN_SECONDS} s run: ${rates.join(', ')}`);
    }
  } finally {
    await floor.stop();
  }
  return warm;
}

/**
 * Every question (or those named in `only`) against each kind of server over the graph as it
 * is, after warming Neo4j up (warmUpNeo4j). Returns the figures and the warm-up's rates.
 */
export async function benchQueriesAt(
  neo4j: Neo4jLogin,
  params: Parameters,
  opts: Pick<ScaleOptions, 'seed' | 'seconds' | 'log'>,
  kinds: ServerKind[],
  only?: readonly string[],
) {
  const figures: Record<string, Record<string, Record<string, RunFigures>>> = {};
  const warmUp = await warmUpNeo4j(neo4j, params, opts, only);
  for (const kind of kinds) {
    const server = await spawnServer(kind, neo4j, undefined, { ipc: kind === 'graphql' });
    opts.log(`    ${kind} server (pid ${server.pid})`);
    try {
      for (const request of SCALE_REQUESTS.filter((r) => !only || only.includes(r.name))) {
        const url = kind === 'driver' ? `${server.url}/scale/${request.name}` : server.url;
        const bodies = bodiesFor(kind, request, sequenceOf(request, params, opts.seed));
        // The first few parameters answered without error before timing, else the figures would time errors.
        for (const body of bodies.slice(0, 5)) {
          const error = await firstAnswer(url, body);
          if (error) opts.log(`      WARNING ${kind} ${request.name}: ${error}`);
        }
        // The server process's own warm-up (its JIT): one untimed run as the timed c32 one.
        await varied(url, bodies, 32, opts.seconds);
        for (const c of [1, 32]) {
          const before = await server.cacheStats?.();
          const f = await varied(url, bodies, c, opts.seconds);
          const after = await server.cacheStats?.();
          if (before && after) {
            const hits = after.hits - before.hits;
            const answered = hits + after.misses - before.misses;
            if (answered > 0) f.cacheHitRate = round(hits / answered, 3);
          }
          ((figures[request.name] ??= {})[kind] ??= {})[`c${c}`] = f;
          const cache = f.cacheHitRate === undefined ? '' : `  cache hits ${(f.cacheHitRate * 100).toFixed(0)}%`;
          opts.log(`      ${request.name.padEnd(16)} c${String(c).padEnd(3)} p50 ${f.p50} ms  p99 ${f.p99} ms  ${f.rps} req/s  ${f.bytes} B/answer${cache}${f.errors ? `  ERRORS ${f.errors}` : ''}`);
        }
      }
    } finally {
      await server.stop();
    }
  }
  return { figures, warmUp };
}

export async function benchScale(neo4j: Neo4jLogin & { driver: Driver }, opts: ScaleOptions, kinds: ServerKind[] = SERVER_KINDS): Promise<Record<string, unknown>> {
  const sizes = [...new Set(opts.sizes)].sort((a, b) => a - b);
  const { driver, database } = neo4j;
  opts.log(`scale: ${sizes.join(', ')} corpus documents (seed ${opts.seed}), ${opts.seconds} s per run, servers ${kinds.join(', ')}`);
  const corpus = writeCorpus(opts.corpusDir, sizes.at(-1)!, opts.seed).files.sort();
  opts.log(`  corpus: ${corpus.length} documents in ${opts.corpusDir}`);
  const out: Record<string, unknown> = {};
  opts.log('  loading the seeds');
  const seeds = await loadStep(driver, database, opts.seedFiles, opts.log, 'seeds');
  let loaded = 0;
  let cumulativeSeconds = seeds.seconds;
  for (const size of sizes) {
    opts.log(`  ${size} documents: loading ${size - loaded} more`);
    const load = await loadStep(driver, database, corpus.slice(loaded, size), opts.log, `${size}`);
    loaded = size;
    cumulativeSeconds += load.seconds;
    opts.log(`  ${size} documents: loaded in ${load.seconds} s (${load.elementsPerSec} elements/s); ${await graphElements(driver, database)} elements in the graph`);
    const tallies = await tallyMismatches(driver, database);
    opts.log(`  tallies: ${tallies.mismatched.length === 0 ? 'all' : `${tallies.documents - tallies.mismatched.length} of`} ${tallies.documents} documents' tallies equal their edges counted afresh${tallies.mismatched.length ? ` (WRONG: ${tallies.mismatched.slice(0, 5).join(', ')}…)` : ''}`);
    const totals = await totalMismatches(driver, database);
    opts.log(`  totals: ${totals.mismatched.length === 0 ? 'all' : `${totals.bodies - totals.mismatched.length} of`} ${totals.bodies} bodies' totals equal the sums of their tallies${totals.mismatched.length ? ` (WRONG: ${totals.mismatched.slice(0, 5).join(', ')}…)` : ''}`);
    const params = await readParameters(driver, database, opts.seed);
    opts.log(`  parameters: ${params.areas.length} areas, ${params.bodies.length} bodies, ${params.words.length} words`);
    const { figures: queries, warmUp } = await benchQueriesAt(neo4j, params, opts, kinds);
    out[size] = {
      load: { ...load, cumulativeSeconds: round(cumulativeSeconds), talliesMismatched: tallies.mismatched.length, totalsMismatched: totals.mismatched.length },
      parameters: { areas: params.areas.length, bodies: params.bodies.length, words: params.words.length },
      warmUp: { runSeconds: WARM_RUN_SECONDS, connections: WARM_CONNECTIONS, server: 'driver', rps: warmUp },
      queries,
    };
  }
  return out;
}

/** The scale figures as a text table: per size and question, p50/p99/rps per server at c1 and c32. */
export function scaleTable(scale: Record<string, any>): string {
  const kinds: ServerKind[] = ['graphqlNoCache', 'graphql', 'driver', 'peer'];
  const lines = [`${'docs'.padEnd(6)}${'question'.padEnd(16)}${'conn'.padEnd(5)}${kinds.map((k) => k.padStart(26)).join('')}`];
  lines.push(`${''.padEnd(27)}${kinds.map(() => 'p50/p99 ms  req/s    KB'.padStart(26)).join('')}`);
  for (const [docs, s] of Object.entries(scale)) {
    lines.push(`${docs} documents: load ${s.load.seconds} s, ${s.load.elementsPerSec} elements/s`);
    // The warm-up's first and last rates: a restarted Neo4j's first seconds against its steady state.
    const warm = Object.entries((s.warmUp?.rps ?? {}) as Record<string, number[]>).map(([name, rates]) => `${name} ${rates[0]} → ${rates.at(-1)}`);
    if (warm.length) lines.push(`  warm-up, floor c32 req/s, first → last ${s.warmUp.runSeconds} s run: ${warm.join('; ')}`);
    for (const [name, byKind] of Object.entries(s.queries as Record<string, any>)) {
      for (const c of ['c1', 'c32']) {
        const cells = kinds.map((k) => {
          const f = byKind[k]?.[c];
          return (f ? `${f.p50}/${f.p99}  ${f.rps}  ${(f.bytes / 1024).toFixed(1)}` : '-').padStart(26);
        });
        lines.push(`${docs.padEnd(6)}${name.padEnd(16)}${c.padEnd(5)}${cells.join('')}`);
      }
    }
  }
  return lines.join('\n');
}
