import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** URL prefix the GraphiQL page loads its scripts and styles from. */
export const ASSET_PREFIX = '/graphiql/assets/';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/**
 * Everything the page needs, from the installed packages (no CDN: it works offline).
 * Keys are the public file names under ASSET_PREFIX; nothing else is served, so no path
 * from the URL ever reaches the file system.
 */
const FILES: Record<string, { path: () => string; type: string }> = {
  'react.production.min.js': { path: () => join(packageDir('react'), 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.production.min.js': {
    path: () => join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
  'graphiql.min.js': { path: () => join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.min.css': { path: () => join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
  'plangraph-graphiql.js': { path: () => fileURLToPath(new URL('./start.js', import.meta.url)), type: 'text/javascript' },
};

export const ASSET_NAMES = Object.keys(FILES);

export interface Asset {
  type: string;
  body: Buffer;
  gzipped: Buffer;
}

const cache = new Map<string, Promise<Asset>>();

/** The asset for a public file name, or undefined if there is no such asset. Read and gzipped once. */
export function loadAsset(name: string): Promise<Asset> | undefined {
  const file = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
  if (!file) return undefined;
  let asset = cache.get(name);
  if (!asset) {
    asset = readFile(file.path()).then((body) => ({ type: file.type, body, gzipped: gzipSync(body) }));
    asset.catch(() => cache.delete(name));
    cache.set(name, asset);
  }
  return asset;
}
