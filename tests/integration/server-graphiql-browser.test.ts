/**
 * GraphiQL actually starts in a real browser with every host but 127.0.0.1 unresolvable
 * ("network unplugged"). Needs a headless Chromium (Debian: apt-get install
 * chromium-headless-shell); skipped where there is none.
 */
import { execFile, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { useNeo4j } from '../support/neo4j.ts';
import { startTestServer, type TestServer } from './server.harness.ts';

const chromium = ['chromium-headless-shell', 'chromium', 'google-chrome'].find(
  (bin) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0,
);

describe.skipIf(!chromium)('GraphiQL in headless Chromium, offline', () => {
  const neo4j = useNeo4j();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ driver: neo4j.driver, database: neo4j.database });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('renders the editor with the flagship query, and logs no CSP violation or error', async () => {
    const args = [
      '--no-sandbox',
      '--disable-gpu',
      '--enable-logging=stderr',
      '--v=0',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      '--virtual-time-budget=15000',
      '--dump-dom',
      server.url,
    ];
    // Asynchronously: the server under test runs in this very process.
    const { stdout: dom, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve) => {
      execFile(chromium!, args, { encoding: 'utf8', timeout: 90_000, maxBuffer: 16 * 1024 * 1024 }, (_err, stdout, stderr) =>
        resolve({ stdout, stderr }),
      );
    });
    const root = parse(dom);
    expect(root.querySelector('.graphiql-container'), dom.slice(0, 500)).not.toBeNull();
    expect(root.querySelector('.graphiql-execute-button')).not.toBeNull();
    // The query editor (CodeMirror) shows the default query.
    expect(root.querySelector('.graphiql-query-editor')?.text ?? '').toContain('leadingDepartments');
    expect(stderr).not.toMatch(/Content Security Policy|Refused to (load|execute|connect)/);
  }, 120_000);
});
