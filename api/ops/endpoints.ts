/**
 * Operations endpoints beside /graphql:
 *   GET /health   liveness: 200 while the process serves, Neo4j's state in the body
 *   GET /ready    readiness: 200 when Neo4j answers and the schema is applied, else 503 saying what is missing
 *   GET /metrics  Prometheus text format (api/ops/metrics.ts)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Driver } from 'neo4j-driver';
import { expectedSchemaNames, schemaStateQuery } from '../../graph/queries/schema-state.ts';
import { runInOneRoundTrip } from '../../graph/queries/run.ts';
import type { Neo4jMonitor } from '../plugins/neo4jAvailability.ts';
import type { Metrics } from './metrics.ts';
import { sendJson } from '../http.ts';

export const READY_PATH = '/ready';
export const METRICS_PATH = '/metrics';

export interface OpsEndpoints {
  driver: Driver;
  database?: string;
  monitor: Neo4jMonitor;
  metrics: Metrics;
}

/** /ready's answer: never cached, it says how things are now. */
function sendStatus(res: ServerResponse, status: number, value: unknown): void {
  sendJson(res, status, value, { 'cache-control': 'no-store' });
}

/** Handles /ready and /metrics; false for any other path. */
export async function handleOps(req: IncomingMessage, res: ServerResponse, pathname: string, ops: OpsEndpoints): Promise<boolean> {
  if (pathname === READY_PATH) {
    await ready(res, ops);
    return true;
  }
  if (pathname === METRICS_PATH) {
    const text = await ops.metrics.registry.metrics();
    res.writeHead(200, { 'content-type': ops.metrics.registry.contentType, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : text);
    return true;
  }
  return false;
}

async function ready(res: ServerResponse, { driver, database, monitor }: OpsEndpoints): Promise<void> {
  const neo4j = await monitor.probe();
  if (!neo4j.available) {
    res.setHeader('retry-after', '2');
    return sendStatus(res, 503, { status: 'not ready', neo4j: { available: false, error: neo4j.error }, schema: null });
  }
  let online: string[];
  try {
    online = ((await runInOneRoundTrip(driver, database, schemaStateQuery()))[0]?.online as string[]) ?? [];
  } catch (error) {
    res.setHeader('retry-after', '2');
    return sendStatus(res, 503, { status: 'not ready', neo4j: { available: true }, schema: { error: (error as Error).message } });
  }
  const missing = expectedSchemaNames().filter((n) => !online.includes(n));
  const body = { status: missing.length ? 'not ready' : 'ready', neo4j: { available: true }, schema: { applied: missing.length === 0, missing } };
  if (missing.length) res.setHeader('retry-after', '5');
  sendStatus(res, missing.length ? 503 : 200, body);
}
