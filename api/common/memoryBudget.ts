/**
 * One byte budget shared by every cache of a server (response answers, variable-limit verdicts,
 * parsed documents, persisted queries): each cache keeps its own bound, and together they never
 * hold more than the budget. When a cache needs room the budget takes it from the cache that holds
 * the most, least recently used entries first, so a flood of one kind (distinct query texts)
 * squeezes the others instead of growing the heap.
 */
export interface BudgetMember {
  /** Bytes this cache holds now. */
  readonly bytes: number;
  /** Drops the least recently used entry; false when empty. */
  evictOldest(): boolean;
}

export class MemoryBudget {
  private readonly members = new Set<BudgetMember>();
  private usedBytes = 0;

  constructor(readonly maxBytes: number) {}

  get used(): number {
    return this.usedBytes;
  }

  join(member: BudgetMember): void {
    this.members.add(member);
  }

  /** Makes room for `bytes` more (evicting across members); false when they could never fit. */
  reserve(bytes: number): boolean {
    if (bytes > this.maxBytes) return false;
    while (this.usedBytes + bytes > this.maxBytes) {
      let largest: BudgetMember | undefined;
      for (const m of this.members) if (m.bytes > 0 && (!largest || m.bytes > largest.bytes)) largest = m;
      if (!largest || !largest.evictOldest()) return false;
    }
    this.usedBytes += bytes;
    return true;
  }

  release(bytes: number): void {
    this.usedBytes = Math.max(0, this.usedBytes - bytes);
  }
}

/** Environment variable: the megabytes all of a server's caches may hold together (default 128). */
export const CACHE_BUDGET_MB_ENV = 'PLANGRAPH_CACHE_BUDGET_MB';
export const DEFAULT_CACHE_BUDGET_BYTES = 128 * 1024 * 1024;
