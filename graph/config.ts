/**
 * The local launcher's connection file, .neo4j/connection.json (written by `plangraph neo4j
 * start`): where it is and what it says, validated so a damaged file fails with its name and
 * what to run. The environment's settings are read in config/ (config/neo4j.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, processEnv, type Env } from '../config/env.ts';
import { neo4jDatabase, neo4jHome, type ConnectionConfig } from '../config/neo4j.ts';
import { validateUri } from '../config/values.ts';

export function connectionFile(env: Env = processEnv()): string {
  return path.join(neo4jHome(env), 'connection.json');
}

/** Reads .neo4j/connection.json written by `plangraph neo4j start`; undefined if there is none. */
export function connectionFromFile(file = connectionFile(), env: Env = processEnv()): ConnectionConfig | undefined {
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
    database: neo4jDatabase(env),
    browserUrl: typeof data.browserUrl === 'string' ? data.browserUrl : undefined,
    source: file,
  };
}
