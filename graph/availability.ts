/**
 * The one test of "Neo4j is not there right now" (stopped, restarting, unreachable), as opposed
 * to "this query or write is wrong" or "too busy": the API answers SERVICE_UNAVAILABLE on it and
 * its availability monitor marks Neo4j down (api/plugins), a load stops writing and fails the rest
 * fast (load/load-paths.ts) and a group write is not retried document by document
 * (graph/write/write-document.ts). What to retry and how is each caller's own policy.
 */

import { errorChain } from './error-chain.ts';

/** neo4j-driver codes meaning "the database is not there right now", not "your query is wrong". */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);
// Not "Connection acquisition timed out": a pool busy with this process's own work says nothing
// about Neo4j (it marked a healthy Neo4j down for every API client); the API calls that SERVER_BUSY.
const UNAVAILABLE_MESSAGES = /ECONNREFUSED|ECONNRESET|Pool is closed|connection.*(closed|terminated)/i;

/**
 * True when an error, or anything in its chain (`originalError` as GraphQL wraps, else `cause`),
 * says Neo4j is down or unreachable. `alsoMeans` lets a caller count its own marker as well (the
 * API's SERVICE_UNAVAILABLE GraphQLError) at any depth of the chain.
 */
export function isNeo4jUnavailable(error: unknown, alsoMeans?: (link: unknown) => boolean): boolean {
  for (const link of errorChain(error)) {
    if (alsoMeans?.(link)) return true;
    const { code, message, name } = link as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    // Driver-internal errors keep the message but may carry code "N/A".
    if (name === 'Neo4jError' && typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  }
  return false;
}
