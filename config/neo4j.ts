/**
 * Neo4j settings from the environment, validated up front so a typo fails with a message that
 * names the variable, instead of a driver error a minute later:
 *   - the connection (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE);
 *   - where the API listens (HOST, PORT);
 *   - the local Neo4j (PLANGRAPH_NEO4J_HOME, NEO4J_BOLT_PORT, NEO4J_HTTP_PORT, NEO4J_HEAP,
 *     NEO4J_PAGECACHE, PLANGRAPH_NEO4J_TX_MEMORY, JAVA_HOME).
 * Defaults and meanings: config/env.ts.
 */
import path from 'node:path';
import { ConfigError, processEnv, type Env } from './env.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { nonEmpty, parseMemory, parsePort, validateDatabase, validateUri } from './values.ts';

export interface ConnectionConfig {
  uri: string;
  user: string;
  password: string;
  /** undefined: the server's default database. */
  database?: string;
  /** Neo4j Browser, when known (the local launcher and Docker serve one). */
  browserUrl?: string;
  /** Where this came from, for messages: "environment" or the connection file's path. */
  source: string;
}

export interface ServerConfig {
  host: string;
  port: number;
}

export const MIN_PASSWORD_LENGTH = 8;

/**
 * The connection the environment asks for, or undefined when NEO4J_URI is not set
 * (then the local launcher's connection file applies).
 */
export function connectionFromEnv(env: Env = processEnv()): ConnectionConfig | undefined {
  const database = neo4jDatabase(env);
  const uri = nonEmpty(env, 'NEO4J_URI');
  if (!uri) return undefined;
  validateUri(uri);
  const password = env.NEO4J_PASSWORD;
  if (password === undefined || password === '') {
    throw new ConfigError('NEO4J_URI is set but NEO4J_PASSWORD is not; set the password of that server');
  }
  return { uri, user: nonEmpty(env, 'NEO4J_USER') ?? 'neo4j', password, database, source: 'environment' };
}

/** True when NEO4J_URI names a server: no local Neo4j is started. */
export function usesOwnNeo4j(env: Env = processEnv()): boolean {
  return Boolean(env.NEO4J_URI);
}

/** NEO4J_DATABASE, or undefined for the server's default database. */
export function neo4jDatabase(env: Env = processEnv()): string | undefined {
  return validateDatabase(nonEmpty(env, 'NEO4J_DATABASE'));
}

/** HOST and PORT for the GraphQL API. */
export function serverConfig(env: Env = processEnv()): ServerConfig {
  const host = nonEmpty(env, 'HOST') ?? '127.0.0.1';
  if (/\s|\/|^:/.test(host)) throw new ConfigError(`HOST "${host}" is not a host name or IP address (e.g. 127.0.0.1 or 0.0.0.0)`);
  return { host, port: parsePort(env.PORT, 'PORT', 4000) };
}

/** Where the local launcher keeps its data, pid, log and connection.json. PLANGRAPH_NEO4J_HOME overrides it. */
export function neo4jHome(env: Env = processEnv()): string {
  return path.resolve(env.PLANGRAPH_NEO4J_HOME || path.join(PROJECT_ROOT, '.neo4j'));
}

/** NEO4J_PASSWORD as given (undefined when unset or empty), unchecked: compared with a running server's. */
export function givenPassword(env: Env = processEnv()): string | undefined {
  return env.NEO4J_PASSWORD || undefined;
}

/** NEO4J_PASSWORD for a local Neo4j to start: undefined when unset (one is generated or kept), else at least MIN_PASSWORD_LENGTH characters. */
export function localPassword(env: Env = processEnv()): string | undefined {
  const fromEnv = givenPassword(env);
  if (fromEnv === undefined) return undefined;
  if (fromEnv.length < MIN_PASSWORD_LENGTH) {
    throw new ConfigError(`NEO4J_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters (Neo4j's minimum)`);
  }
  return fromEnv;
}

export interface LocalNeo4jSettings {
  boltPort: number;
  httpPort: number;
  heap: string;
  pageCache: string;
}

/** Ports and memory of the local Neo4j; the ports default to the last start's (`previous`), else 7687 / 7474. */
export function localNeo4jSettings(env: Env = processEnv(), previous: { bolt?: number; http?: number } = {}): LocalNeo4jSettings {
  return {
    boltPort: parsePort(env.NEO4J_BOLT_PORT, 'NEO4J_BOLT_PORT', previous.bolt ?? 7687),
    httpPort: parsePort(env.NEO4J_HTTP_PORT, 'NEO4J_HTTP_PORT', previous.http ?? 7474),
    ...localNeo4jMemory(env),
  };
}

/** NEO4J_HEAP and NEO4J_PAGECACHE (default 1g and 512m). */
export function localNeo4jMemory(env: Env = processEnv()): { heap: string; pageCache: string } {
  return { heap: parseMemory(env.NEO4J_HEAP, 'NEO4J_HEAP', '1g'), pageCache: parseMemory(env.NEO4J_PAGECACHE, 'NEO4J_PAGECACHE', '512m') };
}

/**
 * db.memory.transaction.max for the servers PlanGraph starts (launcher, docker-compose.yml, the
 * test containers): a transaction needing more fails alone with a clear error instead of
 * exhausting the heap every transaction shares (two crashes of Neo4j's heap in the probe of
 * issue 15). A document is written in one transaction (all or nothing), so this is also the
 * largest document a load can write: a plan of 10,000 sections (tests/integration/hostile-inputs,
 * 10,000 tasks, 10,000 PART_OF, 30,000 TOUCHES) holds ~89 MiB before its commit and fails its
 * commit at 128m and at 160m, and commits at 256m (measured on Neo4j 5.26 with the launcher).
 * A corpus group of 8 documents (~8,000 elements) stays far below. PLANGRAPH_NEO4J_TX_MEMORY
 * overrides it (e.g. "512m" for larger documents; keep it under Neo4j's pool for all
 * transactions, 70% of the heap by default, with two write transactions in flight).
 */
export const TRANSACTION_MEMORY_MAX = '256m';

/** PLANGRAPH_NEO4J_TX_MEMORY (or `given`), a memory size as Neo4j's launcher reads it ("128m", "1g"). */
export function transactionMemory(given?: string, env: Env = processEnv()): string {
  const value = (given ?? env.PLANGRAPH_NEO4J_TX_MEMORY ?? TRANSACTION_MEMORY_MAX).trim().toLowerCase();
  if (!/^\d+[kmg]$/.test(value)) {
    throw new ConfigError(`PLANGRAPH_NEO4J_TX_MEMORY="${value}" is not a memory size; use e.g. "128m" or "1g"`);
  }
  return value;
}

/** The java command: JAVA_HOME's, else `java` on PATH. */
export function javaCommand(env: Env = processEnv()): string {
  return env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';
}
