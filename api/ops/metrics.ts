/**
 * Prometheus metrics at /metrics (prom-client, a registry per server so tests can run several):
 * GraphQL requests and latencies by operation and outcome, response-cache hits and misses, whether
 * Neo4j answers, plus Node's process metrics.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ResponseCacheStats } from '../plugins/responseCache.ts';
import { ErrorCode } from '../common/error-codes.ts';

export interface MetricSources {
  neo4jAvailable(): boolean;
  cacheStats?(): ResponseCacheStats;
}

export interface Metrics {
  registry: Registry;
  plugin: ApolloServerPlugin;
}

/** Operation names come from clients: only well-formed ones, and at most this many, become labels. */
const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function createMetrics(sources: MetricSources): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'plangraph_' });
  const requests = new Counter({
    name: 'plangraph_graphql_requests_total',
    help: 'GraphQL requests by operation name, operation type and outcome (ok, or the first error code).',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'plangraph_graphql_request_duration_seconds',
    help: 'Time from request to response, by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  new Gauge({
    name: 'plangraph_neo4j_up',
    help: '1 while Neo4j answers, 0 while the server answers SERVICE_UNAVAILABLE.',
    registers: [registry],
    collect() {
      this.set(sources.neo4jAvailable() ? 1 : 0);
    },
  });
  if (sources.cacheStats) {
    const stats = sources.cacheStats;
    const seen = { hits: 0, misses: 0 };
    const counter = (key: 'hits' | 'misses', help: string) =>
      new Counter({
        name: `plangraph_response_cache_${key}_total`,
        help,
        registers: [registry],
        collect() {
          const now = stats()[key];
          if (now > seen[key]) this.inc(now - seen[key]);
          seen[key] = now;
        },
      });
    counter('hits', 'Answers served from the response cache.');
    counter('misses', 'Answers computed and kept by the response cache.');
    new Gauge({ name: 'plangraph_response_cache_entries', help: 'Answers kept.', registers: [registry], collect() { this.set(stats().entries); } });
    new Gauge({ name: 'plangraph_response_cache_bytes', help: 'Memory the kept answers take.', registers: [registry], collect() { this.set(stats().bytes); } });
  }

  const labelled = new Set<string>();
  const operationLabel = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (labelled.has(name)) return name;
    if (labelled.size >= MAX_OPERATION_LABELS) return 'other';
    labelled.add(name);
    return name;
  };

  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          const op = operationLabel(operationName ?? operation?.name?.value);
          const type = operation?.operation ?? 'invalid';
          const outcome = errors?.length ? String(errors[0]!.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR) : 'ok';
          requests.inc({ operation: op, type, outcome });
          latency.observe({ operation: op, type }, (performance.now() - started) / 1000);
        },
      };
    },
  };
  return { registry, plugin };
}
