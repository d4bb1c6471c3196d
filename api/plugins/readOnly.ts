import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { adminToken } from '../../config/ops.ts';
import { ErrorCode } from '../common/error-codes.ts';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The API is read-only. Should the schema ever offer a mutation (e.g. reloading documents),
 * it runs only with `Authorization: Bearer $PLANGRAPH_ADMIN_TOKEN`, and never when the
 * variable is unset.
 */
export function readOnlyPlugin(token: string | undefined = adminToken()): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation?.operation !== 'mutation') return;
          const header = request.http?.headers.get('authorization') ?? '';
          const given = header.startsWith('Bearer ') ? header.slice(7) : '';
          if (token && given && sameToken(given, token)) return;
          throw new GraphQLError(
            token
              ? 'Mutations need "Authorization: Bearer <token>" with the token from PLANGRAPH_ADMIN_TOKEN.'
              : 'This PlanGraph server is read-only: mutations are disabled (set PLANGRAPH_ADMIN_TOKEN to enable them).',
            { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } },
          );
        },
      };
    },
  };
}
