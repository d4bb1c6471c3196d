/**
 * Documents that do not say whose plan they are (no division in the title, issuer or text): their relative
 * names (区财政局, 市税务局) load as unresolved bodies of each document, the load summary counts them and names
 * the assignment that was dropped, the API returns them flagged, and replacing a document removes its own.
 * Real loader, real Neo4j, real server over HTTP; documents in tests/integration/fixtures/unresolved-bodies (own text,
 * kept out of tests/fixtures, which `plangraph extract` tests read whole).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPaths, type LoadSummary } from '../../load/index.ts';
import { formatSummary } from '../../cli/commands/load.ts';
import { clearDatabase, useNeo4j } from '../support/neo4j.ts';
import { gql, startTestServer, type TestServer } from './server.harness.ts';

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures/unresolved-bodies');
const ANNUAL = 'annual-key-tasks-2026.txt';
const TALENT = 'talent-service-measures.txt';

const neo = useNeo4j();
const temp = mkdtempSync(path.join(tmpdir(), 'plangraph-unresolved-'));
let server: TestServer;
let first: LoadSummary;

beforeAll(async () => {
  await clearDatabase(neo.driver, neo.database);
  for (const f of [ANNUAL, TALENT]) copyFileSync(path.join(FIXTURES, f), path.join(temp, f));
  first = await loadPaths(neo.driver, [temp], { database: neo.database });
  server = await startTestServer({ driver: neo.driver, database: neo.database, healthCheckIntervalMs: 0, responseCache: { enabled: false } });
});
afterAll(async () => {
  await server?.close();
  rmSync(temp, { recursive: true, force: true });
});

async function query(source: string, variables?: Record<string, unknown>): Promise<Record<string, any>> {
  const reply = await gql(server.url, source, variables);
  expect(reply.body.errors, JSON.stringify(reply.body.errors)).toBeUndefined();
  return reply.body.data!;
}

async function ids(cypher: string): Promise<string[]> {
  const r = await neo.driver.executeQuery(cypher, {}, { database: neo.database });
  return r.records.map((x) => String(x.get(0))).sort();
}

const UNRESOLVED = `query { unresolvedDepartments { id name resolved level scopeDocument aliases jurisdiction { id } leads { id } supports { id } } }`;

describe('a document whose jurisdiction cannot be known', () => {
  it('loads, and the summary counts its assignments with bodies not resolved and names the one dropped', () => {
    expect(first.failed, JSON.stringify(first.documents)).toBe(0);
    const annual = first.documents.find((d) => d.document === ANNUAL)!;
    // 区工业和信息化局, 区发展改革局, (区)财政局, 区委宣传部 on line 7; 区委人才办, 区人力资源社会保障局, 市税务局 on
    // line 9; 区住房城乡建设局, 镇人民政府, 街道办事处 on line 13 (各镇街 and 有关单位 are collective, not bodies).
    expect(annual.unresolvedAssignments).toBe(10);
    expect(annual.droppedAssignments?.map((d) => [d.line, d.message])).toEqual([[9, 'responsible body not resolved: not a body name: 龙头企业']]);
    const text = formatSummary(first);
    expect(text).toContain(`  ${ANNUAL}: 10 assignments with bodies not resolved, 1 assignment dropped`);
    expect(text).toContain(`    ${ANNUAL}:9: dropped — responsible body not resolved: not a body name: 龙头企业 — （二）强化人才支撑。`);
    expect(text).toContain(`  ${TALENT}: 2 assignments with bodies not resolved`);
  });

  it('keeps its relative names as unresolved Department nodes of that document, with LEADS/SUPPORTS and provenance', async () => {
    const r = await neo.driver.executeQuery(
      `MATCH (d:Department {id: $id})-[l:LEADS]->(t:Task) RETURN properties(d) AS d, l.line AS line, l.quote AS quote, l.surface AS surface, t.title AS task`,
      { id: `dept:?${ANNUAL}/区工业和信息化局` },
      { database: neo.database },
    );
    expect(r.records).toHaveLength(1);
    expect(r.records[0].get('d')).toMatchObject({ name: '区工业和信息化局', resolved: false, level: 'DISTRICT', scopeDocument: ANNUAL, document: ANNUAL, line: 7 });
    expect(r.records[0].get('line').toNumber()).toBe(7);
    expect(r.records[0].get('quote')).toBe('（区工业和信息化局牵头，区发展改革局、财政局、区委宣传部按职责分工负责）');
    expect(r.records[0].get('task')).toBe('培育先进制造业集群');
    // Nothing became a body of some guessed district, and no collective phrase became a body.
    expect(await ids(`MATCH (d:Department) WHERE d.resolved IS NULL RETURN d.id`)).toEqual([]);
    expect(await ids(`MATCH (d:Department) WHERE d.name IN ['各镇街', '有关单位', '龙头企业'] RETURN d.id`)).toEqual([]);
  });

  it('the API returns them flagged, each document\'s 区财政局 its own body', async () => {
    const data = await query(UNRESOLVED);
    const finance = data.unresolvedDepartments.filter((d: any) => d.name === '区财政局');
    expect(finance.map((d: any) => [d.id, d.scopeDocument, d.level, d.resolved, d.jurisdiction])).toEqual([
      [`dept:?${ANNUAL}/区财政局`, ANNUAL, 'DISTRICT', false, null],
      [`dept:?${TALENT}/区财政局`, TALENT, 'DISTRICT', false, null],
    ]);
    expect(finance[0].aliases).toEqual(['财政局']);
    expect(finance[0].supports).toHaveLength(1);
    expect(finance[1].leads).toHaveLength(1);
    const levels = Object.fromEntries(data.unresolvedDepartments.filter((d: any) => d.scopeDocument === ANNUAL).map((d: any) => [d.name, d.level]));
    expect(levels).toMatchObject({ 市税务局: 'CITY', 镇人民政府: 'TOWN', 街道办事处: 'TOWN', 区委人才办: 'DISTRICT' });
    // Nothing else is unresolved, and one document's list is its own.
    expect((await query(`query { departments { resolved } }`)).departments.every((d: any) => d.resolved === false)).toBe(true);
    const talent = (await query(`query($doc: String) { unresolvedDepartments(document: $doc) { name scopeDocument } }`, { doc: TALENT })).unresolvedDepartments;
    expect(talent).toEqual([{ name: '区人力资源社会保障局', scopeDocument: TALENT }, { name: '区财政局', scopeDocument: TALENT }]);
    // A task's assignments carry the flag too.
    const tasks = await query(`query { departments(nameContains: "区委人才办") { leads { title assignments { role department { name resolved } } } } }`);
    expect(tasks.departments[0].leads[0].title).toBe('强化人才支撑');
    expect(tasks.departments[0].leads[0].assignments.map((a: any) => [a.role, a.department.name, a.department.resolved])).toEqual([
      ['LEAD', '区委人才办', false],
      ['SUPPORT', '区人力资源社会保障局', false],
      ['SUPPORT', '市税务局', false],
    ]);
  });

  it('replacing the document removes its unresolved bodies (another document\'s stay); naming the district resolves them', async () => {
    const before = await ids(`MATCH (d:Department) WHERE d.scopeDocument = '${TALENT}' RETURN d.id`);
    // The annual plan now says whose it is: its title starts with the district.
    const text = readFileSync(path.join(FIXTURES, ANNUAL), 'utf8').replace('2026年重点工作任务分工方案', '广州市花都区2026年重点工作任务分工方案');
    writeFileSync(path.join(temp, ANNUAL), text);
    const second = await loadPaths(neo.driver, [path.join(temp, ANNUAL)], { database: neo.database });
    expect(second.documents.map((d) => [d.document, d.status, d.unresolvedAssignments])).toEqual([[ANNUAL, 'loaded', 2]]);
    // Only the town-level bodies stay unresolved: which town is never said.
    expect(await ids(`MATCH (d:Department) WHERE d.scopeDocument = '${ANNUAL}' RETURN d.name`)).toEqual(['街道办事处', '镇人民政府']);
    expect(await ids(`MATCH (d:Department) WHERE d.id STARTS WITH 'dept:?${ANNUAL}/区' RETURN d.id`)).toEqual([]);
    expect(await ids(`MATCH (d:Department) WHERE d.scopeDocument = '${TALENT}' RETURN d.id`)).toEqual(before);
    const data = await query(`query { department(name: "广州市花都区财政局") { name resolved level scopeDocument jurisdiction { name } supports { title } } }`);
    expect(data.department).toEqual({ name: '广州市花都区财政局', resolved: true, level: 'DISTRICT', scopeDocument: null, jurisdiction: { name: '花都区' }, supports: [{ title: '培育先进制造业集群' }] });
    const unresolved = (await query(UNRESOLVED)).unresolvedDepartments.map((d: any) => d.id);
    expect(unresolved).not.toContain(`dept:?${ANNUAL}/区财政局`);
    expect(unresolved).toContain(`dept:?${TALENT}/区财政局`);
  });
});
