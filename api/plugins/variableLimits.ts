import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, validate, type OperationDefinitionNode, type SelectionSetNode, type DocumentNode } from 'graphql';
import { BoundedLru } from '../common/lru.ts';
import type { MemoryBudget } from '../common/memoryBudget.ts';
import { costLimitRule } from '../validation/costLimit.ts';
import { pageSizeLimitRule } from '../validation/pageSizeLimit.ts';
import type { QueryLimits } from '../validation/index.ts';
import { stringLengthError, undeclaredVariablesError, variablesSizeError, type InputLimits } from '../validation/inputLimits.ts';
import { ErrorCode } from '../common/error-codes.ts';

/**
 * Checks that need the request, not only its document, before anything else runs:
 *  1. input limits (api/validation/inputLimits.ts): undeclared variables, the variables' size,
 *     every string argument's length — refused before any other work, whatever the cache holds;
 *  2. the page-size and cost rules again with the request's variables and the graph's real list
 *     sizes (Apollo caches validation per document, without variables, so `tasks(first: $n)`
 *     with n = 1000000 would pass it; and `plans` costs what the graph holds, not a guess).
 *
 * Verdicts are remembered in one LRU under the server's memory budget, keyed by the query hash,
 * the list sizes and the numeric variables only (nothing else changes a page size or a cost): a
 * client sending distinct texts with a 64 KB variable used to grow a per-text cache keyed by all
 * the variables until the heap ran out. Re-walking the document was about half of the GraphQL
 * layer's own CPU per request in a profile of the benchmark's four requests, hence the cache.
 */
export interface RequestLimitOptions {
  limits: QueryLimits & InputLimits;
  /** Real list sizes by `Type.field` (the number of plans), read cheaply; only asked when the operation selects such a list. */
  listSizes?: () => Promise<Readonly<Record<string, number>>>;
  budget?: MemoryBudget;
}

/** Root fields whose size is read from the graph (the keys listSizes answers). */
const COUNTED_ROOT_FIELDS = new Set(['plans']);

function selectsCountedList(set: SelectionSetNode, document: DocumentNode, depth = 0): boolean {
  if (depth > 5) return false;
  return set.selections.some((s) => {
    if (s.kind === Kind.FIELD) return COUNTED_ROOT_FIELDS.has(s.name.value);
    if (s.kind === Kind.INLINE_FRAGMENT) return selectsCountedList(s.selectionSet, document, depth + 1);
    const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value);
    return fragment?.kind === Kind.FRAGMENT_DEFINITION && selectsCountedList(fragment.selectionSet, document, depth + 1);
  });
}

function numericVariables(variables: Record<string, unknown>): string {
  return JSON.stringify(Object.entries(variables).filter(([, v]) => typeof v === 'number'));
}

function asRequestError(error: GraphQLError): GraphQLError {
  const code = error.extensions.code ?? ErrorCode.GRAPHQL_VALIDATION_FAILED;
  return new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code, http: { status: 400 } } });
}

export function variableLimitsPlugin(options: RequestLimitOptions | (QueryLimits & InputLimits)): ApolloServerPlugin {
  const { limits, listSizes, budget } = 'limits' in options ? options : { limits: options, listSizes: undefined, budget: undefined };
  const verdicts = new BoundedLru<{ error: GraphQLError | undefined }>({ maxEntries: 10_000, maxBytes: 4 * 1024 * 1024 }, budget);
  return {
    async requestDidStart({ contextValue }) {
      // The resolvers page with the same limit (pageFrom), never a constant of their own.
      (contextValue as { maxPageSize?: number }).maxPageSize = limits.maxPageSize;
      return {
        async didResolveOperation({ schema, document, operation, request, queryHash }) {
          if (!operation) return;
          const variables = request.variables ?? undefined;
          const inputError =
            undeclaredVariablesError(operation as OperationDefinitionNode, variables) ??
            variablesSizeError(variables, limits) ??
            stringLengthError(document, variables, limits);
          if (inputError) throw inputError;

          const counted = listSizes && selectsCountedList(operation.selectionSet, document);
          if (!operation.variableDefinitions?.length && !counted) return;
          // A Neo4j that does not answer is the availability check's to report (next plugin):
          // price by the usual sizes meanwhile.
          const sizes = counted ? await listSizes().catch(() => undefined) : undefined;
          const key = `${queryHash}\n${sizes ? JSON.stringify(sizes) : ''}\n${numericVariables(variables ?? {})}`;
          let verdict = verdicts.get(key);
          if (!verdict) {
            const [first] = validate(schema, document, [
              pageSizeLimitRule({ max: limits.maxPageSize, variables: variables ?? {} }),
              costLimitRule({ max: limits.maxCost, maxPageSize: limits.maxPageSize, variables: variables ?? {}, listSizes: sizes }),
            ]);
            verdict = { error: first };
            verdicts.set(key, verdict, key.length * 2 + (first ? 1024 : 64));
          }
          if (verdict.error) throw asRequestError(verdict.error);
        },
      };
    },
  };
}
