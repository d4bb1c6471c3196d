/**
 * The server's limits from the environment (README "Configuration"), each validated at start with
 * the variable's name in the error. Unset variables keep the defaults.
 */
import { ConfigError } from '../../graph/config.ts';

export interface EnvLimit {
  env: string;
  /** The ServerLimits key it sets. */
  key: string;
  /** Multiplies the variable's value (KB → bytes). */
  scale?: number;
  min: number;
}

export const ENV_LIMITS: readonly EnvLimit[] = [
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
export function limitsFromEnv(env: Record<string, string | undefined> = process.env): Record<string, number> {
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
