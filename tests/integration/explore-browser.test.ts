/**
 * GET /explore in a real headless Chromium over the real seeds, with every host but 127.0.0.1
 * unresolvable: the page asks the GraphQL API on its own origin and draws the 花都区 answer
 * with exactly the nodes the API's answer implies; Chromium's network log shows no request
 * to any other origin; the exports (SVG, JSON, PNG) hold the whole view; a click on a LEADS
 * edge shows the document, line and quote the API gives for it. Screenshots go to
 * tests/artifacts/ (gitignored). Needs chromium-headless-shell (skipped where there is none).
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNeo4j } from '../support/neo4j.ts';
import { gql, loadSeeds, startTestServer, type TestServer } from './server.harness.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');

const chromium = ['chromium-headless-shell', 'chromium', 'google-chrome'].find(
  (bin) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0,
);

function browse(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const base = ['--no-sandbox', '--disable-gpu', '--enable-logging=stderr', '--v=0', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--virtual-time-budget=20000'];
  return new Promise((resolve) => {
    execFile(chromium!, [...base, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 32 * 1024 * 1024 }, (_err, stdout, stderr) => resolve({ stdout, stderr }));
  });
}

/**
 * What the 花都 picture must hold, from the API's own answer to the flagship question with
 * includeEnclosing (the README's example: province- and city-wide tasks count for the district).
 */
async function expectedPicture(url: string) {
  const reply = await gql(
    url,
    `{ district(name: "花都") { id name leadingDepartments(includeEnclosing: true, first: 25, tasksFirst: 10) { role department { id } tasks { id plan { id } districts { id } locations { district { id } evidence { document line quote } }
       assignments { role department { id } evidence { document line quote } } } } } }`,
  );
  expect(reply.body.errors).toBeUndefined();
  const district = reply.body.data!.district;
  const bodies = new Set<string>();
  const tasks = new Set<string>();
  const plans = new Set<string>();
  const places = new Set<string>();
  const edges = new Set<string>();
  for (const group of district.leadingDepartments) {
    bodies.add(group.department.id);
    for (const t of group.tasks) {
      // Task.locations: the same places as Task.districts, each with the line that names it.
      expect(t.locations.map((l: any) => l.district.id).sort()).toEqual(t.districts.map((d: any) => d.id).sort());
      for (const l of t.locations) expect(l.evidence.line, t.id).toBeGreaterThan(0);
      tasks.add(t.id);
      plans.add(t.plan.id);
      edges.add(`${group.role}|${group.department.id}|${t.id}`);
      for (const d of t.districts) {
        if (d.id !== district.id) places.add(d.id);
        edges.add(`LOCATED_IN|${t.id}|${d.id}`);
      }
    }
  }
  return { district, bodies: bodies.size, tasks: tasks.size, plans: plans.size, places: places.size + 1, nodes: 1 + bodies.size + tasks.size + plans.size + places.size, edges: edges.size };
}

describe.skipIf(!chromium)('/explore in headless Chromium, offline', () => {
  const db = useNeo4j();
  let server: TestServer;
  const tmp = path.join(os.tmpdir(), `plangraph-explore-${process.pid}`);

  beforeAll(async () => {
    await loadSeeds(db.driver, db.database);
    server = await startTestServer({ driver: db.driver, database: db.database });
    mkdirSync(tmp, { recursive: true });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('serves the page with a same-origin CSP and its assets from node_modules, nothing else', async () => {
    const page = await fetch(`${server.origin}/explore`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*connect-src 'self'/);
    const html = await page.text();
    const scripts = parse(html).querySelectorAll('script[src], link[href]').map((e) => e.getAttribute('src') ?? e.getAttribute('href'));
    expect(scripts.every((s) => s!.startsWith('/'))).toBe(true);
    const lib = await fetch(`${server.origin}/explore/assets/cytoscape.min.js`);
    expect(lib.status).toBe(200);
    const installed = readFileSync(path.join(ROOT, 'node_modules/cytoscape/dist/cytoscape.min.js'));
    expect(Buffer.from(await lib.arrayBuffer()).equals(installed)).toBe(true);
    for (const bad of ['package.json', '..%2F..%2Fpackage.json', '%2e%2e/%2e%2e/package.json', 'constructor', '__proto__', '../explore']) {
      const res = await fetch(`${server.origin}/explore/assets/${bad}`);
      expect(res.status, bad).toBe(404);
      await res.arrayBuffer();
    }
    expect((await fetch(`${server.origin}/explore`, { method: 'POST' })).status).toBe(404);
  });

  it('draws the 花都 answer (includeEnclosing) with the nodes the API gives, makes no outside request, exports the view, shows evidence on click', async () => {
    const expected = await expectedPicture(server.url);
    expect(expected.tasks).toBeGreaterThan(10);
    const netlog = path.join(tmp, 'netlog.json');
    const { stdout: dom, stderr } = await browse([`--log-net-log=${netlog}`, '--dump-dom', `${server.origin}/explore?q=${encodeURIComponent('花都')}&enclosing=1#verify`]);
    const root = parse(dom);
    const summary = root.querySelector('#summary');
    expect(summary?.getAttribute('data-kind'), dom.slice(0, 2000)).toBe('district');
    const count = (name: string) => Number(summary!.getAttribute(`data-${name}`));
    expect({ nodes: count('nodes'), edges: count('edges'), bodies: count('bodies'), tasks: count('tasks'), plans: count('plans'), places: count('places') }).toEqual({
      nodes: expected.nodes,
      edges: expected.edges,
      bodies: expected.bodies,
      tasks: expected.tasks,
      plans: expected.plans,
      places: expected.places,
    });

    // Exports: every node (plans included) and edge in the SVG and the JSON; a real PNG.
    const verify = root.querySelector('#verify')!;
    expect(verify.getAttribute('data-svg-error')).toBe('no');
    expect(Number(verify.getAttribute('data-svg-nodes'))).toBe(expected.nodes);
    expect(Number(verify.getAttribute('data-svg-edges'))).toBe(expected.edges);
    expect(Number(verify.getAttribute('data-json-nodes'))).toBe(expected.nodes);
    expect(Number(verify.getAttribute('data-json-edges'))).toBe(expected.edges);
    expect(Number(verify.getAttribute('data-png-bytes'))).toBeGreaterThan(20_000);

    // The click on a LEADS edge shows evidence the API gives for that body and task.
    const details = root.querySelector('#details')!;
    expect(details.querySelector('h3')?.text).toBe('LEADS');
    const [, deptId, taskId] = details.getAttribute('data-selected')!.split('|');
    const shown = details.querySelectorAll('.evidence li').map((li) => ({
      document: li.querySelector('.doc')!.text,
      line: Number(li.querySelector('.line')!.text.replace('line ', '')),
      quote: li.querySelector('blockquote')!.text,
    }));
    const task = expected.district.leadingDepartments.find((g: any) => g.department.id === deptId).tasks.find((t: any) => t.id === taskId);
    const given = task.assignments.filter((a: any) => a.role === 'LEAD' && a.department.id === deptId).map((a: any) => a.evidence);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(given);

    // Offline: nothing but this server was asked for, and the browser refused nothing.
    const log = readFileSync(netlog, 'utf8');
    const urls = [...log.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    const outside = urls.filter((u) => !u.startsWith(server.origin) && !/^(data|blob|chrome|about):/.test(u));
    expect(outside).toEqual([]);
    expect(stderr).not.toMatch(/Content Security Policy|Refused to (load|execute|connect|apply)/);
  }, 180_000);

  it('saves screenshots of the answer (leads; leads and supports)', async () => {
    for (const [name, query] of [
      ['explore-huadu.png', `q=${encodeURIComponent('花都')}&enclosing=1`],
      ['explore-huadu-supporting.png', `q=${encodeURIComponent('花都')}&enclosing=1&supporting=1`],
    ]) {
      const file = path.join(ARTIFACTS, name);
      rmSync(file, { force: true });
      await browse(['--hide-scrollbars', '--window-size=1600,1000', `--screenshot=${file}`, `${server.origin}/explore?${query}`]);
      expect(statSync(file).size).toBeGreaterThan(50_000);
    }
  }, 240_000);
});
