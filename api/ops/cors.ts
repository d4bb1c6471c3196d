/**
 * CORS for /graphql with an allow-list (PLANGRAPH_CORS_ORIGINS): a page on a listed origin (a
 * hosted Apollo Sandbox, an internal dashboard) gets its preflight answered and may read answers.
 * Other origins get no CORS headers, so browsers keep them out; Apollo's CSRF prevention still
 * refuses "simple" cross-site requests (no JSON content type, no preflight header) from anywhere.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '../common/error-codes.ts';

const ALLOWED_HEADERS = 'content-type, apollo-require-preflight, x-apollo-operation-name, authorization';

/** Sets the CORS headers for an allowed origin; answers a preflight (true: the response is done). */
export function handleCors(req: IncomingMessage, res: ServerResponse, allowed: string[] | '*'): boolean {
  const origin = req.headers.origin;
  res.setHeader('vary', 'origin');
  const ok = typeof origin === 'string' && (allowed === '*' || allowed.includes(origin));
  if (ok) {
    res.setHeader('access-control-allow-origin', allowed === '*' ? '*' : origin);
    res.setHeader('access-control-expose-headers', 'x-plangraph-cache, retry-after');
  }
  if (req.method !== 'OPTIONS') return false;
  if (!ok) {
    res.writeHead(403, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ errors: [{ message: `Origin ${origin ?? '(none)'} is not allowed; list it in PLANGRAPH_CORS_ORIGINS.`, extensions: { code: ErrorCode.FORBIDDEN } }] }));
    return true;
  }
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': '600',
  });
  res.end();
  return true;
}
