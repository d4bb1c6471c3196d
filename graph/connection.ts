/**
 * One way to get a Neo4j driver: NEO4J_URI (+ user/password) if set, else the connection file
 * the local launcher wrote (.neo4j/connection.json). Connectivity is checked at once, because
 * the driver would otherwise retry a dead server for about a minute before saying anything.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { ConfigError, connectionFile, connectionFromEnv, connectionFromFile, type ConnectionConfig } from './config.ts';

export type { ConnectionConfig } from './config.ts';

/** NEO4J_URI from the environment, else .neo4j/connection.json; throws ConfigError when neither is there. */
export async function resolveConnection(env: Record<string, string | undefined> = process.env): Promise<ConnectionConfig> {
  const fromEnv = connectionFromEnv(env);
  if (fromEnv) return fromEnv;
  const file = connectionFile(env);
  const fromFile = connectionFromFile(file, env);
  if (fromFile) return fromFile;
  throw new ConfigError(
    `no Neo4j configured: set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, or run "npx plangraph neo4j start" (it writes ${file})`,
  );
}

/** Deliberate timeouts: fail in seconds on a dead server, not after the driver's default minute of retries. */
export const DRIVER_TIMEOUTS = {
  connectionTimeout: 10_000,
  connectionAcquisitionTimeout: 30_000,
  maxTransactionRetryTime: 15_000,
} as const;

/** A driver for cfg, not yet connected. Prefer openDriver, which checks the server answers. */
export function createDriver(cfg: ConnectionConfig): Driver {
  return neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), {
    ...DRIVER_TIMEOUTS,
    maxConnectionPoolSize: 50,
    userAgent: 'plangraph',
  });
}

/**
 * Resolves the connection (unless given), opens a driver and verifies the server answers
 * and accepts the credentials. Throws an Error saying which server and what to do.
 */
export async function openDriver(cfg?: ConnectionConfig): Promise<Driver> {
  const conn = cfg ?? (await resolveConnection());
  const driver = createDriver(conn);
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
