/**
 * Soak: 60 s at 32 connections of mixed requests (the flagship, a body's tasks, full-text
 * search, a paginated task filter, plans and GraphiQL's introspection) against the real
 * PlanGraph server over the loaded seeds, on loopback. Zero errors, and the server's
 * resident memory grows less than 10% from after warm-up to the end.
 *
 * The server runs in its own process (bench/queries/serve.ts) so its RSS is read from
 * /proc/<pid>/status alone: in this process, vitest, the driver used to load the seeds and
 * autocannon's own buffers would all count, and a leak in the server would hide among them.
 * The baseline is read after a warm-up at the same load, so JIT code, query plan caches and
 * the driver's connection pool are in it; both readings follow the same idle pause, so V8's
 * heap sized for the burst has shrunk back and what remains grown is what a long-running
 * server would keep.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type ServerChild } from '../../bench/queries/child.ts';
import { REQUESTS } from '../../bench/queries/requests.ts';
import { useNeo4j } from '../support/neo4j.ts';
import { loadSeeds, testConnection } from './server.harness.ts';

const SOAK_SECONDS = 60;
const WARMUP_SECONDS = 20;
const CONNECTIONS = 32;
/** Pause before each RSS reading, so a heap grown for the load has shrunk back. */
const IDLE_SECONDS = 10;
const idle = () => new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
/** Upper bound on requests, whatever the machine's speed. */
const MAX_REQUESTS = 500_000;

const neo = useNeo4j();
let server: ServerChild;

/** Resident set size of a process in MB, from the kernel. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmRSS for pid ${pid}`);
  return kb / 1024;
}

const mixed = [
  ...REQUESTS.map((r) => JSON.stringify(r.graphql)),
  JSON.stringify({ query: '{ plans { id title periodStart periodEnd jurisdiction { name } } }' }),
  JSON.stringify({ query: '{ __schema { types { name kind fields { name } } } }' }),
];

/** Every answer must be HTTP 200 with data and no GraphQL errors. */
function run(seconds: number, problems: string[]) {
  return autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: seconds,
    maxOverallRequests: MAX_REQUESTS,
    timeout: 30,
    requests: mixed.map((body) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      onResponse: (status: number, text: string) => {
        if (status === 200 && text.startsWith('{"data"') && !text.includes('"errors"')) return;
        if (problems.length < 20) problems.push(`${status} ${text.slice(0, 200)}`);
        else problems.push('…');
      },
    })),
  });
}

beforeAll(async () => {
  await loadSeeds(neo.driver, neo.database);
  server = await spawnServer('graphql', testConnection());
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

describe(`soak: ${SOAK_SECONDS} s at ${CONNECTIONS} connections, mixed requests`, () => {
  it('answers every request without error, and the server process grows less than 10% in RSS', async () => {
    // RSS sampled every second from the start of the warm-up; the baseline is the warm-up's highest
    // sample (RSS saws up and down with each GC cycle: one cycle's top is not a leak).
    const warmupSamples: number[] = [];
    const samples: number[] = [];
    let into = warmupSamples;
    const sampler = setInterval(() => {
      try {
        into.push(rssMb(server.pid));
      } catch {
        // The server died: the request errors below say so.
      }
    }, 1000);
    const warmupProblems: string[] = [];
    try {
      await run(WARMUP_SECONDS, warmupProblems);
    } catch (err) {
      clearInterval(sampler);
      throw err;
    }
    into = samples;
    expect(warmupProblems, 'errors during warm-up').toEqual([]);
    // Both ends measured after the same idle pause: V8 shrinks a heap sized for a burst once the
    // burst ends, and keeps what is leaked. (The warm-up's highest sample is logged beside it.)
    await idle();
    const baseline = rssMb(server.pid);

    const problems: string[] = [];
    const started = Date.now();
    let result: Awaited<ReturnType<typeof run>>;
    try {
      result = await run(SOAK_SECONDS, problems);
    } finally {
      clearInterval(sampler);
    }
    const elapsed = (Date.now() - started) / 1000;
    await idle();
    const end = rssMb(server.pid);
    const growth = (end - baseline) / baseline;
    console.log(
      `[soak] ${result.requests.total} requests in ${elapsed.toFixed(0)} s (${result.requests.average} req/s), p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ` +
        `server RSS after warm-up ${baseline.toFixed(0)} MB → after the soak ${end.toFixed(0)} MB (${(growth * 100).toFixed(1)}%, both after ${IDLE_SECONDS} s idle); ` +
        `highest ${Math.max(...warmupSamples).toFixed(0)} MB in warm-up, ${Math.max(...samples, end).toFixed(0)} MB in the soak; ` +
        `${problems.length} bad answers${problems.length ? `, first: ${problems[0]}` : ''}`,
    );

    expect(elapsed).toBeGreaterThanOrEqual(SOAK_SECONDS - 1);
    // Enough traffic for the soak to mean something: every connection kept busy throughout.
    expect(result.requests.total).toBeGreaterThan(CONNECTIONS * mixed.length);
    expect(problems).toEqual([]);
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(server.stderr()).not.toMatch(/request failed|INTERNAL_SERVER_ERROR/);
    expect(growth).toBeLessThan(0.1);
  }, (SOAK_SECONDS + WARMUP_SECONDS + 2 * IDLE_SECONDS) * 1000 + 120_000);
});
