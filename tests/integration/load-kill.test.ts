/**
 * Neo4j killed (SIGKILL) in the middle of a load: documents committed before the kill
 * stay whole, the one in flight leaves nothing or, killed during its COMMIT, is reported as
 * of unknown outcome (whole or absent), and a rerun completes without
 * duplicating anything. Uses its own Neo4j (local launcher, temp dir) so killing it
 * disturbs no other test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDocument, GraphNode, GraphRelationship } from '../../loaders/model.ts';
import { freePort, launch, type LaunchedNeo4j } from '../../graph/local/launcher.ts';
import { applySchema } from '../../graph/schema.ts';
import { DERIVED_TYPE, TALLY_TYPE, TOTAL_TYPE } from '../../graph/write/allow-list.ts';
import { loadPaths, MAX_DOCUMENTS_IN_FLIGHT, type ExtractedDocument } from '../../load/index.ts';
import { countAll } from './load-snapshot.ts';

const PASSWORD = 'load-kill-test-pw';
const DOCUMENTS = 24;
const TASKS = 40;

/** A plan with TASKS tasks, each led by one of a few shared departments and about 花都区. */
function corpusDocument(n: number): ExtractedDocument {
  const document = `plan-${String(n).padStart(3, '0')}.txt`;
  const planId = `plan:plan-${n}`;
  const ev = (line: number) => ({ document, line, quote: `第${line}行` });
  const nodes: GraphNode[] = [
    { id: planId, labels: ['Plan'], properties: { id: planId, title: `规划${n}`, kind: 'plan', ...ev(1) } },
    { id: 'div:440114', labels: ['District'], properties: { id: 'div:440114', name: '花都区', level: 'DISTRICT', code: '440114', aliases: ['花都'], source: 'gazetteer' } },
  ];
  const relationships: GraphRelationship[] = [];
  for (let d = 0; d < 5; d++) {
    const id = `dept:部门${d}`;
    nodes.push({ id, labels: ['Department'], properties: { id, name: `部门${d}`, kind: 'government', aliases: [`部门${d}-${n % 3}`], ...ev(2) } });
  }
  for (let t = 0; t < TASKS; t++) {
    const id = `${planId}/${t}`;
    nodes.push({ id, labels: ['Task'], properties: { id, title: `任务${t}`, text: '推进'.repeat(40), ref: String(t), ...ev(10 + t) } });
    relationships.push({ type: 'PART_OF', start: id, end: planId, properties: ev(10 + t) });
    relationships.push({ type: 'LEADS', start: `dept:部门${t % 5}`, end: id, properties: ev(10 + t) });
    relationships.push({ type: 'LOCATED_IN', start: id, end: 'div:440114', properties: ev(10 + t) });
  }
  const graph: GraphDocument = { nodes, relationships };
  return { document, graph };
}

const corpus = Array.from({ length: DOCUMENTS }, (_, i) => corpusDocument(i + 1));
const extract = async () => ({ documents: corpus });

let home: string;
let ports: { bolt: number; http: number };
let server: LaunchedNeo4j | undefined;

function start(): Promise<LaunchedNeo4j> {
  return launch({ home, boltPort: ports.bolt, httpPort: ports.http, password: PASSWORD, heap: '512m', pageCache: '64m' });
}

function connect(s: LaunchedNeo4j): Driver {
  // Short retries: after the kill, each remaining document should fail fast, not retry for 30 s.
  return neo4j.driver(s.uri, neo4j.auth.basic('neo4j', PASSWORD), {
    maxTransactionRetryTime: 1_000,
    connectionTimeout: 2_000,
    connectionAcquisitionTimeout: 3_000,
  });
}

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'plangraph-load-kill-'));
  ports = { bolt: await freePort(), http: await freePort() };
  server = await start();
}, 240_000);

afterAll(async () => {
  await server?.stop().catch(() => {});
  if (home) rmSync(home, { recursive: true, force: true });
}, 120_000);

describe('Neo4j killed during a load', () => {
  it('keeps committed documents whole, and a rerun completes with nothing duplicated', async () => {
    const first = connect(server!);
    await applySchema(first);
    let killed = false;
    const interrupted = await loadPaths(first, ['(corpus)'], {
      extract,
      onProgress(e) {
        if (e.phase === 'write' && e.done === 6 && !killed) {
          killed = true;
          process.kill(server!.pid, 'SIGKILL');
        }
      },
    });
    await first.close().catch(() => {});
    expect(killed).toBe(true);
    expect(interrupted.loaded).toBeGreaterThanOrEqual(6);
    expect(interrupted.failed).toBeGreaterThan(0);
    const failed = interrupted.documents.filter((d) => d.status === 'failed');
    // The documents in flight (up to MAX_DOCUMENTS_IN_FLIGHT at once: a few transactions of a
    // few documents each) name themselves; the rest are not attempted once Neo4j is gone.
    const inFlight = failed.filter((d) => !/^not written: Neo4j became unavailable/.test(d.reason ?? ''));
    expect(inFlight.length).toBeGreaterThanOrEqual(1);
    expect(inFlight.length).toBeLessThanOrEqual(MAX_DOCUMENTS_IN_FLIGHT);
    // Killed while its statements ran: nothing committed. Killed during the COMMIT: Neo4j may
    // have committed it or not, and the load says it does not know (write-failures.test.ts
    // makes that case happen for certain).
    for (const d of inFlight) {
      expect(d.reason).toMatch(new RegExp(`^${d.document.replace('.', '\\.')}: (write failed, nothing of it was committed|write outcome unknown: .*rerun the load)`));
    }
    expect(failed.slice(0, inFlight.length)).toEqual(inFlight);
    const saidNothing = inFlight.filter((d) => /nothing of it was committed/.test(d.reason ?? '')).map((d) => d.document);

    server = await start();
    const second = connect(server);
    try {
      // What survived the kill: whole documents only (every Plan with all its tasks).
      const partial = await second.executeQuery(
        'MATCH (p:Plan) OPTIONAL MATCH (t:Task {document: p.document}) WITH p, count(t) AS tasks RETURN collect(tasks) AS perPlan',
      );
      const perPlan = (partial.records[0].get('perPlan') as { toNumber(): number }[]).map((v) => v.toNumber());
      expect(perPlan.length).toBeGreaterThanOrEqual(6);
      expect(perPlan.every((n) => n === TASKS)).toBe(true);
      // What the load said was not committed is indeed not there.
      const present = await second.executeQuery('MATCH (p:Plan) RETURN collect(p.document) AS documents');
      expect((present.records[0].get('documents') as string[]).filter((d) => saidNothing.includes(d))).toEqual([]);
      const orphanTasks = await second.executeQuery('MATCH (t:Task) WHERE NOT EXISTS { MATCH (:Plan {document: t.document}) } RETURN count(t) AS n');
      expect(orphanTasks.records[0].get('n').toNumber()).toBe(0);

      const rerun = await loadPaths(second, ['(corpus)'], { extract });
      expect(rerun.failed).toBe(0);
      expect(rerun.unchanged).toBe(perPlan.length);
      expect(rerun.loaded).toBe(DOCUMENTS - perPlan.length);

      const counts = await countAll(second);
      expect(counts.distinctIds).toBe(counts.nodes);
      // Plans + tasks + 5 departments + 花都区; PART_OF + LEADS + LOCATED_IN per task.
      expect(counts.nodes).toBe(DOCUMENTS * (1 + TASKS) + 5 + 1);
      // Each task's 3 and its one TOUCHES edge (the writer materialises the touches rule,
      // graph/write/touches.ts; 花都区 is the only area here), each document's REFERS_TO
      // record of its 6 shared nodes (花都区, 5 departments), and the TALLY of its tasks in 花都区
      // (graph/write/tallies.ts): one per body, one of the plan's; and each body's TOTAL there.
      expect(counts.relationships).toBe(DOCUMENTS * (TASKS * 4 + 6 + 5 + 1) + 5);
      const tallies = await second.executeQuery(`MATCH (:Department)-[k:${TALLY_TYPE}]->(:District {id: 'div:440114'}) RETURN count(k) AS n, sum(k.tasks) AS tasks`);
      expect(tallies.records[0].get('n').toNumber()).toBe(DOCUMENTS * 5);
      expect(tallies.records[0].get('tasks').toNumber()).toBe(DOCUMENTS * TASKS);
      // The totals moved with every committed document and with none that was cut off.
      const totals = await second.executeQuery(`MATCH (:Department)-[s:${TOTAL_TYPE}]->(:District {id: 'div:440114'}) RETURN count(s) AS n, sum(s.tasks) AS tasks, sum(s.plans) AS plans`);
      expect(totals.records[0].get('n').toNumber()).toBe(5);
      expect(totals.records[0].get('tasks').toNumber()).toBe(DOCUMENTS * TASKS);
      expect(totals.records[0].get('plans').toNumber()).toBe(DOCUMENTS * 5);
      const touches = await second.executeQuery(
        `MATCH (t:Task)-[r:${DERIVED_TYPE}]->(a) RETURN count(r) AS edges, count(DISTINCT t) AS tasks, collect(DISTINCT a.id) AS areas`,
      );
      expect(touches.records[0].get('edges').toNumber()).toBe(DOCUMENTS * TASKS);
      expect(touches.records[0].get('tasks').toNumber()).toBe(DOCUMENTS * TASKS);
      expect(touches.records[0].get('areas')).toEqual(['div:440114']);

      const again = await loadPaths(second, ['(corpus)'], { extract });
      expect(again.unchanged).toBe(DOCUMENTS);
      expect(again.changed).toBe(0);
    } finally {
      await second.close();
    }
  }, 600_000);
});
