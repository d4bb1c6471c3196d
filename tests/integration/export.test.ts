/**
 * `plangraph export` on the real seeds in a real Neo4j:
 *  - CSV → `neo4j-admin database import full` (run from the Maven artifacts) into an empty
 *    store → a second Neo4j started on that store holds exactly the source graph: every node
 *    with its labels and typed properties, every relationship;
 *  - the Cypher script run on an emptied database gives the source graph back too;
 *  - an area's subgraph (花都区) holds the tasks the API says touch it, closed under its edges;
 *    the GraphML of it is well-formed with one <node> per node.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyListStatements, importArguments, readExportGraph, toCsvFiles, toCypherStatements, toGraphml, type ExportGraph } from '../../graph/export/index.ts';
import { adminImport } from '../../graph/local/admin-import.ts';
import { freePort, launch } from '../../graph/local/launcher.ts';
import { clearDatabase, useNeo4j } from '../support/neo4j.ts';
import { gql, loadSeeds, startTestServer } from './server.harness.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function plangraph(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'bin/plangraph.js'), ...args], { cwd, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

/** Every node and relationship as text, value types kept (12n is a long, 12 a double). */
function canonical(graph: ExportGraph): string[] {
  const text = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : typeof x === 'number' ? `${x}d` : x));
  return [
    ...graph.nodes.map((n) => text(['node', n.id, n.labels, n.properties])),
    ...graph.relationships.map((r) => text(['rel', r.type, r.start, r.end, r.properties])),
  ].sort();
}

describe('export', () => {
  const db = useNeo4j();
  let source: ExportGraph;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'plangraph-export-'));

  beforeAll(async () => {
    await loadSeeds(db.driver, db.database);
    source = await readExportGraph(db.driver, { database: db.database });
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reads the whole graph: every node but the version stamp, every relationship, typed values', async () => {
    const counts = await db.driver.executeQuery('MATCH (n) WHERE NOT n:GraphState RETURN count(n) AS nodes, COUNT { ()-[]->() } AS rels', {}, { database: db.database });
    expect(source.nodes.length).toBe(counts.records[0].get('nodes').toNumber());
    expect(source.relationships.length).toBe(counts.records[0].get('rels').toNumber());
    expect(source.nodes.length).toBeGreaterThan(500);
    const task = source.nodes.find((n) => n.labels[0] === 'Task')!;
    expect(typeof task.properties.line).toBe('bigint');
    expect(source.relationships.some((r) => r.type === 'REFERS_TO')).toBe(true);
  });

  it('CSV imported by neo4j-admin into an empty database equals the source graph', async () => {
    const dir = path.join(tmp, 'csv');
    const files = toCsvFiles(source);
    rmSync(dir, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    for (const f of files) writeFileSync(path.join(dir, f.name), f.text);
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['nodes-Task.csv', 'relationships-LEADS.csv']));
    expect(files.find((f) => f.name === 'nodes-Task.csv')!.text.split('\n')[0]).toMatch(/^id:ID,:LABEL,.*line:long/);

    const home = path.join(tmp, 'imported-home');
    const imported = await adminImport({ home, args: importArguments(files, dir), cwd: dir });
    expect(imported.output).toMatch(/IMPORT DONE/);

    const password = 'export-roundtrip-1';
    const boltPort = await freePort();
    let httpPort = await freePort();
    while (httpPort === boltPort) httpPort = await freePort();
    const server = await launch({ home, boltPort, httpPort, password, heap: '512m', pageCache: '64m' });
    const driver = neo4j.driver(server.uri, neo4j.auth.basic('neo4j', password));
    try {
      // A CSV cell cannot carry an empty list (neo4j-admin reads it as no property): the export's
      // after-import.cypher sets them; without it, only those properties differ.
      const fixes = emptyListStatements(source);
      expect(fixes.length).toBeGreaterThan(0);
      const before = await readExportGraph(driver, {});
      const present = new Set(canonical(before));
      const missing = canonical(source).filter((line) => !present.has(line));
      expect(missing.length).toBeGreaterThan(0);
      expect(missing.every((line) => line.includes('[]'))).toBe(true);
      for (const statement of fixes) await driver.executeQuery(statement);
      const copy = await readExportGraph(driver, {});
      expect(copy.nodes.length).toBe(source.nodes.length);
      expect(copy.relationships.length).toBe(source.relationships.length);
      expect(canonical(copy)).toEqual(canonical(source));
    } finally {
      await driver.close();
      await server.stop();
    }
  }, 300_000);

  it('the Cypher script run on an emptied database gives the same graph back', async () => {
    const statements = toCypherStatements(source);
    await clearDatabase(db.driver, db.database);
    const session = db.driver.session({ database: db.database });
    try {
      for (const s of statements) await session.run(s);
    } finally {
      await session.close();
    }
    const copy = await readExportGraph(db.driver, { database: db.database });
    expect(canonical(copy)).toEqual(canonical(source));
  }, 120_000);

  it('an area subgraph holds the tasks the API says touch it, and only edges between its nodes', async () => {
    const area = await readExportGraph(db.driver, { database: db.database, area: { district: '花都区' } });
    const server = await startTestServer({ driver: db.driver, database: db.database, healthCheckIntervalMs: 0 });
    try {
      const reply = await gql(server.url, '{ district(name: "花都区") { id tasks(first: 1) { totalCount } } }');
      const district = reply.body.data!.district;
      expect(area.scope.district?.id).toBe(district.id);
      const tasks = area.nodes.filter((n) => n.labels[0] === 'Task');
      expect(tasks.length).toBe(district.tasks.totalCount);
      expect(tasks.length).toBeGreaterThan(50);
    } finally {
      await server.close();
    }
    const ids = new Set(area.nodes.map((n) => n.id));
    for (const r of area.relationships) {
      expect(ids.has(r.start) && ids.has(r.end), `${r.type} ${r.start} → ${r.end}`).toBe(true);
    }
    expect(area.relationships.some((r) => r.type === 'REFERS_TO' || r.type === 'TOUCHES' || r.type === 'TALLY')).toBe(false);
    const labels = new Set(area.nodes.map((n) => n.labels[0]));
    for (const l of ['Plan', 'Task', 'Department', 'District']) expect(labels).toContain(l);
    // The hierarchy above the area comes along: 花都区 → 广州市 → 广东省.
    expect(area.nodes.some((n) => n.properties.name === '广东省')).toBe(true);
    expect(area.nodes.length).toBeLessThan(source.nodes.length);

    const xml = toGraphml(area);
    const root = parse(xml);
    expect(root.querySelectorAll('node').length).toBe(area.nodes.length);
    expect(root.querySelectorAll('edge').length).toBe(area.relationships.length);
  }, 120_000);

  it('the CLI writes an area as GraphML and the whole graph as a CSV folder with its import command', async () => {
    const area = await plangraph(['export', '--district', '花都区', '--out', 'huadu.graphml'], tmp);
    expect(area.stderr).toBe('');
    expect(area.code).toBe(0);
    expect(area.stdout).toMatch(/exported area 花都区 \(div:440114\): \d+ nodes, \d+ relationships → .*huadu\.graphml \(graphml\)/);
    const xml = parse(readFileSync(path.join(tmp, 'huadu.graphml'), 'utf8'));
    expect(xml.querySelectorAll('node').length).toBeGreaterThan(100);

    const csv = await plangraph(['export', '--format', 'csv', '--out', 'all'], tmp);
    expect(csv.code).toBe(0);
    const files = readdirSync(path.join(tmp, 'all'));
    expect(files).toEqual(expect.arrayContaining(['IMPORT.txt', 'nodes-Task.csv', 'relationships-LEADS.csv']));
    expect(readFileSync(path.join(tmp, 'all', 'IMPORT.txt'), 'utf8')).toContain('neo4j-admin database import full neo4j --id-type=string');
    expect(existsSync(path.join(tmp, 'all', 'after-import.cypher'))).toBe(true);
  }, 120_000);
});
