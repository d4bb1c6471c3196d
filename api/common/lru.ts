/**
 * A least-recently-used map bounded both by entry count and by total size (the caller says
 * how big each value is): many small answers or a few large ones, never more than either bound.
 */
export interface LruBounds {
  maxEntries: number;
  maxBytes: number;
}

export class BoundedLru<V> {
  // A Map iterates in insertion order: re-inserting on use keeps the least recent first.
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private totalBytes = 0;

  constructor(private readonly bounds: LruBounds) {}

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
    this.entries.set(key, { value, bytes });
    this.totalBytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.bounds.maxEntries && this.totalBytes <= this.bounds.maxBytes) break;
      this.entries.delete(oldest);
      this.totalBytes -= entry.bytes;
    }
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
  }
}
