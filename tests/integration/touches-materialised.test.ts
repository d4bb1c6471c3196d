/**
 * The TOUCHES edges the writer keeps (graph/write/touches.ts) against the same edges rebuilt
 * from scratch, after every kind of write that can change them: a new document, a document
 * defining a zone over areas other documents' tasks touch, a document placing a project that
 * another document's task lists, and each of those replaced without it. Also the migration of
 * a graph written before TOUCHES.
 */
import { describe, expect, it } from 'vitest';
import type { GraphDocument, GraphNode, GraphRelationship } from '../../loaders/model.ts';
import { writeDocument } from '../../graph/write/index.ts';
import { migrateTouches, rebuildTouches } from '../../graph/write/touches.ts';
import { clearDatabase, useNeo4j } from '../support/neo4j.ts';

const neo = useNeo4j();

const HUADU: GraphNode = { id: 'div:440114', labels: ['District'], properties: { id: 'div:440114', name: '花都区', level: 'DISTRICT', code: '440114', aliases: ['花都'], source: 'gazetteer' } };
const GUANGZHOU: GraphNode = { id: 'div:4401', labels: ['District'], properties: { id: 'div:4401', name: '广州市', level: 'CITY', code: '4401', aliases: [], source: 'gazetteer' } };
const SHILING: GraphNode = { id: 'div:440114103', labels: ['District'], properties: { id: 'div:440114103', name: '狮岭镇', level: 'TOWN', code: '440114103', aliases: [], source: 'gazetteer' } };
const ZONE: GraphNode = { id: 'zone:广清接合片区', labels: ['District'], properties: { id: 'zone:广清接合片区', name: '广清接合片区', level: 'ZONE', aliases: [] } };
const PROJECT: GraphNode = { id: 'project:花都湖公园', labels: ['Project'], properties: { id: 'project:花都湖公园', name: '花都湖公园', aliases: [] } };
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

/**
 * The edges as written, and as a rebuild from scratch gives them: every edge deleted first,
 * since a recompute keeps the edges that are already right (a rebuild over the written edges
 * would keep a stale one the writer left).
 */
async function writtenAndRebuilt(): Promise<{ written: string[]; rebuilt: string[] }> {
  const written = await touches();
  const full = await touchesInFull();
  await neo.driver.executeQuery('MATCH ()-[k:TOUCHES]->() DELETE k', {}, { database: neo.database });
  await rebuildTouches(neo.driver, neo.database);
  expect(full.edges).toEqual((await touchesInFull()).edges);
  return { written, rebuilt: await touches() };
}

const write = (doc: GraphDocument) => writeDocument(neo.driver, doc, { database: neo.database });

// A: its item lists the project (Project PART_OF item) and its chapter is about 花都区.
const docA = plan('a', (ids) => ({
  nodes: [HUADU, GUANGZHOU, PROJECT],
  relationships: [gazetteer('div:440114', 'div:4401'), { type: 'LOCATED_IN', start: ids.chapter, end: 'div:440114' }, { type: 'PART_OF', start: 'project:花都湖公园', end: ids.item }],
}));
// Z: defines the zone, listing 花都区 as a member (an owned edge: the text says so).
const docZ = (withMember: boolean) =>
  plan('z', (ids) => ({
    nodes: [ZONE, HUADU, GUANGZHOU],
    relationships: [gazetteer('div:440114', 'div:4401'), { type: 'LOCATED_IN', start: ids.item, end: 'zone:广清接合片区' }, ...(withMember ? [{ type: 'LOCATED_IN' as const, start: 'div:440114', end: 'zone:广清接合片区' }] : [])],
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

    await write(docZ(false));
    ({ written, rebuilt } = await writtenAndRebuilt());
    expect(written).not.toContain('plan:a/第一章 → zone:广清接合片区');
    expect(written).not.toContain('plan:z/第一章一 → div:440114 direct');
    expect(written).toEqual(rebuilt);
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

  it('a graph written before TOUCHES gets them before its next write; a stamped graph is left alone', async () => {
    const expected = await touches();
    await neo.driver.executeQuery("MATCH ()-[k:TOUCHES]->() DELETE k WITH count(*) AS n MATCH (s:GraphState) REMOVE s.touchesVersion", {}, { database: neo.database });
    expect(await touches()).toEqual([]);
    expect(await migrateTouches(neo.driver, neo.database)).toBe(true);
    expect(await touches()).toEqual(expected);
    expect(await migrateTouches(neo.driver, neo.database)).toBe(false);
  });
});
