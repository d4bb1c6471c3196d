/**
 * Runs graph/neo4j-server/Launcher.java: Neo4j Community 5.26 from Maven artifacts on Java 17,
 * for machines without Docker. Checks Java and Maven, builds lib/ once, checks ports, spawns
 * the JVM and waits for its READY line.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { javaCommand, transactionMemory } from '../../config/neo4j.ts';
import { PROJECT_ROOT } from '../../config/project-root.ts';
import { withFileLock, withFileLockAsync } from './file-lock.ts';

export const SERVER_DIR = path.join(PROJECT_ROOT, 'graph', 'neo4j-server');
const LIB_DIR = path.join(SERVER_DIR, 'lib');
const LIB_MARKER = path.join(LIB_DIR, '.built-from-pom');
const FETCH_LOCK = path.join(SERVER_DIR, '.fetch.lock');
/** The PlanGraph guide Neo4j Browser opens on (browser.post_connect_cmd), served beside the Browser. */
export const BROWSER_GUIDE = path.join(SERVER_DIR, 'plangraph-guide.html');

/**
 * Full-text (Lucene) segments merged at a time: Lucene's own default, not Neo4j's 2. With 2,
 * every flushed segment is soon merged again, level after level, a large share of Neo4j's CPU
 * on a load; 10 costs full-text queries nothing (docs/benchmarks.md, "Lucene merge factor").
 * The container setups (docker-compose.yml, tests/setup/global-setup.ts) set the same value.
 */
export const LUCENE_MERGE_FACTOR = 10;


/** The flags Neo4j 5's own neo4j.conf passes to the JVM. */
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+UseG1GC',
  '-Dfile.encoding=UTF-8',
];

/**
 * Told when a long step begins, how far it got, and when it ends (cli/progress.ts draws it):
 * the Maven fetch counts artifacts against `total`; the Neo4j start runs against the clock.
 */
export interface PhaseReporter {
  begin(label: string, options: { expectedSeconds: number; total?: number }): void;
  advance(done: number, detail?: string): void;
  end(): void;
}

/**
 * Artifacts Maven downloads on a fresh machine for pom.xml (plugins and their poms included),
 * counted on a fetch with an empty local repository (docs/benchmarks.md, "Design history of the
 * writer and reads"). Only estimates for the progress bar: a machine with a warm ~/.m2 fetches fewer.
 */
const FRESH_FETCH = { artifacts: 771, seconds: 60 };

export class LauncherError extends Error {
  override name = 'LauncherError';
}

export interface LaunchOptions {
  /** Neo4j home: data/ and logs/ go under it. */
  home: string;
  boltPort: number;
  httpPort: number;
  password: string;
  /** JVM heap, e.g. "1g". */
  heap?: string;
  /** Page cache, e.g. "256m"; unset, Neo4j would take about half the RAM. */
  pageCache?: string;
  /** Full-text segments merged at a time; default LUCENE_MERGE_FACTOR. */
  luceneMergeFactor?: number;
  /** db.memory.transaction.max, e.g. "256m"; default PLANGRAPH_NEO4J_TX_MEMORY, else TRANSACTION_MEMORY_MAX. */
  transactionMemory?: string;
  /** Detached: the JVM outlives this process, writing to logFile. Attached: it dies with this process. */
  logFile?: string;
  timeoutMs?: number;
  /** Called with the JVM's pid as soon as it is spawned (detached: write the pid file before waiting). */
  onSpawn?: (pid: number) => void;
}

export interface LaunchedNeo4j {
  pid: number;
  uri: string;
  browserUrl: string;
  version: string;
  seconds: number;
  /** Attached servers only: SIGTERM and wait for the shutdown hook to finish. */
  stop(): Promise<void>;
}

/** Throws a LauncherError saying what to install when Java 17+ is not there. */
export function checkJava(): string {
  const java = javaCommand();
  const r = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new LauncherError(
      `Java not found ("${java} -version" failed). Install Java 17 (e.g. apt-get install openjdk-17-jdk-headless) ` +
        'or set JAVA_HOME; or use Docker (docker compose up) or point NEO4J_URI at a running Neo4j 5.26.',
    );
  }
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr + r.stdout);
  const major = m ? Number(m[1] === '1' ? m[2] : m[1]) : NaN;
  if (!(major >= 17)) {
    throw new LauncherError(`Neo4j 5.26 needs Java 17 or later; "${java} -version" says ${m ? m[0] : 'something unknown'}. Install Java 17 or set JAVA_HOME.`);
  }
  return java;
}

function pomHash(): string {
  return createHash('sha256').update(readFileSync(path.join(SERVER_DIR, 'pom.xml'))).digest('hex');
}

export function libIsBuilt(): boolean {
  return existsSync(LIB_MARKER) && readFileSync(LIB_MARKER, 'utf8').trim() === pomHash();
}

/** Fetches Neo4j and Neo4j Browser from Maven into graph/neo4j-server/lib/ unless already there for this pom.xml. */
export function ensureLib(log: (line: string) => void = () => {}): void {
  if (libIsBuilt()) return;
  // One fetch at a time (npm start and npm test on a fresh clone may both get here); whoever
  // waited finds lib/ built by the other and returns.
  withFileLock(FETCH_LOCK, () => {
    if (!libIsBuilt()) fetchLib(log);
  }, { onWait: (pid) => log(`waiting for process ${pid}, which is fetching Neo4j with Maven …`) });
}

/**
 * ensureLib with progress: Maven's transfer lines are counted as they come (a fresh fetch takes
 * about 100 s), for `neo4j start`, `neo4j install` and `up`.
 */
export async function ensureLibWithProgress(log: (line: string) => void = () => {}, phases?: PhaseReporter): Promise<void> {
  if (libIsBuilt()) return;
  if (!phases) return ensureLib(log);
  await withFileLockAsync(FETCH_LOCK, async () => {
    if (!libIsBuilt()) await fetchLibAsync(log, phases);
  }, { onWait: (pid) => log(`waiting for process ${pid}, which is fetching Neo4j with Maven …`) });
}

async function fetchLibAsync(log: (line: string) => void, phases: PhaseReporter): Promise<void> {
  checkMaven();
  log('fetching Neo4j 5.26 and Neo4j Browser with Maven into graph/neo4j-server/lib/ (once) …');
  phases.begin('fetching Neo4j with Maven', { expectedSeconds: FRESH_FETCH.seconds, total: FRESH_FETCH.artifacts });
  let output = '';
  let downloaded = 0;
  const code = await new Promise<number | null>((resolve, reject) => {
    const mvn = spawn('mvn', ['-B', 'package'], { cwd: SERVER_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    const read = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output = (output + text).slice(-20_000);
      for (const m of text.matchAll(/Downloaded from \S+: \S+\/([^/\s]+)/g)) phases.advance(++downloaded, m[1]);
    };
    mvn.stdout!.on('data', read);
    mvn.stderr!.on('data', read);
    mvn.once('error', reject);
    mvn.once('exit', resolve);
  }).finally(() => phases.end());
  if (code !== 0) {
    const tail = output.trim().split('\n').filter((l) => !/Download(ing|ed) from/.test(l)).slice(-20).join('\n');
    throw new LauncherError(`"mvn -B package" in ${SERVER_DIR} failed (exit ${code}):\n${tail}`);
  }
  checkFetched();
}

function checkMaven(): void {
  const probe = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new LauncherError(
      'Maven not found ("mvn -v" failed); it fetches Neo4j once into graph/neo4j-server/lib/. ' +
        'Install Maven 3 (e.g. apt-get install maven), or use Docker, or set NEO4J_URI.',
    );
  }
}

function checkFetched(): void {
  const jars = existsSync(LIB_DIR) ? readdirSync(LIB_DIR).filter((f) => f.endsWith('.jar')) : [];
  if (!jars.some((j) => /^neo4j-5\.26\.\d+\.jar$/.test(j))) {
    throw new LauncherError(`Maven finished but ${LIB_DIR} has no neo4j-5.26 jar`);
  }
  writeFileSync(LIB_MARKER, pomHash() + '\n');
}

function fetchLib(log: (line: string) => void): void {
  const probe = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new LauncherError(
      'Maven not found ("mvn -v" failed); it fetches Neo4j once into graph/neo4j-server/lib/. ' +
        'Install Maven 3 (e.g. apt-get install maven), or use Docker, or set NEO4J_URI.',
    );
  }
  log('fetching Neo4j 5.26 and Neo4j Browser with Maven into graph/neo4j-server/lib/ (once) …');
  // lib/ is not emptied first: servers already running from it keep reading those jars.
  const r = spawnSync('mvn', ['-q', '-B', 'package'], { cwd: SERVER_DIR, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    throw new LauncherError(`"mvn -q -B package" in ${SERVER_DIR} failed (exit ${r.status}); see Maven's output above`);
  }
  const jars = existsSync(LIB_DIR) ? readdirSync(LIB_DIR).filter((f) => f.endsWith('.jar')) : [];
  if (!jars.some((j) => /^neo4j-5\.26\.\d+\.jar$/.test(j))) {
    throw new LauncherError(`Maven finished but ${LIB_DIR} has no neo4j-5.26 jar`);
  }
  writeFileSync(LIB_MARKER, pomHash() + '\n');
}

/** True when nothing listens on 127.0.0.1:port. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** A port the OS says is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function checkPorts(ports: { bolt: number; http: number }, hint: string): Promise<void> {
  for (const [what, port] of [['Bolt', ports.bolt], ['HTTP', ports.http]] as const) {
    if (!(await isPortFree(port))) {
      throw new LauncherError(`port ${port} (${what}) on 127.0.0.1 is already in use by another program; stop it or ${hint}`);
    }
  }
}

const READY = /PLANGRAPH-NEO4J READY version=(\S+) bolt=(\S+) browser=(\S+) .*seconds=([\d.]+) pid=(\d+)/;
const ERROR = /PLANGRAPH-NEO4J ERROR (.*)/;

/**
 * The store holds every plan and the password hashes: folders 0700 and files 0600 (Neo4j creates
 * them 0644 under the usual umask). Tightens what an older start left, then the JVM runs under
 * umask 077 (launch) so whatever it creates is private too.
 */
export function tightenPermissions(dir: string): void {
  if (process.platform === 'win32' || !existsSync(dir)) return;
  const walk = (p: string) => {
    const info = lstatSync(p);
    if (info.isSymbolicLink()) return;
    if (info.isDirectory()) {
      chmodSync(p, 0o700);
      for (const name of readdirSync(p)) walk(path.join(p, name));
    } else if (info.isFile()) {
      chmodSync(p, 0o600);
    }
  };
  walk(dir);
}

/** Runs `command args…` under umask 077 (through /bin/sh, which execs it: the pid stays the JVM's). */
function privately(command: string, args: string[]): [string, string[]] {
  if (process.platform === 'win32') return [command, args];
  return ['/bin/sh', ['-c', 'umask 077 && exec "$0" "$@"', command, ...args]];
}

/** Starts the launcher JVM and resolves when Neo4j is ready (Bolt and HTTP listening). */
export async function launch(opts: LaunchOptions): Promise<LaunchedNeo4j> {
  const java = checkJava();
  ensureLib();
  mkdirSync(opts.home, { recursive: true, mode: 0o700 });
  tightenPermissions(opts.home);
  const args = [
    `-Xms${opts.heap ?? '512m'}`,
    `-Xmx${opts.heap ?? '512m'}`,
    ...JVM_FLAGS,
    '-cp', `${LIB_DIR}${path.sep}*`,
    path.join(SERVER_DIR, 'Launcher.java'),
    '--home', opts.home,
    '--bolt-port', String(opts.boltPort),
    '--http-port', String(opts.httpPort),
    '--pagecache', opts.pageCache ?? '256m',
    '--lucene-merge-factor', String(opts.luceneMergeFactor ?? LUCENE_MERGE_FACTOR),
    '--transaction-memory', transactionMemory(opts.transactionMemory),
    // Browser offline and opening on this guide (Launcher.java BrowserOffline).
    '--browser-guide', BROWSER_GUIDE,
    '--web-dir', path.join(SERVER_DIR, 'web'),
  ];
  const env = { ...process.env, NEO4J_PASSWORD: opts.password };
  const timeoutMs = opts.timeoutMs ?? 180_000;

  if (opts.logFile) {
    const start = existsSync(opts.logFile) ? statSync(opts.logFile).size : 0;
    const fd = openSync(opts.logFile, 'a', 0o600);
    const child = spawn(...privately(java, args), { cwd: SERVER_DIR, env, detached: true, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    child.unref();
    if (child.pid) opts.onSpawn?.(child.pid);
    let exited: number | null | undefined;
    child.once('exit', (code) => (exited = code ?? -1));
    const read = () => readFileSync(opts.logFile!, 'utf8').slice(start);
    const ready = await waitFor(() => {
      const out = read();
      return parseOutput(out) ?? (exited !== undefined ? failure(out, exited, opts.logFile) : undefined);
    }, timeoutMs, () => `Neo4j did not become ready within ${timeoutMs / 1000}s; see ${opts.logFile}`);
    return {
      ...ready,
      stop: async () => {
        if (!(await stopPid(ready.pid))) throw new LauncherError(`Neo4j (pid ${ready.pid}) did not stop within 60s; see ${opts.logFile}`);
      },
    };
  }

  const child = spawn(...privately(java, [...args, '--exit-on-stdin-close']), { cwd: SERVER_DIR, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let exited: number | null | undefined;
  child.stdout!.on('data', (b) => (out += b));
  child.stderr!.on('data', (b) => (out += b));
  child.once('exit', (code) => (exited = code ?? -1));
  const ready = await waitFor(
    () => parseOutput(out) ?? (exited !== undefined ? failure(out, exited) : undefined),
    timeoutMs,
    () => `Neo4j did not become ready within ${timeoutMs / 1000}s:\n${out.slice(-2000)}`,
  ).catch((err) => {
    child.kill('SIGKILL');
    throw err;
  });
  return { ...ready, stop: () => stopChild(child) };
}

type Ready = Omit<LaunchedNeo4j, 'stop'>;

function parseOutput(out: string): Ready | undefined {
  const m = READY.exec(out);
  if (!m) return undefined;
  return { version: m[1]!, uri: m[2]!, browserUrl: m[3]!, seconds: Number(m[4]), pid: Number(m[5]) };
}

function failure(out: string, code: number | null, logFile?: string): never {
  const m = ERROR.exec(out);
  if (m) throw new LauncherError(m[1]!);
  const tail = out.trim().split('\n').slice(-15).join('\n');
  throw new LauncherError(`Neo4j exited (code ${code}) before it was ready${logFile ? `; see ${logFile}` : ''}:\n${tail}`);
}

async function waitFor<T>(check: () => T | undefined, timeoutMs: number, onTimeout: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new LauncherError(onTimeout());
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** SIGTERM runs Launcher's shutdown hook (clean store close); waits up to timeoutMs for the JVM to exit. */
export async function stopPid(pid: number, timeoutMs = 60_000): Promise<boolean> {
  if (!isAlive(pid)) return true;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
  return true;
}

function stopChild(child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
