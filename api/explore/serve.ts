/**
 * GET /explore: a picture of the answer (web/explore/), drawn with Cytoscape.js from
 * node_modules: no CDN, it works offline. The page asks the GraphQL endpoint on the same
 * origin. Only the files listed here are served, so no path from the URL reaches the file
 * system.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ErrorCode } from '../common/error-codes.ts';

export const EXPLORE_PATH = '/explore';
const ASSETS = `${EXPLORE_PATH}/assets/`;

const require = createRequire(import.meta.url);
const web = (name: string) => fileURLToPath(new URL(`../../web/explore/${name}`, import.meta.url));

const FILES: Record<string, { path: () => string; type: string }> = {
  [EXPLORE_PATH]: { path: () => web('explore.html'), type: 'text/html' },
  // cytoscape's package.json "exports" hides its package.json; its main entry sits in dist/ beside the UMD build.
  [`${ASSETS}cytoscape.min.js`]: { path: () => join(dirname(require.resolve('cytoscape')), 'cytoscape.min.js'), type: 'text/javascript' },
  [`${ASSETS}explore.css`]: { path: () => web('explore.css'), type: 'text/css' },
  [`${ASSETS}queries.js`]: { path: () => web('queries.js'), type: 'text/javascript' },
  [`${ASSETS}picture.js`]: { path: () => web('picture.js'), type: 'text/javascript' },
  [`${ASSETS}exports.js`]: { path: () => web('exports.js'), type: 'text/javascript' },
  [`${ASSETS}explore.js`]: { path: () => web('explore.js'), type: 'text/javascript' },
};

/** Same origin only. Cytoscape sets inline styles on its canvas elements (hence 'unsafe-inline' for styles, as GraphiQL needs too); exports are data:/blob: URLs. */
export const EXPLORE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

interface Loaded {
  type: string;
  body: Buffer;
  gzipped: Buffer;
}
const cache = new Map<string, Promise<Loaded>>();

function load(pathname: string): Promise<Loaded> | undefined {
  const file = Object.hasOwn(FILES, pathname) ? FILES[pathname] : undefined;
  if (!file) return undefined;
  let loaded = cache.get(pathname);
  if (!loaded) {
    loaded = readFile(file.path()).then((body) => ({ type: file.type, body, gzipped: gzipSync(body) }));
    loaded.catch(() => cache.delete(pathname));
    cache.set(pathname, loaded);
  }
  return loaded;
}

/** True when the path is the explorer's (the caller then leaves the response to us). */
export function isExplorePath(pathname: string): boolean {
  return pathname === EXPLORE_PATH || pathname === `${EXPLORE_PATH}/` || pathname.startsWith(ASSETS);
}

export async function serveExplore(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  const name = pathname === `${EXPLORE_PATH}/` ? EXPLORE_PATH : pathname;
  const loading = req.method === 'GET' || req.method === 'HEAD' ? load(name) : undefined;
  if (!loading) {
    const body = JSON.stringify({ errors: [{ message: `Nothing at ${pathname}. The explorer is at ${EXPLORE_PATH}.`, extensions: { code: ErrorCode.NOT_FOUND } }] });
    res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
    return;
  }
  const file = await loading;
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const bytes = gzip ? file.gzipped : file.body;
  const page = file.type === 'text/html';
  res.writeHead(200, {
    'content-type': `${file.type}; charset=utf-8`,
    'content-length': bytes.length,
    // The page itself is small and changes with the install; the assets are cached an hour like GraphiQL's.
    'cache-control': page ? 'no-cache' : 'public, max-age=3600',
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
    ...(page ? { 'content-security-policy': EXPLORE_CSP, 'referrer-policy': 'no-referrer' } : {}),
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
