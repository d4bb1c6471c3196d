/**
 * Runs in each integration test worker before its file: exposes the Neo4j the global setup
 * chose as NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (/ NEO4J_DATABASE), so code under test that
 * reads the environment (graph/connection.ts resolveConnection, test harnesses) uses it too.
 */
import { inject } from 'vitest';

const neo4j = inject('neo4j');
if (neo4j) {
  process.env.NEO4J_URI = neo4j.uri;
  process.env.NEO4J_USER = neo4j.user;
  process.env.NEO4J_PASSWORD = neo4j.password;
  if (neo4j.database) process.env.NEO4J_DATABASE = neo4j.database;
  else delete process.env.NEO4J_DATABASE;
}
