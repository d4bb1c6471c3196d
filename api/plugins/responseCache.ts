/**
 * Whole-answer cache. The API is read-only and the graph changes only when documents are loaded,
 * each load stamping a fresh graph version in its own transaction (graph/write/version.ts). So an
 * answer is keyed by (graph version, query document hash, operation name, variables) and reused
 * until the version changes. The server's version (api/common/graphWatermark.ts) includes Neo4j's
 * last committed transaction too, so a direct Cypher edit (Neo4j Browser) invalidates answers as a
 * load does: the version is read from Neo4j for every request, after the request
 * arrived (api/common/freshRead.ts), so an answer given after a load has committed is never one
 * computed before it. Limits and availability checks still run on every request (they run in
 * didResolveOperation, before the cache answers); only successful answers are kept; a Neo4j that
 * does not answer the version read gives SERVICE_UNAVAILABLE, as any query would.
 *
 * Not cached: introspection-only operations (they need no Neo4j), mutations, and anything while
 * the graph has no version (nothing written by PlanGraph since it was created or cleared).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { DEFAULT_RESPONSE_CACHE } from '../../config/api.ts';
import { canonicalJson } from '../../graph/canonical-json.ts';
import { BoundedLru, type LruBounds } from '../common/lru.ts';
import { FreshRead } from '../common/freshRead.ts';
import type { MemoryBudget } from '../common/memoryBudget.ts';

export const CACHE_HEADER = 'x-plangraph-cache';

export interface ResponseCacheOptions extends LruBounds {
  enabled: boolean;
}

export interface ResponseCacheStats {
  hits: number;
  misses: number;
  /** Requests the cache could not serve nor keep (no graph version, introspection, mutation). */
  bypassed: number;
  versionReads: number;
  entries: number;
  bytes: number;
}

export interface ResponseCache {
  plugin: ApolloServerPlugin;
  stats(): ResponseCacheStats;
}

type CachedResult = { data: Record<string, unknown> };

function onlyIntrospection(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'));
}

/**
 * `readVersion` returns the graph's current version, or null when it has none; it throws when
 * Neo4j does not answer (the error then fails the request like any Neo4j error).
 */
export function createResponseCache(readVersion: () => Promise<string | null>, bounds: LruBounds = DEFAULT_RESPONSE_CACHE, budget?: MemoryBudget): ResponseCache {
  const entries = new BoundedLru<CachedResult>(bounds, budget);
  const versions = new FreshRead(readVersion);
  let lastVersion: string | null = null;
  const counts = { hits: 0, misses: 0, bypassed: 0 };

  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      let key: string | undefined;
      let hit = false;
      return {
        async didResolveOperation({ operation, operationName, queryHash, request }) {
          if (!operation || operation.operation !== 'query' || onlyIntrospection(operation)) {
            counts.bypassed++;
            return;
          }
          const version = await versions.read();
          if (version === null) {
            counts.bypassed++;
            return;
          }
          // Answers of older versions can never be asked for again: drop them at once.
          if (version !== lastVersion) {
            entries.clear();
            lastVersion = version;
          }
          // Variables with object keys sorted, so the same values in another order share an entry.
          key = `${version}\n${queryHash}\n${operationName ?? ''}\n${canonicalJson(request.variables ?? {})}`;
        },
        async responseForOperation() {
          if (key === undefined) return null;
          const cached = entries.get(key);
          if (!cached) {
            counts.misses++;
            return null;
          }
          counts.hits++;
          hit = true;
          return { http: { status: undefined, headers: new HeaderMap([[CACHE_HEADER, 'hit']]) }, body: { kind: 'single', singleResult: cached } };
        },
        async willSendResponse({ response, errors }) {
          if (key === undefined || hit) return;
          response.http.headers.set(CACHE_HEADER, 'miss');
          const body = response.body;
          if (errors?.length || body.kind !== 'single' || body.singleResult.errors || !body.singleResult.data) return;
          if ((response.http.status ?? 200) !== 200) return;
          const result: CachedResult = { data: body.singleResult.data };
          // UTF-16 length of the JSON: close enough to what it holds in memory, cheap to count.
          entries.set(key, result, JSON.stringify(result).length * 2);
        },
      };
    },
  };

  return {
    plugin,
    stats: () => ({ ...counts, versionReads: versions.reads, entries: entries.size, bytes: entries.bytes }),
  };
}
