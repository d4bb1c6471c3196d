/**
 * Operations settings from the environment, each checked with the variable's name in the error:
 *   PLANGRAPH_LOG_FORMAT     text (default) or json: one JSON object per log line
 *   PLANGRAPH_CORS_ORIGINS   comma-separated origins (https://sandbox.example.com) whose browser
 *                            pages may call /graphql; "*" for any. Unset: none (same origin only).
 *   PLANGRAPH_LOG_REQUESTS   1 / 0: log every request (default: slow and failed ones)
 */
import { ConfigError } from '../../graph/config.ts';

type Env = Record<string, string | undefined>;

export interface OpsConfig {
  logFormat: 'text' | 'json';
  corsOrigins: string[] | '*';
  logRequests: boolean;
}

export function opsConfigFromEnv(env: Env = process.env): OpsConfig {
  const format = (env.PLANGRAPH_LOG_FORMAT ?? '').trim().toLowerCase() || 'text';
  if (format !== 'text' && format !== 'json') {
    throw new ConfigError(`PLANGRAPH_LOG_FORMAT="${env.PLANGRAPH_LOG_FORMAT}" is not understood: use "text" or "json".`);
  }
  const requests = (env.PLANGRAPH_LOG_REQUESTS ?? '').trim();
  if (!['', '0', '1'].includes(requests)) {
    throw new ConfigError(`PLANGRAPH_LOG_REQUESTS="${env.PLANGRAPH_LOG_REQUESTS}" is not understood: use 1 (every request) or 0.`);
  }
  return { logFormat: format, corsOrigins: parseOrigins(env.PLANGRAPH_CORS_ORIGINS), logRequests: requests === '1' };
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
