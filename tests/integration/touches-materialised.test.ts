/**
 * The TOUCHES edges the writer keeps (graph/write/touches.ts) against the same edges rebuilt
 * from scratch, after every kind of write that can change them: a new document, a document
 * defining a zone over areas other documents' tasks touch, a document placing a project that
 * another document's task lists, and each of those replaced without it. Also the migration of
 * a graph written before TOUCHES. The tallies (graph/write/tallies.ts) are checked beside them:
 * after every write they are the TOUCHES and assignments counted afresh.
 */
import { describe, expect, it } from 'vitest';
import type { GraphDocument, GraphNode, GraphRelationship } from '../../loaders/model.ts';
import { writeDocument } from '../../graph/write/index.ts';
import { migrateTouches, rebuildTouches } from '../../graph/write/touches.ts';
import { removeDocument } from '../../graph/write/remove.ts';
import { clearDatabase, useNeo4j } from '../support/neo4j.ts';
import { tallyMismatches, totalMismatches } from '../../bench/scale/tally-check.ts';

const neo = useNeo4j();

const HUADU: GraphNode = { id: 'div:440114', labels: ['District'], properties: { id: 'div:440114', name: '花都区', level: 'DISTRICT', code: '440114', aliases: ['花都'], source: 'gazetteer' } };
const GUANGZHOU: GraphNode = { id: 'div:4401', labels: ['District'], properties: { id: 'div:4401', name: '广州市', level: 'CITY', code: '4401', aliases: [], source: 'gazetteer' } };
const SHILING: GraphNode = { id: 'div:440114103', labels: ['District'], properties: { id: 'div:440114103', name: '狮岭镇', level: 'TOWN', code: '440114103', aliases: [], source: 'gazetteer' } };
const ZONE: GraphNode = { id: 'zone:广清接合片区', labels: ['District'], properties: { id: 'zone:广清接合片区', name: '广清接合片区', level: 'ZONE', aliases: [] } };
const PROJECT: GraphNode = { id: 'project:花都湖公园', labels: ['Project'], properties: { id: 'project:花都湖公园', name: '花都湖公园', aliases: [] } };
/** A body as a document names it (its evidence that document's). */
const body = (name: string, document: string): GraphNode => ({
  id: `dept:${name}`,
  labels: ['Department'],
  properties: { id: `dept:${name}`, name, kind: 'government', aliases: [], document, line: 4, quote: name },
});
const gazetteer = (start: string, end: string): GraphRelationship => ({ type: 'LOCATED_IN', start, end, properties: { source: 'gazetteer' } });

/** A plan with one chapter and one item under it; `extra` adds nodes and relationships (evidence filled in). */
function plan(name: string, build: (ids: { plan: string; chapter: string; item: string }) => { nodes: GraphNode[]; relationships: Omit<GraphRelationship, 'properties'>[] }): GraphDocument {
  const document = `${name}.txt`;
  const ev = (line: number) => ({ document, line, quote: `${name}第${line}行` });
  const ids = { plan: `plan:${name}`, chapter: `plan:${name}/第一章`, item: `plan:${name}/第一章一` };
  const extra = build(ids);
  const nodes: GraphNode[] = [
    { id: ids.plan, labels: ['Plan'], properties: { id: ids.plan, title: `${name}规划`, kind: 'plan', ...ev(1) } },
    { id: ids.chapter, labels: ['Task'], properties: { id: ids.chapter, title: '第一章', text: '第一章', ref: '第一章', ...ev(2) } },
    { id: ids.item, labels: ['Task'], properties: { id: ids.item, title: '一', text: '一', ref: '第一章一', ...ev(3) } },
    ...extra.nodes,
  ];
  const relationships: GraphRelationship[] = [
    { type: 'PART_OF', start: ids.chapter, end: ids.plan, properties: ev(2) },
    { type: 'PART_OF', start: ids.item, end: ids.chapter, properties: ev(3) },
    // gazetteer edges come with their `source`; the rest are read from the text
    ...extra.relationships.map((r, i) => ({ ...r, properties: (r as Partial<GraphRelationship>).properties ?? ev(10 + i) })),
  ];
  return { nodes, relationships };
}

/** Every TOUCHES edge as `task → area (direct)`, sorted. */
async function touches(): Promise<string[]> {
  const r = await neo.driver.executeQuery(
    'MATCH (t:Task)-[k:TOUCHES]->(a:District) RETURN t.id + " → " + a.id + CASE WHEN k.direct THEN " direct" ELSE "" END AS e ORDER BY e',
    {},
    { database: neo.database },
  );
  return r.records.map((x) => x.get('e') as string);
}

/** Every TOUCHES edge with all its properties, and its elementId apart (to see which edges a recompute kept). */
async function touchesInFull(): Promise<{ edges: string[]; elementIds: string[] }> {
  const r = await neo.driver.executeQuery(
    `MATCH (t:Task)-[k:TOUCHES]->(a:District)
     RETURN t.id + ' → ' + a.id + ' ' + toString(k.direct) + ' ' + coalesce(k.plan, '-') + ' ' + coalesce(k.planId, '-') + ' ' + coalesce(toString(k.line), '-') AS e, elementId(k) AS id
     ORDER BY e, id`,
    {},
    { database: neo.database },
  );
  const edges = r.records.map((x) => x.get('e') as string);
  return { edges, elementIds: r.records.map((x, i) => `${edges[i]} #${x.get('id') as string}`) };
}

/** Every tally as `document plan body role → area tasks/direct` (a plan's own: `document plan plan ALL → …`), sorted. */
async function tallies(): Promise<string[]> {
  const r = await neo.driver.executeQuery(
    `MATCH (d)-[k:TALLY]->(a:District)
     RETURN k.document + ' ' + coalesce(k.planId, '-') + ' ' + coalesce(k.plan, '-') + ' ' + d.id + ' ' + coalesce(k.role, 'ALL') + ' → ' + a.id + ' ' + toString(k.tasks) + '/' + toString(k.direct) AS e ORDER BY e`,
    {},
    { database: neo.database },
  );
  return r.records.map((x) => x.get('e') as string);
}

/** The same, counted afresh from the TOUCHES edges and the leads (what the tallies must equal; supporting bodies have none). */
async function talliesCounted(): Promise<string[]> {
  const r = await neo.driver.executeQuery(
    `CALL () {
       MATCH (d:Department)-[r:LEADS]->(t:Task)-[k:TOUCHES]->(a:District)
       RETURN t.document AS doc, k.planId AS planId, k.plan AS plan, d.id AS start, type(r) AS role, a, k
       UNION ALL
       MATCH (t:Task)-[k:TOUCHES]->(a:District)
       RETURN t.document AS doc, k.planId AS planId, k.plan AS plan, k.planId AS start, 'ALL' AS role, a, k
     }
     WITH doc, planId, plan, start, role, a, count(*) AS tasks, sum(CASE WHEN k.direct THEN 1 ELSE 0 END) AS direct
     RETURN doc + ' ' + coalesce(planId, '-') + ' ' + coalesce(plan, '-') + ' ' + start + ' ' + role + ' → ' + a.id + ' ' + toString(tasks) + '/' + toString(direct) AS e ORDER BY e`,
    {},
    { database: neo.database },
  );
  return r.records.map((x) => x.get('e') as string);
}

/** Every body's total in an area as `body → area tasks/direct plans/plansDirect` (two a race left summed), sorted. */
async function totals(): Promise<string[]> {
  const r = await neo.driver.executeQuery(
    `MATCH (d:Department)-[s:TOTAL]->(a:District)
     WITH d, a, sum(s.tasks) AS tasks, sum(s.direct) AS direct, sum(s.plans) AS plans, sum(s.plansDirect) AS plansDirect
     RETURN d.id + ' → ' + a.id + ' ' + toString(tasks) + '/' + toString(direct) + ' ' + toString(plans) + '/' + toString(plansDirect) AS e ORDER BY e`,
    {},
    { database: neo.database },
  );
  return r.records.map((x) => x.get('e') as string);
}

/** The same, summed from the LEADS tallies (what the totals must equal), with each tally's `pair` checked on the way. */
async function totalsCounted(): Promise<string[]> {
  const r = await neo.driver.executeQuery(
    `MATCH (d:Department)-[k:TALLY {role: 'LEADS'}]->(a:District)
     WITH d, a, sum(k.tasks) AS tasks, sum(k.direct) AS direct, count(k.planId) AS plans, sum(CASE WHEN k.direct > 0 AND k.planId IS NOT NULL THEN 1 ELSE 0 END) AS plansDirect,
          all(x IN collect(k.pair) WHERE x = d.id + '>' + a.id) AS paired
     RETURN d.id + ' → ' + a.id + ' ' + toString(tasks) + '/' + toString(direct) + ' ' + toString(plans) + '/' + toString(plansDirect) + CASE WHEN paired THEN '' ELSE ' (pair wrong)' END AS e ORDER BY e`,
    {},
    { database: neo.database },
  );
  return r.records.map((x) => x.get('e') as string);
}

/**
 * Every assignment whose `reading` (graph/write/reading.ts) is not its body's id, its task's
 * document, zero-padded line ('~' for none) and id, joined by U+0001, computed here from the ends.
 */
async function readingsWrong(): Promise<{ assignments: number; wrong: string[] }> {
  const r = await neo.driver.executeQuery(
    'MATCH (d:Department)-[r:LEADS|SUPPORTS]->(t:Task) RETURN d.id AS d, t.document AS doc, t.line AS line, t.id AS t, r.reading AS reading',
    {},
    { database: neo.database },
  );
  const wrong = r.records
    .map((x) => x.toObject())
    .filter((x) => x.reading !== [x.d, x.doc, x.line === null ? '~' : String(x.line).padStart(10, '0'), x.t].join('\u0001'))
    .map((x) => `${x.d} → ${x.t}: ${JSON.stringify(x.reading)}`);
  return { assignments: r.records.length, wrong };
}

/**
 * The edges as written, and as a rebuild from scratch gives them: every edge deleted first,
 * since a recompute keeps the edges that are already right (a rebuild over the written edges
 * would keep a stale one the writer left).
 */
async function writtenAndRebuilt(): Promise<{ written: string[]; rebuilt: string[] }> {
  const counted = await talliesCounted();
  expect(counted.length).toBeGreaterThan(0);
  expect(await tallies()).toEqual(counted);
  const summed = await totalsCounted();
  expect(await totals()).toEqual(summed);
  const readings = await readingsWrong();
  expect(readings.assignments).toBeGreaterThan(0);
  expect(readings.wrong).toEqual([]);
  const written = await touches();
  const full = await touchesInFull();
  await neo.driver.executeQuery('MATCH ()-[k:TOUCHES]->() DELETE k', {}, { database: neo.database });
  await neo.driver.executeQuery('MATCH ()-[r:LEADS|SUPPORTS]->() REMOVE r.reading', {}, { database: neo.database });
  await rebuildTouches(neo.driver, neo.database);
  expect(full.edges).toEqual((await touchesInFull()).edges);
  expect(await readingsWrong()).toEqual(readings);
  expect(await tallies()).toEqual(counted);
  expect(await totals()).toEqual(summed);
  return { written, rebuilt: await touches() };
}

const write = (doc: GraphDocument) => writeDocument(neo.driver, doc, { database: neo.database });

// A: its item lists the project (Project PART_OF item) and its chapter is about 花都区.
// Its item is led by 花都区发展和改革局 and supported by 广州市发展和改革委员会 (or, `swapped`, the other way round).
const docA = planA(false);
function planA(swapped: boolean): GraphDocument {
  const [lead, support] = swapped ? ['广州市发展和改革委员会', '花都区发展和改革局'] : ['花都区发展和改革局', '广州市发展和改革委员会'];
  return plan('a', (ids) => ({
    nodes: [HUADU, GUANGZHOU, PROJECT, body(lead, 'a.txt'), body(support, 'a.txt')],
    relationships: [
      gazetteer('div:440114', 'div:4401'),
      { type: 'LOCATED_IN', start: ids.chapter, end: 'div:440114' },
      { type: 'PART_OF', start: 'project:花都湖公园', end: ids.item },
      { type: 'LEADS', start: `dept:${lead}`, end: ids.item },
      { type: 'SUPPORTS', start: `dept:${support}`, end: ids.item },
    ],
  }));
}
// Z: defines the zone, listing 花都区 as a member (an owned edge: the text says so).
const docZ = (withMember: boolean) =>
  plan('z', (ids) => ({
    nodes: [ZONE, HUADU, GUANGZHOU, body('花都区发展和改革局', 'z.txt')],
    relationships: [gazetteer('div:440114', 'div:4401'), { type: 'LOCATED_IN', start: ids.item, end: 'zone:广清接合片区' }, { type: 'LEADS', start: 'dept:花都区发展和改革局', end: ids.item }, ...(withMember ? [{ type: 'LOCATED_IN' as const, start: 'div:440114', end: 'zone:广清接合片区' }] : [])],
  }));
// P: places the project in 狮岭镇.
const docP = (placed: boolean) =>
  plan('p', () => ({
    nodes: [PROJECT, SHILING, HUADU, GUANGZHOU],
    relationships: [gazetteer('div:440114103', 'div:440114'), gazetteer('div:440114', 'div:4401'), ...(placed ? [{ type: 'LOCATED_IN' as const, start: 'project:花都湖公园', end: 'div:440114103' }] : [])],
  }));

describe('TOUCHES kept exact by the writer', () => {
  it('a task touches the areas its scope is about and every area containing them; direct only where the rule needs no descendant', async () => {
    await clearDatabase(neo.driver, neo.database);
    await write(docA);
    const edges = await touches();
    // the chapter is about 花都区; its item shares its scope (ancestor), so both touch 花都区 and 广州市
    expect(edges).toEqual([
      'plan:a/第一章 → div:4401',
      'plan:a/第一章 → div:440114 direct',
      'plan:a/第一章一 → div:4401',
      'plan:a/第一章一 → div:440114 direct',
    ]);
    const { written, rebuilt } = await writtenAndRebuilt();
    expect(written).toEqual(rebuilt);
  });

  it("a zone another document defines over 花都区 reaches A's tasks, and goes with that definition", async () => {
    await write(docZ(true));
    let { written, rebuilt } = await writtenAndRebuilt();
    expect(written).toContain('plan:a/第一章 → zone:广清接合片区');
    // Z's item is about the zone: it touches its member directly (includeDescendants: false finds it for 花都区)
    expect(written).toContain('plan:z/第一章一 → div:440114 direct');
    expect(written).toEqual(rebuilt);
    // Z's write changed what A's item touches, so A's tallies too: its lead now counts in the zone.
    const zoneTally = 'a.txt plan:a a规划 dept:花都区发展和改革局 LEADS → zone:广清接合片区 1/0';
    expect(await tallies()).toContain(zoneTally);
    // and the plan's own: both of A's tasks (chapter and item) now touch the zone.
    expect(await tallies()).toContain('a.txt plan:a a规划 plan:a ALL → zone:广清接合片区 2/0');

    await write(docZ(false));
    ({ written, rebuilt } = await writtenAndRebuilt());
    expect(await tallies()).not.toContain(zoneTally);
    expect(written).not.toContain('plan:a/第一章 → zone:广清接合片区');
    expect(written).not.toContain('plan:z/第一章一 → div:440114 direct');
    expect(written).toEqual(rebuilt);
  });

  it("another document's tallies move by the edges a write changed, and one held twice is counted afresh", async () => {
    await write(docZ(true));
    const zoneTally = 'a.txt plan:a a规划 dept:花都区发展和改革局 LEADS → zone:广清接合片区 1/0';
    expect(await tallies()).toContain(zoneTally);
    // Two writers racing to create one tally leave it twice, each having moved the body's total
    // by its own (a second TOTAL edge, as neither saw the other's); moving only one copy would leave the other.
    await neo.driver.executeQuery(
      `MATCH (d:Department {id: 'dept:花都区发展和改革局'})-[k:TALLY {document: 'a.txt'}]->(z:District {id: 'zone:广清接合片区'})
       CREATE (d)-[c:TALLY]->(z) SET c = properties(k)
       CREATE (d)-[:TOTAL {role: 'LEADS', tasks: k.tasks, direct: k.direct, plans: 1, plansDirect: CASE WHEN k.direct > 0 THEN 1 ELSE 0 END}]->(z)`,
      {},
      { database: neo.database },
    );
    expect((await tallies()).filter((e) => e === zoneTally)).toHaveLength(2);
    // (a.txt's tally twice, z.txt's once)
    expect(await totals()).toContain('dept:花都区发展和改革局 → zone:广清接合片区 3/1 3/1');
    await write(docZ(false));
    expect(await tallies()).not.toContain(zoneTally);
    await writtenAndRebuilt();
    // The scale benchmark's check (bench/scale/tally-check.ts) agrees, and finds a tally set wrong.
    expect(await tallyMismatches(neo.driver, neo.database)).toEqual({ documents: 2, mismatched: [] });
    await neo.driver.executeQuery(`MATCH (:Plan {id: 'plan:a'})-[k:TALLY {document: 'a.txt'}]->(:District {id: 'div:440114'}) SET k.tasks = k.tasks + 1`, {}, { database: neo.database });
    expect(await tallyMismatches(neo.driver, neo.database)).toEqual({ documents: 2, mismatched: ['a.txt'] });
    await rebuildTouches(neo.driver, neo.database);
    expect((await tallyMismatches(neo.driver, neo.database)).mismatched).toEqual([]);
    // and, for the bodies' totals, finds one set wrong; a rebuild counts them afresh.
    expect(await totalMismatches(neo.driver, neo.database)).toEqual({ bodies: 1, mismatched: [] });
    await neo.driver.executeQuery(`MATCH (:Department {id: 'dept:花都区发展和改革局'})-[s:TOTAL]->(:District {id: 'div:4401'}) SET s.plans = s.plans + 1`, {}, { database: neo.database });
    expect(await totalMismatches(neo.driver, neo.database)).toEqual({ bodies: 1, mismatched: ['dept:花都区发展和改革局'] });
    await rebuildTouches(neo.driver, neo.database);
    expect((await totalMismatches(neo.driver, neo.database)).mismatched).toEqual([]);
  });

  it("a project another document places in 狮岭镇 makes A's tasks touch it, and stops when it no longer does", async () => {
    await write(docP(true));
    let { written, rebuilt } = await writtenAndRebuilt();
    // the project is PART_OF A's item: the item and its chapter (an ancestor's scope holds its descendants) touch 狮岭镇
    expect(written).toContain('plan:a/第一章一 → div:440114103 direct');
    expect(written).toContain('plan:a/第一章 → div:440114103 direct');
    expect(written).toEqual(rebuilt);

    await write(docP(false));
    ({ written, rebuilt } = await writtenAndRebuilt());
    expect(written.filter((e) => e.includes('div:440114103'))).toEqual([]);
    expect(written).toEqual(rebuilt);
  });

  it('a recompute keeps the edges that are right, and mends one that is wrong, doubled or not reached', async () => {
    const before = await touchesInFull();
    expect(before.edges.length).toBeGreaterThan(4);
    // A's chapter: its 花都区 edge loses direct, its 广州市 edge is doubled, and it gets an edge to
    // 狮岭镇 (P's town, which it no longer touches since P's project left it).
    await neo.driver.executeQuery(
      `MATCH (t:Task {id: 'plan:a/第一章'})-[k:TOUCHES]->(:District {id: 'div:440114'}) SET k.direct = false
       WITH t MATCH (t)-[k2:TOUCHES]->(g:District {id: 'div:4401'})
       CREATE (t)-[:TOUCHES {direct: k2.direct, plan: k2.plan, planId: k2.planId, line: k2.line}]->(g)
       WITH t MATCH (s:District {id: 'div:440114103'}) CREATE (t)-[:TOUCHES {direct: true}]->(s)`,
      {},
      { database: neo.database },
    );
    expect((await touchesInFull()).edges).not.toEqual(before.edges);
    await rebuildTouches(neo.driver, neo.database);
    const after = await touchesInFull();
    expect(after.edges).toEqual(before.edges);
    // Every edge that was right is the same edge, not deleted and created again; only the
    // chapter's 花都区 edge (its direct flag was wrong) and 广州市 edge (either of the two
    // copies may stay) can be other edges than before.
    const mended = (e: string) => e.startsWith('plan:a/第一章 → div:440114 ') || e.startsWith('plan:a/第一章 → div:4401 ');
    expect(after.elementIds.filter((e) => !mended(e))).toEqual(before.elementIds.filter((e) => !mended(e)));
    expect(after.elementIds.filter((e) => e.startsWith('plan:a/第一章 → div:440114 '))).not.toEqual(before.elementIds.filter((e) => e.startsWith('plan:a/第一章 → div:440114 ')));
  });

  it("a body's tallies follow its roles when a document is written again, and go with the document", async () => {
    const lead = (body: string) => (e: string) => e.startsWith(`a.txt plan:a a规划 dept:${body} LEADS → `);
    expect((await tallies()).filter(lead('花都区发展和改革局'))).toEqual([
      'a.txt plan:a a规划 dept:花都区发展和改革局 LEADS → div:4401 1/0',
      'a.txt plan:a a规划 dept:花都区发展和改革局 LEADS → div:440114 1/1',
    ]);
    await write(planA(true));
    await writtenAndRebuilt();
    expect((await tallies()).filter(lead('花都区发展和改革局'))).toEqual([]);
    expect((await tallies()).filter(lead('广州市发展和改革委员会'))).toHaveLength(2);

    await removeDocument(neo.driver, 'a.txt', { database: neo.database });
    const left = await tallies();
    expect(left.filter((e) => e.startsWith('a.txt '))).toEqual([]);
    expect(left).toEqual(await talliesCounted());
    expect(left.length).toBeGreaterThan(0);
    await write(docA);
  });

  it('a graph written before TOUCHES gets them before its next write; a stamped graph is left alone', async () => {
    const expected = await touches();
    const expectedTallies = await tallies();
    expect(expectedTallies.length).toBeGreaterThan(0);
    await neo.driver.executeQuery("MATCH ()-[k:TOUCHES]->() DELETE k WITH count(*) AS n MATCH (s:GraphState) REMOVE s.touchesVersion", {}, { database: neo.database });
    expect(await touches()).toEqual([]);
    expect(await migrateTouches(neo.driver, neo.database)).toBe(true);
    expect(await touches()).toEqual(expected);
    expect(await migrateTouches(neo.driver, neo.database)).toBe(false);
  });

  it('a graph this writer wrote is stamped current: the next process finds nothing to rebuild', async () => {
    await neo.driver.executeQuery('MATCH (s:GraphState) REMOVE s.touchesVersion', {}, { database: neo.database });
    await write(planA(true));
    // A lower stamp here made every later `plangraph load` rebuild every task's TOUCHES first.
    expect(await migrateTouches(neo.driver, neo.database)).toBe(false);
    await write(docA);
  });

  it('a graph stamped before readings (version 3) gets every assignment its reading', async () => {
    const before = await readingsWrong();
    expect(before.assignments).toBeGreaterThan(0);
    await neo.driver.executeQuery('MATCH ()-[r:LEADS|SUPPORTS]->() REMOVE r.reading WITH count(*) AS n MATCH (s:GraphState) SET s.touchesVersion = 3', {}, { database: neo.database });
    expect((await readingsWrong()).wrong).toHaveLength(before.assignments);
    expect(await migrateTouches(neo.driver, neo.database)).toBe(true);
    expect(await readingsWrong()).toEqual({ assignments: before.assignments, wrong: [] });
  });

  it('a graph stamped with TOUCHES but no tallies (version 1) gets its tallies', async () => {
    const expected = await tallies();
    await neo.driver.executeQuery("MATCH ()-[k:TALLY]->() DELETE k WITH count(*) AS n MATCH (s:GraphState) SET s.touchesVersion = 1", {}, { database: neo.database });
    expect(await tallies()).toEqual([]);
    expect(await migrateTouches(neo.driver, neo.database)).toBe(true);
    expect(await tallies()).toEqual(expected);
  });
});
