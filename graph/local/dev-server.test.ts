import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isAlive } from './launcher.ts';
import { previousPorts, stopDevServer } from './dev-server.ts';

/** A live process that looks like the launcher (its command line names Launcher.java), as the pid file's owner. */
function fakeLauncher(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'Launcher.java'], { stdio: 'ignore' });
}

describe('the local Neo4j under PLANGRAPH_NEO4J_HOME', () => {
  const homes: string[] = [];
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    for (const h of homes) rmSync(h, { recursive: true, force: true });
  });
  const home = () => {
    const h = mkdtempSync(path.join(os.tmpdir(), 'plangraph-devserver-'));
    homes.push(h);
    return h;
  };

  it('up stops only the Neo4j it started: another pid in the pid file keeps running', async () => {
    const h = home();
    const later = fakeLauncher();
    children.push(later);
    writeFileSync(path.join(h, 'neo4j.pid'), `${later.pid}\n`);
    const env = { PLANGRAPH_NEO4J_HOME: h };
    // `up` started pid later.pid + 1 000 000 (gone since); a later `neo4j start` began `later`.
    expect(await stopDevServer(env, 5000, later.pid! + 1_000_000)).toBeUndefined();
    expect(isAlive(later.pid!)).toBe(true);
    // The one it started is stopped.
    expect(await stopDevServer(env, 5000, later.pid!)).toBe(later.pid);
    await new Promise((r) => setTimeout(r, 100));
    expect(isAlive(later.pid!)).toBe(false);
  });

  it('remembers the ports of the last start from connection.json', () => {
    const h = home();
    expect(previousPorts({ PLANGRAPH_NEO4J_HOME: h })).toEqual({});
    writeFileSync(path.join(h, 'connection.json'), JSON.stringify({ uri: 'bolt://127.0.0.1:7700', user: 'neo4j', password: 'x'.repeat(12), boltPort: 7700, httpPort: 7480 }));
    expect(previousPorts({ PLANGRAPH_NEO4J_HOME: h })).toEqual({ bolt: 7700, http: 7480 });
    writeFileSync(path.join(h, 'connection.json'), JSON.stringify({ boltPort: 'x', httpPort: 70000 }));
    expect(previousPorts({ PLANGRAPH_NEO4J_HOME: h })).toEqual({ bolt: undefined, http: undefined });
  });
});
