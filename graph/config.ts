/**
 * Configuration from the environment, validated up front so a typo fails with a message that
 * names the variable, instead of a driver error a minute later.
 *
 *   NEO4J_URI        bolt://… or neo4j://… (+s / +ssc); unset → the local launcher's .neo4j/connection.json
 *   NEO4J_USER       default "neo4j"
 *   NEO4J_PASSWORD   required with NEO4J_URI; without it, the password the local launcher sets
 *   NEO4J_DATABASE   default: the server's default database ("neo4j")
 *   HOST, PORT       where the GraphQL API listens (default 127.0.0.1:4000)
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

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

type Env = Record<string, string | undefined>;

/** The repository root (this file lives in <root>/graph/). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the local launcher keeps its data, pid, log and connection.json. PLANGRAPH_NEO4J_HOME overrides it. */
export function neo4jHome(env: Env = process.env): string {
  return path.resolve(env.PLANGRAPH_NEO4J_HOME || path.join(PROJECT_ROOT, '.neo4j'));
}

export function connectionFile(env: Env = process.env): string {
  return path.join(neo4jHome(env), 'connection.json');
}

const URI_SCHEMES = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];
// Neo4j database names: 3–63 characters, ASCII letters, digits, dots and dashes, starting with a letter.
const DATABASE_NAME = /^[A-Za-z][A-Za-z0-9.-]{2,62}$/;
export const MIN_PASSWORD_LENGTH = 8;

function nonEmpty(env: Env, name: string): string | undefined {
  const v = env[name];
  if (v === undefined) return undefined;
  if (v.trim() === '') return undefined;
  return v;
}

export function validateUri(uri: string, what = 'NEO4J_URI'): string {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new ConfigError(`${what} "${uri}" is not a URI; expected e.g. bolt://127.0.0.1:7687`);
  }
  if (!URI_SCHEMES.includes(url.protocol)) {
    throw new ConfigError(
      `${what} "${uri}" has scheme "${url.protocol.replace(/:$/, '')}"; expected one of ${URI_SCHEMES.map((s) => s.replace(/:$/, '')).join(', ')}`,
    );
  }
  if (!url.hostname) throw new ConfigError(`${what} "${uri}" has no host`);
  return uri;
}

export function validateDatabase(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  if (!DATABASE_NAME.test(name)) {
    throw new ConfigError(
      `NEO4J_DATABASE "${name}" is not a valid Neo4j database name (3–63 letters, digits, dots or dashes, starting with a letter)`,
    );
  }
  return name;
}

/**
 * The connection the environment asks for, or undefined when NEO4J_URI is not set
 * (then the local launcher's connection file applies).
 */
export function connectionFromEnv(env: Env = process.env): ConnectionConfig | undefined {
  const database = validateDatabase(nonEmpty(env, 'NEO4J_DATABASE'));
  const uri = nonEmpty(env, 'NEO4J_URI');
  if (!uri) return undefined;
  validateUri(uri);
  const password = env.NEO4J_PASSWORD;
  if (password === undefined || password === '') {
    throw new ConfigError('NEO4J_URI is set but NEO4J_PASSWORD is not; set the password of that server');
  }
  return { uri, user: nonEmpty(env, 'NEO4J_USER') ?? 'neo4j', password, database, source: 'environment' };
}

/** Reads .neo4j/connection.json written by `plangraph neo4j start`; undefined if there is none. */
export function connectionFromFile(file = connectionFile(), env: Env = process.env): ConnectionConfig | undefined {
  if (!existsSync(file)) return undefined;
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`${file} is not valid JSON (${(err as Error).message}); delete it and run "npx plangraph neo4j start"`);
  }
  for (const key of ['uri', 'user', 'password'] as const) {
    if (typeof data[key] !== 'string' || data[key] === '') {
      throw new ConfigError(`${file} has no "${key}"; delete it and run "npx plangraph neo4j start"`);
    }
  }
  validateUri(data.uri as string, `"uri" in ${file}`);
  return {
    uri: data.uri as string,
    user: data.user as string,
    password: data.password as string,
    database: validateDatabase(nonEmpty(env, 'NEO4J_DATABASE')),
    browserUrl: typeof data.browserUrl === 'string' ? data.browserUrl : undefined,
    source: file,
  };
}

/** HOST and PORT for the GraphQL API. */
export function serverConfig(env: Env = process.env): ServerConfig {
  const host = nonEmpty(env, 'HOST') ?? '127.0.0.1';
  if (/\s|\/|^:/.test(host)) throw new ConfigError(`HOST "${host}" is not a host name or IP address (e.g. 127.0.0.1 or 0.0.0.0)`);
  return { host, port: parsePort(env.PORT, 'PORT', 4000) };
}

export function parsePort(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} "${raw}" is not a port number (0–65535)`);
  const n = Number(raw.trim());
  if (n > 65535) throw new ConfigError(`${name} ${n} is out of range (0–65535)`);
  return n;
}

/** JVM-style sizes (512m, 1g, 1048576k): NEO4J_HEAP / NEO4J_PAGECACHE, checked before Java sees them. */
export function parseMemory(raw: string | undefined, name: string, fallback: string): string {
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = raw.trim().toLowerCase();
  const m = /^(\d+)([kmg])?$/.exec(v);
  if (!m) throw new ConfigError(`${name} "${raw}" is not a memory size; expected a number with k, m or g, e.g. 512m or 2g`);
  const bytes = Number(m[1]) * { k: 1024, m: 1024 ** 2, g: 1024 ** 3, '': 1 }[m[2] ?? '']!;
  if (bytes < 64 * 1024 ** 2) throw new ConfigError(`${name} "${raw}" is too small; Neo4j needs at least 64m`);
  return v;
}
