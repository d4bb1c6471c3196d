/**
 * queries: each request of requests.ts against PlanGraph's GraphQL as served (response cache
 * on), PlanGraph with the cache off, the driver floor and the @neo4j/graphql peer, one server at
 * a time (a child process), at 1 and 32 connections. Before timing, every answer is checked:
 * HTTP 200, no errors, and the same number of items from all (so nobody is fast because it
 * answers less). PlanGraph's served figures carry the cache's hit rate over each run.
 */
import { cannon, type LoadFigures } from './cannon.ts';
import { spawnServer, type Neo4jLogin, type ServerChild } from './child.ts';
import { REQUESTS, type BenchRequest } from './requests.ts';
import { round } from '../measure.ts';
import { SERVER_KINDS, type ServerKind } from './kinds.ts';

/** LoadFigures, plus for a server with a response cache what it did during the run. */
export type QueryRunFigures = LoadFigures & { cacheHitRate?: number; versionReadsPerRequest?: number };
export type QueryFigures = Record<string, Record<ServerKind, Record<'c1' | 'c32', QueryRunFigures>>>;

export interface QueryBenchOptions {
  seconds: number;
  /** Warm-up seconds per request and server before the timed runs (JIT, plan caches, pools). */
  warmupSeconds: number;
  connections?: number[];
  kinds?: ServerKind[];
  log(line: string): void;
}

function target(server: ServerChild, request: BenchRequest): { url: string; body: string } {
  if (server.kind === 'driver') return { url: `${server.url}/${request.name}`, body: '{}' };
  const r = server.kind === 'peer' ? request.peer : request.graphql; // graphql and graphqlNoCache alike
  return { url: server.url, body: JSON.stringify(r) };
}

/** One request through one server, returning the item count; throws on any error in the answer. */
export async function check(server: ServerChild, request: BenchRequest): Promise<number> {
  const { url, body } = target(server, request);
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  const json = JSON.parse(text);
  if (res.status !== 200 || json.errors) throw new Error(`${server.kind} ${request.name}: HTTP ${res.status} ${text.slice(0, 500)}`);
  const kind = server.kind === 'graphqlNoCache' ? 'graphql' : server.kind;
  return request.count(kind, kind === 'driver' ? json.data : json);
}

export async function benchQueries(neo4j: Neo4jLogin, opts: QueryBenchOptions): Promise<{ figures: QueryFigures; counts: Record<string, Record<string, number>> }> {
  const kinds = opts.kinds ?? SERVER_KINDS;
  const connections = opts.connections ?? [1, 32];
  const figures = {} as QueryFigures;
  const counts: Record<string, Record<string, number>> = {};
  for (const kind of kinds) {
    const server = await spawnServer(kind, neo4j, undefined, { ipc: kind === 'graphql' });
    opts.log(`  ${kind} server at ${server.url} (pid ${server.pid})`);
    try {
      for (const request of REQUESTS) {
        (counts[request.name] ??= {})[kind] = await check(server, request);
        // A few answers one at a time first: JIT, Neo4j's plan cache and the driver's pool warm up.
        for (let i = 0; i < 5; i++) await check(server, request);
        const { url, body } = target(server, request);
        if (opts.warmupSeconds > 0) await cannon(url, body, 8, opts.warmupSeconds);
        for (const c of connections) {
          const before = await server.cacheStats?.();
          const f: QueryRunFigures = await cannon(url, body, c, opts.seconds);
          const after = await server.cacheStats?.();
          if (before && after) {
            const hits = after.hits - before.hits;
            const answered = hits + after.misses - before.misses;
            if (answered > 0) f.cacheHitRate = round(hits / answered, 3);
            if (f.requests > 0) f.versionReadsPerRequest = round((after.versionReads - before.versionReads) / f.requests, 3);
          }
          ((figures[request.name] ??= {} as QueryFigures[string])[kind] ??= {} as Record<'c1' | 'c32', QueryRunFigures>)[`c${c}` as 'c1' | 'c32'] = f;
          const cache = f.cacheHitRate === undefined ? '' : `  cache hits ${(f.cacheHitRate * 100).toFixed(1)}%, version reads/request ${f.versionReadsPerRequest}`;
          opts.log(`    ${request.name.padEnd(16)} c${String(c).padEnd(3)} p50 ${f.p50} ms  p99 ${f.p99} ms  ${f.rps} req/s${cache}${f.errors || f.non2xx ? `  ERRORS ${f.errors} non-2xx ${f.non2xx}` : ''}`);
        }
      }
    } finally {
      await server.stop();
    }
  }
  for (const [name, byKind] of Object.entries(counts)) {
    const values = new Set(Object.values(byKind));
    if (values.size > 1) opts.log(`  WARNING ${name}: answers differ in size across servers ${JSON.stringify(byKind)}`);
  }
  return { figures, counts };
}
