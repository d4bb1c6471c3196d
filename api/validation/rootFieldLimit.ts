import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { ErrorCode } from '../common/error-codes.ts';

export const DEFAULT_MAX_ROOT_FIELDS = 10;

/**
 * At most `max` root fields (aliases count, fragments are expanded) per operation. Each root
 * field resolves on its own, in parallel: 150 aliases of a cheap `tasks(…){ totalCount }` took
 * every pooled connection to Neo4j at once. Aliased introspection counts too (100 `__schema`
 * answered 3.6 MB); only `__typename` is free.
 */
export function rootFieldLimitRule(max = DEFAULT_MAX_ROOT_FIELDS): ValidationRule {
  return function RootFieldLimit(context: ValidationContext): ASTVisitor {
    const count = (set: SelectionSetNode, seen: Set<string>): number => {
      let n = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value !== '__typename') n++;
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          n += count(selection.selectionSet, seen);
        } else if (!seen.has(selection.name.value)) {
          seen.add(selection.name.value); // cycles are NoFragmentCycles' to report
          const fragment = context.getFragment(selection.name.value);
          if (fragment) n += count(fragment.selectionSet, seen);
          seen.delete(selection.name.value);
        }
      }
      return n;
    };
    return {
      OperationDefinition(operation) {
        const n = count(operation.selectionSet, new Set());
        if (n <= max) return;
        context.reportError(
          new GraphQLError(
            `The operation asks for ${n} root fields (aliases count); the limit is ${max}. Send the rest in another request.`,
            { nodes: [operation], extensions: { code: ErrorCode.BAD_USER_INPUT, limit: 'rootFields', rootFields: n, maxRootFields: max } },
          ),
        );
      },
    };
  };
}
