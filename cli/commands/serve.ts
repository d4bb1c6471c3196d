/** `plangraph serve`: the GraphQL API (and GraphiQL in a browser) over the configured Neo4j. */
import { ConfigError, processEnv, type Env } from '../../config/env.ts';
import { serverConfig } from '../../config/neo4j.ts';
import { parsePort } from '../../config/values.ts';
import { createDriver, describeConnectError, resolveConnection, serverVersion } from '../../graph/connection.ts';
import { startServer, type RunningServer } from '../../api/server.ts';
import { opsConfigFromEnv } from '../../config/ops.ts';
import { createLogger } from '../../api/ops/logger.ts';
import { commandArgs, UsageError } from '../args.ts';

export const summary = 'serve the GraphQL API and GraphiQL on http://127.0.0.1:4000/graphql [--host --port]';

const usage = `usage: plangraph serve [--host <address>] [--port <number>]

  Serves PlanGraph's GraphQL API at http://<host>:<port>/graphql; open that URL in a browser
  for GraphiQL. Read-only. GET /health (liveness), /ready (503 until Neo4j answers
  and the schema is applied), /metrics (Prometheus).

  --host   address to listen on (default HOST or 127.0.0.1; 0.0.0.0 for every interface)
  --port   port (default PORT or 4000)

Neo4j: NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE, else .neo4j/connection.json
written by "plangraph neo4j start".`;

export function parseServeArgs(args: string[], env: Env = processEnv()): { host: string; port: number } {
  opsConfigFromEnv(env); // a bad PLANGRAPH_* value fails here, naming the variable
  let { host, port } = serverConfig(env);
  let values;
  try {
    ({ values } = commandArgs(args, { host: { type: 'string' }, port: { type: 'string' } }));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    throw new ConfigError(e.kind === 'missing' ? `${e.option} needs a value. ${usage.split('\n')[0]}` : `unknown option "${e.option}".\n${usage}`);
  }
  if (values.host !== undefined) host = values.host;
  if (values.port !== undefined) port = parsePort(values.port, '--port', port);
  return { host, port };
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    return 0;
  }
  const { host, port } = parseServeArgs(args);
  // With PLANGRAPH_LOG_FORMAT=json every line serve prints is a JSON object, not only the server's.
  const log = createLogger(opsConfigFromEnv().logFormat);
  const conn = await resolveConnection();
  const driver = createDriver(conn, { profile: 'serve' });
  let version: string;
  try {
    await driver.verifyConnectivity({ database: conn.database });
    version = await serverVersion(driver);
  } catch (err) {
    await driver.close().catch(() => {});
    log.error(`plangraph serve: ${describeConnectError(conn, err)}`);
    return 1;
  }

  let server: RunningServer;
  try {
    server = await startServer({ driver, database: conn.database, host, port });
  } catch (err) {
    await driver.close().catch(() => {});
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      log.error(`plangraph serve: ${host}:${port} is already in use; stop what uses it or pass --port <another>`);
      return 1;
    }
    if ((err as NodeJS.ErrnoException).code === 'EADDRNOTAVAIL') {
      log.error(`plangraph serve: cannot listen on ${host}: no such address on this machine; try --host 127.0.0.1`);
      return 1;
    }
    throw err;
  }

  log.info(`PlanGraph GraphQL API: ${server.url}  (open it in a browser for GraphiQL)`);
  log.info(`  Neo4j ${version} at ${conn.uri}${conn.database ? ` (database ${conn.database})` : ''}`);
  log.info(`  explore: ${server.url.replace(/\/graphql$/, '/explore')}  (a picture of the answer)`);
  const base = server.url.replace(/\/graphql$/, '');
  log.info(`  liveness ${base}/health, readiness ${base}/ready, metrics ${base}/metrics   Ctrl-C stops`);

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        log.error(`plangraph serve: ${signal} again, exiting without waiting`);
        process.exit(130);
      }
      stopping = true;
      log.info(`stopping (${signal}): finishing requests in flight …`);
      server
        .close()
        .then(() => driver.close())
        .catch((err) => log.error(`plangraph serve: while stopping: ${(err as Error).message}`))
        .finally(() => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          log.info('stopped');
          resolve();
        });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
