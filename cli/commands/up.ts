/**
 * `plangraph up` (`npm start`): the main job in one command. Start or reuse Neo4j (the local
 * launcher unless NEO4J_URI is set), apply the schema, load seeds/ (unchanged documents write
 * nothing, so a second run reuses the data), serve GraphQL. Ctrl-C stops the server, the
 * driver and the Neo4j this run started (a Neo4j that was already running keeps running).
 */
import path from 'node:path';
import { ConfigError, processEnv, type Env } from '../../config/env.ts';
import { localNeo4jMemory, serverConfig, usesOwnNeo4j, type ConnectionConfig } from '../../config/neo4j.ts';
import { PROJECT_ROOT } from '../../config/project-root.ts';
import { parsePort } from '../../config/values.ts';
import { opsConfigFromEnv } from '../../config/ops.ts';
import { createDriver, describeConnectError, openDriver, resolveConnection, serverVersion } from '../../graph/connection.ts';
import { startDevServer, stopDevServer } from '../../graph/local/dev-server.ts';
import { applySchema } from '../../graph/schema.ts';
import { loadPaths } from '../../load/index.ts';
import { startServer } from '../../api/server.ts';
import { startProgress } from '../progress.ts';
import { skippedFiles } from '../skipped.ts';
import { formatSummary, noticesOf, progressReporter } from './load.ts';
import { commandArgs, UsageError } from '../args.ts';

export const summary = 'the main job: start or reuse Neo4j, load seeds/, serve GraphQL on http://127.0.0.1:4000/graphql';

const usage = `usage: plangraph up [--host <address>] [--port <number>] [--no-load] [files or folders…]

  Starts Neo4j (or reuses the running one; NEO4J_URI: use that server instead), applies the
  schema, loads the given files or folders (default: seeds/), then serves the GraphQL API.
  Ctrl-C stops everything this run started.

  --host, --port   where the API listens (default HOST / PORT, else 127.0.0.1:4000)
  --no-load        serve what the database holds, load nothing`;

interface UpArgs {
  host: string;
  port: number;
  load: boolean;
  paths: string[];
}

export function parseUpArgs(args: string[], env: Env = processEnv()): UpArgs {
  opsConfigFromEnv(env); // a bad PLANGRAPH_* value fails before Neo4j starts, naming the variable
  localNeo4jMemory(env);
  let { host, port } = serverConfig(env);
  let values, positionals: string[];
  try {
    ({ values, positionals } = commandArgs(args, { host: { type: 'string' }, port: { type: 'string' }, 'no-load': { type: 'boolean' } }));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    throw new ConfigError(e.kind === 'missing' ? `${e.option} needs a value.\n${usage}` : `unknown option "${e.option}".\n${usage}`);
  }
  if (values.host !== undefined) host = values.host;
  if (values.port !== undefined) port = parsePort(values.port, '--port', port);
  const paths = positionals.map((arg) => path.resolve(arg));
  return { host, port, load: !values['no-load'], paths: paths.length > 0 ? paths : [path.join(PROJECT_ROOT, 'seeds')] };
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    return 0;
  }
  const opts = parseUpArgs(args);

  // Ctrl-C while starting: finish the step in progress, then undo what this run started.
  let interrupted: NodeJS.Signals | undefined;
  const onEarlySignal = (signal: NodeJS.Signals) => {
    if (interrupted) process.exit(130);
    interrupted = signal;
    console.log(`\n${signal}: stopping after the current step …`);
  };
  process.on('SIGINT', onEarlySignal);
  process.on('SIGTERM', onEarlySignal);

  /** The pid of the Neo4j this run started: Ctrl-C stops that one only. */
  let startedNeo4j: number | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await fn().catch((err) => console.error(`while stopping: ${(err as Error).message}`));
    cleanups.length = 0;
    if (startedNeo4j) {
      const stopped = await stopDevServer(processEnv(), 60_000, startedNeo4j);
      console.log(stopped ? `stopped Neo4j (pid ${stopped})` : `Neo4j (pid ${startedNeo4j}) had already stopped; a Neo4j started since keeps running`);
      startedNeo4j = undefined;
    }
  };

  try {
    // 1. Neo4j
    let conn: ConnectionConfig;
    if (usesOwnNeo4j()) {
      conn = await resolveConnection();
      console.log(`Neo4j: ${conn.uri} (NEO4J_URI)`);
    } else {
      const progress = startProgress();
      const s = await startDevServer(processEnv(), progress.log, progress.phases).finally(() => progress.stop());
      startedNeo4j = s.reused ? undefined : s.pid;
      conn = s.connection;
      console.log(`Neo4j ${s.version} ${s.reused ? 'already running' : 'started'} in ${s.seconds.toFixed(1)}s: ${s.uri}`);
    }
    if (interrupted) return await stopEarly(cleanup);

    // 2. schema + seeds
    const loadDriver = await openDriver(conn);
    cleanups.push(() => loadDriver.close());
    const version = await serverVersion(loadDriver);
    await applySchema(loadDriver, conn.database);
    if (interrupted) return await stopEarly(cleanup);
    let failedDocuments = 0;
    if (opts.load) {
      console.log(`loading ${opts.paths.map((p) => path.relative(process.cwd(), p) || '.').join(', ')} …`);
      const skipped = await skippedFiles(opts.paths);
      const progress = progressReporter();
      const result = await loadPaths(loadDriver, opts.paths, { database: conn.database, onProgress: progress.onProgress }).finally(() => progress.stop());
      failedDocuments = result.failed;
      for (const line of noticesOf(result, skipped)) console.error(line);
      console.log(formatSummary(result));
    }
    await loadDriver.close();
    cleanups.pop();
    if (interrupted) return await stopEarly(cleanup);

    // 3. GraphQL
    // The API's own short timeouts: a dead Neo4j costs a request seconds, not a minute.
    const driver = createDriver(conn, { profile: 'serve', userAgent: 'plangraph-up' });
    cleanups.push(() => driver.close());
    let server: { url: string; close(): Promise<void> };
    try {
      server = await startServer({ driver, database: conn.database, host: opts.host, port: opts.port });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new Error(`${opts.host}:${opts.port} is already in use; stop what uses it or pass --port <another> (or set PORT)`);
      if (code === 'EADDRNOTAVAIL') throw new Error(`cannot listen on ${opts.host}: no such address on this machine; try --host 127.0.0.1`);
      throw err;
    }
    cleanups.push(() => server.close());

    console.log('');
    console.log(`PlanGraph GraphQL API: ${server.url}  (open it in a browser for GraphiQL)`);
    console.log(`  explore: ${server.url.replace(/\/graphql$/, '/explore')}  (a picture of the answer)`);
    console.log(`  over Neo4j ${version} at ${conn.uri}`);
    if (conn.browserUrl) console.log(`  Neo4j Browser: ${conn.browserUrl}  (user ${conn.user}, password ${conn.password}; from ${conn.source})`);
    if (failedDocuments > 0) console.log(`  note: ${failedDocuments} document(s) failed to load (see above); the rest is served`);
    console.log('  Ctrl-C stops' + (startedNeo4j ? ' the API and Neo4j' : ' the API (Neo4j was already running and keeps running)'));

    process.off('SIGINT', onEarlySignal);
    process.off('SIGTERM', onEarlySignal);
    if (interrupted) return await stopEarly(cleanup);
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    process.on('SIGINT', () => {
      console.error('second interrupt: exiting without waiting');
      process.exit(130);
    });
    console.log(`\n${signal}: stopping …`);
    await cleanup();
    console.log('stopped');
    return 0;
  } catch (err) {
    await cleanup();
    if (err instanceof ConfigError) throw err;
    const e = err as { code?: string };
    if (typeof e.code === 'string' && e.code.startsWith('Neo.') && usesOwnNeo4j()) {
      throw new Error(describeConnectError(await resolveConnection(), err));
    }
    throw err;
  } finally {
    process.off('SIGINT', onEarlySignal);
    process.off('SIGTERM', onEarlySignal);
  }
}

async function stopEarly(cleanup: () => Promise<void>): Promise<number> {
  await cleanup();
  console.log('stopped');
  return 130;
}
