/**
 * The CLI's habits as a user meets them, through bin/plangraph.js: --version, help <command>,
 * usage errors exit 2, --json on extract and load, a line per skipped file, a warning for a
 * document that gives no task. `load` writes into the test Neo4j (NEO4J_URI from the setup).
 */
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../config/project-root.ts';
import { useNeo4j } from '../support/neo4j.ts';

useNeo4j();
const folder = mkdtempSync(path.join(os.tmpdir(), 'plangraph-cli-'));
copyFileSync(path.join(PROJECT_ROOT, 'seeds', 'huadu-14th-five-year-plan.txt'), path.join(folder, 'huadu-14th-five-year-plan.txt'));
writeFileSync(path.join(folder, 'data.csv'), 'a,b\n1,2\n');
writeFileSync(path.join(folder, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
// Not a plan: prose with no numbering, heading or lead phrase.
writeFileSync(path.join(folder, 'notes.md'), '今天开会，讨论了午饭吃什么。\n\n大家都觉得天气不错。\n');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function plangraph(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(PROJECT_ROOT, 'bin/plangraph.js'), ...args], { cwd: PROJECT_ROOT, timeout: 300_000, env: process.env }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('plangraph conventions', () => {
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
    for (const flag of ['--version', '-V']) {
      const r = await plangraph([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(`plangraph ${pkg.version}`);
    }
  });

  it('help <command> is that command\'s help; --help lists commands and exit codes', async () => {
    const viaHelp = await plangraph(['help', 'load']);
    const viaFlag = await plangraph(['load', '--help']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect(viaHelp.stdout).toContain('usage: plangraph load');
    const general = await plangraph(['--help']);
    expect(general.code).toBe(0);
    for (const cmd of ['up', 'neo4j', 'extract', 'load', 'serve']) expect(general.stdout).toMatch(new RegExp(`^  ${cmd} `, 'm'));
    expect(general.stdout).toContain('exit codes:');
  });

  it('usage errors exit 2 and say what is wrong', async () => {
    expect((await plangraph(['nope'])).code).toBe(2);
    const bad = await plangraph(['load', '--frobnicate', folder]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown option --frobnicate');
    expect((await plangraph(['extract', folder, '--json'])).stderr).toContain('--json needs --out');
  });

  it('extract --json reports each document, the skipped files and the document without tasks', async () => {
    const out = path.join(folder, 'graph.out');
    const r = await plangraph(['extract', folder, '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.documents.map((d: any) => [d.document, d.ok, d.tasks > 0])).toEqual([
      ['huadu-14th-five-year-plan.txt', true, true],
      ['notes.md', true, false],
    ]);
    expect(report.skipped.map((p: string) => path.basename(p))).toEqual(['data.csv', 'photo.jpg']);
    expect(r.stderr).toMatch(/^skipped .*data\.csv: not a document format/m);
    expect(r.stderr).toMatch(/^skipped .*photo\.jpg: not a document format/m);
    expect(r.stderr).toMatch(/^warning: notes\.md yielded no tasks/m);
    rmSync(out);
  });

  it('load --json writes and reports as JSON, with the same notices', async () => {
    const r = await plangraph(['load', '--json', folder]);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.documents.map((d: any) => [d.document, d.status])).toEqual([
      ['huadu-14th-five-year-plan.txt', 'loaded'],
      ['notes.md', 'loaded'],
    ]);
    expect(result.noTasks).toEqual(['notes.md']);
    expect(result.skipped.map((p: string) => path.basename(p))).toEqual(['data.csv', 'photo.jpg']);
    expect(r.stderr).toMatch(/^warning: notes\.md yielded no tasks/m);
    // Again: nothing changed, still JSON.
    const again = JSON.parse((await plangraph(['load', '--json', folder])).stdout);
    expect(again.unchanged).toBe(2);
  });

  it('serve with PLANGRAPH_LOG_FORMAT=json logs one JSON object per line, requests with their fields', async () => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/plangraph.js'), 'serve', '--port', '0'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PLANGRAPH_LOG_FORMAT: 'json', PLANGRAPH_LOG_REQUESTS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (b) => (out += b));
    const waitFor = async (re: RegExp) => {
      for (let i = 0; i < 600 && !re.test(out); i++) await new Promise((r) => setTimeout(r, 100));
      return re.exec(out);
    };
    try {
      const url = (await waitFor(/PlanGraph GraphQL API: (http:\/\/\S+\/graphql)/))?.[1];
      expect(url, out).toBeDefined();
      const res = await fetch(url!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query JsonLogs { plans { id } }' }) });
      expect(res.status).toBe(200);
      await waitFor(/"operation":"JsonLogs"/);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const line of lines) expect(Object.keys(line).slice(0, 3)).toEqual(['time', 'level', 'msg']);
    expect(lines.find((l) => l.operation === 'JsonLogs')).toMatchObject({ level: 'info', status: 200, kind: 'query', operation: 'JsonLogs' });
    expect(lines.at(-1)).toMatchObject({ msg: 'stopped' });
  }, 120_000);
});
