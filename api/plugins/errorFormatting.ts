import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { HeaderMap } from '@apollo/server';
import { isNeo4jUnavailable as isNeo4jUnavailableIn } from '../../graph/availability.ts';
import { errorChain } from '../../graph/error-chain.ts';
import { memoryLimitAt } from '../../graph/memory-limit.ts';
import { ErrorCode } from '../common/error-codes.ts';

export const SERVICE_UNAVAILABLE_MESSAGE =
  'The graph database (Neo4j) is not reachable right now. PlanGraph keeps running and answers again as soon as it is back; retry in a few seconds.';

/** The codes of Neo4j's limits (neo4jLimitError), as a GraphQLError may already carry them. */
const LIMIT_CODES: string[] = [ErrorCode.SERVER_BUSY, ErrorCode.QUERY_TOO_LARGE, ErrorCode.QUERY_TIMEOUT];

export interface LimitError {
  code: typeof ErrorCode.SERVER_BUSY | typeof ErrorCode.QUERY_TOO_LARGE | typeof ErrorCode.QUERY_TIMEOUT;
  status: number;
  message: string;
}

/**
 * Neo4j's own limits met by a read, as a client error with a code instead of an internal one:
 * one transaction over db.memory.transaction.max (the query asks too much: 400), a read over its
 * timeout (400), Neo4j's shared transaction memory full or this server's connection pool busy
 * (503 with Retry-After: someone else's load, try again shortly).
 */
export function neo4jLimitError(error: unknown): LimitError | undefined {
  for (const current of errorChain(error)) {
    if (current instanceof GraphQLError && LIMIT_CODES.includes(String(current.extensions.code))) {
      const code = current.extensions.code as LimitError['code'];
      return { code, status: code === ErrorCode.SERVER_BUSY ? 503 : 400, message: current.message };
    }
    const { code, message } = current as { code?: unknown; message?: unknown };
    const text = typeof message === 'string' ? message : '';
    const memory = memoryLimitAt(current);
    if (memory) {
      if (memory === 'transaction') {
        return { code: ErrorCode.QUERY_TOO_LARGE, status: 400, message: 'This query needs more memory in the database than one request may use. Ask for smaller pages ("first") or fewer nested lists.' };
      }
      return { code: ErrorCode.SERVER_BUSY, status: 503, message: 'The database is busy with other requests right now; retry in a few seconds.' };
    }
    if (typeof code === 'string' && code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
      return { code: ErrorCode.QUERY_TIMEOUT, status: 400, message: 'This query took longer than the server allows. Ask for smaller pages ("first") or fewer nested lists.' };
    }
    if (/Connection acquisition timed out/i.test(text)) {
      return { code: ErrorCode.SERVER_BUSY, status: 503, message: 'The server is busy with other requests right now; retry in a few seconds.' };
    }
  }
  return undefined;
}

/**
 * True when an error (or anything in its chain) says Neo4j is down or unreachable: graph/availability.ts's
 * one test, with this API's own SERVICE_UNAVAILABLE error counted as well.
 */
export function isNeo4jUnavailable(error: unknown): boolean {
  return isNeo4jUnavailableIn(error, (link) => link instanceof GraphQLError && link.extensions.code === ErrorCode.SERVICE_UNAVAILABLE);
}

/** A GraphQL error for "Neo4j is down", with HTTP 503 and a Retry-After hint for clients. */
export function serviceUnavailableError(): GraphQLError {
  return new GraphQLError(SERVICE_UNAVAILABLE_MESSAGE, {
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503, headers: new HeaderMap([['retry-after', '2']]) } },
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
      return { ...base, message: SERVICE_UNAVAILABLE_MESSAGE, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
    }
    const limit = neo4jLimitError(original) ?? neo4jLimitError(error);
    if (limit) return { ...base, message: limit.message, extensions: { code: limit.code } };
    // Validation errors carry no path, so unwrapResolverError leaves them wrapped: look inside.
    const inner = error instanceof GraphQLError ? error.originalError : undefined;
    const ruleCode = inner instanceof GraphQLError ? inner.extensions.code : undefined;
    if (extensions.code === ErrorCode.GRAPHQL_VALIDATION_FAILED && ruleCode === ErrorCode.BAD_USER_INPUT) {
      return { ...formatted, ...base, extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT } };
    }
    if (!extensions.code || extensions.code === ErrorCode.INTERNAL_SERVER_ERROR) {
      const ref = randomUUID().slice(0, 8);
      const detail = original instanceof Error ? (original.stack ?? original.message) : String(original);
      logger.error(`[plangraph] internal error ${ref} at ${formatted.path?.join('.') ?? '(request)'}: ${detail}`);
      return {
        ...base,
        message: `Internal server error (reference ${ref}); the details are in the server log.`,
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ref },
      };
    }
    return { ...formatted, extensions };
  };
}
