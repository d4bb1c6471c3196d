/**
 * Issue 15's loader probes, through the real loader into the real test Neo4j:
 *  - compression bombs (a .docx whose document.xml unpacks to 300 MB from about a megabyte, a
 *    .pdf whose page stream does the same, a smaller .docx past the ratio cap), generated here,
 *    fail naming the file before anything is written, without the loader's memory following them;
 *  - a Neo4j that stops answering mid-load (a TCP relay that freezes) fails the load fast, and
 *    `plangraph load` exits instead of hanging in driver.close();
 *  - a file named like a loaded document from another folder is refused unless replacing, and a
 *    seed loaded without its manifest is noticed.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPaths } from '../../load/load-paths.ts';
import { docxBomb, docxOf, pdfBomb } from '../fixtures/hostile/bombs.ts';
import { testNeo4j, useNeo4j } from '../support/neo4j.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEEDS = path.join(ROOT, 'seeds');
const GOOD = path.join(SEEDS, 'guangzhou-industrial-clusters-news.txt');
const db = useNeo4j();
const dir = mkdtempSync(path.join(tmpdir(), 'plangraph-abuse-files-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function count(cypher: string, params: Record<string, unknown> = {}): Promise<number> {
  const r = await db.driver.executeQuery(cypher, params, { database: db.database });
  return r.records[0]!.get(0).toNumber();
}

describe('compression bombs', () => {
  it('fail naming the file and the problem before anything is written; the good file beside them loads', async () => {
    const files = {
      'bomb-300mb.docx': await docxBomb(300),
      'bomb-300mb.pdf': await pdfBomb(300),
      'ratio-30mb.docx': await docxBomb(30),
      'fine.docx': await docxOf(40),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
    expect(files['bomb-300mb.docx'].length).toBeLessThan(2 * 1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const summary = await loadPaths(db.driver, [GOOD, ...Object.keys(files).map((f) => path.join(dir, f))], { database: db.database }).finally(() =>
      clearInterval(sampler),
    );
    const byName = Object.fromEntries(summary.documents.map((d) => [d.document, d]));
    console.log(`[abuse] bombs: loader RSS ${(rssBefore / 1e6).toFixed(0)} → peak ${(peak / 1e6).toFixed(0)} MB; ${summary.documents.map((d) => `${d.document} ${d.status}`).join(', ')}`);
    expect(byName['guangzhou-industrial-clusters-news.txt']!.status).toBe('loaded');
    expect(byName['fine.docx']!.status, byName['fine.docx']!.reason).toBe('loaded');
    for (const name of ['bomb-300mb.docx', 'bomb-300mb.pdf']) {
      expect(byName[name]).toMatchObject({ status: 'failed' });
      expect(byName[name]!.reason).toMatch(new RegExp(`^${name.replace('.', '\\.')}: unpacks to more than 200 MB \\(PLANGRAPH_MAX_UNPACKED_MB\\) from a [\\d.]+ MB file; a compression bomb or not a plan$`));
    }
    expect(byName['ratio-30mb.docx']!.reason).toMatch(/^ratio-30mb\.docx: unpacks to more than \d+ times its size .*PLANGRAPH_MAX_UNPACK_RATIO is 100/);
    for (const name of ['bomb-300mb.docx', 'bomb-300mb.pdf', 'ratio-30mb.docx']) {
      expect(await count('MATCH (n {document: $d}) RETURN count(n)', { d: name })).toBe(0);
    }
    // Unpacking stops at the cap: nowhere near the 3.85 GB the 300 MB .docx took before.
    expect((peak - rssBefore) / 1e6).toBeLessThan(900);
  }, 300_000);
});

/** Relays to the test Neo4j until the client sends `trigger`; from then on it forwards nothing, in either direction, and keeps every socket open. */
function freezingRelay(trigger: string): Promise<{ port: number; frozen: () => boolean; close: () => Promise<void> }> {
  const target = new URL(testNeo4j().uri.replace(/^[a-z+]+:/, 'http:'));
  let frozen = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('error', () => {});
    const upstream = net.connect(Number(target.port || 7687), target.hostname);
    sockets.add(upstream);
    upstream.on('error', () => {});
    client.on('data', (chunk: Buffer) => {
      if (!frozen && chunk.includes(trigger)) frozen = true;
      if (!frozen) upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!frozen) client.write(chunk);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        frozen: () => frozen,
        close: () => {
          for (const s of sockets) s.destroy();
          return new Promise<void>((done) => server.close(() => done()));
        },
      }),
    ),
  );
}

describe('a Neo4j that stops answering mid-load', () => {
  it('`plangraph load` fails every document fast and exits, instead of hanging in driver.close()', async () => {
    // Frozen at the first write transaction's first statement (the writer's prior-state read).
    const relay = await freezingRelay('range(0, size($docs)');
    const { user, password, database } = testNeo4j();
    const seeds = ['guangdong-construction-news-future-communities.txt', 'guangzhou-industrial-clusters-news.txt', 'beautiful-guangzhou-plan-2025-2035.txt'].map((f) => path.join(SEEDS, f));
    const started = Date.now();
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/plangraph.js'), 'load', ...seeds], {
      cwd: ROOT,
      env: {
        ...process.env,
        NEO4J_URI: `bolt://127.0.0.1:${relay.port}`,
        NEO4J_USER: user,
        NEO4J_PASSWORD: password,
        ...(database ? { NEO4J_DATABASE: database } : {}),
        PLANGRAPH_WRITE_TIMEOUT_MS: '3000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 90_000);
      child.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    const seconds = (Date.now() - started) / 1000;
    await relay.close();
    console.log(`[abuse] load against a frozen Neo4j exited ${code} after ${seconds.toFixed(1)} s:\n${out}`);
    expect(relay.frozen()).toBe(true);
    expect(code, 'the load hung').toBe(1);
    // Start-up (tsx, extraction) plus one 3 s write deadline plus at most 5 s closing the driver.
    expect(seconds).toBeLessThan(45);
    expect(out).toMatch(/Neo4j did not answer a write of \d+ document\(s\) within 3\.0 s/);
    expect(out).toMatch(/3 document\(s\): 0 loaded, 0 unchanged, 3 failed/);
  }, 120_000);
});

describe('documents of the same name', () => {
  beforeAll(async () => {
    const summary = await loadPaths(db.driver, [GOOD], { database: db.database });
    expect(['loaded', 'unchanged']).toContain(summary.documents[0]!.status);
  });

  it('refuses a file named like a loaded document from another folder, unless replacing; notices the seed has no manifest there', async () => {
    const other = mkdtempSync(path.join(dir, 'elsewhere-'));
    const copy = path.join(other, path.basename(GOOD));
    copyFileSync(GOOD, copy);
    const refused = await loadPaths(db.driver, [copy], { database: db.database });
    expect(refused.documents[0]).toMatchObject({ status: 'failed' });
    expect(refused.documents[0]!.reason).toBe(
      `${path.basename(GOOD)}: a document of this name was loaded from ${GOOD}; this file is ${copy}. ` +
        'Documents are named by their file name: rename one of them, or pass --replace to replace the loaded one with this file.',
    );
    expect(refused.notices.join('\n')).toMatch(/guangzhou-industrial-clusters-news\.txt is a seed, loaded here without its manifest entry/);
    const source = async () =>
      (await db.driver.executeQuery("MATCH (s:GraphState {id: 'source:' + $d}) RETURN s.path AS path", { d: path.basename(GOOD) }, { database: db.database })).records[0]?.get('path');
    expect(await source()).toBe(GOOD);

    const replaced = await loadPaths(db.driver, [copy], { database: db.database, replace: true });
    expect(['loaded', 'unchanged']).toContain(replaced.documents[0]!.status);
    expect(await source()).toBe(copy);
    // The same path again is a reload, not a clash.
    expect((await loadPaths(db.driver, [copy], { database: db.database })).documents[0]!.status).toBe('unchanged');
  });
});
