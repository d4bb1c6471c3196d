/**
 * Bounded waits for the loader. A Neo4j that stops answering (frozen, a network that drops
 * packets silently) never fails a Bolt request: the driver waits on the socket for ever. With a
 * deadline, the first write that passes it marks Neo4j unavailable and the rest of the load fails
 * fast (load/load-paths.ts); `plangraph load` then closes the driver within a bound too.
 */
import { ConfigError } from '../config.ts';

export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/** PLANGRAPH_WRITE_TIMEOUT_MS: how long one group's write transaction may take (default 5 minutes). */
export const DEFAULT_WRITE_TIMEOUT_MS = 300_000;

export function writeTimeoutFromEnv(env: Record<string, string | undefined> = process.env): number {
  const raw = env.PLANGRAPH_WRITE_TIMEOUT_MS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_WRITE_TIMEOUT_MS;
  const n = Number(raw.trim());
  if (!Number.isInteger(n) || n < 100) throw new ConfigError(`PLANGRAPH_WRITE_TIMEOUT_MS="${raw}" must be a whole number of milliseconds, at least 100.`);
  return n;
}

/** `work`, or a DeadlineError saying `what` did not finish within `ms` (the work itself is abandoned, not stopped). */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`Neo4j did not answer ${what} within ${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`)), ms);
    timer.unref();
  });
  work.catch(() => {}); // abandoned work may fail later; nobody waits for it then
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
