/**
 * The arguments a request gives a field directly under the one being resolved, so a resolver can
 * fetch that field's page in its own query (one round trip) instead of leaving it to the field's
 * loader. Looks through inline and named fragments; directives (@skip/@include) are ignored,
 * which at worst prefetches what is then not shown.
 */
import { getNamedType, isObjectType, Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { getArgumentValues } from 'graphql/execution/values.js';

/** Every selection of `field` directly under the field being resolved (aliases included). */
function selectionsOf(info: GraphQLResolveInfo, field: string): FieldNode[] {
  return selectionsUnder(info.fieldNodes, info, field);
}

/** Every selection of `field` directly under `parents` (aliases included). */
function selectionsUnder(parents: readonly FieldNode[], info: GraphQLResolveInfo, field: string): FieldNode[] {
  const found: FieldNode[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): void => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value === field) found.push(s);
      } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        walk(info.fragments[s.name.value]?.selectionSet);
      }
    }
  };
  for (const node of parents) walk(node.selectionSet);
  return found;
}

/**
 * Whether the request selects `field` directly under the field being resolved, so a resolver can
 * leave out of its query what nobody asked for (the flagship's task pages when only the bodies
 * and their counts are wanted). @skip/@include are ignored: at worst it reads what is not shown.
 */
export function isSelected(info: GraphQLResolveInfo, field: string): boolean {
  return selectionsOf(info, field).length > 0;
}

/**
 * The arguments (variables applied, schema defaults filled in) of `field` when the request
 * selects it exactly once under the field being resolved; undefined when it is not selected,
 * selected more than once (aliases asking for different pages), or its arguments are invalid
 * (the field's own resolver reports that).
 */
export function selectedFieldArguments(info: GraphQLResolveInfo, field: string): Record<string, unknown> | undefined {
  const nodes = selectionsOf(info, field);
  if (nodes.length !== 1) return undefined;
  const type = getNamedType(info.returnType);
  const definition = isObjectType(type) ? type.getFields()[field] : undefined;
  if (!definition) return undefined;
  try {
    return getArgumentValues(definition, nodes[0], info.variableValues);
  } catch {
    return undefined;
  }
}

/**
 * Whether `sub` is selected under the one selection of `field` (selectedFieldArguments' case),
 * so a resolver prefetching `field` leaves out what `field`'s own selection does not ask for.
 */
export function isSelectedUnder(info: GraphQLResolveInfo, field: string, sub: string): boolean {
  return selectionsUnder(selectionsOf(info, field), info, sub).length > 0;
}
