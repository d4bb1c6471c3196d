/**
 * writeDocument against a real Neo4j, on GraphDocuments built here: ownership of shared
 * nodes, replace semantics, unchanged reloads, order independence and all-or-nothing.
 */
import { describe, expect, it } from 'vitest';
import type { GraphDocument, GraphNode, GraphRelationship } from '../../loaders/model.ts';
import { loadPaths } from '../../load/index.ts';
import { WriteError, writeDocument, writeDocuments } from '../../graph/write/index.ts';
import { clearDatabase, useNeo4j } from '../support/neo4j.ts';
import { LEGACY_SEP, migrateSharedBookkeeping } from '../../graph/write/migrate.ts';
import { countAll, snapshot } from './load-snapshot.ts';

const neo = useNeo4j();

/** A small plan: a task per ref, each led by 花都区发展改革局 and about a town of 花都区. */
function plan(name: string, refs: string[], opts: { alias?: string; town?: string; quote?: string } = {}): GraphDocument {
  const document = `${name}.txt`;
  const planId = `plan:${name}`;
  const ev = (line: number, quote = opts.quote ?? '推进花都区城市更新') => ({ document, line, quote });
  const town = opts.town ?? 'div:440114001';
  const nodes: GraphNode[] = [
    { id: planId, labels: ['Plan'], properties: { id: planId, title: `${name}规划`, kind: 'plan', ...ev(1, `${name}规划`) } },
    { id: 'dept:广州市花都区发展和改革局', labels: ['Department'], properties: { id: 'dept:广州市花都区发展和改革局', name: '广州市花都区发展和改革局', kind: 'government', aliases: [opts.alias ?? '区发展改革局'], ...ev(2) } },
    { id: town, labels: ['District'], properties: { id: town, name: town === 'div:440114001' ? '新华街道' : '狮岭镇', level: 'TOWN', code: town.slice(4), aliases: [], source: 'gazetteer' } },
    { id: 'div:440114', labels: ['District'], properties: { id: 'div:440114', name: '花都区', level: 'DISTRICT', code: '440114', aliases: ['花都'], source: 'gazetteer' } },
  ];
  const relationships: GraphRelationship[] = [
    { type: 'LOCATED_IN', start: town, end: 'div:440114', properties: { source: 'gazetteer' } },
    { type: 'GOVERNS', start: planId, end: 'div:440114', properties: ev(1) },
  ];
  refs.forEach((ref, i) => {
    const id = `${planId}/${ref}`;
    nodes.push({ id, labels: ['Task'], properties: { id, title: `任务${ref}`, text: `任务${ref}的正文`, ref, ...ev(10 + i) } });
    relationships.push({ type: 'PART_OF', start: id, end: planId, properties: ev(10 + i) });
    relationships.push({ type: 'LEADS', start: 'dept:广州市花都区发展和改革局', end: id, properties: { ...ev(10 + i), surface: opts.alias ?? '区发展改革局' } });
    relationships.push({ type: 'LOCATED_IN', start: id, end: town, properties: ev(10 + i) });
  });
  return { nodes, relationships };
}

/** The documents whose REFERS_TO records lead to a shared node, sorted. */
async function referring(id: string): Promise<string[]> {
  const r = await neo.driver.executeQuery('MATCH (:Plan)-[r:REFERS_TO]->({id: $id}) RETURN r.document AS d ORDER BY d', { id }, { database: neo.database });
  return r.records.map((x) => x.get('d'));
}

async function department(): Promise<Record<string, unknown>> {
  const r = await neo.driver.executeQuery("MATCH (d:Department {id: 'dept:广州市花都区发展和改革局'}) RETURN properties(d) AS p", {}, { database: neo.database });
  return r.records[0]?.get('p');
}

describe('writeDocument', () => {
  it('writes a document, and writes nothing when it is loaded again unchanged', async () => {
    await clearDatabase(neo.driver, neo.database);
    const first = await writeDocument(neo.driver, plan('a', ['一', '二']), { database: neo.database });
    expect(first.status).toBe('loaded');
    expect(first.counters.nodesCreated).toBe(6);
    // 8 facts, and a REFERS_TO record for each of its 3 shared nodes.
    expect(first.counters.relationshipsCreated).toBe(8 + 3);
    const before = await snapshot(neo.driver, neo.database);

    const again = await writeDocument(neo.driver, plan('a', ['一', '二']), { database: neo.database });
    expect(again.status).toBe('unchanged');
    expect(again.changed).toBe(0);
    expect(Object.values(again.counters).every((v) => v === 0)).toBe(true);
    expect(await snapshot(neo.driver, neo.database)).toEqual(before);
  });

  it('keeps one shared Department with every document\'s aliases, and aliasText for full-text search', async () => {
    await clearDatabase(neo.driver, neo.database);
    await writeDocument(neo.driver, plan('a', ['一'], { alias: '区发改局' }), { database: neo.database });
    await writeDocument(neo.driver, plan('b', ['一'], { alias: '区发展改革局' }), { database: neo.database });
    const d = await department();
    // Sorted (code point order), so the node does not depend on which document came first.
    expect(d.aliases).toEqual(['区发展改革局', '区发改局']);
    expect(d.aliasText).toBe('区发展改革局 区发改局');
    expect(await referring('dept:广州市花都区发展和改革局')).toEqual(['a.txt', 'b.txt']);
    expect(d.document).toBe('a.txt');
    expect(d.line).toBe(2);
    // Each document's own contribution is in its record: what a reload of it replaces.
    const records = await neo.driver.executeQuery(
      "MATCH (p:Plan)-[r:REFERS_TO]->(:Department) RETURN p.id AS plan, r.document AS doc, r.aliases AS aliases, r.line AS line ORDER BY doc",
      {},
      { database: neo.database },
    );
    expect(records.records.map((r) => [r.get('plan'), r.get('doc'), r.get('aliases'), Number(r.get('line'))])).toEqual([
      ['plan:a', 'a.txt', ['区发改局'], 2],
      ['plan:b', 'b.txt', ['区发展改革局'], 2],
    ]);
    const count = await neo.driver.executeQuery('MATCH (d:Department) RETURN count(d) AS n', {}, { database: neo.database });
    expect(count.records[0].get('n').toNumber()).toBe(1);
  });

  it('replaces a changed document\'s facts and leaves the other document\'s alone', async () => {
    await clearDatabase(neo.driver, neo.database);
    await writeDocument(neo.driver, plan('a', ['一', '二', '三'], { alias: '区发改局' }), { database: neo.database });
    await writeDocument(neo.driver, plan('b', ['一', '二'], { town: 'div:440114002' }), { database: neo.database });
    const bBefore = await snapshot(neo.driver, neo.database, ['b.txt']);

    // a: task 三 dropped, a quote edited, its own alias and its town gone.
    const changed = plan('a', ['一', '二'], { alias: '区发展改革局', town: 'div:440114002', quote: '推进花都区城市更新改造' });
    const result = await writeDocument(neo.driver, changed, { database: neo.database });
    expect(result.status).toBe('loaded');
    expect(result.changed).toBeGreaterThan(0);

    expect(await snapshot(neo.driver, neo.database, ['b.txt'])).toEqual(bBefore);
    const a = await snapshot(neo.driver, neo.database, ['a.txt']);
    expect([...a.nodes.keys()].sort()).toEqual(['plan:a', 'plan:a/一', 'plan:a/二']);
    expect(a.relationships.filter((r) => r.includes('推进花都区城市更新"'))).toEqual([]);
    // 7 facts, and a's REFERS_TO record of the department, which it cites with that quote.
    expect(a.relationships.filter((r) => r.includes('推进花都区城市更新改造')).length).toBe(7 + 1);
    // a's old alias is gone with it; b's stays.
    const dept = await department();
    expect(dept.aliases).toEqual(['区发展改革局']);
    // Its provenance is still a's (the first document citing it), but from a's new record: the
    // additive write alone would have kept a's old quote.
    expect([dept.document, dept.quote]).toEqual(['a.txt', '推进花都区城市更新改造']);
    // 新华街道 was referenced only by a's old version: no document, nothing points at it, so it went.
    const town = await neo.driver.executeQuery("MATCH (t:District {id: 'div:440114001'}) RETURN t", {}, { database: neo.database });
    expect(town.records).toHaveLength(0);
    const counts = await countAll(neo.driver, neo.database);
    expect(counts.distinctIds).toBe(counts.nodes);
  });

  it('removes a chain of places nobody references any more, leaf first, keeping what others reference', async () => {
    await clearDatabase(neo.driver, neo.database);
    const chain = (name: string, withPlaces: boolean): GraphDocument => {
      const g = plan(name, ['一']);
      g.nodes = g.nodes.filter((n) => !n.labels.includes('District'));
      g.relationships = g.relationships.filter((r) => r.type !== 'LOCATED_IN' && r.type !== 'GOVERNS');
      if (withPlaces) {
        g.nodes.push(
          { id: 'div:440114001', labels: ['District'], properties: { id: 'div:440114001', name: '新华街道', level: 'TOWN', aliases: ['新华街'], source: 'gazetteer' } },
          { id: 'div:440114', labels: ['District'], properties: { id: 'div:440114', name: '花都区', level: 'DISTRICT', aliases: ['花都'], source: 'gazetteer' } },
          { id: 'div:4401', labels: ['District'], properties: { id: 'div:4401', name: '广州市', level: 'CITY', aliases: ['广州'], source: 'gazetteer' } },
        );
        g.relationships.push(
          { type: 'LOCATED_IN', start: `plan:${name}/一`, end: 'div:440114001', properties: { document: `${name}.txt`, line: 10, quote: '新华街道' } },
          { type: 'LOCATED_IN', start: 'div:440114001', end: 'div:440114', properties: { source: 'gazetteer' } },
          { type: 'LOCATED_IN', start: 'div:440114', end: 'div:4401', properties: { source: 'gazetteer' } },
        );
      }
      return g;
    };
    const districts = async () =>
      (await neo.driver.executeQuery('MATCH (d:District) RETURN d.id AS id ORDER BY id', {}, { database: neo.database })).records.map((r) => r.get('id'));

    await writeDocument(neo.driver, chain('a', true), { database: neo.database });
    await writeDocument(neo.driver, chain('b', true), { database: neo.database });
    await writeDocument(neo.driver, chain('a', false), { database: neo.database });
    // b still references the chain: it stays, with only b's name on it.
    expect(await districts()).toEqual(['div:4401', 'div:440114', 'div:440114001']);
    expect(await referring('div:440114001')).toEqual(['b.txt']);
    // a's alias of the town is gone with a's record; b used the same one, so it stays.
    const town = await neo.driver.executeQuery("MATCH (t:District {id: 'div:440114001'}) RETURN t.aliases AS a", {}, { database: neo.database });
    expect(town.records[0].get('a')).toEqual(['新华街']);

    const result = await writeDocument(neo.driver, chain('b', false), { database: neo.database });
    expect(await districts()).toEqual([]);
    expect(result.counters.nodesDeleted).toBe(3);
  });

  it('upgrades a graph whose shared nodes keep per-document lists (the older writer) to REFERS_TO records, changing nothing else', async () => {
    await clearDatabase(neo.driver, neo.database);
    await writeDocument(neo.driver, plan('a', ['一'], { alias: '区发改局' }), { database: neo.database });
    await writeDocument(neo.driver, plan('b', ['一', '二'], { town: 'div:440114002' }), { database: neo.database });
    const current = await snapshot(neo.driver, neo.database);
    // The same graph as the list writer left it: each shared node's `documents`,
    // `aliasesByDocument` (document SEP alias) and `provenanceByDocument` (document SEP line
    // SEP quote), sorted, and no records.
    await neo.driver.executeQuery(
      `MATCH (n) WHERE n:Department OR n:District OR n:Project
       CALL (n) {
         MATCH (:Plan)-[r:REFERS_TO]->(n)
         WITH r ORDER BY r.document
         RETURN collect(r.document) AS documents,
                reduce(all = [], x IN collect([a IN r.aliases | r.document + $sep + a]) | all + x) AS aliasesByDocument,
                [x IN collect(r) WHERE x.quote IS NOT NULL | x.document + $sep + toString(x.line) + $sep + x.quote] AS provenanceByDocument
       }
       SET n.documents = documents, n.aliasesByDocument = aliasesByDocument, n.provenanceByDocument = provenanceByDocument
       WITH n MATCH ()-[r:REFERS_TO]->(n) DELETE r`,
      { sep: LEGACY_SEP },
      { database: neo.database },
    );
    expect(await referring('dept:广州市花都区发展和改革局')).toEqual([]);
    expect((await department()).aliasesByDocument).toEqual([`a.txt${LEGACY_SEP}区发改局`, `b.txt${LEGACY_SEP}区发展改革局`]);

    expect(await migrateSharedBookkeeping(neo.driver, neo.database)).toBe(true);
    expect(await snapshot(neo.driver, neo.database)).toEqual(current);
    expect(await migrateSharedBookkeeping(neo.driver, neo.database)).toBe(false);
    // And the records behave: replacing a drops a's alias and keeps b's.
    const again = await writeDocument(neo.driver, plan('a', ['一'], { alias: '区发改局' }), { database: neo.database });
    expect(again.status).toBe('unchanged');
    await writeDocument(neo.driver, plan('a', ['一'], { alias: '区发展改革局' }), { database: neo.database });
    expect((await department()).aliases).toEqual(['区发展改革局']);
  });

  it('gives the same graph whatever order documents are loaded in', async () => {
    const docs = [plan('a', ['一', '二'], { alias: '区发改局' }), plan('b', ['一'], { town: 'div:440114002' }), plan('c', ['一', '二', '三'])];
    await clearDatabase(neo.driver, neo.database);
    for (const d of docs) await writeDocument(neo.driver, d, { database: neo.database });
    const forward = await snapshot(neo.driver, neo.database);
    await clearDatabase(neo.driver, neo.database);
    for (const d of [...docs].reverse()) await writeDocument(neo.driver, d, { database: neo.database });
    expect(await snapshot(neo.driver, neo.database)).toEqual(forward);
  });

  it('leaves nothing of a document whose write fails in a later batch, and its previous version intact', async () => {
    await clearDatabase(neo.driver, neo.database);
    const refs = Array.from({ length: 60 }, (_, i) => `${i + 1}`);
    await writeDocument(neo.driver, plan('a', refs.slice(0, 5)), { database: neo.database });
    await writeDocument(neo.driver, plan('b', ['一']), { database: neo.database });
    const before = await snapshot(neo.driver, neo.database);

    // 60 tasks in batches of 10, the bad value in the sixth Task batch: every value is
    // checked before the transaction opens, so nothing of the new version is sent.
    const bad = plan('a', refs, { quote: '新版本' });
    const victim = bad.nodes.find((n) => n.id === 'plan:a/55')!;
    (victim.properties as Record<string, unknown>).targetValue = { value: 6, unit: '%' };
    let caught: unknown;
    try {
      await writeDocument(neo.driver, bad, { database: neo.database, batchSize: 10 });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(WriteError);
    expect((caught as Error).message).toMatch(/^a\.txt: Task plan:a\/55: property "targetValue" is an object/);
    expect(await snapshot(neo.driver, neo.database)).toEqual(before);
    const stray = await neo.driver.executeQuery("MATCH (n) WHERE n.id = 'plan:a/6' OR n.quote = '新版本' RETURN n", {}, { database: neo.database });
    expect(stray.records).toHaveLength(0);
  });

  it('leaves nothing of a document that Neo4j refuses at commit, after all its batches ran', async () => {
    await clearDatabase(neo.driver, neo.database);
    const refs = Array.from({ length: 60 }, (_, i) => `${i + 1}`);
    await writeDocument(neo.driver, plan('a', refs.slice(0, 5)), { database: neo.database });
    const before = await snapshot(neo.driver, neo.database);
    // Task.ref has a range index, whose keys are limited to about 8 kB: a valid property
    // value the index (so the transaction) refuses, in the sixth of seven Task batches.
    const bad = plan('a', refs, { quote: '新版本' });
    (bad.nodes.find((n) => n.id === 'plan:a/55')!.properties as Record<string, unknown>).ref = '长'.repeat(5000);
    await expect(writeDocument(neo.driver, bad, { database: neo.database, batchSize: 10 })).rejects.toThrow(/^a\.txt: write failed, nothing of it was committed/);
    expect(await snapshot(neo.driver, neo.database)).toEqual(before);
  });

  it('loads documents two at a time into the same graph as one at a time, and still refuses a clash between two in flight', async () => {
    const docs = [plan('a', ['一', '二'], { alias: '区发改局' }), plan('b', ['一'], { town: 'div:440114002' }), plan('c', ['一', '二', '三']), plan('d', ['一'])];
    const extract = (graphs: GraphDocument[]) => async () => ({ documents: graphs.map((graph) => ({ document: '', graph })) });
    await clearDatabase(neo.driver, neo.database);
    const one = await loadPaths(neo.driver, ['(graphs)'], { database: neo.database, extract: extract(docs), concurrency: 1 });
    expect(one.loaded).toBe(4);
    const sequential = await snapshot(neo.driver, neo.database);
    await clearDatabase(neo.driver, neo.database);
    const two = await loadPaths(neo.driver, ['(graphs)'], { database: neo.database, extract: extract(docs), concurrency: 2 });
    expect(two.documents.map((d) => [d.document, d.status])).toEqual(['a', 'b', 'c', 'd'].map((n) => [`${n}.txt`, 'loaded']));
    expect(await snapshot(neo.driver, neo.database)).toEqual(sequential);

    // e.md claims a's plan and tasks (same ids, another file name), right after it: it must
    // wait for a's write and then be refused by the ownership check.
    await clearDatabase(neo.driver, neo.database);
    const impostor = plan('a', ['一', '二']);
    for (const n of impostor.nodes) if (n.properties.document) n.properties.document = 'e.md';
    for (const r of impostor.relationships) if (r.properties.document) r.properties.document = 'e.md';
    const clash = await loadPaths(neo.driver, ['(graphs)'], { database: neo.database, extract: extract([docs[0], impostor]), concurrency: 2 });
    expect(clash.documents.map((d) => d.status)).toEqual(['loaded', 'failed']);
    expect(clash.documents[1].reason).toMatch(/^e\.md: Plan plan:a already belongs to document "a\.txt"/);
  });

  it('takes a group\'s shared-node locks in one order: waiting for one, it holds none that sorts after it (no deadlock with another group)', async () => {
    await clearDatabase(neo.driver, neo.database);
    await writeDocument(neo.driver, plan('x', ['一']));
    await writeDocument(neo.driver, plan('y', ['一'], { town: 'div:440114002' }));
    // p refers to 狮岭镇 (div:440114002), q to 新华街道 (div:440114001): written one after the
    // other, p's own order would lock 440114002 before q reaches 440114001.
    const blocker = neo.driver.session({ database: neo.database });
    const held = blocker.beginTransaction();
    await held.run("MATCH (n:District {id: 'div:440114001'}) SET n.id = n.id");
    const group = writeDocuments(neo.driver, [plan('p', ['一'], { town: 'div:440114002' }), plan('q', ['一'])]);
    try {
      await expect
        .poll(async () => {
          const r = await neo.driver.executeQuery("SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n", {}, { database: neo.database });
          return r.records[0].get('n').toNumber();
        }, { timeout: 10_000, interval: 100 })
        .toBe(1);
      // The group waits for 新华街道; 狮岭镇 sorts after it, so the group must not hold it yet.
      const probe = neo.driver.executeQuery("MATCH (n:District {id: 'div:440114002'}) SET n.id = n.id RETURN n.id AS id", {}, { database: neo.database });
      const outcome = await Promise.race([probe.then(() => 'free'), new Promise((resolve) => setTimeout(() => resolve('locked by the group'), 3_000))]);
      expect(outcome).toBe('free');
    } finally {
      await held.commit();
      await blocker.close();
    }
    expect((await group).map((o) => o.ok && o.result.status)).toEqual(['loaded', 'loaded']);
  });

  it('writes several documents in one transaction, and when Neo4j refuses one of them, only that one fails and leaves nothing', async () => {
    const extract = (graphs: GraphDocument[]) => async () => ({ documents: graphs.map((graph) => ({ document: '', graph })) });
    await clearDatabase(neo.driver, neo.database);
    await loadPaths(neo.driver, ['(graphs)'], { database: neo.database, extract: extract([plan('a', ['一'])]) });
    const aOnly = await snapshot(neo.driver, neo.database);
    // b's Task.ref is over the range index's key limit: the group's commit fails, then each
    // document is written alone. a is unchanged, c is new.
    const bad = plan('b', ['一', '二']);
    (bad.nodes.find((n) => n.id === 'plan:b/二')!.properties as Record<string, unknown>).ref = '长'.repeat(5000);
    const group = await loadPaths(neo.driver, ['(graphs)'], { database: neo.database, extract: extract([plan('a', ['一']), bad, plan('c', ['一'])]) });
    expect(group.documents.map((d) => [d.document, d.status])).toEqual([['a.txt', 'unchanged'], ['b.txt', 'failed'], ['c.txt', 'loaded']]);
    expect(group.documents[1].reason).toMatch(/^b\.txt: write failed, nothing of it was committed/);
    const stray = await neo.driver.executeQuery("MATCH (n) WHERE n.document = 'b.txt' OR EXISTS { (n)-[{document: 'b.txt'}]-() } RETURN count(n) AS n", {}, { database: neo.database });
    expect(stray.records[0].get('n').toNumber()).toBe(0);

    // c loaded in that group is the same as c loaded alone after a.
    const grouped = await snapshot(neo.driver, neo.database);
    await clearDatabase(neo.driver, neo.database);
    await loadPaths(neo.driver, ['(graphs)'], { database: neo.database, extract: extract([plan('a', ['一'])]) });
    expect(await snapshot(neo.driver, neo.database)).toEqual(aOnly);
    await loadPaths(neo.driver, ['(graphs)'], { database: neo.database, extract: extract([plan('c', ['一'])]), groupDocuments: 1 });
    expect(await snapshot(neo.driver, neo.database)).toEqual(grouped);
  });

  it('refuses a document that claims another document\'s tasks, writing none of it', async () => {
    await clearDatabase(neo.driver, neo.database);
    await writeDocument(neo.driver, plan('a', ['一']), { database: neo.database });
    const before = await snapshot(neo.driver, neo.database);
    const intruder = plan('x', ['一']);
    intruder.nodes.push({ id: 'plan:a/一', labels: ['Task'], properties: { id: 'plan:a/一', title: '冒名', text: '冒名', ref: '一' } });
    await expect(writeDocument(neo.driver, intruder, { database: neo.database })).rejects.toThrow(
      /^x\.txt: Task plan:a\/一 already belongs to document "a\.txt"/,
    );
    expect(await snapshot(neo.driver, neo.database)).toEqual(before);
  });

  it('stores whole numbers as INTEGER, so line reads back as 10, not 10.0', async () => {
    await clearDatabase(neo.driver, neo.database);
    await writeDocument(neo.driver, plan('a', ['一']), { database: neo.database });
    const r = await neo.driver.executeQuery("MATCH (t:Task {id: 'plan:a/一'}) RETURN valueType(t.line) AS type", {}, { database: neo.database });
    expect(r.records[0].get('type')).toBe('INTEGER NOT NULL');
  });
});
