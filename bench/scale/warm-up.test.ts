import { describe, expect, it } from 'vitest';
import { MAX_WARM_RUNS, MIN_WARM_RUNS, warmedUp } from './warm-up.ts';

describe('warmedUp', () => {
  // Shaped after the floor's flagshipCounts on a restarted Neo4j (seeds + 2,000 documents, 5 s
  // runs at 32 connections, 2026-12-07: 429, 992, 1,122, 1,100, then in a new floor process 955,
  // 1,285, 1,437, 1,535, 1,550, 1,511): still rising after the third run, steady near 1,500 later.
  const restarted = [429, 992, 1122, 1285, 1437, 1535, 1550, 1511, 1530];

  it('does not stop while the rate is still rising or before MIN_WARM_RUNS', () => {
    for (let n = 0; n < MIN_WARM_RUNS; n++) expect(warmedUp(restarted.slice(0, n))).toBe(false);
    expect(warmedUp(restarted.slice(0, 6))).toBe(false); // 1,535 beats 1,437 by 7%
    expect(warmedUp(restarted.slice(0, 7))).toBe(false); // 1,550 beats 1,437 (the best two runs before it)
  });

  it('stops once the last two runs do not beat the best before them by more than 3%', () => {
    expect(warmedUp(restarted.slice(0, 8))).toBe(true); // 1,550 and 1,511 against 1,535
    expect(warmedUp([100, 100, 100, 100, 100, 103])).toBe(true);
    expect(warmedUp([100, 100, 100, 100, 100, 104])).toBe(false);
  });

  it('one run below the best is not enough: the run after it must not beat it either', () => {
    expect(warmedUp([500, 800, 900, 1000, 1100, 950, 1300])).toBe(false);
  });

  it('always stops after MAX_WARM_RUNS', () => {
    const rising = Array.from({ length: MAX_WARM_RUNS }, (_, i) => 100 * 1.1 ** i);
    expect(warmedUp(rising.slice(0, -1))).toBe(false);
    expect(warmedUp(rising)).toBe(true);
  });
});
