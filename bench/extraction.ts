/**
 * extraction: MB of source text per second on one core (this process is single-threaded),
 * PlanGraph's full pipeline beside a floor that only reads, decodes and splits the same
 * files into lines (what any loader must do before understanding anything).
 */
import { readFileSync, statSync } from 'node:fs';
import { readDocument } from '../loaders/read/index.ts';
import { extractFile } from '../loaders/pipeline.ts';
import { timed, round } from './measure.ts';

export interface ExtractionFigures {
  files: number;
  mb: number;
  mbPerSecPerCore: number;
  baselineMbPerSecPerCore: number;
  failed: number;
  elements: number;
}

export async function benchExtraction(files: string[]): Promise<ExtractionFigures> {
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const mb = bytes / 1e6;
  // Warm up module loading and JIT on one file so neither side pays it in the timed run.
  await extractFile(files[0]).catch(() => undefined);
  readFileSync(files[0]);

  const floor = await timed(async () => {
    let lines = 0;
    for (const f of files) lines += (await readDocument(f)).lines.length;
    return lines;
  });
  let failed = 0;
  let elements = 0;
  const full = await timed(async () => {
    for (const f of files) {
      try {
        const g = await extractFile(f);
        elements += g.nodes.length + g.relationships.length;
      } catch {
        failed += 1;
      }
    }
  });
  return {
    files: files.length,
    mb: round(mb),
    mbPerSecPerCore: round(mb / full.seconds),
    baselineMbPerSecPerCore: round(mb / floor.seconds),
    failed,
    elements,
  };
}
