/**
 * Per-request batching: every nested field that needs the database goes through a loader
 * keyed by parent id, so one GraphQL request level runs one query per field, however many
 * parents it has. Loaders for fields with arguments are keyed by the arguments as well.
 */
import DataLoader from 'dataloader';
import type { CypherQuery } from '../../graph/queries/cypher.ts';
import type { PlainRow } from '../../graph/queries/run.ts';

export type RunQuery = (query: CypherQuery) => Promise<PlainRow[]>;

export class Loaders {
  private readonly byKey = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly run: RunQuery) {}

  /**
   * A loader over a batched query whose rows carry `id` (the parent id); `fromRow` turns a
   * row into the value, `missing` is the value for parents with no row.
   */
  batch<V>(key: string, query: (ids: readonly string[]) => CypherQuery, fromRow: (row: PlainRow) => V, missing: () => V): DataLoader<string, V> {
    let loader = this.byKey.get(key) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(async (ids) => {
        const rows = await this.run(query(ids));
        const found = new Map(rows.map((r) => [r.id as string, fromRow(r)]));
        return ids.map((id) => (found.has(id) ? (found.get(id) as V) : missing()));
      });
      this.byKey.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  /** Neighbour lists (`{ id, items }` rows). */
  list<T = PlainRow>(key: string, query: (ids: readonly string[]) => CypherQuery): DataLoader<string, T[]> {
    return this.batch(key, query, (r) => r.items as T[], () => []);
  }

  /** A single neighbour (the first item), or null. */
  one<T = PlainRow>(key: string, query: (ids: readonly string[]) => CypherQuery): DataLoader<string, T | null> {
    return this.batch(key, query, (r) => ((r.items as T[])[0] ?? null), () => null);
  }
}
