/**
 * The project's own Neo4j under .neo4j/ (data, logs, neo4j.pid, neo4j.log, connection.json),
 * behind `plangraph neo4j start|stop|status` and `plangraph up`. One server per .neo4j/:
 * start reuses it when it is already running.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { processEnv, type Env } from '../../config/env.ts';
import { givenPassword, localNeo4jSettings, localPassword, neo4jHome } from '../../config/neo4j.ts';
import { connectionFile, connectionFromFile } from '../config.ts';
import { openDriver, serverVersion, type ConnectionConfig } from '../connection.ts';
import { checkJava, checkPorts, ensureLibWithProgress, isAlive, launch, stopPid, LauncherError, type PhaseReporter } from './launcher.ts';

export interface DevServerInfo {
  pid: number;
  uri: string;
  browserUrl: string;
  version: string;
  home: string;
  connection: ConnectionConfig;
}

export interface DevServerStart extends DevServerInfo {
  /** True when a server was already running and is reused. */
  reused: boolean;
  /** Seconds from the call until Bolt answered. */
  seconds: number;
}

interface ConnectionFile {
  uri: string;
  user: string;
  password: string;
  browserUrl: string;
  boltPort: number;
  httpPort: number;
  /** How long the last start took (the progress bar's estimate for the next). */
  startSeconds?: number;
}

function pidFile(env: Env): string {
  return path.join(neo4jHome(env), 'neo4j.pid');
}

export function logFile(env: Env = processEnv()): string {
  return path.join(neo4jHome(env), 'neo4j.log');
}

/** The pid of the running launcher, or undefined (a stale pid file is removed). */
export function runningPid(env: Env = processEnv()): number | undefined {
  const file = pidFile(env);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && looksLikeLauncher(pid)) return pid;
  rmSync(file, { force: true });
  return undefined;
}

/** Guards against a reused pid: on Linux, check the process is our launcher. */
function looksLikeLauncher(pid: number): boolean {
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return true; // no /proc (macOS): trust the pid file
  try {
    return readFileSync(cmdline, 'utf8').includes('Launcher.java');
  } catch {
    return true;
  }
}

function choosePassword(env: Env, previous?: string): string {
  return localPassword(env) ?? previous ?? randomBytes(18).toString('base64url');
}

async function describeRunning(pid: number, env: Env, waitMs = 0): Promise<DevServerInfo> {
  const conn = connectionFromFile(connectionFile(env), env);
  if (!conn) throw new LauncherError(`Neo4j runs (pid ${pid}) but ${connectionFile(env)} is missing; run "npx plangraph neo4j stop" and start again`);
  // A server another command is still starting answers within waitMs.
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const driver = await openDriver(conn);
      try {
        const version = await serverVersion(driver);
        return { pid, uri: conn.uri, browserUrl: conn.browserUrl ?? '', version, home: neo4jHome(env), connection: conn };
      } finally {
        await driver.close();
      }
    } catch (err) {
      if (Date.now() > deadline || !isAlive(pid)) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** Starts the server under .neo4j/, or reuses the one running there. Resolves once Bolt answers. */
export async function startDevServer(env: Env = processEnv(), log: (line: string) => void = () => {}, phases?: PhaseReporter): Promise<DevServerStart> {
  const t0 = Date.now();
  const home = neo4jHome(env);
  const running = runningPid(env);
  if (running) {
    const info = await describeRunning(running, env, 180_000);
    const given = givenPassword(env);
    if (given && given !== info.connection.password) {
      log(`note: the running server keeps its password from ${connectionFile(env)}; stop and start it to apply NEO4J_PASSWORD`);
    }
    return { ...info, reused: true, seconds: (Date.now() - t0) / 1000 };
  }

  mkdirSync(home, { recursive: true });
  const previous = connectionFromFile(connectionFile(env), env);
  const password = choosePassword(env, previous?.password);
  // The ports of the last start unless the environment says otherwise: clients and bookmarks
  // keep working after a stop and start.
  const { boltPort, httpPort, heap, pageCache } = localNeo4jSettings(env, previousPorts(env));
  await checkPorts({ bolt: boltPort, http: httpPort }, 'choose others with NEO4J_BOLT_PORT / NEO4J_HTTP_PORT');
  // Missing Java or Maven: say so before anything is written.
  checkJava();
  await ensureLibWithProgress(log, phases);

  // Written before the JVM is up, so an interrupted start leaves a server that the next start
  // finds (pid file) and can talk to (connection.json).
  const browserUrl = `http://127.0.0.1:${httpPort}/browser/`;
  const expectedSeconds = previousStartSeconds(env) ?? 45;
  const file: ConnectionFile = { uri: `bolt://127.0.0.1:${boltPort}`, user: 'neo4j', password, browserUrl, boltPort, httpPort };
  writeFileSync(connectionFile(env), JSON.stringify(file, null, 2) + '\n', { mode: 0o600 });
  chmodSync(connectionFile(env), 0o600); // mode applies only on create

  log(`starting Neo4j (data in ${home}, log ${logFile(env)}) …`);
  phases?.begin('starting Neo4j', { expectedSeconds });
  const launched = Date.now();
  const server = await launch({
    home,
    boltPort,
    httpPort,
    password,
    heap,
    pageCache,
    logFile: logFile(env),
    onSpawn: (pid) => writeFileSync(pidFile(env), `${pid}\n`),
  });
  const info = await describeRunning(server.pid, env).finally(() => phases?.end());
  const seconds = (Date.now() - t0) / 1000;
  writeFileSync(connectionFile(env), JSON.stringify({ ...file, startSeconds: Math.round((Date.now() - launched) / 100) / 10 }, null, 2) + '\n', { mode: 0o600 });
  return { ...info, reused: false, seconds };
}

function previousStartSeconds(env: Env): number | undefined {
  try {
    const v = (JSON.parse(readFileSync(connectionFile(env), 'utf8')) as Partial<ConnectionFile>).startSeconds;
    return typeof v === 'number' && v > 0 ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The ports connection.json recorded at the last start, when it has them. */
export function previousPorts(env: Env = processEnv()): { bolt?: number; http?: number } {
  try {
    const data = JSON.parse(readFileSync(connectionFile(env), 'utf8')) as Partial<ConnectionFile>;
    const port = (v: unknown) => (Number.isInteger(v) && (v as number) > 0 && (v as number) <= 65535 ? (v as number) : undefined);
    return { bolt: port(data.boltPort), http: port(data.httpPort) };
  } catch {
    return {};
  }
}

/**
 * Stops the server under .neo4j/ (SIGTERM → shutdown hook). Returns the pid stopped, or undefined
 * if none ran. `onlyPid`: stop it only if it is still that process (`up` stops the Neo4j it
 * started, never one a later `neo4j start` began).
 */
export async function stopDevServer(env: Env = processEnv(), timeoutMs = 60_000, onlyPid?: number): Promise<number | undefined> {
  const pid = runningPid(env);
  if (!pid) return undefined;
  if (onlyPid !== undefined && pid !== onlyPid) return undefined;
  const stopped = await stopPid(pid, timeoutMs);
  if (!stopped) {
    throw new LauncherError(`Neo4j (pid ${pid}) did not stop within ${timeoutMs / 1000}s; see ${logFile(env)}`);
  }
  rmSync(pidFile(env), { force: true });
  return pid;
}

/** The running server, or undefined. */
export async function devServerStatus(env: Env = processEnv()): Promise<DevServerInfo | undefined> {
  const pid = runningPid(env);
  return pid ? describeRunning(pid, env) : undefined;
}
