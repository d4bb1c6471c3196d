/** Small measuring helpers shared by the benchmark sections. */

export interface Timed<T> { value: T; seconds: number }

export async function timed<T>(fn: () => Promise<T> | T): Promise<Timed<T>> {
  const start = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - start) / 1000 };
}

/** Peak resident set size of this process so far, in MB (the kernel's high-water mark). */
export function peakRssMb(): number {
  // resourceUsage().maxRSS is in kilobytes on Linux.
  return process.resourceUsage().maxRSS / 1024;
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
