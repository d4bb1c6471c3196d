/**
 * `loadPaths` on the five seed documents, through the real pipeline into a real Neo4j:
 * provenance on every fact, a second load that changes nothing, order independence,
 * and a changed document that replaces only its own facts.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPaths, type LoadSummary } from '../../load/index.ts';
import { clearDatabase, testDriver, useNeo4j } from '../support/neo4j.ts';
import { countAll, snapshot, type Snapshot } from './load-snapshot.ts';

const SEEDS = path.resolve(import.meta.dirname, '../../seeds');
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const HUADU = 'huadu-14th-five-year-plan.txt';

const neo = useNeo4j();
let first: LoadSummary;
let loaded: Snapshot;
const temp = mkdtempSync(path.join(tmpdir(), 'plangraph-load-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function count(query: string): Promise<number> {
  const r = await neo.driver.executeQuery(query, {}, { database: neo.database });
  return r.records[0].get(0).toNumber();
}

describe('loading the seeds', () => {
  it('loads every seed document with tasks, bodies, places and goals', async () => {
    // Extracted on two worker threads (the pool), whatever the machine's default; the reverse load below extracts on this thread.
    first = await loadPaths(neo.driver, [SEEDS], { database: neo.database, workers: 2 });
    expect(first.failed, JSON.stringify(first.documents.filter((d) => d.status === 'failed'))).toBe(0);
    expect(first.documents.map((d) => d.document).sort()).toEqual(seedFiles);
    expect(first.documents.every((d) => d.status === 'loaded')).toBe(true);
    const huadu = first.documents.find((d) => d.document === HUADU)!;
    expect(huadu.tasks).toBeGreaterThan(0);
    expect(huadu.places).toBeGreaterThan(0);
    expect(huadu.goals).toBeGreaterThan(0);
    expect(await count('MATCH (t:Task) RETURN count(t)')).toBeGreaterThan(0);
    expect(await count('MATCH (d:Department)-[:LEADS]->(:Task) RETURN count(DISTINCT d)')).toBeGreaterThan(0);
    expect(await count('MATCH (:Task)-[:LOCATED_IN]->(d:District) RETURN count(DISTINCT d)')).toBeGreaterThan(0);
    expect(await count("MATCH (p:Plan {document: 'huadu-14th-five-year-plan.txt'}) RETURN count(p)")).toBe(1);
    loaded = await snapshot(neo.driver, neo.database);
  });

  it('gives every relationship read from text its document, line and quote', async () => {
    expect(await count('MATCH ()-[r]->() WHERE r.source IS NULL RETURN count(r)')).toBeGreaterThan(0);
    // REFERS_TO is not read from text: it is the writer's record of a document's shared nodes
    // (gazetteer parents included, which no line cites); it checks apart, below. Nor are TOUCHES, TALLY and TOTAL:
    // the touches rule and the bodies' counts derived from the other facts (graph/write/touches.ts, tallies.ts).
    const missing = await neo.driver.executeQuery(
      `MATCH (a)-[r]->(b) WHERE r.source IS NULL AND NOT type(r) IN ['REFERS_TO', 'TOUCHES', 'TALLY', 'TOTAL'] AND (r.document IS NULL OR r.line IS NULL OR r.quote IS NULL OR r.quote = '')
       RETURN type(r) AS type, a.id AS start, b.id AS end LIMIT 5`,
      {},
      { database: neo.database },
    );
    expect(missing.records.map((r) => r.toObject())).toEqual([]);
    // One record per document and shared node, from the document's own Plan; a node that
    // shows a document's provenance has that document's record, with the same line and quote.
    const records = await neo.driver.executeQuery(
      `MATCH (p:Plan)-[r:REFERS_TO]->(n)
       RETURN count(r) AS records,
              count(CASE WHEN p.document <> r.document THEN 1 END) AS foreign,
              count(CASE WHEN NOT (n:Department OR n:District OR n:Project) THEN 1 END) AS notShared`,
      {},
      { database: neo.database },
    );
    const r = records.records[0];
    expect([Number(r.get('foreign')), Number(r.get('notShared'))]).toEqual([0, 0]);
    expect(Number(r.get('records'))).toBeGreaterThan(0);
    expect(await count('MATCH (p:Plan)-[r:REFERS_TO]->(n) WITH r.document AS d, n, count(*) AS c WHERE c > 1 RETURN count(*)')).toBe(0);
    const unbacked = await neo.driver.executeQuery(
      `MATCH (n) WHERE (n:Department OR n:District OR n:Project) AND n.quote IS NOT NULL
         AND NOT EXISTS { (:Plan)-[r:REFERS_TO {document: n.document}]->(n) WHERE r.line = n.line AND r.quote = n.quote }
       RETURN n.id AS id LIMIT 5`,
      {},
      { database: neo.database },
    );
    expect(unbacked.records.map((r) => r.get('id'))).toEqual([]);
    // Owned nodes too, and the line is a real line of the named file.
    const nodes = await neo.driver.executeQuery(
      'MATCH (n) WHERE n:Plan OR n:Task OR n:Goal RETURN n.id AS id, n.document AS document, n.line AS line, n.quote AS quote',
      {},
      { database: neo.database },
    );
    const lines = new Map(seedFiles.map((f) => [f, readFileSync(path.join(SEEDS, f), 'utf8').split('\n').length]));
    for (const r of nodes.records) {
      const o = r.toObject() as { id: string; document: string; line: { toNumber(): number }; quote: string };
      expect(lines.has(o.document), o.id).toBe(true);
      expect(o.line.toNumber(), o.id).toBeGreaterThanOrEqual(1);
      expect(o.line.toNumber(), o.id).toBeLessThanOrEqual(lines.get(o.document)!);
      expect(typeof o.quote === 'string' && o.quote.length > 0, o.id).toBe(true);
    }
  });

  it('changes nothing when the same documents are loaded again', async () => {
    const before = await countAll(neo.driver, neo.database);
    const again = await loadPaths(neo.driver, [SEEDS], { database: neo.database });
    expect(again.documents.map((d) => d.status)).toEqual(seedFiles.map(() => 'unchanged'));
    expect(again.changed).toBe(0);
    expect(Object.values(again.counters)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(await countAll(neo.driver, neo.database)).toEqual(before);
    expect(before.distinctIds).toBe(before.nodes);
    expect(await snapshot(neo.driver, neo.database)).toEqual(loaded);
  });

  it('builds the same graph, ids and all, when the documents are loaded in reverse order, one at a time, extracted on this thread', async () => {
    await clearDatabase(neo.driver, neo.database);
    // The first load wrote two documents at a time (the default) from two extraction workers;
    // this one writes one at a time and extracts on this thread.
    const reversed = await loadPaths(neo.driver, [...seedFiles].reverse().map((f) => path.join(SEEDS, f)), { database: neo.database, concurrency: 1, workers: 1 });
    expect(reversed.documents.map((d) => d.document)).toEqual([...seedFiles].reverse());
    expect(reversed.failed).toBe(0);
    const again = await snapshot(neo.driver, neo.database);
    expect([...again.nodes.keys()].sort()).toEqual([...loaded.nodes.keys()].sort());
    expect(again).toEqual(loaded);
  });

  it('replaces a changed document\'s facts and leaves the other documents\' facts alone', async () => {
    // A copy of the seeds (with their manifest) in which one Huadu heading and paragraph are edited.
    for (const f of [...seedFiles, 'manifest.json']) copyFileSync(path.join(SEEDS, f), path.join(temp, f));
    const original = readFileSync(path.join(SEEDS, HUADU), 'utf8');
    const edited = original
      .replace('一、加大力度创新推进“三旧”改造', '一、全面创新推进“三旧”改造')
      .replace('充分利用广州“三旧”改造政策', '充分用好广州“三旧”改造政策');
    expect(edited).not.toBe(original);
    writeFileSync(path.join(temp, HUADU), edited);

    const others = seedFiles.filter((f) => f !== HUADU);
    const othersBefore = await snapshot(neo.driver, neo.database, others);
    const huaduBefore = await snapshot(neo.driver, neo.database, [HUADU]);

    // The copies come from another folder than the loaded seeds: replacing them is asked for.
    const result = await loadPaths(neo.driver, [temp], { database: neo.database, replace: true });
    expect(result.failed).toBe(0);
    expect(Object.fromEntries(result.documents.map((d) => [d.document, d.status]))).toEqual(
      Object.fromEntries(seedFiles.map((f) => [f, f === HUADU ? 'loaded' : 'unchanged'])),
    );

    expect(await snapshot(neo.driver, neo.database, others)).toEqual(othersBefore);
    const huaduAfter = await snapshot(neo.driver, neo.database, [HUADU]);
    expect(huaduAfter).not.toEqual(huaduBefore);
    const titles = [...huaduAfter.nodes.values()].map((n) => n.properties.title);
    expect(titles).toContain('全面创新推进“三旧”改造');
    expect(titles).not.toContain('加大力度创新推进“三旧”改造');
    // Nothing of the old version lingers, and nothing is duplicated.
    expect(await count("MATCH (n) WHERE n.quote CONTAINS '加大力度创新推进“三旧”改造' RETURN count(n)")).toBe(0);
    expect(await count("MATCH ()-[r]->() WHERE r.quote CONTAINS '加大力度创新推进“三旧”改造' RETURN count(r)")).toBe(0);
    const counts = await countAll(neo.driver, neo.database);
    expect(counts.distinctIds).toBe(counts.nodes);

    // And loading the edited copy again is a no-op too.
    const again = await loadPaths(neo.driver, [temp], { database: neo.database });
    expect(again.changed).toBe(0);
  });
});

describe('loading into a graph nobody prepared', () => {
  it('creates the id constraints the writer finds nodes by before it writes', async () => {
    // What a program calling loadPaths on a fresh database meets: no `plangraph up`, no server.
    const constraints = async () =>
      (await neo.driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names', {}, { database: neo.database })).records[0].get('names') as string[];
    await clearDatabase(neo.driver, neo.database);
    await neo.driver.executeQuery('DROP CONSTRAINT task_id_unique IF EXISTS', {}, { database: neo.database });
    expect(await constraints()).not.toContain('task_id_unique');
    // A new driver: the writer checks its indexes once per driver and database.
    const fresh = testDriver();
    try {
      const summary = await loadPaths(fresh, [path.join(SEEDS, HUADU)], { database: neo.database });
      expect(summary.failed).toBe(0);
    } finally {
      await fresh.close();
    }
    expect(await constraints()).toContain('task_id_unique');
    expect(await count("MATCH (p:Plan {document: 'huadu-14th-five-year-plan.txt'}) RETURN count(p)")).toBe(1);
  });
});
