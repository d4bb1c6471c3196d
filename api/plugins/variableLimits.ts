import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, validate } from 'graphql';
import { costLimitRule } from '../validation/costLimit.ts';
import { pageSizeLimitRule } from '../validation/pageSizeLimit.ts';
import type { QueryLimits } from '../validation/index.ts';

/**
 * Validation results are cached per document, without variables, so `tasks(first: $n)`
 * with n = 1000000 passes validation. Before execution, this re-runs the page-size and cost
 * rules with the request's variables (only for operations that declare variables).
 */
export function variableLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation?.variableDefinitions?.length) return;
          const variables = request.variables ?? {};
          const [error] = validate(schema, document, [
            pageSizeLimitRule({ max: limits.maxPageSize, variables }),
            costLimitRule({ max: limits.maxCost, maxPageSize: limits.maxPageSize, variables }),
          ]);
          if (!error) return;
          const code = error.extensions.code ?? 'GRAPHQL_VALIDATION_FAILED';
          throw new GraphQLError(error.message, {
            nodes: error.nodes,
            extensions: { ...error.extensions, code, http: { status: 400 } },
          });
        },
      };
    },
  };
}
