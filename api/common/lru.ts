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

/** What the cache holds per key: the value and the bytes charged for it (lru-cache hands dispose the entry, not its size). */
interface Entry<V> {
  value: V;
  bytes: number;
}

export class BoundedLru<V> implements BudgetMember {
  /** Undefined when the bounds allow no entry at all (lru-cache needs max ≥ 1 and maxSize ≥ 1). */
  private readonly cache: LRUCache<string, Entry<V>> | undefined;
  // Exact bytes held: lru-cache counts an entry as at least 1, and a 0-byte entry is 0 here.
  private totalBytes = 0;

  /** With a budget, every byte held is also charged to it. */
  constructor(
    private readonly bounds: LruBounds,
    private readonly budget?: MemoryBudget,
  ) {
    if (bounds.maxEntries >= 1 && bounds.maxBytes >= 1) {
      this.cache = new LRUCache<string, Entry<V>>({
        max: bounds.maxEntries,
        maxSize: bounds.maxBytes,
        // Every way an entry leaves (evicted, deleted, replaced, cleared) gives its bytes back.
        dispose: (entry) => {
          this.totalBytes -= entry.bytes;
          this.budget?.release(entry.bytes);
        },
      });
    }
    budget?.join(this);
  }

  get size(): number {
    return this.cache?.size ?? 0;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  get(key: string): V | undefined {
    return this.cache?.get(key)?.value;
  }

  /** Stores the value unless it alone is larger than the byte bound; evicts the least recent to make room. */
  set(key: string, value: V, bytes: number): boolean {
    this.delete(key);
    if (!this.cache || bytes > this.bounds.maxBytes) return false;
    if (this.budget && !this.budget.reserve(bytes)) return false;
    this.totalBytes += bytes;
    this.cache.set(key, { value, bytes }, { size: Math.max(1, bytes) });
    return true;
  }

  evictOldest(): boolean {
    return this.cache?.pop() !== undefined;
  }

  delete(key: string): void {
    this.cache?.delete(key);
  }

  clear(): void {
    this.cache?.clear();
  }
}
