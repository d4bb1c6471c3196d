/**
 * When the scale benchmark's warm-up of Neo4j (bench/scale/run.ts warmUpNeo4j) may stop: it
 * runs each question in WARM_RUN_SECONDS runs and looks at their rates.
 */
/** Seconds per warm-up run; a question takes at least MIN_WARM_RUNS runs and at most MAX_WARM_RUNS. */
export const WARM_RUN_SECONDS = 5;
export const MIN_WARM_RUNS = 6;
export const MAX_WARM_RUNS = 12;
/** Connections of a warm-up run, as the timed runs that matter most. */
export const WARM_CONNECTIONS = 32;
/** A run "beats" the ones before it when its rate is above their best by more than this share. */
const BEATS = 0.03;

/**
 * Whether a question's warm-up can stop after these runs' rates (requests/s, in order): after
 * MIN_WARM_RUNS, once the last two runs have not beaten the best rate before them; always
 * after MAX_WARM_RUNS. Noise on a plateau goes both ways, so one run below the best is not enough.
 */
export function warmedUp(rates: readonly number[]): boolean {
  if (rates.length >= MAX_WARM_RUNS) return true;
  if (rates.length < MIN_WARM_RUNS) return false;
  const best = Math.max(...rates.slice(0, -2));
  return rates.slice(-2).every((r) => r <= best * (1 + BEATS));
}
