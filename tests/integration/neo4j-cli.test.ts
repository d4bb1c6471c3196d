/**
 * `plangraph neo4j start|status|stop` as a user runs it: a fresh Neo4j 5.26 from the Maven
 * artifacts in its own throw-away home on free ports, reused by a second start, stopped cleanly.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDriver, serverVersion } from '../../graph/connection.ts';
import { freePort } from '../../graph/local/launcher.ts';
import { testNeo4j } from '../support/neo4j.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const home = mkdtempSync(path.join(os.tmpdir(), 'plangraph-cli-neo4j-'));

/** The environment of a user without NEO4J_* settings, pointed at our throw-away home. */
function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PLANGRAPH_NEO4J_HOME: home, NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '64m', ...extra };
  for (const k of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete env[k];
  return env;
}

function plangraph(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'bin/plangraph.js'), ...args], { env, cwd: ROOT, timeout: 300_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('plangraph neo4j', () => {
  let env: NodeJS.ProcessEnv;

  afterAll(async () => {
    if (env) await plangraph(['neo4j', 'stop'], env);
    rmSync(home, { recursive: true, force: true });
  });

  it('refuses a port that is taken, saying which and how to choose another', async () => {
    const taken = Number(new URL(testNeo4j().uri).port);
    const r = await plangraph(['neo4j', 'start'], cliEnv({ NEO4J_BOLT_PORT: String(taken), NEO4J_HTTP_PORT: String(await freePort()) }));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`port ${taken} (Bolt) on 127.0.0.1 is already in use`);
    expect(r.stderr).toContain('NEO4J_BOLT_PORT');
  });

  it('starts Neo4j 5.26 with Bolt and Browser, writes connection.json (0600), reuses it, stops it cleanly', async () => {
    const bolt = await freePort();
    let http = await freePort();
    while (http === bolt) http = await freePort();
    env = cliEnv({ NEO4J_BOLT_PORT: String(bolt), NEO4J_HTTP_PORT: String(http) });

    const first = await plangraph(['neo4j', 'start'], env);
    // Off a terminal, progress is a line when the start begins, one every 15 s, one when done.
    const progress = first.stderr.trim().split('\n');
    expect(progress[0]).toMatch(/^starting Neo4j \(usually about \d+ s\) …$/);
    expect(progress.at(-1)).toMatch(/^starting Neo4j: done in \d+ s$/);
    for (const line of progress.slice(1, -1)) expect(line).toMatch(/^ {2}… starting Neo4j: \d+ s so far$/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Neo4j 5\.26\.\d+ started \(pid \d+\) in \d+\.\ds/);
    expect(first.stdout).toContain(`Bolt:    bolt://127.0.0.1:${bolt}`);
    expect(first.stdout).toContain(`Browser: http://127.0.0.1:${http}/browser/`);

    const file = path.join(home, 'connection.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    // The user can log in to Browser with what start printed.
    expect(first.stdout).toContain(`(user neo4j, password ${saved.password};`);
    expect(saved).toMatchObject({ uri: `bolt://127.0.0.1:${bolt}`, user: 'neo4j', browserUrl: `http://127.0.0.1:${http}/browser/` });
    expect(saved.password.length).toBeGreaterThanOrEqual(8);

    const driver = await openDriver({ uri: saved.uri, user: saved.user, password: saved.password, source: file });
    try {
      expect(await serverVersion(driver)).toMatch(/^5\.26\./);
    } finally {
      await driver.close();
    }
    const browser = await fetch(saved.browserUrl);
    expect(browser.status).toBe(200);
    expect(await browser.text()).toContain('Neo4j Browser');

    const pid = /pid (\d+)/.exec(first.stdout)![1];
    const again = await plangraph(['neo4j', 'start'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`already running (pid ${pid})`);
    // The generated password is kept: a second start does not invent a new one.
    expect(JSON.parse(readFileSync(file, 'utf8')).password).toBe(saved.password);

    const status = await plangraph(['neo4j', 'status'], env);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`running (pid ${pid})`);
    const statusJson = await plangraph(['neo4j', 'status', '--json'], env);
    expect(statusJson.code).toBe(0);
    expect(JSON.parse(statusJson.stdout)).toMatchObject({ running: true, pid: Number(pid), uri: saved.uri, browserUrl: saved.browserUrl, home });

    const stop = await plangraph(['neo4j', 'stop'], env);
    expect(stop.code).toBe(0);
    expect(stop.stdout).toContain(`Neo4j (pid ${pid}) stopped`);
    // The shutdown hook ran: the store was closed, not abandoned.
    expect(readFileSync(path.join(home, 'neo4j.log'), 'utf8')).toContain('PLANGRAPH-NEO4J STOPPED');
    expect(existsSync(path.join(home, 'neo4j.pid'))).toBe(false);

    const after = await plangraph(['neo4j', 'status'], env);
    expect(after.code).toBe(3);
    expect(after.stdout).toContain('not running');
    const afterJson = await plangraph(['neo4j', 'status', '--json'], env);
    expect(afterJson.code).toBe(3);
    expect(JSON.parse(afterJson.stdout)).toEqual({ running: false, home });

    // A bad memory size is refused naming the variable, before Java sees it.
    const heap = await plangraph(['neo4j', 'start'], { ...env, NEO4J_HEAP: 'lots' });
    expect(heap.code).toBe(1);
    expect(heap.stderr).toContain('NEO4J_HEAP "lots" is not a memory size');

    // Started again without port settings, it keeps the ports of the last start.
    const noPorts = { ...env };
    delete noPorts.NEO4J_BOLT_PORT;
    delete noPorts.NEO4J_HTTP_PORT;
    const second = await plangraph(['neo4j', 'start'], noPorts);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain(`Bolt:    bolt://127.0.0.1:${bolt}`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ uri: `bolt://127.0.0.1:${bolt}`, boltPort: bolt, httpPort: http, password: saved.password });
    expect((await plangraph(['neo4j', 'stop'], noPorts)).code).toBe(0);
  }, 400_000);

  it('--help exits 0 with the usage and exit codes', async () => {
    const r = await plangraph(['neo4j', '--help'], cliEnv({}));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('usage: plangraph neo4j <start|stop|status|install>');
    expect(r.stdout).toContain('3 status: not running');
  });
});
