/**
 * The graph's watermark for caches: PlanGraph's version stamp, the last committed transaction
 * (the read's bookmark, so direct Cypher edits in Neo4j Browser count) and the number of plans
 * (prices `plans` in the cost estimate). One cheap read shared by concurrent callers, never older
 * than the caller (FreshRead).
 */
import type { Driver } from 'neo4j-driver';
import { graphWatermarkQuery } from '../../graph/queries/graph-watermark.ts';
import { runReadWithBookmark } from '../../graph/queries/run.ts';
import { FreshRead } from './freshRead.ts';

export interface Watermark {
  /** PlanGraph's version stamp; null when nothing was written by PlanGraph. */
  version: string | null;
  /** Neo4j's last committed transaction, as the read's bookmark. */
  bookmark: string;
  plans: number;
}

export class GraphWatermark {
  private readonly fresh: FreshRead<Watermark>;

  constructor(driver: Driver, database?: string) {
    this.fresh = new FreshRead(async () => {
      const { rows, bookmark } = await runReadWithBookmark(driver, database, graphWatermarkQuery());
      return { version: (rows[0]?.version as string | null) ?? null, bookmark, plans: Number(rows[0]?.plans ?? 0) };
    });
  }

  get reads(): number {
    return this.fresh.reads;
  }

  read(): Promise<Watermark> {
    return this.fresh.read();
  }

  /** The response cache's key: null (do not cache) without a PlanGraph version. */
  async cacheVersion(): Promise<string | null> {
    const w = await this.read();
    return w.version === null ? null : `${w.version}@${w.bookmark}`;
  }

  async listSizes(): Promise<Readonly<Record<string, number>>> {
    return { 'Query.plans': (await this.read()).plans };
  }
}
