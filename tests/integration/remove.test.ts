/**
 * `plangraph remove <document>` on the real seeds in a real Neo4j: after loading every seed
 * and removing the Huadu plan, the graph is exactly the graph of the other seeds loaded
 * alone (nodes, labels, properties, aliases, provenance, relationships); a name the graph
 * does not hold is refused by name and changes nothing. Runs the real CLI too.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPaths } from '../../load/load-paths.ts';
import { removeDocument } from '../../graph/write/remove.ts';
import { clearDatabase, useNeo4j } from '../support/neo4j.ts';
import { snapshot, type Snapshot } from './load-snapshot.ts';
import { graphFingerprint, seedPaths } from './server.harness.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HUADU = 'huadu-14th-five-year-plan.txt';

function plangraph(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'bin/plangraph.js'), ...args], { cwd: ROOT, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

function plainSnapshot(s: Snapshot) {
  return { nodes: [...s.nodes.entries()].sort(([a], [b]) => (a < b ? -1 : 1)), relationships: s.relationships };
}

describe('plangraph remove', () => {
  const db = useNeo4j();
  let withoutHuadu: Snapshot;

  beforeAll(async () => {
    const others = seedPaths().filter((p) => path.basename(p) !== HUADU);
    expect(others.length).toBe(seedPaths().length - 1);
    const first = await loadPaths(db.driver, others, { database: db.database });
    expect(first.failed).toBe(0);
    withoutHuadu = await snapshot(db.driver, db.database);
    await clearDatabase(db.driver, db.database);
    const all = await loadPaths(db.driver, seedPaths(), { database: db.database });
    expect(all.failed).toBe(0);
  }, 240_000);

  it('takes one document out and leaves the graph the other documents make', async () => {
    const before = await snapshot(db.driver, db.database);
    const huaduTasks = [...before.nodes.values()].filter((n) => n.labels.includes('Task') && n.properties.document === HUADU).length;
    expect(huaduTasks).toBeGreaterThan(50);

    const result = await removeDocument(db.driver, `seeds/${HUADU}`, { database: db.database });
    expect(result.document).toBe(HUADU);
    expect(result.owned.tasks).toBe(huaduTasks);
    expect(result.counters.nodesDeleted).toBeGreaterThan(huaduTasks);

    const after = await snapshot(db.driver, db.database);
    expect(plainSnapshot(after)).toEqual(plainSnapshot(withoutHuadu));
    // Nothing of it is left anywhere.
    const left = await db.driver.executeQuery(
      'RETURN COUNT { MATCH (n) WHERE n.document = $doc } AS nodes, COUNT { MATCH ()-[r]->() WHERE r.document = $doc } AS rels',
      { doc: HUADU },
      { database: db.database },
    );
    expect(left.records[0].get('nodes').toNumber()).toBe(0);
    expect(left.records[0].get('rels').toNumber()).toBe(0);
  }, 120_000);

  it('refuses a document the graph does not hold, naming it, and changes nothing', async () => {
    const before = await graphFingerprint(db.driver, db.database);
    await expect(removeDocument(db.driver, HUADU, { database: db.database })).rejects.toThrow(/huadu-14th-five-year-plan\.txt: not in the graph, nothing removed/);
    await expect(removeDocument(db.driver, 'beautiful-guangzhou.txt', { database: db.database })).rejects.toThrow(/did you mean beautiful-guangzhou-plan-2025-2035\.txt/);
    expect(await graphFingerprint(db.driver, db.database)).toEqual(before);
  });

  it('the CLI removes a document and says what went; reloading it brings it back', async () => {
    const doc = 'guangzhou-industrial-clusters-news.txt';
    const cli = await plangraph(['remove', doc]);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(new RegExp(`removed ${doc.replace(/\./g, '\\.')}: \\d+ plan\\(s\\), \\d+ task\\(s\\)`));
    const gone = await plangraph(['remove', doc]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/not in the graph/);
    const reload = await loadPaths(db.driver, seedPaths().filter((p) => path.basename(p) === doc), { database: db.database });
    expect(reload.loaded).toBe(1);
  }, 120_000);
});
