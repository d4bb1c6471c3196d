/**
 * Hostile inputs through the real loader (loadPaths: extraction, then documents written all or
 * nothing, several to a transaction with a retry one by one on failure) into the real test Neo4j, together with a good seed. Each hostile file either
 * loads whole or fails with a reason naming the file and the problem; the run never crashes,
 * the good seed loads, and nothing of a failed document is left in the graph.
 * The files are generated at test time (tests/fixtures/hostile/make.ts), the 50 MB one included.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPaths, type DocumentSummary, type LoadSummary } from '../../load/index.ts';
import type { GraphDocument } from '../../loaders/model.ts';
import { extractFile } from '../../load/extract.ts';
import { GBK_LINES, hostileFiles, huaduOpening, HUGE_PLAN_MB, PROVINCIAL, writeHostileFiles } from '../fixtures/hostile/make.ts';
import { useNeo4j } from '../support/neo4j.ts';

const GOOD = path.resolve(import.meta.dirname, '../../seeds/guangzhou-industrial-clusters-news.txt');
const neo = useNeo4j();
const dir = mkdtempSync(path.join(tmpdir(), 'plangraph-hostile-'));
let paths: string[];
let summary: LoadSummary;
let crashed: unknown;

beforeAll(async () => {
  paths = writeHostileFiles(dir);
  try {
    summary = await loadPaths(neo.driver, [GOOD, ...paths], { database: neo.database });
    for (const d of summary.documents) console.log(`[hostile] ${d.document}: ${d.status}${d.reason ? ` — ${d.reason.slice(0, 200)}` : ` (${d.tasks} tasks)`}`);
  } catch (err) {
    crashed = err;
  }
}, 1_800_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function count(cypher: string, params: Record<string, unknown> = {}): Promise<number> {
  const r = await neo.driver.executeQuery(cypher, params, { database: neo.database });
  return r.records[0].get(0).toNumber();
}

/** Everything the graph holds from a document: its nodes, its relationships, its contributions to shared nodes. */
async function traces(document: string): Promise<number> {
  return (
    (await count('MATCH (n) WHERE n.document = $d OR EXISTS { (n)-[{document: $d}]-() } RETURN count(n)', { d: document })) +
    (await count('MATCH ()-[r]->() WHERE r.document = $d RETURN count(r)', { d: document })) +
    (await count("MATCH (p:Plan) WHERE p.id STARTS WITH 'plan:' + $stem RETURN count(p)", { d: document, stem: document.replace(/\.txt$/, '') }))
  );
}

function taskTitles(g: GraphDocument): string[] {
  return g.nodes.filter((n) => n.labels.includes('Task')).map((n) => String(n.properties.title)).sort();
}

async function storedTaskTitles(document: string): Promise<string[]> {
  const r = await neo.driver.executeQuery('MATCH (t:Task {document: $d}) RETURN t.title AS title', { d: document }, { database: neo.database });
  return r.records.map((x) => String(x.get('title'))).sort();
}

function result(file: string): DocumentSummary {
  const d = summary.documents.find((x) => x.document === file);
  expect(d, `no summary for ${file}: ${JSON.stringify(summary.documents.map((x) => x.document))}`).toBeDefined();
  return d!;
}

describe('hostile inputs loaded together with a good seed', () => {
  it('the run completes and reports every file once', () => {
    expect(crashed).toBeUndefined();
    expect(statSync(path.join(dir, 'huge-plan.txt')).size).toBeGreaterThanOrEqual(HUGE_PLAN_MB * 1e6);
    expect(summary.documents.map((d) => d.document).sort()).toEqual([path.basename(GOOD), ...hostileFiles.map((f) => f.file)].sort());
  });

  it('the good seed loads whole', async () => {
    const good = result(path.basename(GOOD));
    expect(good.status, good.reason).toBe('loaded');
    expect(await count('MATCH (p:Plan {document: $d}) RETURN count(p)', { d: good.document })).toBeGreaterThan(0);
  });

  for (const f of hostileFiles) {
    it(`${f.what} (${f.file}) loads whole or fails naming the file, leaving nothing`, async () => {
      const d = result(f.file);
      expect(['loaded', 'failed']).toContain(d.status);
      if (d.status === 'failed') {
        // A reason a user can act on: it says which file and what is wrong, with no stack trace.
        expect(d.reason, 'failed without a reason').toBeTruthy();
        expect(d.reason).toContain(f.file);
        expect(d.reason).not.toMatch(/\n\s+at /);
        expect(await traces(f.file)).toBe(0);
      } else {
        // Loaded whole: the graph holds exactly the tasks and goals the summary reports.
        expect(await count('MATCH (t:Task {document: $d}) RETURN count(t)', { d: f.file })).toBe(d.tasks);
        expect(await count('MATCH (g:Goal {document: $d}) RETURN count(g)', { d: f.file })).toBe(d.goals);
        expect(await count('MATCH (p:Plan {document: $d}) RETURN count(p)', { d: f.file })).toBeGreaterThan(0);
      }
    });
  }

  it('an empty file and a binary file fail, saying so', () => {
    expect(result('empty.txt')).toMatchObject({ status: 'failed' });
    expect(result('empty.txt').reason).toMatch(/empty/);
    expect(result('binary.txt')).toMatchObject({ status: 'failed' });
    expect(result('binary.txt').reason).toMatch(/binary/);
  });

  it('a GBK plan without a hint loads with its Chinese intact: the same tasks as the UTF-8 text', async () => {
    const d = result('gbk-no-hint.txt');
    expect(d.status, d.reason).toBe('loaded');
    const utf8 = path.join(dir, 'utf8-original.txt');
    writeFileSync(utf8, huaduOpening(GBK_LINES));
    const expected = taskTitles(await extractFile(utf8));
    expect(expected.length).toBeGreaterThan(5);
    expect(await storedTaskTitles('gbk-no-hint.txt')).toEqual(expected);
  });

  it('a Traditional Chinese plan loads with the tasks of its Simplified original, and bodies assigned to them', async () => {
    const d = result('traditional-plan.txt');
    expect(d.status, d.reason).toBe('loaded');
    const simplified = path.join(dir, 'simplified-original.txt');
    writeFileSync(simplified, readFileSync(PROVINCIAL, 'utf8'));
    const expected = await extractFile(simplified);
    expect(d.tasks).toBe(expected.nodes.filter((n) => n.labels.includes('Task')).length);
    expect(await count('MATCH (:Department)-[r:LEADS]->(:Task {document: $d}) RETURN count(r)', { d: 'traditional-plan.txt' })).toBeGreaterThan(0);
  });

  it('a plan of 10,000 headings loads as 10,000 sections', () => {
    const d = result('ten-thousand-headings.txt');
    expect(d.status, d.reason).toBe('loaded');
    expect(d.tasks).toBe(10_000);
  });
});
