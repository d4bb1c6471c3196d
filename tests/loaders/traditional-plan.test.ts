/**
 * A Traditional-script copy of a plan must yield the same responsibilities as the Simplified
 * original: the gazetteers are Simplified, so the plan's jurisdiction (廣東省) and every body
 * name are matched on the Simplified copy while quotes stay verbatim. The copy is made at test
 * time with OpenCC from the provincial seed, so no fixture can drift from it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../load/extract.ts';
import type { GraphDocument } from '../../loaders/model.ts';

const seed = join(import.meta.dirname, '..', '..', 'seeds', 'guangdong-new-urbanisation-plan-2021-2035.txt');
let dir: string;
let simplified: GraphDocument;
let traditional: GraphDocument;
let traditionalText: string[];

/** "LEADS dept:… → …/ref" with the plan id (it follows the file name) taken out. */
function assignments(g: GraphDocument): string[] {
  return g.relationships
    .filter((r) => r.type === 'LEADS' || r.type === 'SUPPORTS')
    .map((r) => `${r.type} ${r.start} → ${r.end.slice(r.end.indexOf('/'))} @${r.properties.line}`)
    .sort();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plangraph-trad-'));
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const text = toTraditional(readFileSync(seed, 'utf8'));
  traditionalText = text.split('\n');
  const file = join(dir, 'guangdong-new-urbanisation-traditional.txt');
  writeFileSync(file, text);
  [simplified, traditional] = await Promise.all([extractFile(seed), extractFile(file)]);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a Traditional-script plan', () => {
  it('states the annex line in Traditional characters', () => {
    expect(traditionalText[859]).toContain('(省公安廳牽頭；省發展改革委按職責分工負責');
  });

  it('governs 广东省 although its title says 廣東省', () => {
    const governs = traditional.relationships.filter((r) => r.type === 'GOVERNS');
    expect(governs.map((r) => r.end)).toEqual(['div:44']);
  });

  it('has exactly the LEADS and SUPPORTS of the Simplified original, line for line', () => {
    const expected = assignments(simplified);
    expect(expected.length).toBeGreaterThan(250);
    expect(assignments(traditional)).toEqual(expected);
  });

  it('quotes the Traditional text verbatim', () => {
    const lead = traditional.relationships.find((r) => r.type === 'LEADS' && r.properties.line === 860);
    expect(lead?.start).toBe('dept:广东省公安厅');
    expect(String(lead?.properties.quote)).toContain('省公安廳牽頭');
  });
});
