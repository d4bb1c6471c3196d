/**
 * The API's limits from the environment (README "Configuration"), each validated at start with
 * the variable's name in the error: request and cache sizes, the read timeout, the response cache.
 * Unset variables keep the defaults.
 */
import { ConfigError, processEnv, type Env, type EnvName } from './env.ts';
import { milliseconds } from './values.ts';

interface EnvLimit {
  env: EnvName;
  /** The ServerLimits key it sets (api/validation/limits). */
  key: string;
  /** Multiplies the variable's value (KB → bytes). */
  scale?: number;
  min: number;
}

const ENV_LIMITS: readonly EnvLimit[] = [
  { env: 'PLANGRAPH_MAX_BODY_KB', key: 'maxBodyBytes', scale: 1024, min: 1 },
  { env: 'PLANGRAPH_MAX_VARIABLES_KB', key: 'maxVariablesBytes', scale: 1024, min: 1 },
  { env: 'PLANGRAPH_MAX_STRING_LENGTH', key: 'maxStringLength', min: 1 },
  { env: 'PLANGRAPH_MAX_SEARCH_TEXT_LENGTH', key: 'maxSearchTextLength', min: 1 },
  { env: 'PLANGRAPH_MAX_ROOT_FIELDS', key: 'maxRootFields', min: 1 },
  { env: 'PLANGRAPH_MAX_PAGE_SIZE', key: 'maxPageSize', min: 1 },
  { env: 'PLANGRAPH_MAX_COST', key: 'maxCost', min: 1 },
  { env: 'PLANGRAPH_QUERIES_PER_REQUEST', key: 'queriesPerRequest', min: 1 },
  { env: 'PLANGRAPH_CACHE_BUDGET_MB', key: 'cacheBudgetBytes', scale: 1024 * 1024, min: 1 },
  { env: 'PLANGRAPH_SEND_TIMEOUT_MS', key: 'sendTimeoutMs', min: 100 },
];

/** The limits the environment sets (only those it sets); throws a ConfigError naming a bad variable. */
export function limitsFromEnv(env: Env = processEnv()): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { env: name, key, scale = 1, min } of ENV_LIMITS) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const n = Number(raw.trim());
    if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name}="${raw}" must be a whole number, at least ${min}.`);
    out[key] = n * scale;
  }
  return out;
}

/** PLANGRAPH_QUERY_TIMEOUT_MS: Neo4j stops an API read that takes longer (default 20 s). */
export function queryTimeoutMs(env: Env = processEnv()): number {
  return milliseconds(env, 'PLANGRAPH_QUERY_TIMEOUT_MS', 20_000);
}

/** Environment variable: `off` (or `0`) disables the response cache; `on`, `1` or unset enables it. */
export const RESPONSE_CACHE_ENV = 'PLANGRAPH_RESPONSE_CACHE';
/** Environment variable: the response cache's size bound in MB (default 64). */
export const RESPONSE_CACHE_MB_ENV = 'PLANGRAPH_RESPONSE_CACHE_MB';

export interface ResponseCacheSettings {
  enabled: boolean;
  maxEntries: number;
  maxBytes: number;
}

export const DEFAULT_RESPONSE_CACHE: ResponseCacheSettings = { enabled: true, maxEntries: 2000, maxBytes: 64 * 1024 * 1024 };

/** Values of RESPONSE_CACHE_ENV (lower-cased, trimmed); unset counts as on. */
const FLAG_ON = ['', 'on', '1', 'true'];
const FLAG_OFF = ['off', '0', 'false'];

/** The response cache's settings; a value that is not understood fails at start, naming the variable. */
export function responseCacheFromEnv(env: Env = processEnv()): ResponseCacheSettings {
  const flag = (env[RESPONSE_CACHE_ENV] ?? '').trim().toLowerCase();
  if (!FLAG_ON.includes(flag) && !FLAG_OFF.includes(flag)) {
    throw new ConfigError(`${RESPONSE_CACHE_ENV}="${env[RESPONSE_CACHE_ENV]}" is not understood: use "on" or "off".`);
  }
  const mbText = (env[RESPONSE_CACHE_MB_ENV] ?? '').trim();
  const mb = mbText === '' ? DEFAULT_RESPONSE_CACHE.maxBytes / 1024 / 1024 : Number(mbText);
  if (!Number.isFinite(mb) || mb <= 0) {
    throw new ConfigError(`${RESPONSE_CACHE_MB_ENV}="${mbText}" must be a positive number of megabytes.`);
  }
  return { ...DEFAULT_RESPONSE_CACHE, enabled: !FLAG_OFF.includes(flag), maxBytes: Math.round(mb * 1024 * 1024) };
}
