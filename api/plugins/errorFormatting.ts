import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { HeaderMap } from '@apollo/server';

export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
export const SERVICE_UNAVAILABLE_MESSAGE =
  'The graph database (Neo4j) is not reachable right now. PlanGraph keeps running and answers again as soon as it is back; retry in a few seconds.';

/** neo4j-driver codes meaning "the database is not there right now", not "your query is wrong". */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);
const UNAVAILABLE_MESSAGES = /Connection acquisition timed out|ECONNREFUSED|ECONNRESET|Pool is closed|connection.*(closed|terminated)/i;

/** True when an error (or anything in its cause chain) says Neo4j is down or unreachable. */
export function isNeo4jUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let hops = 0; current && hops < 8; hops++) {
    if (current instanceof GraphQLError && current.extensions.code === SERVICE_UNAVAILABLE) return true;
    const { code, message, name } = current as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    // Driver-internal errors keep the message but may carry code "N/A".
    if (name === 'Neo4jError' && typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    current = (current as { cause?: unknown; originalError?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}

/** A GraphQL error for "Neo4j is down", with HTTP 503 and a Retry-After hint for clients. */
export function serviceUnavailableError(): GraphQLError {
  return new GraphQLError(SERVICE_UNAVAILABLE_MESSAGE, {
    extensions: { code: SERVICE_UNAVAILABLE, http: { status: 503, headers: new HeaderMap([['retry-after', '2']]) } },
  });
}

export interface ErrorLogger {
  error(message: string): void;
}

/**
 * Apollo `formatError`: every error leaves with a code, and nothing internal leaks.
 * - Neo4j outages become SERVICE_UNAVAILABLE with a plain explanation.
 * - Our own limit rules say BAD_USER_INPUT (page size); Apollo rewraps every validation error
 *   as GRAPHQL_VALIDATION_FAILED, so the rule's code is restored here.
 * - Anything unexpected becomes INTERNAL_SERVER_ERROR with a reference; the message, stack
 *   and Cypher stay in the server log, never in the response.
 */
export function createErrorFormatter(logger: ErrorLogger = console) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const original = unwrapResolverError(error);
    const { stacktrace: _stacktrace, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    const base = { locations: formatted.locations, path: formatted.path };

    if (isNeo4jUnavailable(original) || isNeo4jUnavailable(error)) {
      return { ...base, message: SERVICE_UNAVAILABLE_MESSAGE, extensions: { code: SERVICE_UNAVAILABLE } };
    }
    // Validation errors carry no path, so unwrapResolverError leaves them wrapped: look inside.
    const inner = error instanceof GraphQLError ? error.originalError : undefined;
    const ruleCode = inner instanceof GraphQLError ? inner.extensions.code : undefined;
    if (extensions.code === 'GRAPHQL_VALIDATION_FAILED' && ruleCode === 'BAD_USER_INPUT') {
      return { ...formatted, ...base, extensions: { ...extensions, code: 'BAD_USER_INPUT' } };
    }
    if (!extensions.code || extensions.code === 'INTERNAL_SERVER_ERROR') {
      const ref = randomUUID().slice(0, 8);
      const detail = original instanceof Error ? (original.stack ?? original.message) : String(original);
      logger.error(`[plangraph] internal error ${ref} at ${formatted.path?.join('.') ?? '(request)'}: ${detail}`);
      return {
        ...base,
        message: `Internal server error (reference ${ref}); the details are in the server log.`,
        extensions: { code: 'INTERNAL_SERVER_ERROR', ref },
      };
    }
    return { ...formatted, extensions };
  };
}
