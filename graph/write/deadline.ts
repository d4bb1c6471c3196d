/**
 * Bounded waits for the loader. A Neo4j that stops answering (frozen, a network that drops
 * packets silently) never fails a Bolt request: the driver waits on the socket for ever. With a
 * deadline, the first write that passes it marks Neo4j unavailable and the rest of the load fails
 * fast (load/load-paths.ts); `plangraph load` then closes the driver within a bound too. The
 * deadline of a write, PLANGRAPH_WRITE_TIMEOUT_MS, is read in config/load.ts.
 */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
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
