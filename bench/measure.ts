/** Small measuring helpers shared by the benchmark sections. */
import { readFileSync } from 'node:fs';

export interface Timed<T> {
  value: T;
  /** Wall-clock seconds. */
  seconds: number;
  /** CPU seconds this process spent (user + system, all its threads: JS, GC, libuv). */
  cpuSeconds: number;
}

/**
 * Times fn by the wall clock and by this process's CPU time. On a shared machine (other
 * processes wanting the cores) the wall clock measures the queue; CPU time measures the work,
 * which is what "per core" figures divide by.
 */
export async function timed<T>(fn: () => Promise<T> | T): Promise<Timed<T>> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return { value, seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
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

/**
 * timed, plus the CPU seconds another process of this machine (the local Neo4j's JVM, say) used
 * meanwhile: `otherCpuSeconds`, undefined without a pid or when /proc is unreadable.
 */
export async function timedWithProcess<T>(pid: number | undefined, fn: () => Promise<T> | T): Promise<Timed<T> & { otherCpuSeconds?: number }> {
  const before = processCpuSeconds(pid);
  const t = await timed(fn);
  const after = processCpuSeconds(pid);
  return { ...t, otherCpuSeconds: before !== undefined && after !== undefined ? after - before : undefined };
}

/** CPU seconds (user + system, all threads) another process of this machine has used so far, from /proc; undefined if unreadable. */
export function processCpuSeconds(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    // Fields after the ")" that ends the command name: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
/** Linux's USER_HZ, the unit of /proc/<pid>/stat times (100 on every mainstream build). */
const CLOCK_TICKS = 100;
