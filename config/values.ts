/**
 * Parsers shared by the readers: ports, JVM memory sizes, Neo4j URIs and database names. Each
 * throws a ConfigError naming what it checked (a variable, a flag or a file's field).
 */
import { ConfigError, type Env } from './env.ts';

const URI_SCHEMES = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];
// Neo4j database names: 3–63 characters, ASCII letters, digits, dots and dashes, starting with a letter.
const DATABASE_NAME = /^[A-Za-z][A-Za-z0-9.-]{2,62}$/;

/** The variable's value, or undefined when it is unset or blank. */
export function nonEmpty(env: Env, name: string): string | undefined {
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

/** A duration in whole milliseconds, at least 100 (`fallback` when unset or blank). */
export function milliseconds(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw.trim());
  if (!Number.isInteger(n) || n < 100) throw new ConfigError(`${name}="${raw}" must be a whole number of milliseconds, at least 100.`);
  return n;
}
