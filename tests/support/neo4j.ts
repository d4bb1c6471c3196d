/**
 * The Neo4j of the test run, for integration tests. tests/setup/global-setup.ts chose and
 * started it; here tests get a driver and a clean database.
 *
 *   const neo4j = useNeo4j();            // in a describe/file: driver opened once, database cleared first
 *   it('…', async () => { await neo4j.driver.executeQuery(…) });
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, inject } from 'vitest';
import { clearGraph } from '../../graph/clear.ts';
import { createDriver } from '../../graph/connection.ts';

export interface TestNeo4j {
  /** How the global setup found it. */
  mode: 'env' | 'container' | 'launcher';
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** http://host:port of Neo4j's HTTP server, when known (container, launcher). */
  httpUrl?: string;
  browserUrl?: string;
  /** e.g. "5.26.29" */
  version: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

/** The connection the global setup provided. Throws when the file is not in the integration project. */
export function testNeo4j(): TestNeo4j {
  const value = inject('neo4j');
  if (!value) {
    throw new Error('no Neo4j provided: integration tests belong under tests/ (the "integration" project, whose globalSetup starts Neo4j)');
  }
  return value;
}

/** A new driver to the test Neo4j; the caller closes it. */
export function testDriver(): Driver {
  const c = testNeo4j();
  return createDriver(c, { userAgent: 'plangraph-tests' });
}

/** Deletes every node and relationship (the schema stays), 5000 rows per transaction (graph/clear.ts). */
export async function clearDatabase(driver: Driver, database = testNeo4j().database): Promise<void> {
  await clearGraph(driver, database, 5000);
}

/**
 * Registers beforeAll (open a driver, clear the database) and afterAll (close it) in the
 * calling file or describe block. The returned object's fields are set once beforeAll ran.
 */
export function useNeo4j(): { driver: Driver; database: string | undefined; connection: TestNeo4j } {
  const ctx = {} as { driver: Driver; database: string | undefined; connection: TestNeo4j };
  beforeAll(async () => {
    ctx.connection = testNeo4j();
    ctx.database = ctx.connection.database;
    ctx.driver = testDriver();
    await ctx.driver.verifyConnectivity({ database: ctx.database });
    await clearDatabase(ctx.driver, ctx.database);
  });
  afterAll(async () => {
    await ctx.driver?.close();
  });
  return ctx;
}
