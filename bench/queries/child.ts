/** Starts bench/queries/serve.ts as a child process and waits for its URL. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerKind } from './serve.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface Neo4jLogin {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

export interface ServerChild {
  kind: ServerKind;
  url: string;
  pid: number;
  child: ChildProcess;
  /** What the child wrote to stderr so far (errors it logged). */
  stderr(): string;
  stop(): Promise<void>;
}

export function spawnServer(kind: ServerKind, neo4j: Neo4jLogin, timeoutMs = 120_000): Promise<ServerChild> {
  const args = ['bin/run-ts.js', 'bench/queries/serve.ts', kind, neo4j.uri, neo4j.user, neo4j.password, ...(neo4j.database ? [neo4j.database] : [])];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (b) => (err += b));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${kind} server did not start within ${timeoutMs / 1000} s: ${err.slice(-2000)}`));
    }, timeoutMs);
    child.stdout!.on('data', (b) => {
      out += b;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      const { url, pid } = JSON.parse(line) as { url: string; pid: number };
      resolve({ kind, url, pid, child, stderr: () => err, stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} server exited (code ${code}) before listening: ${err.slice(-2000)}`));
    });
  });
}
