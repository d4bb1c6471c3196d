/**
 * A plan's jurisdiction and the reasons for it, through the real loader, the real Neo4j and the
 * real server over HTTP: the seeds (with their manifest) and a district notice loaded as a user
 * would, from a folder with no manifest, whose jurisdiction only its 索引号, 发布机构 row,
 * document number and signature state — and whose relative names (区住房城乡建设局) then resolve
 * to that district's bureaus.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPaths } from '../../load/index.ts';
import { useNeo4j } from '../support/neo4j.ts';
import { gql, startTestServer, type TestServer } from './server.harness.ts';

const NOTICE = [
  '索引号：11440114007502316K/2026-00021',
  '',
  '发布机构：广州市花都区人民政府办公室',
  '',
  '花府办〔2026〕5号',
  '',
  '各镇人民政府、街道办事处，区政府各部门、各直属机构：',
  '',
  '现将《老旧小区改造提升实施方案》印发给你们，请认真组织实施。',
  '',
  '广州市花都区人民政府办公室',
  '2026年2月26日',
  '',
  '老旧小区改造提升实施方案',
  '',
  '一、加装电梯',
  '',
  '（一）推进既有住宅加装电梯。简化审批流程，完善资金补助。（区住房城乡建设局牵头；区财政局按职责分工负责）',
];

const db = useNeo4j();
let server: TestServer;
let dir: string;

async function query(source: string): Promise<Record<string, any>> {
  const reply = await gql(server.url, source);
  expect(reply.body.errors, JSON.stringify(reply.body.errors)).toBeUndefined();
  return reply.body.data!;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plangraph-juris-'));
  writeFileSync(join(dir, 'huadu-old-communities-notice.txt'), NOTICE.join('\n'));
  const summary = await loadPaths(db.driver, ['seeds', dir], { database: db.database });
  expect(summary.failed).toBe(0);
  server = await startTestServer({ driver: db.driver, database: db.database, healthCheckIntervalMs: 0, responseCache: { enabled: false } });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const planQuery = (id: string) => `{ plan(id: "${id}") { id jurisdiction { name } jurisdictionEvidence { line quote kind } } }`;

describe('Plan.jurisdictionEvidence', () => {
  it('a seed plan cites its manifest first, then its title line as written in the file', async () => {
    const { plan } = await query(planQuery('plan:guangdong-new-urbanisation-plan-2021-2035'));
    expect(plan.jurisdiction.name).toBe('广东省');
    expect(plan.jurisdictionEvidence[0]).toEqual({ line: 0, quote: 'manifest: 广东省', kind: 'manifest' });
    const title = plan.jurisdictionEvidence.find((e: any) => e.kind === 'title');
    const source = readFileSync('seeds/guangdong-new-urbanisation-plan-2021-2035.txt', 'utf8').split('\n');
    expect(source[title.line - 1].trim()).toBe(title.quote);
    expect(title.quote).toContain('广东省');
  });

  it('a notice with no manifest: 花都区 from its signature, 发布机构 row, number and credit code, each at its line', async () => {
    const { plan } = await query(planQuery('plan:huadu-old-communities-notice'));
    expect(plan.jurisdiction.name).toBe('花都区');
    const byKind = new Map<string, { line: number; quote: string }>(plan.jurisdictionEvidence.map((e: any) => [e.kind, e]));
    expect([...byKind.keys()].sort()).toEqual(['creditCode', 'docNumber', 'metadataRow', 'signature']);
    expect(byKind.get('docNumber')).toMatchObject({ line: 5, quote: '花府办〔2026〕5号' });
    expect(byKind.get('signature')).toMatchObject({ line: 11, quote: '广州市花都区人民政府办公室' });
    expect(byKind.get('creditCode')!.line).toBe(1);
    expect(byKind.get('metadataRow')!.line).toBe(3);
    for (const e of plan.jurisdictionEvidence) expect(NOTICE[e.line - 1]).toBe(e.quote);
  });

  it('is stored on the Plan node as parallel lists', async () => {
    const { records } = await db.driver.executeQuery(
      'MATCH (p:Plan {id: $id}) RETURN p.jurisdictionEvidenceKinds AS kinds, p.jurisdictionEvidenceLines AS lines, p.jurisdictionEvidenceQuotes AS quotes',
      { id: 'plan:huadu-old-communities-notice' },
      { database: db.database },
    );
    const kinds = records[0].get('kinds') as string[];
    expect(kinds).toContain('docNumber');
    expect((records[0].get('lines') as unknown[]).length).toBe(kinds.length);
    expect((records[0].get('quotes') as unknown[]).length).toBe(kinds.length);
  });

  it("the notice's relative names are that district's bureaus, and its issuer the body the signature names", async () => {
    const { plan } = await query(`{ plan(id: "plan:huadu-old-communities-notice") { issuer { name } tasks(first: 10) { edges { node { ref leads { name } supporters { name } } } } } }`);
    expect(plan.issuer.name).toBe('广州市花都区人民政府办公室');
    const task = plan.tasks.edges.map((e: any) => e.node).find((t: any) => t.ref === '一(一)');
    expect(task.leads.map((d: any) => d.name)).toEqual(['广州市花都区住房和城乡建设局']);
    expect(task.supporters.map((d: any) => d.name)).toEqual(['广州市花都区财政局']);
  });
});
