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
import { extractFile } from '../load/extract.ts';
import { timed, round } from './measure.ts';

export interface ExtractionFigures {
  files: number;
  mb: number;
  /** MB per CPU second of the full pipeline, after warm-up passes (steady state). */
  mbPerSecPerCore: number;
  /** MB per CPU second of the first pass over the files (JIT still compiling). */
  coldMbPerSecPerCore?: number;
  /** MB per CPU second of the decode-only floor. */
  baselineMbPerSecPerCore: number;
  /** MB per wall-clock second (depends on the machine's other load). */
  mbPerWallSecond: number;
  /** Per timed pass. */
  cpuSeconds: number;
  /** Per timed pass. */
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

/** Warm-up passes over the files before timing: V8 tiers the extractors' hot paths up over the
 * first passes (per-pass rate on the seeds, one run: 0.9 1.4 1.6 2.4 2.3 3.7 2.9 4.3 4.1 4.6, then
 * 4.5–8.5 from the tenth; 0.44 MB a pass), and a throughput figure that mostly measures the JIT
 * says little about a load of many plans. The cold first pass is reported beside it. */
export const WARMUP_PASSES = 10;
/** Timed passes (seeds are small: one pass is a tenth of a second, too short to time alone). */
export const TIMED_PASSES = 5;

/** `cold: false` skips the cold first pass (for files extracted after others warmed the JIT up in this process). */
export async function benchExtraction(files: string[], passes: { warmup?: number; timed?: number; cold?: boolean } = {}): Promise<ExtractionFigures> {
  const mb = megabytes(files);
  const warmup = passes.warmup ?? WARMUP_PASSES;
  const repeat = passes.timed ?? TIMED_PASSES;
  const extractAll = async () => {
    let failed = 0;
    let elements = 0;
    for (const f of files) {
      try {
        const g = await extractFile(f);
        elements += g.nodes.length + g.relationships.length;
      } catch {
        failed += 1;
      }
    }
    return { failed, elements };
  };
  // The first pass, cold (module loading excluded: the first file is extracted once before it).
  await extractFile(files[0]!).catch(() => undefined);
  const cold = passes.cold === false ? undefined : await timed(extractAll);
  for (let i = 1; i < warmup; i++) await extractAll();
  for (let i = 0; i < warmup; i++) await decodeFloor(files);

  let floorCpu = 0;
  let fullCpu = 0;
  let fullWall = 0;
  let last = cold?.value ?? { failed: 0, elements: 0 };
  // Interleaved, so a change in the machine's load touches both sides alike.
  for (let i = 0; i < repeat; i++) {
    floorCpu += (await decodeFloor(files)).cpuSeconds;
    const full = await timed(extractAll);
    fullCpu += full.cpuSeconds;
    fullWall += full.seconds;
    last = full.value;
  }
  return {
    files: files.length,
    mb: round(mb),
    mbPerSecPerCore: round((mb * repeat) / fullCpu),
    coldMbPerSecPerCore: cold ? round(mb / cold.cpuSeconds) : undefined,
    baselineMbPerSecPerCore: round((mb * repeat) / floorCpu),
    mbPerWallSecond: round((mb * repeat) / fullWall),
    cpuSeconds: round(fullCpu / repeat),
    wallSeconds: round(fullWall / repeat),
    failed: last.failed,
    elements: last.elements,
  };
}
