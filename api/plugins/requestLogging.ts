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

/** Failures that are the server's problem, not the client's (Neo4j outages are logged once, by the monitor). */
const SERVER_SIDE = new Set<string>([ErrorCode.INTERNAL_SERVER_ERROR]);

/**
 * One line per slow request or server-side failure (every request with `all`): status, time,
 * operation, error codes. Client mistakes (validation, BAD_USER_INPUT) are the client's to
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
          const codes = [...new Set((errors ?? []).map((e) => String(e.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR)))];
          if (!all && ms < slowMs && !codes.some((c) => SERVER_SIDE.has(c))) return;
          const name = operationName ?? operation?.name?.value ?? (operation ? 'anonymous' : '-');
          const status = response.http.status ?? 200;
          log(`[plangraph] ${status} ${ms} ms ${operation?.operation ?? 'request'} ${name}${codes.length ? ` errors=${codes.join(',')}` : ''}`);
        },
      };
    },
  };
}
