/** Starts bench/queries/serve.ts as a child process and waits for its URL. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ResponseCacheStats } from '../../api/plugins/responseCache.ts';
import type { ServerKind } from './kinds.ts';

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
  /**
   * Only when spawned with `ipc: true` (and `--expose-gc` among nodeArgs): has the child run a full
   * GC, then returns its process.memoryUsage(). Over the IPC channel, never an HTTP route.
   */
  memoryAfterGc?(): Promise<NodeJS.MemoryUsage & { gcRan: boolean }>;
  /** Only with `ipc: true`: the response cache's counters (null when the server has no cache). */
  cacheStats?(): Promise<ResponseCacheStats | null>;
}

export interface SpawnOptions {
  /** Extra node flags for the child, e.g. ['--expose-gc']. */
  nodeArgs?: string[];
  /** Extra environment for the child (added to this process's). */
  env?: Record<string, string>;
  /** Open an IPC channel (enables memoryAfterGc and cacheStats). */
  ipc?: boolean;
}

export function spawnServer(kind: ServerKind, neo4j: Neo4jLogin, timeoutMs = 120_000, options: SpawnOptions = {}): Promise<ServerChild> {
  const args = [...(options.nodeArgs ?? []), 'bin/run-ts.js', 'bench/queries/serve.ts', kind, neo4j.uri, neo4j.user, neo4j.password, ...(neo4j.database ? [neo4j.database] : [])];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...options.env },
    stdio: options.ipc ? ['pipe', 'pipe', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'],
  });
  // One request over the IPC channel: send message, resolve with the first reply answer() accepts (not undefined).
  const ask = <T>(message: string, answer: (reply: Record<string, unknown>) => T | undefined) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: unknown) => {
        const value = m && typeof m === 'object' ? answer(m as Record<string, unknown>) : undefined;
        if (value === undefined) return;
        child.off('message', onMessage);
        resolve(value);
      };
      child.on('message', onMessage);
      if (!child.send(message)) reject(new Error(`${kind} server: IPC channel closed`));
    });
  const memoryAfterGc = () =>
    ask('gc-and-measure', (r) => (r.memory ? { ...(r.memory as NodeJS.MemoryUsage), gcRan: Boolean(r.gcRan) } : undefined));
  const cacheStats = () => ask('cache-stats', (r) => ('cacheStats' in r ? ((r.cacheStats as ResponseCacheStats | null) ?? null) : undefined));
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
      resolve({ kind, url, pid, child, stderr: () => err, stop, ...(options.ipc ? { memoryAfterGc, cacheStats } : {}) });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} server exited (code ${code}) before listening: ${err.slice(-2000)}`));
    });
  });
}
