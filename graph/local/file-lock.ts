/**
 * A lock file that several processes of this machine take in turn (e.g. `npm start` and
 * `npm test` both fetching Neo4j with Maven on a fresh clone: two Mavens copying the same jars
 * into lib/ at once fail). The file holds the holder's pid; a lock whose holder has died is
 * taken over, so a killed fetch never blocks the next one. Synchronous, like the fetch it guards.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

type LockOptions = { timeoutMs?: number; pollMs?: number; onWait?: (holder: number) => void };

/** Runs fn while holding the lock file `file`; waits for another live holder up to timeoutMs. */
export function withFileLock<T>(file: string, fn: () => T, opts: LockOptions = {}): T {
  const wait = waiter(file, opts);
  for (let holder = tryAcquire(file); holder !== undefined; holder = tryAcquire(file)) sleepSync(wait(holder));
  try {
    return fn();
  } finally {
    rmSync(file, { force: true });
  }
}

/** withFileLock for work that awaits (the Maven fetch, its output read as it comes): waiting lets timers run. */
export async function withFileLockAsync<T>(file: string, fn: () => Promise<T>, opts: LockOptions = {}): Promise<T> {
  const wait = waiter(file, opts);
  for (let holder = tryAcquire(file); holder !== undefined; holder = tryAcquire(file)) {
    const ms = wait(holder);
    await new Promise((r) => setTimeout(r, ms));
  }
  try {
    return await fn();
  } finally {
    rmSync(file, { force: true });
  }
}

/** Says the wait once, throws past the deadline, else gives the time to wait before trying again. */
function waiter(file: string, opts: LockOptions): (holder: number) => number {
  const deadline = Date.now() + (opts.timeoutMs ?? 15 * 60_000);
  let told = false;
  return (holder) => {
    if (Date.now() > deadline) throw new LockTimeoutError(`${file} is held by process ${holder}, which has not released it in time`);
    if (!told) opts.onWait?.(holder);
    told = true;
    return opts.pollMs ?? 250;
  };
}

/** Takes the lock (undefined), or says which live process holds it. A dead holder's lock is taken over. */
function tryAcquire(file: string): number | undefined {
  for (;;) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return undefined;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(file, 'utf8').trim());
    } catch {
      continue; // released between our attempt and the read: try again at once
    }
    if (!isAlive(holder)) {
      rmSync(file, { force: true });
      continue;
    }
    return holder;
  }
}
