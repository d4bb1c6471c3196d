import {
  GraphQLError,
  GraphQLInt,
  Kind,
  valueFromAST,
  type ASTVisitor,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { ErrorCode } from '../common/error-codes.ts';

/** The largest `first` unless the server is configured otherwise (QueryLimits.maxPageSize). */
export const DEFAULT_MAX_PAGE_SIZE = 100;
/** Items in a page when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 20;

/** Arguments that ask for a number of items. */
const PAGE_SIZE_ARGUMENTS = new Set(['first', 'last']);

export interface PageSizeLimitOptions {
  max?: number;
  /**
   * The request's variables. At validation time (cached per document) there are none, and
   * only literals and variable defaults are checked; the variable-limits plugin runs this
   * rule again with the request's variables before execution.
   */
  variables?: Record<string, unknown>;
}

/**
 * `first` (or `last`) must be between 0 and `max`. A violation is the client's mistake, so
 * the error carries `BAD_USER_INPUT` (formatError keeps it instead of Apollo's generic
 * GRAPHQL_VALIDATION_FAILED) and tells how to read more: page with `after`.
 */
export function pageSizeLimitRule({ max = DEFAULT_MAX_PAGE_SIZE, variables }: PageSizeLimitOptions = {}): ValidationRule {
  return function PageSizeLimit(context: ValidationContext): ASTVisitor {
    const defaults = variableDefaults(context);
    return {
      Argument(argument, _key, _parent, _path, ancestors) {
        if (!PAGE_SIZE_ARGUMENTS.has(argument.name.value)) return;
        const field = ancestors[ancestors.length - 1];
        if (!field || Array.isArray(field) || (field as { kind?: string }).kind !== Kind.FIELD) return;
        const value = requestedSize(argument.value, variables, defaults);
        if (value === undefined || (value >= 0 && value <= max)) return;
        const fieldName = (field as { name: { value: string } }).name.value;
        const arg = argument.name.value;
        context.reportError(
          new GraphQLError(
            value < 0
              ? `"${arg}" on "${fieldName}" must not be negative (got ${value}).`
              : `"${arg}: ${value}" on "${fieldName}" asks for more than ${max} items; a page holds at most ${max} ` +
                  `(default ${DEFAULT_PAGE_SIZE}). Read further pages with "after: <pageInfo.endCursor>".`,
            {
              nodes: [argument],
              extensions: { code: ErrorCode.BAD_USER_INPUT, limit: 'pageSize', argument: arg, requested: value, max },
            },
          ),
        );
      },
    };
  };
}

function requestedSize(
  node: ValueNode,
  variables: Record<string, unknown> | undefined,
  defaults: Map<string, ValueNode>,
): number | undefined {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind !== Kind.VARIABLE) return undefined;
  const name = node.name.value;
  if (variables && name in variables) {
    const value = variables[name];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }
  const fallback = defaults.get(name);
  const value = fallback ? valueFromAST(fallback, GraphQLInt) : undefined;
  return typeof value === 'number' ? value : undefined;
}

/** Default values of every variable declared in the document (names are per operation, but a clash only loosens the check). */
export function variableDefaults(context: ValidationContext): Map<string, ValueNode> {
  const defaults = new Map<string, ValueNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (variable.defaultValue) defaults.set(variable.variable.name.value, variable.defaultValue);
    }
  }
  return defaults;
}
