/**
 * The API's operations settings from the environment, each checked with the variable's name in the error:
 *   PLANGRAPH_LOG_FORMAT     text (default) or json: one JSON object per log line
 *   PLANGRAPH_CORS_ORIGINS   comma-separated origins (https://sandbox.example.com) whose browser
 *                            pages may call /graphql; "*" for any. Unset: none (same origin only).
 *   PLANGRAPH_LOG_REQUESTS   1 / 0: log every request (default: slow and failed ones)
 *   PLANGRAPH_ADMIN_TOKEN    the bearer token that allows mutations (unset: none are allowed)
 */
import { ConfigError, processEnv, type Env } from './env.ts';

export interface OpsConfig {
  logFormat: 'text' | 'json';
  corsOrigins: string[] | '*';
  logRequests: boolean;
}

export function opsConfigFromEnv(env: Env = processEnv()): OpsConfig {
  const format = (env.PLANGRAPH_LOG_FORMAT ?? '').trim().toLowerCase() || 'text';
  if (format !== 'text' && format !== 'json') {
    throw new ConfigError(`PLANGRAPH_LOG_FORMAT="${env.PLANGRAPH_LOG_FORMAT}" is not understood: use "text" or "json".`);
  }
  return { logFormat: format, corsOrigins: parseOrigins(env.PLANGRAPH_CORS_ORIGINS), logRequests: logRequests(env) };
}

/** PLANGRAPH_LOG_REQUESTS=1: log every request, not only slow or failed ones. */
export function logRequests(env: Env = processEnv()): boolean {
  const requests = (env.PLANGRAPH_LOG_REQUESTS ?? '').trim();
  if (!['', '0', '1'].includes(requests)) {
    throw new ConfigError(`PLANGRAPH_LOG_REQUESTS="${env.PLANGRAPH_LOG_REQUESTS}" is not understood: use 1 (every request) or 0.`);
  }
  return requests === '1';
}

/** PLANGRAPH_ADMIN_TOKEN: the token mutations need; undefined (or empty) allows none. */
export function adminToken(env: Env = processEnv()): string | undefined {
  return env.PLANGRAPH_ADMIN_TOKEN;
}

function parseOrigins(raw: string | undefined): string[] | '*' {
  const text = (raw ?? '').trim();
  if (text === '*') return '*';
  const origins: string[] = [];
  for (const item of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(item);
    } catch {
      throw new ConfigError(`PLANGRAPH_CORS_ORIGINS: "${item}" is not an origin; expected e.g. https://studio.example.com (scheme, host, optional port)`);
    }
    if (!['http:', 'https:'].includes(url.protocol) || url.origin !== item.replace(/\/$/, '')) {
      throw new ConfigError(`PLANGRAPH_CORS_ORIGINS: "${item}" is not an origin; expected scheme://host[:port] with no path, e.g. ${url.origin}`);
    }
    origins.push(url.origin);
  }
  return origins;
}
