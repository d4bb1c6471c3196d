/**
 * A least-recently-used map bounded both by entry count and by total size (the caller says
 * how big each value is): many small answers or a few large ones, never more than either bound.
 * lru-cache keeps the order and both bounds; this adds what it has no notion of: a MemoryBudget
 * shared by several caches (api/common/memoryBudget.ts), charged for every byte held.
 */
import { LRUCache } from 'lru-cache';
import type { BudgetMember, MemoryBudget } from './memoryBudget.ts';

export interface LruBounds {
  maxEntries: number;
  maxBytes: number;
}

export class BoundedLru<V extends {}> implements BudgetMember {
  /** Undefined when the bounds allow no entry at all (lru-cache needs max ≥ 1 and maxSize ≥ 1). */
  private readonly cache: LRUCache<string, V> | undefined;

  /** With a budget, every byte held is also charged to it. */
  constructor(
    private readonly bounds: LruBounds,
    private readonly budget?: MemoryBudget,
  ) {
    if (bounds.maxEntries >= 1 && bounds.maxBytes >= 1) {
      this.cache = new LRUCache<string, V>({
        max: bounds.maxEntries,
        maxSize: bounds.maxBytes,
        // Every way an entry leaves (evicted, deleted, replaced, cleared) gives its bytes back.
        dispose: (_value, key) => this.forget(key),
      });
    }
    budget?.join(this);
  }

  // The bytes each key was charged. lru-cache counts sizes of 1 or more and does not hand an
  // entry's size to dispose, so the exact figures (0 included) are kept here.
  private readonly sizes = new Map<string, number>();
  private totalBytes = 0;

  get size(): number {
    return this.cache?.size ?? 0;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  get(key: string): V | undefined {
    return this.cache?.get(key);
  }

  /** Stores the value unless it alone is larger than the byte bound; evicts the least recent to make room. */
  set(key: string, value: V, bytes: number): boolean {
    this.delete(key);
    if (!this.cache || bytes > this.bounds.maxBytes) return false;
    if (this.budget && !this.budget.reserve(bytes)) return false;
    this.sizes.set(key, bytes);
    this.totalBytes += bytes;
    this.cache.set(key, value, { size: Math.max(1, bytes) });
    return true;
  }

  evictOldest(): boolean {
    return this.cache?.pop() !== undefined;
  }

  delete(key: string): void {
    this.cache?.delete(key);
  }

  private forget(key: string): void {
    const bytes = this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
    this.totalBytes -= bytes;
    this.budget?.release(bytes);
  }

  clear(): void {
    this.cache?.clear();
  }
}
