/**
 * extraction: MB of source text per second per core, PlanGraph's full pipeline (read, decode,
 * normalise, structure, bodies, places, goals, projects) beside a floor that only reads,
 * decodes and splits the same files into lines (what any loader must do before
 * understanding anything). Both single-threaded in this process; "per core" divides by the
 * CPU seconds the process used, so other load on the machine does not count against it
 * (the wall-clock rate is reported too).
 */
import { statSync } from 'node:fs';
import { readDocument } from '../loaders/read/index.ts';
import { extractFile } from '../loaders/pipeline.ts';
import { timed, round } from './measure.ts';

export interface ExtractionFigures {
  files: number;
  mb: number;
  /** MB per CPU second of the full pipeline. */
  mbPerSecPerCore: number;
  /** MB per CPU second of the decode-only floor. */
  baselineMbPerSecPerCore: number;
  /** MB per wall-clock second (depends on the machine's other load). */
  mbPerWallSecond: number;
  cpuSeconds: number;
  wallSeconds: number;
  failed: number;
  elements: number;
}

/** The decode-only floor over files: read, decode (UTF-8 / GB18030 / docx / pdf / html), lines. */
export async function decodeFloor(files: string[]): Promise<{ cpuSeconds: number; seconds: number }> {
  const t = await timed(async () => {
    let lines = 0;
    for (const f of files) lines += (await readDocument(f)).lines.length;
    return lines;
  });
  return { cpuSeconds: t.cpuSeconds, seconds: t.seconds };
}

export function megabytes(files: string[]): number {
  return files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
}

export async function benchExtraction(files: string[]): Promise<ExtractionFigures> {
  const mb = megabytes(files);
  // Warm up module loading, gazetteers and JIT on every file once, so neither side pays it in the timed run.
  for (const f of files.slice(0, 5)) await extractFile(f).catch(() => undefined);
  await decodeFloor(files.slice(0, 5));

  const floor = await decodeFloor(files);
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
    mbPerSecPerCore: round(mb / full.cpuSeconds),
    baselineMbPerSecPerCore: round(mb / floor.cpuSeconds),
    mbPerWallSecond: round(mb / full.seconds),
    cpuSeconds: round(full.cpuSeconds),
    wallSeconds: round(full.seconds),
    failed,
    elements,
  };
}
