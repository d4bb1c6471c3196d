/**
 * Shared by the server, abuse and resilience tests: a real PlanGraph server on a free port
 * over a real Neo4j, and a small GraphQL-over-HTTP client.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import { testNeo4j } from '../support/neo4j.ts';
import { loadPaths } from '../../load/load-paths.ts';
import { startServer, type StartServerOptions } from '../../api/server.ts';
import { createDriver } from '../../graph/connection.ts';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

/** The Neo4j of the test run (tests/setup/global-setup.ts chose it). */
export function testConnection(): Neo4jConnection {
  const { uri, user, password, database } = testNeo4j();
  return { uri, user, password, database };
}

export function servingDriver(conn: Neo4jConnection): Driver {
  return createDriver(conn, { profile: 'serve', userAgent: 'plangraph-tests' });
}

export interface TestServer {
  /** The GraphQL endpoint. */
  url: string;
  /** http://host:port (no path). */
  origin: string;
  driver: Driver;
  database?: string;
  close(): Promise<void>;
  /** The running server's own handle (cache statistics). */
  server: Awaited<ReturnType<typeof startServer>>;
}

/** Starts the real PlanGraph server (real schema unless given) on a free port. */
export async function startTestServer(
  options: Partial<StartServerOptions> & { connection?: Neo4jConnection } = {},
): Promise<TestServer> {
  const conn = options.connection ?? testConnection();
  const driver = options.driver ?? servingDriver(conn);
  const server = await startServer({ ...options, driver, database: options.database ?? conn.database, port: 0 });
  return {
    url: server.url,
    origin: new URL(server.url).origin,
    driver,
    database: options.database ?? conn.database,
    server,
    async close() {
      await server.close();
      if (!options.driver) await driver.close();
    },
  };
}

export interface GraphQLReply {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, any> | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  };
}

/** POSTs a GraphQL request as JSON, the way GraphiQL and most clients do. */
export async function gql(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLReply> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: GraphQLReply['body'];
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`non-JSON reply (${res.status}): ${text.slice(0, 300)}`);
  }
  return { status: res.status, headers: res.headers, body };
}

export function codes(reply: GraphQLReply): string[] {
  return (reply.body.errors ?? []).map((e) => String(e.extensions?.code));
}

/**
 * Counts and a digest of every node's labels and properties and every relationship:
 * equal fingerprints mean nothing was written.
 */
export async function graphFingerprint(driver: Driver, database?: string): Promise<{ nodes: number; relationships: number; digest: string }> {
  const query = (cypher: string) => driver.executeQuery(cypher, {}, { database, routing: neo4j.routing.READ });
  const nodes = await query('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
  const rels = await query('MATCH (a)-[r]->(b) RETURN type(r) AS type, elementId(a) AS a, elementId(b) AS b, properties(r) AS props');
  const lines = [
    ...nodes.records.map((r) => stable([[...r.get('labels')].sort(), r.get('props')])),
    ...rels.records.map((r) => stable([r.get('type'), r.get('a'), r.get('b'), r.get('props')])),
  ].sort();
  return {
    nodes: nodes.records.length,
    relationships: rels.records.length,
    digest: createHash('sha256').update(lines.join('\n')).digest('hex'),
  };
}

/** JSON with object keys sorted and driver integers as strings, so equal graphs give equal text. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (neo4j.isInt(v)) return v.toString();
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)));
    return v;
  });
}

/** The seed documents (seeds/*, as listed in seeds/manifest.json). */
export function seedPaths(): string[] {
  const dir = fileURLToPath(new URL('../../seeds/', import.meta.url));
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { documents: { file: string }[] };
  return manifest.documents.map((d) => path.join(dir, d.file));
}

/** Loads every seed document through the real pipeline and writer; fails loudly if one fails. */
export async function loadSeeds(driver: Driver, database?: string): Promise<void> {
  const summary = await loadPaths(driver, seedPaths(), { database });
  const failed = summary.documents.filter((d) => d.status === 'failed');
  if (failed.length) throw new Error(`seeds failed to load: ${failed.map((d) => `${d.document}: ${d.reason}`).join('; ')}`);
}
