import { describe, expect, it } from 'vitest';
import { FreshRead } from './freshRead.ts';

/** A fetch whose answers the test releases one at a time; each answer is the read's number. */
function controlledFetch() {
  const pending: (() => void)[] = [];
  let sent = 0;
  const fetch = () => {
    const n = ++sent;
    return new Promise<number>((resolve) => pending.push(() => resolve(n)));
  };
  return { fetch, release: () => pending.shift()!(), get sent() { return sent; } };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('FreshRead', () => {
  it('never gives a caller a read that was sent before it asked, and shares the next one', async () => {
    const db = controlledFetch();
    const reads = new FreshRead(db.fetch);
    const first = reads.read(); // sends read 1
    const late = [reads.read(), reads.read(), reads.read()]; // arrive while read 1 is in flight
    expect(db.sent).toBe(1);
    db.release();
    expect(await first).toBe(1);
    await tick();
    expect(db.sent).toBe(2); // one read for all three late callers
    db.release();
    expect(await Promise.all(late)).toEqual([2, 2, 2]);
    expect(reads.reads).toBe(2);
  });

  it('starts a new read for a caller arriving after the last one finished', async () => {
    const db = controlledFetch();
    const reads = new FreshRead(db.fetch);
    const a = reads.read();
    db.release();
    expect(await a).toBe(1);
    const b = reads.read();
    db.release();
    expect(await b).toBe(2);
  });

  it('passes a failed read to the callers that shared it, and reads again afterwards', async () => {
    let fail = true;
    const reads = new FreshRead(async () => {
      if (fail) throw new Error('Neo4j down');
      return 'v1';
    });
    await expect(reads.read()).rejects.toThrow('Neo4j down');
    fail = false;
    expect(await reads.read()).toBe('v1');
  });
});
