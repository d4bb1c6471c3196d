import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export const DEFAULT_MAX_DEPTH = 12;

/**
 * Rejects operations whose fields nest deeper than `maxDepth` (a field directly under the
 * operation is depth 1). Fragments count where they are spread.
 *
 * Introspection subtrees (`__schema`, `__type`) are not counted: their legitimate shape is
 * deep (TypeRef's ofType chain), and graphql-js's own MaxIntrospectionDepthRule guards them.
 */
export function depthLimitRule(maxDepth = DEFAULT_MAX_DEPTH): ValidationRule {
  return function DepthLimit(context: ValidationContext): ASTVisitor {
    // Depth of each fragment's selection set, computed once: without this, a document that
    // spreads the same fragment many times per level would make the walk exponential.
    const fragmentDepth = new Map<string, number>();
    const inProgress = new Set<string>();

    function depthOfFragment(name: string): number {
      const known = fragmentDepth.get(name);
      if (known !== undefined) return known;
      const fragment: FragmentDefinitionNode | null | undefined = context.getFragment(name);
      // Unknown or cyclic fragments are reported by graphql-js's own rules.
      if (!fragment || inProgress.has(name)) return 0;
      inProgress.add(name);
      const depth = depthOf(fragment.selectionSet);
      inProgress.delete(name);
      fragmentDepth.set(name, depth);
      return depth;
    }

    function depthOf(selectionSet: SelectionSetNode): number {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        let depth = 0;
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          depth = 1 + (selection.selectionSet ? depthOf(selection.selectionSet) : 0);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          depth = depthOf(selection.selectionSet);
        } else {
          depth = depthOfFragment(selection.name.value);
        }
        if (depth > deepest) deepest = depth;
      }
      return deepest;
    }

    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet);
        if (depth > maxDepth) {
          const name = operation.name ? `Operation "${operation.name.value}"` : 'The query';
          context.reportError(
            new GraphQLError(
              `${name} nests fields ${depth} levels deep; the limit is ${maxDepth}. ` +
                'Ask for fewer nested levels, or start a second query from a deeper node (e.g. task(id: …)).',
              { nodes: [operation], extensions: { limit: 'depth', depth, maxDepth } },
            ),
          );
        }
      },
    };
  };
}
