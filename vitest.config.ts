/**
 * Two projects:
 *  - unit: tests beside the code (config/, loaders/, load/, api/, graph/, cli/, bench/) and the loader tests on
 *    whole documents (tests/loaders/), in parallel, no database;
 *  - integration: tests/**, one file at a time against one real Neo4j 5.26 that
 *    tests/setup/global-setup.ts finds or starts (NEO4J_URI, else a container engine, else the
 *    local launcher), each file starting from a clean database (tests/support/neo4j.ts).
 */
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// graphql ships index.mjs (picked by Vite for our sources) and index.js (picked by Node for
// type-graphql, @apollo/server, …): two copies whose schemas reject each other ("another module
// or realm"). Resolve every graphql import the way Node's require does, so there is one copy.
const oneGraphql: Plugin = {
  name: 'plangraph:one-graphql',
  enforce: 'pre',
  resolveId(id) {
    if (id === 'graphql' || id.startsWith('graphql/')) return require.resolve(id);
    return null;
  },
};

export default defineConfig({
  plugins: [oneGraphql],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['config/**/*.test.ts', 'loaders/**/*.test.ts', 'load/**/*.test.ts', 'api/**/*.test.ts', 'graph/**/*.test.ts', 'cli/**/*.test.ts', 'bench/**/*.test.ts', 'tests/loaders/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          // Loader tests need no database: they run with the unit tests, in parallel.
          exclude: ['tests/loaders/**'],
          globalSetup: ['tests/setup/global-setup.ts'],
          setupFiles: ['tests/setup/neo4j-env.ts'],
          // One database for all files: files run one after another, each clearing it first.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
