import type { ApolloServerPlugin } from '@apollo/server';
import { logRequests } from '../../config/ops.ts';
import { ErrorCode } from '../common/error-codes.ts';

export interface RequestLogOptions {
  /** Log every request, not only slow or failed ones (PLANGRAPH_LOG_REQUESTS=1). */
  all?: boolean;
  /** Requests slower than this are always logged. */
  slowMs?: number;
  log?: (line: string) => void;
}

/**
 * Failures that are the server's problem, not the client's, and reads Neo4j stopped at a limit
 * (an operator wants to see those questions); Neo4j outages are logged once, by the monitor,
 * and SERVER_BUSY refusals not at all (under overload they would be most of the log).
 */
const LOGGED = new Set<string>([ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.QUERY_TIMEOUT, ErrorCode.QUERY_TOO_LARGE]);

/**
 * One line per slow request, server-side failure or read stopped at a limit (every request with
 * `all`): status, time, operation, the error codes the client got. Client mistakes (validation, BAD_USER_INPUT) are the client's to
 * read. Query text is not logged: it can carry whatever a user typed.
 */
export function requestLoggingPlugin({
  all = logRequests(),
  slowMs = 2000,
  log = (line) => console.log(line),
}: RequestLogOptions = {}): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, operation, errors, response }) {
          const ms = Math.round(performance.now() - started);
          // The codes the client was sent (after formatError: a memory limit is QUERY_TOO_LARGE there, no code before).
          const sent = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const codes = [...new Set((sent ?? errors ?? []).map((e) => String(e.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR)))];
          if (!all && ms < slowMs && !codes.some((c) => LOGGED.has(c))) return;
          const name = operationName ?? operation?.name?.value ?? (operation ? 'anonymous' : '-');
          const status = response.http.status ?? 200;
          log(`[plangraph] ${status} ${ms} ms ${operation?.operation ?? 'request'} ${name}${codes.length ? ` errors=${codes.join(',')}` : ''}`);
        },
      };
    },
  };
}
