import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../loaders/model.ts';
import { extractPaths, mergeDocuments } from './extract.ts';

const seeds = new URL('../seeds/', import.meta.url).pathname;
const fixtures = new URL('../tests/fixtures/', import.meta.url).pathname;
const node = (g: GraphDocument, id: string) => g.nodes.find((n) => n.id === id);

describe('extractPaths', () => {
  it('extracts folders, skips manifest.json, and reports a bad file by name while the others load', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plangraph-pipeline-'));
    copyFileSync(join(fixtures, 'nanhai-urban-rural-integration-2023-2025.txt'), join(dir, 'nanhai-urban-rural-integration-2023-2025.txt'));
    writeFileSync(join(dir, 'scan.pdf'), Buffer.from('%PDF-1.4 truncated'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ documents: [{ file: 'nanhai-urban-rural-integration-2023-2025.txt', periodStart: 2023 }] }));
    const result = await extractPaths([dir, join(dir, 'missing.txt')]);
    expect(result.documents.map((d) => [d.document, !!d.graph, d.error?.split(':')[0]])).toEqual([
      ['nanhai-urban-rural-integration-2023-2025.txt', true, undefined],
      ['scan.pdf', false, 'scan.pdf'],
      ['missing.txt', false, 'missing.txt'],
    ]);
    expect(result.documents[1].error).toMatch(/^scan\.pdf: cannot read pdf/);
    const merged = mergeDocuments(result);
    expect(node(merged, 'plan:nanhai-urban-rural-integration-2023-2025')!.properties.title).toBe('佛山市南海区推进城乡融合发展三年行动方案（2023—2025年）');
  });
  it('gives the same ids and facts whatever the order (stable ids)', async () => {
    const a = mergeDocuments(await extractPaths([join(fixtures, 'xiangzhou-old-communities-2024-2026.txt'), join(seeds, 'guangzhou-industrial-clusters-news.txt')]));
    const b = mergeDocuments(await extractPaths([join(seeds, 'guangzhou-industrial-clusters-news.txt'), join(fixtures, 'xiangzhou-old-communities-2024-2026.txt')]));
    const ids = (g: GraphDocument) => g.nodes.map((n) => n.id).sort();
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a)).toContain('plan:guangzhou-industrial-clusters-news#2');
    expect(a.relationships.length).toBe(b.relationships.length);
  });
});
