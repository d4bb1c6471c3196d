/**
 * A least-recently-used map bounded both by entry count and by total size (the caller says
 * how big each value is): many small answers or a few large ones, never more than either bound.
 */
import type { BudgetMember, MemoryBudget } from './memoryBudget.ts';

export interface LruBounds {
  maxEntries: number;
  maxBytes: number;
}

export class BoundedLru<V> implements BudgetMember {
  // A Map iterates in insertion order: re-inserting on use keeps the least recent first.
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private totalBytes = 0;

  /** With a budget, every byte held is also charged to it (api/common/memoryBudget.ts). */
  constructor(
    private readonly bounds: LruBounds,
    private readonly budget?: MemoryBudget,
  ) {
    budget?.join(this);
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores the value unless it alone is larger than the byte bound; evicts the least recent to make room. */
  set(key: string, value: V, bytes: number): boolean {
    this.delete(key);
    if (bytes > this.bounds.maxBytes || this.bounds.maxEntries < 1) return false;
    if (this.budget && !this.budget.reserve(bytes)) return false;
    this.entries.set(key, { value, bytes });
    this.totalBytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.bounds.maxEntries && this.totalBytes <= this.bounds.maxBytes) break;
      this.drop(oldest, entry.bytes);
    }
    return true;
  }

  evictOldest(): boolean {
    for (const [oldest, entry] of this.entries) {
      this.drop(oldest, entry.bytes);
      return true;
    }
    return false;
  }

  private drop(key: string, bytes: number): void {
    this.entries.delete(key);
    this.totalBytes -= bytes;
    this.budget?.release(bytes);
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.drop(key, entry.bytes);
  }

  clear(): void {
    this.budget?.release(this.totalBytes);
    this.entries.clear();
    this.totalBytes = 0;
  }
}
