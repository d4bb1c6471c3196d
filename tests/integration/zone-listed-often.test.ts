/**
 * A zone many documents list the same member of. Every document that says 广州市 is in
 * 广州都市圈 writes its own LOCATED_IN (its evidence), so the graph holds one parallel edge per
 * such document (412 at 2,000 documents of the synthetic corpus). What lies above an area must
 * be read once per area, not once per path: a variable-length pattern yielded one row per
 * parallel edge for every area under 广州市, and the flagship with includeEnclosing for 花都区
 * joined each of those rows to the zone's tasks until Neo4j refused the transaction
 * (db.memory.transaction.max). Here: 40 documents list the zone, each with one task in it,
 * so the old walk made 40 × 40 rows where there are 120 TOUCHES edges.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphDocument, GraphNode, GraphRelationship } from '../../loaders/model.ts';
import { writeDocument } from '../../graph/write/index.ts';
import { rebuildTouches } from '../../graph/write/touches.ts';
import { enclosingAreas } from '../../graph/queries/touches.ts';
import { leadingDepartmentsGroups, leadingDepartmentsQuery } from '../../graph/queries/leading-departments.ts';
import { districtTasksQuery, taskConnectionQuery } from '../../graph/queries/tasks.ts';
import type { CypherQuery } from '../../graph/queries/cypher.ts';
import { clearDatabase, useNeo4j } from '../support/neo4j.ts';

const neo = useNeo4j();

const LISTINGS = 40;
const district = (id: string, name: string, level: string): GraphNode => ({ id, labels: ['District'], properties: { id, name, level, aliases: [], source: 'gazetteer' } });
const HUADU = district('div:440114', '花都区', 'DISTRICT');
const GUANGZHOU = district('div:4401', '广州市', 'CITY');
const PROVINCE = district('div:44', '广东省', 'PROVINCE');
const ZONE: GraphNode = { id: 'zone:广州都市圈', labels: ['District'], properties: { id: 'zone:广州都市圈', name: '广州都市圈', level: 'ZONE', aliases: [] } };
const BODY: GraphNode = { id: 'dept:广州市发展和改革委员会', labels: ['Department'], properties: { id: 'dept:广州市发展和改革委员会', name: '广州市发展和改革委员会', aliases: [] } };
const gazetteer = (start: string, end: string): GraphRelationship => ({ type: 'LOCATED_IN', start, end, properties: { source: 'gazetteer' } });

/**
 * Document `n`: "广州都市圈（含广州市）…" in its text, and one item about the zone that the body
 * leads; every third document also an item about 花都区 and 广州市 at once (it touches 花都区 and
 * lies directly in an area above it), every third but one an item about 花都区 alone, before
 * the first in reading order.
 */
function listing(n: number): GraphDocument {
  const document = `l${n}.txt`;
  const ev = (line: number) => ({ document, line, quote: `第${line}行` });
  const plan = `plan:l${n}`;
  const item = `${plan}/一`;
  const second = `${plan}/二`;
  const about = n % 3 === 0 ? ['div:440114', 'div:4401'] : n % 3 === 1 ? ['div:440114'] : [];
  const line = n % 3 === 0 ? 5 : 2;
  const more = about.length
    ? {
        nodes: [{ id: second, labels: ['Task'], properties: { id: second, title: '花都区项目', text: '花都区项目', ref: '二', ...ev(line) } }] as GraphNode[],
        relationships: [{ type: 'PART_OF', start: second, end: plan, properties: ev(line) }, ...about.map((end) => ({ type: 'LOCATED_IN', start: second, end, properties: ev(line) }))] as GraphRelationship[],
      }
    : { nodes: [], relationships: [] };
  return {
    nodes: [
      { id: plan, labels: ['Plan'], properties: { id: plan, title: `规划${n}`, kind: 'plan', ...ev(1) } },
      { id: item, labels: ['Task'], properties: { id: item, title: '推进都市圈建设', text: '推进都市圈建设', ref: '一', ...ev(3) } },
      HUADU,
      GUANGZHOU,
      PROVINCE,
      ZONE,
      BODY,
      ...more.nodes,
    ],
    relationships: [
      gazetteer('div:440114', 'div:4401'),
      gazetteer('div:4401', 'div:44'),
      { type: 'LOCATED_IN', start: 'div:4401', end: 'zone:广州都市圈', properties: ev(2) },
      { type: 'PART_OF', start: item, end: plan, properties: ev(3) },
      { type: 'LOCATED_IN', start: item, end: 'zone:广州都市圈', properties: ev(3) },
      { type: 'LEADS', start: BODY.id, end: item, properties: ev(3) },
      ...more.relationships,
    ],
  };
}

interface ProfiledStep {
  operatorType: string;
  rows: number;
  arguments: Record<string, unknown>;
  children: ProfiledStep[];
}

/**
 * The most rows any operator of the query's plan produced (`widest`: which, for a failure's
 * message), the scans in it (an index, label or type read from its start: what grows with the
 * graph), and the answer.
 */
async function profiled(query: CypherQuery): Promise<{ maxRows: number; widest: string; scans: string[]; records: Record<string, unknown>[] }> {
  const r = await neo.driver.executeQuery(`PROFILE ${query.text}`, query.params, { database: neo.database });
  let top = { rows: -1, step: '' };
  const scans: string[] = [];
  const visit = (p: ProfiledStep): void => {
    const step = `${p.operatorType} ${String(p.arguments.Details ?? '')}`;
    if (p.rows > top.rows) top = { rows: p.rows, step };
    if (/Scan/.test(p.operatorType)) scans.push(step);
    p.children.forEach(visit);
  };
  visit(r.summary.profile as unknown as ProfiledStep);
  return { maxRows: top.rows, widest: top.step, scans, records: r.records.map((x) => x.toObject()) };
}

describe('a zone listed by many documents', () => {
  let edges = 0;
  beforeAll(async () => {
    await clearDatabase(neo.driver, neo.database);
    for (let n = 0; n < LISTINGS; n++) await writeDocument(neo.driver, listing(n), { database: neo.database });
    // the word search below reads the full-text index, which catches up after the commits
    await neo.driver.executeQuery('CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()', {}, { database: neo.database });
    const r = await neo.driver.executeQuery(
      `MATCH (:District {id: 'div:4401'})-[l:LOCATED_IN]->(:District {id: 'zone:广州都市圈'})
       RETURN count(l) AS listed, COUNT { ()-[:TOUCHES]->() } AS touches`,
      {},
      { database: neo.database },
    );
    // One edge per listing document: the situation this file is about.
    expect(r.records[0].get('listed').toNumber()).toBe(LISTINGS);
    edges = r.records[0].get('touches').toNumber();
  }, 120_000);

  it('the areas above 花都区 come once each', async () => {
    const r = await neo.driver.executeQuery(`MATCH (a:District {id: 'div:440114'}) ${enclosingAreas()} UNWIND enclosing AS e RETURN e.id AS id`, {}, { database: neo.database });
    expect(r.records.map((x) => x.get('id')).sort()).toEqual(['div:44', 'div:4401', 'zone:广州都市圈']);
  });

  it('each listed task touches the zone, its member and the province once, as a rebuild computes them', async () => {
    const read = async () =>
      (
        await neo.driver.executeQuery('MATCH (t:Task)-[k:TOUCHES]->(a) RETURN t.id + " → " + a.id + " " + toString(k.direct) AS e ORDER BY e', {}, { database: neo.database })
      ).records.map((x) => x.get('e') as string);
    const written = await read();
    expect(written.filter((e) => e.startsWith('plan:l7/一 '))).toEqual(['plan:l7/一 → div:44 false', 'plan:l7/一 → div:4401 true', 'plan:l7/一 → zone:广州都市圈 true']);
    await rebuildTouches(neo.driver, neo.database);
    expect(await read()).toEqual(written);
  });

  it('the flagship with includeEnclosing for 花都区 counts every listed task once, and no step of it yields more rows than the graph has TOUCHES edges', async () => {
    for (const includeSupporting of [false, true]) {
      const { maxRows, widest, records } = await profiled(
        leadingDepartmentsQuery(['div:440114'], { includeDescendants: true, includeEnclosing: true, includeSupporting }, { skip: 0, limit: 10, tasks: 5 }),
      );
      const groups = leadingDepartmentsGroups(records[0] as Record<string, unknown>);
      expect(groups.map((g) => [g.department.id, g.role, Number(g.taskCount), Number(g.planCount), g.tasks.length])).toEqual([[BODY.id, 'LEAD', LISTINGS, LISTINGS, 5]]);
      expect(maxRows, widest).toBeLessThanOrEqual(edges);
    }
  });

  it('tasks touching 花都区 with includeEnclosing: each once, counted, and every page in plan order the one cut from the edges', async () => {
    const sorted = (
      await neo.driver.executeQuery(
        `MATCH (t:Task)-[k:TOUCHES]->(x:District)
         WHERE x.id = 'div:440114' OR (k.direct AND x.id IN ['div:4401', 'div:44', 'zone:广州都市圈'])
         WITH DISTINCT t, k.plan AS plan, k.planId AS planId, k.line AS line
         ORDER BY plan, planId, line, t.id
         RETURN collect(t.id) AS ids`,
        {},
        { database: neo.database },
      )
    ).records[0].get('ids') as string[];
    // the zone's item of every listing, and the items about 花都区 (the third of them about 广州市 too) once
    expect(sorted).toHaveLength(LISTINGS + Math.ceil((2 * LISTINGS) / 3));
    const options = { includeDescendants: true, includeEnclosing: true };
    const where = { touches: 'div:440114', touchesOptions: options };
    for (let skip = 0; skip < sorted.length + 7; skip += 7) {
      const { maxRows, widest, scans, records } = await profiled(taskConnectionQuery(where, 'PLAN', { skip, limit: 7 }));
      expect(Number(records[0].totalCount)).toBe(sorted.length);
      expect((records[0].page as { id: string }[]).map((t) => t.id), `page at ${skip}`).toEqual(sorted.slice(skip, skip + 7));
      expect(maxRows, `page at ${skip}: ${widest}`).toBeLessThanOrEqual(edges);
      // Tallies and documents' tasks are sought: a scan in the index's order, filtered and cut
      // at the limit, was planned on other graphs (the seeds) and read every tally before the area's.
      expect(scans, `page at ${skip}`).toEqual([]);
      const byArea = await profiled(districtTasksQuery(['div:440114'], options, { skip, limit: 7 }));
      expect((byArea.records[0].page as { id: string }[]).map((t) => t.id)).toEqual(sorted.slice(skip, skip + 7));
      expect(byArea.maxRows, `page at ${skip}: ${byArea.widest}`).toBeLessThanOrEqual(edges);
      expect(byArea.scans, `page at ${skip}`).toEqual([]);
    }
    const text = await profiled(taskConnectionQuery({ ...where, text: '都市圈' }, 'PLAN', { skip: 0, limit: 100 }));
    expect(Number(text.records[0].totalCount)).toBe(LISTINGS);
    expect(text.maxRows, text.widest).toBeLessThanOrEqual(edges);
  });
});
