import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LockTimeoutError, withFileLock } from './file-lock.ts';

const dirs: string[] = [];
function lockFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'plangraph-lock-'));
  dirs.push(dir);
  return path.join(dir, '.fetch.lock');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A child process that takes the lock file itself and holds it for holdMs; `released` is the time it read just before removing it. */
function holder(file: string, holdMs: number): Promise<{ released: Promise<number> }> {
  const script = `require('fs').writeFileSync(${JSON.stringify(file)}, process.pid + '\\n', { flag: 'wx' }); console.log('held'); setTimeout(() => { const at = Date.now(); require('fs').rmSync(${JSON.stringify(file)}); console.log('released ' + at); }, ${holdMs});`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  return new Promise((resolve) => {
    const released = new Promise<number>((done) => child.on('exit', () => done(Number(/released (\d+)/.exec(out)?.[1]))));
    child.stdout.on('data', (b) => {
      out += b;
      if (out.includes('held')) resolve({ released });
    });
  });
}

describe('withFileLock', () => {
  it('holds the file with its pid while fn runs and removes it after, also when fn throws', () => {
    const file = lockFile();
    expect(withFileLock(file, () => readFileSync(file, 'utf8').trim())).toBe(String(process.pid));
    expect(existsSync(file)).toBe(false);
    expect(() => withFileLock(file, () => { throw new Error('maven failed'); })).toThrow('maven failed');
    expect(existsSync(file)).toBe(false);
  });

  it('takes over a lock whose holder has died', () => {
    const file = lockFile();
    writeFileSync(file, '999999999\n'); // no such process
    expect(withFileLock(file, () => 'ran')).toBe('ran');
  });

  it('waits for a live holder in another process and runs after it released', async () => {
    const file = lockFile();
    const other = await holder(file, 800);
    let waitedFor: number | undefined;
    const ranAt = withFileLock(file, () => Date.now(), { pollMs: 20, onWait: (pid) => (waitedFor = pid) });
    const releasedAt = await other.released;
    expect(waitedFor).toBeGreaterThan(0);
    expect(ranAt).toBeGreaterThanOrEqual(releasedAt);
  });

  it('gives up with a clear error when the holder keeps it past the timeout', async () => {
    const file = lockFile();
    const other = await holder(file, 1500);
    expect(() => withFileLock(file, () => 'ran', { timeoutMs: 200, pollMs: 20 })).toThrow(LockTimeoutError);
    expect(() => withFileLock(file, () => 'ran', { timeoutMs: 200, pollMs: 20 })).toThrow(/held by process \d+/);
    await other.released;
  });
});
