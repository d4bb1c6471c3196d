/**
 * The variable table is complete and the README says the same: every PLANGRAPH_* or NEO4J_*
 * name in the source is in config/env.ts, no product code outside config/ reads process.env, and
 * the README's Configuration table has the same rows with the same defaults.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES } from './env.ts';
import { PROJECT_ROOT } from './project-root.ts';

/** Variables PlanGraph sets for a child process (neo4j-admin) and never reads. */
const SET_FOR_CHILDREN = new Set(['NEO4J_HOME', 'NEO4J_CONF']);

const SOURCE_DIRS = ['api', 'bench', 'bin', 'cli', 'config', 'graph', 'load', 'loaders', 'tests'];
const PRODUCT_DIRS = ['api', 'bin', 'cli', 'graph', 'load', 'loaders'];
const SKIP = new Set(['node_modules', 'lib', 'target', 'fixtures']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(PROJECT_ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory() && !SKIP.has(entry.name)) out.push(...sourceFiles(rel));
    else if (entry.isFile() && /\.(ts|js|mjs)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
const names = new Set<string>(ENV_VARIABLES.map((v) => v.name));

describe('the environment variable table', () => {
  it('has every PLANGRAPH_* and NEO4J_* name the source mentions', () => {
    const missing: string[] = [];
    for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
      for (const [name] of read(file).matchAll(/\b(?:PLANGRAPH|NEO4J)_[A-Z0-9_]*[A-Z0-9]\b/g)) {
        if (!names.has(name!) && !SET_FOR_CHILDREN.has(name!)) missing.push(`${name} (${file})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('is the only reader of process.env in the product (passing it on to a child process is no read)', () => {
    const readers: string[] = [];
    for (const file of PRODUCT_DIRS.flatMap(sourceFiles).filter((f) => !f.endsWith('.test.ts'))) {
      read(file).split('\n').forEach((line, i) => {
        if (/process\.env\b/.test(line.replace(/\.\.\.process\.env\b/g, ''))) readers.push(`${file}:${i + 1}`);
      });
    }
    expect(readers).toEqual([]);
  });

  it('lists each name once', () => {
    expect(names.size).toBe(ENV_VARIABLES.length);
  });

  it('says what the README\'s Configuration table says: the same rows, in order, with the same defaults and users', () => {
    const readme = read('README.md');
    const start = readme.indexOf('| variable | default | used by | meaning |');
    const rows = readme.slice(start, readme.indexOf('\n\n', start)).split('\n').slice(2);
    const documented = rows.map((row) => {
      const [name, byDefault, usedBy] = row.slice(1, -1).split(' | ').map((cell) => cell.trim());
      return { name: name!.replace(/`/g, ''), default: byDefault, usedBy };
    });
    expect(documented).toEqual(ENV_VARIABLES.map((v) => ({ name: v.name, default: v.default, usedBy: v.usedBy })));
  });
});
