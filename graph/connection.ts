/**
 * One way to get a Neo4j driver: NEO4J_URI (+ user/password) if set, else the connection file
 * the local launcher wrote (.neo4j/connection.json), and one driver factory with two profiles
 * (`load`: writes and commands; `serve`: the GraphQL API). Connectivity is checked at once, because
 * the driver would otherwise retry a dead server for about a minute before saying anything.
 */
import neo4j, { type Config, type Driver } from 'neo4j-driver';
import { ConfigError, processEnv, type Env } from '../config/env.ts';
import { connectionFromEnv, type ConnectionConfig } from '../config/neo4j.ts';
import { connectionFile, connectionFromFile } from './config.ts';
import { READ_RETRY_MS } from './queries/run.ts';

export type { ConnectionConfig } from '../config/neo4j.ts';

/** NEO4J_URI from the environment, else .neo4j/connection.json; throws ConfigError when neither is there. */
export async function resolveConnection(env: Env = processEnv()): Promise<ConnectionConfig> {
  const fromEnv = connectionFromEnv(env);
  if (fromEnv) return fromEnv;
  const file = connectionFile(env);
  const fromFile = connectionFromFile(file, env);
  if (fromFile) return fromFile;
  throw new ConfigError(
    `no Neo4j configured: set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, or run "npx plangraph neo4j start" (it writes ${file})`,
  );
}

/**
 * The driver settings, one set per use. Both fail in seconds on a dead server, not after the
 * driver's default minute of retries.
 * - `load`: loads, `remove`, `export`, `rebuild-touches`, the schema: a write may wait for a lock
 *   or a busy Neo4j, so its transactions retry for 15 s.
 * - `serve`: the API: a dead Neo4j must cost a request seconds (the availability monitor answers
 *   503 sooner still); transactions retry as long as runQuery retries a read (READ_RETRY_MS).
 */
export const DRIVER_PROFILES = {
  load: {
    connectionTimeout: 10_000,
    connectionAcquisitionTimeout: 30_000,
    maxTransactionRetryTime: 15_000,
    maxConnectionPoolSize: 50,
  },
  serve: {
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: 5_000,
    maxTransactionRetryTime: READ_RETRY_MS,
    maxConnectionPoolSize: 64,
  },
} as const satisfies Record<string, Config>;
export type DriverProfile = keyof typeof DRIVER_PROFILES;

export interface DriverOptions {
  /** Default `load`. */
  profile?: DriverProfile;
  /** How the driver names itself to Neo4j (its query log, SHOW TRANSACTIONS); default `plangraph-<profile>`. */
  userAgent?: string;
  /** Settings of this one driver over the profile's (tests with a tiny pool). */
  overrides?: Config;
}

/** A driver for cfg, not yet connected. Prefer openDriver, which checks the server answers. */
export function createDriver(cfg: Pick<ConnectionConfig, 'uri' | 'user' | 'password'>, options: DriverOptions = {}): Driver {
  const profile = options.profile ?? 'load';
  return neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), {
    ...DRIVER_PROFILES[profile],
    userAgent: options.userAgent ?? `plangraph-${profile}`,
    ...options.overrides,
  });
}

/**
 * Resolves the connection (unless given), opens a driver and verifies the server answers
 * and accepts the credentials. Throws an Error saying which server and what to do.
 */
export async function openDriver(cfg?: ConnectionConfig, options: DriverOptions = {}): Promise<Driver> {
  const conn = cfg ?? (await resolveConnection());
  const driver = createDriver(conn, options);
  try {
    await driver.verifyConnectivity({ database: conn.database });
  } catch (err) {
    await driver.close().catch(() => {});
    throw new Error(describeConnectError(conn, err));
  }
  return driver;
}

/** "5.26.29": the Neo4j version the driver is connected to. */
export async function serverVersion(driver: Driver): Promise<string> {
  const info = await driver.getServerInfo();
  return (info.agent ?? '').replace(/^Neo4j\//, '');
}

export function describeConnectError(conn: ConnectionConfig, err: unknown): string {
  const e = err as { code?: string; message?: string };
  const where = `Neo4j at ${conn.uri} (from ${conn.source})`;
  if (e.code === 'Neo.ClientError.Security.Unauthorized') {
    return `${where} rejected user "${conn.user}" and its password; check NEO4J_USER / NEO4J_PASSWORD`;
  }
  if (e.code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return `${where} has no database "${conn.database}"; check NEO4J_DATABASE`;
  }
  const hint = conn.source === 'environment'
    ? 'is it running, and is NEO4J_URI right?'
    : 'is it running? Try "npx plangraph neo4j start"';
  return `cannot reach ${where}: ${e.message ?? String(err)}; ${hint}`;
}
