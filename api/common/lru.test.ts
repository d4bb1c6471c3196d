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
