/**
 * The unseen-layout corpus (tests/fixtures/real-layouts: 38 documents in 12 layouts of public government
 * pages, written for issue 11) extracted as a user runs it — the folder alone, no manifest — and scored
 * against the gold written by hand before any extraction (docs/extraction-quality-real-layouts.txt), with
 * the same scorer as `npm run quality`. The thresholds are the "done means": LEADS and SUPPORTS
 * recall ≥ 0.95 and precision ≥ 0.98, the plan's jurisdiction right on ≥ 0.95 of the documents.
 * Needs no database. On failure the message lists the misses (FN) and wrong edges (FP) by document and line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPaths, mergeDocuments } from '../../load/extract.ts';
import { parseGold, scoreGold, type FactScore } from '../../docs/extraction-quality-score.mjs';

const CORPUS = 'tests/fixtures/real-layouts';
const goldText = readFileSync('docs/extraction-quality-real-layouts.txt', 'utf8');

const detail = (s: FactScore) =>
  `${s.name}: P ${s.precision} R ${s.recall} (gold ${s.gold}, extracted ${s.extracted})\n` +
  [...s.fn.map((k) => `  FN ${k}`), ...s.fp.map((k) => `  FP ${k}`)].join('\n');

describe('unseen-layout corpus, folder only (issue 11)', async () => {
  const result = await extractPaths([CORPUS]);
  const graph = mergeDocuments(result);
  const scores = new Map(scoreGold(goldText, graph).map((s) => [s.name, s]));
  const { gold } = parseGold(goldText);

  it('reads every document of the corpus, and the gold covers each of them with its layout', () => {
    expect(result.documents.filter((d) => d.error).map((d) => d.error)).toEqual([]);
    const read = result.documents.map((d) => d.document).sort();
    expect(read.length).toBeGreaterThanOrEqual(36);
    expect(gold.LAYOUT.map(([doc]) => doc).sort()).toEqual(read);
    expect(gold.J.map(([doc]) => doc).sort()).toEqual(read);
    expect(new Set(gold.LAYOUT.map(([, layout]) => layout)).size).toBeGreaterThanOrEqual(12);
  });

  for (const name of ['LEADS', 'SUPPORTS'] as const) {
    it(`${name}: recall ≥ 0.95 and precision ≥ 0.98`, () => {
      const s = scores.get(name)!;
      expect(s.gold, name).toBeGreaterThan(100);
      expect(s.recall, detail(s)).toBeGreaterThanOrEqual(0.95);
      expect(s.precision, detail(s)).toBeGreaterThanOrEqual(0.98);
    });
  }

  it("the plan's jurisdiction (the District it GOVERNS) is right on ≥ 0.95 of the documents", () => {
    const s = scores.get('Jurisdiction')!;
    expect(s.gold).toBe(gold.LAYOUT.length);
    expect(s.recall, detail(s)).toBeGreaterThanOrEqual(0.95);
    expect(s.precision, detail(s)).toBeGreaterThanOrEqual(0.95);
  });
});
