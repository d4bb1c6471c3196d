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

/** Runs fn while holding the lock file `file`; waits for another live holder up to timeoutMs. */
export function withFileLock<T>(file: string, fn: () => T, opts: { timeoutMs?: number; pollMs?: number; onWait?: (holder: number) => void } = {}): T {
  const deadline = Date.now() + (opts.timeoutMs ?? 15 * 60_000);
  let told = false;
  for (;;) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      break;
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
    if (Date.now() > deadline) throw new LockTimeoutError(`${file} is held by process ${holder}, which has not released it in time`);
    if (!told) opts.onWait?.(holder);
    told = true;
    sleepSync(opts.pollMs ?? 250);
  }
  try {
    return fn();
  } finally {
    rmSync(file, { force: true });
  }
}
