import { describe, expect, it } from 'vitest';
import { BoundedLru } from './lru.ts';

describe('BoundedLru', () => {
  it('evicts the least recently used entry when the entry bound is passed', () => {
    const lru = new BoundedLru<string>({ maxEntries: 2, maxBytes: 1000 });
    lru.set('a', 'A', 1);
    lru.set('b', 'B', 1);
    expect(lru.get('a')).toBe('A'); // a is now more recent than b
    lru.set('c', 'C', 1);
    expect(lru.get('b')).toBeUndefined();
    expect([lru.get('a'), lru.get('c')]).toEqual(['A', 'C']);
    expect(lru.size).toBe(2);
  });

  it('evicts as many old entries as it takes to stay within the byte bound', () => {
    const lru = new BoundedLru<string>({ maxEntries: 100, maxBytes: 10 });
    lru.set('a', 'A', 4);
    lru.set('b', 'B', 4);
    lru.set('c', 'C', 8);
    expect(lru.get('a')).toBeUndefined();
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('c')).toBe('C');
    expect(lru.bytes).toBe(8);
  });

  it('refuses a value larger than the whole byte bound and keeps what it had', () => {
    const lru = new BoundedLru<string>({ maxEntries: 100, maxBytes: 10 });
    lru.set('a', 'A', 4);
    expect(lru.set('huge', 'H', 11)).toBe(false);
    expect(lru.get('huge')).toBeUndefined();
    expect(lru.get('a')).toBe('A');
  });

  it('replacing a key counts its bytes once', () => {
    const lru = new BoundedLru<string>({ maxEntries: 10, maxBytes: 10 });
    lru.set('a', 'A', 6);
    lru.set('a', 'A2', 7);
    expect(lru.bytes).toBe(7);
    expect(lru.get('a')).toBe('A2');
    lru.clear();
    expect([lru.size, lru.bytes]).toEqual([0, 0]);
  });
});

describe('BoundedLru under a shared MemoryBudget', () => {
  it('keeps several caches together within the budget, taking room from the largest', async () => {
    const { MemoryBudget } = await import('./memoryBudget.ts');
    const budget = new MemoryBudget(100);
    const answers = new BoundedLru<string>({ maxEntries: 100, maxBytes: 80 }, budget);
    const verdicts = new BoundedLru<string>({ maxEntries: 100, maxBytes: 80 }, budget);
    for (let i = 0; i < 8; i++) answers.set(`a${i}`, 'A', 10);
    expect(budget.used).toBe(80);
    // A flood into the second cache squeezes the first, never past the budget.
    for (let i = 0; i < 50; i++) verdicts.set(`v${i}`, 'V', 10);
    expect(budget.used).toBeLessThanOrEqual(100);
    expect(answers.bytes + verdicts.bytes).toBe(budget.used);
    expect(verdicts.bytes).toBeLessThanOrEqual(80);
    expect(answers.get('a0')).toBeUndefined(); // the oldest answers went first
    verdicts.clear();
    expect(budget.used).toBe(answers.bytes);
  });
});
