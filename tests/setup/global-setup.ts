/**
 * Vitest globalSetup for the integration tests: finds a real Neo4j 5.26, applies the schema and
 * hands the connection to the tests (`inject('neo4j')`; tests/setup/neo4j-env.ts also exports it
 * as NEO4J_URI & co. inside each test worker). In order:
 *   1. NEO4J_URI (+ NEO4J_USER / NEO4J_PASSWORD) from the environment;
 *   2. a container engine, if one answers: @testcontainers/neo4j with neo4j:5.26-community;
 *   3. the local launcher (graph/neo4j-server) on free ports with a throw-away data directory.
 * PLANGRAPH_TEST_NEO4J=env|container|launcher forces one. Whatever it starts, it stops.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connectionFromEnv, transactionMemory } from '../../config/neo4j.ts';
import { openDriver, serverVersion } from '../../graph/connection.ts';
import { freePort, launch, LUCENE_MERGE_FACTOR } from '../../graph/local/launcher.ts';
import { applySchema } from '../../graph/schema.ts';
import type { TestNeo4j } from '../support/neo4j.ts';

type Started = { neo4j: Omit<TestNeo4j, 'version'>; stop: () => Promise<void>; detail: string };

const say = (line: string) => console.log(`[plangraph tests] ${line}`);

async function fromEnv(): Promise<Started | undefined> {
  const conn = connectionFromEnv();
  if (!conn) return undefined;
  return {
    neo4j: { mode: 'env', uri: conn.uri, user: conn.user, password: conn.password, database: conn.database },
    stop: async () => {},
    detail: `NEO4J_URI=${conn.uri} (integration tests DELETE everything in ${conn.database ?? 'its default database'})`,
  };
}

async function fromContainer(required: boolean): Promise<Started | undefined> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
  } catch (err) {
    if (required) throw new Error(`PLANGRAPH_TEST_NEO4J=container but no container engine answers: ${(err as Error).message}`);
    return undefined;
  }
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const password = randomBytes(12).toString('hex');
  const t0 = Date.now();
  // Full-text merge factor as the local launcher sets it.
  const container = await new Neo4jContainer('neo4j:5.26-community')
    .withPassword(password)
    .withEnvironment({
      NEO4J_internal_dbms_index_lucene_merge__factor: String(LUCENE_MERGE_FACTOR),
      NEO4J_db_memory_transaction_max: transactionMemory(),
      NEO4J_dbms_security_http__access__control__allow__origin: 'http://127.0.0.1:7474',
    })
    .start();
  return {
    neo4j: {
      mode: 'container',
      uri: container.getBoltUri(),
      user: 'neo4j',
      password,
      httpUrl: container.getHttpUri(),
      browserUrl: `${container.getHttpUri()}/browser/`,
    },
    stop: async () => {
      await container.stop();
    },
    detail: `container neo4j:5.26-community at ${container.getBoltUri()}, started in ${((Date.now() - t0) / 1000).toFixed(1)}s`,
  };
}

async function fromLauncher(): Promise<Started> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'plangraph-test-neo4j-'));
  const password = randomBytes(12).toString('hex');
  const boltPort = await freePort();
  let httpPort = await freePort();
  while (httpPort === boltPort) httpPort = await freePort();
  let server;
  try {
    server = await launch({ home, boltPort, httpPort, password, heap: '768m', pageCache: '128m' });
  } catch (err) {
    rmSync(home, { recursive: true, force: true });
    throw err;
  }
  const httpUrl = `http://127.0.0.1:${httpPort}`;
  return {
    neo4j: { mode: 'launcher', uri: server.uri, user: 'neo4j', password, httpUrl, browserUrl: server.browserUrl },
    stop: async () => {
      await server.stop();
      rmSync(home, { recursive: true, force: true });
    },
    detail: `local launcher at ${server.uri} (data in ${home}), started in ${server.seconds.toFixed(1)}s`,
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const forced = process.env.PLANGRAPH_TEST_NEO4J;
  if (forced && !['env', 'container', 'launcher'].includes(forced)) {
    throw new Error(`PLANGRAPH_TEST_NEO4J="${forced}": expected env, container or launcher`);
  }
  let started: Started | undefined;
  if (!forced || forced === 'env') started = await fromEnv();
  if (!started && forced === 'env') throw new Error('PLANGRAPH_TEST_NEO4J=env but NEO4J_URI is not set');
  if (!started && (!forced || forced === 'container')) started = await fromContainer(forced === 'container');
  if (!started) started = await fromLauncher();

  try {
    const driver = await openDriver({ ...started.neo4j, source: started.neo4j.mode });
    try {
      const version = await serverVersion(driver);
      await applySchema(driver, started.neo4j.database);
      say(`Neo4j ${version}: ${started.detail}`);
      project.provide('neo4j', { ...started.neo4j, version });
    } finally {
      await driver.close();
    }
  } catch (err) {
    await started.stop();
    throw err;
  }
  const { stop } = started;
  return async () => {
    await stop();
  };
}
