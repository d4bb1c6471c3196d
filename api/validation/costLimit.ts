import {
  GraphQLError,
  GraphQLInt,
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  valueFromAST,
  type ASTVisitor,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { DEFAULT_MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, variableDefaults } from './pageSizeLimit.ts';

export const DEFAULT_MAX_COST = 20_000;
/** Items assumed for a list field that takes no `first` (Task.assignments, Task.children, …) and is not in LIST_SIZES. */
export const DEFAULT_LIST_SIZE = 10;

/**
 * Items assumed for list fields whose size the graph's shape bounds differently from
 * DEFAULT_LIST_SIZE. A flat 10 for every list compounds in nested lists: `projects { districts }`
 * priced 100 places per task rejected a page of 100 tasks with their relations (about 1,500
 * objects on the seeds) as 22,614. Sizes follow what each relation is, not the seeds' counts:
 *  - small by construction: a project is built in one place (two when it spans a border); a
 *    goal is served by the section that sets it and a few items of the same plan;
 *  - growing with the corpus: a provincial body leads and supports tasks in every plan that
 *    names it; a plan can set dozens of indicators (the provincial seed sets 85); a province
 *    holds 21 cities and a district a score of towns; projects accumulate in a district.
 */
export const LIST_SIZES: Readonly<Record<string, number>> = {
  'Project.districts': 2,
  'Goal.targetedBy': 5,
  'Department.leads': 50,
  'Department.supports': 50,
  'Plan.goals': 50,
  'District.children': 25,
  'District.projects': 25,
};

export interface CostLimitOptions {
  max?: number;
  /**
   * Sizes above this are the page-size rule's to report (with a better message), so the
   * estimate counts them as this many.
   */
  maxPageSize?: number;
  /** The request's variables; without them a `first: $n` counts as its default, else the page default. */
  variables?: Record<string, unknown>;
  /**
   * Real sizes of lists, read from the graph (`Query.plans`: the number of plans), over
   * LIST_SIZES; keyed `Type.field`. The request-time check passes them (api/plugins/variableLimits.ts).
   */
  listSizes?: Readonly<Record<string, number>>;
}

/**
 * What introspection costs, as objects its answer holds: `__schema` every type, field, argument,
 * enum value and input field of the schema (GraphiQL's introspection costs about this once; 100
 * aliased `__schema` answered 3.6 MB before it was priced); `__type` the largest type's.
 */
const introspectionSizes = new WeakMap<GraphQLSchema, { schema: number; type: number }>();

export function introspectionCost(schema: GraphQLSchema): { schema: number; type: number } {
  let sizes = introspectionSizes.get(schema);
  if (sizes) return sizes;
  let total = 0;
  let largest = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    let size = 1;
    if (isObjectType(type) || isInterfaceType(type)) for (const field of Object.values(type.getFields())) size += 1 + field.args.length;
    else if (isInputObjectType(type)) size += Object.keys(type.getFields()).length;
    else if (isEnumType(type)) size += type.getValues().length;
    total += size;
    largest = Math.max(largest, size);
  }
  sizes = { schema: total, type: largest };
  introspectionSizes.set(schema, sizes);
  return sizes;
}

/**
 * Estimates how many objects an operation can return and rejects it above `max`.
 * Every object-typed field costs 1 per item it may return; scalars are free. A field with a
 * `first` argument multiplies what is under it by `first` (default 20); any other list by its
 * LIST_SIZES entry, else DEFAULT_LIST_SIZE. A connection's `edges` list is already counted by its `first`.
 * The flagship query (district → leadingDepartments → tasks → assignments → evidence)
 * costs about 2,200; a deep `children { children { … } }` fan-out is what this stops.
 */
export function costLimitRule({ max = DEFAULT_MAX_COST, maxPageSize = DEFAULT_MAX_PAGE_SIZE, variables, listSizes }: CostLimitOptions = {}): ValidationRule {
  return function CostLimit(context: ValidationContext): ASTVisitor {
    const schema = context.getSchema();
    const defaults = variableDefaults(context);
    // A fragment's cost does not depend on where it is spread (multipliers apply outside),
    // so it is computed once per fragment; cycles count 0 (NoFragmentCycles reports them).
    const fragmentCost = new Map<string, number>();
    const inProgress = new Set<string>();

    function sizeOf(node: ValueNode | undefined): number {
      return Math.min(requestedSize(node), maxPageSize);
    }

    function requestedSize(node: ValueNode | undefined): number {
      if (!node) return DEFAULT_PAGE_SIZE;
      if (node.kind === Kind.VARIABLE) {
        const name = node.name.value;
        const given = variables?.[name];
        if (typeof given === 'number' && Number.isFinite(given)) return Math.max(0, given);
        const fallback = defaults.get(name);
        const value = fallback ? valueFromAST(fallback, GraphQLInt) : undefined;
        return typeof value === 'number' ? Math.max(0, value) : DEFAULT_PAGE_SIZE;
      }
      const value = valueFromAST(node, GraphQLInt);
      return typeof value === 'number' ? Math.max(0, value) : DEFAULT_PAGE_SIZE;
    }

    function multiplier(node: FieldNode, def: GraphQLField<unknown, unknown>, parent: GraphQLCompositeType): number {
      if (def.args.some((a) => a.name === 'first')) {
        return sizeOf(node.arguments?.find((a) => a.name.value === 'first')?.value);
      }
      if (!isListType(getNullableType(def.type))) return 1;
      if (node.name.value === 'edges' && parent.name.endsWith('Connection')) return 1;
      const key = `${parent.name}.${node.name.value}`;
      return listSizes?.[key] ?? LIST_SIZES[key] ?? DEFAULT_LIST_SIZE;
    }

    function costOfFragment(name: string): number {
      const known = fragmentCost.get(name);
      if (known !== undefined) return known;
      const fragment = context.getFragment(name);
      if (!fragment || inProgress.has(name)) return 0;
      const type = schema.getType(fragment.typeCondition.name.value);
      if (!type || !isCompositeType(type)) return 0;
      inProgress.add(name);
      const cost = costOf(fragment.selectionSet, type);
      inProgress.delete(name);
      fragmentCost.set(name, cost);
      return cost;
    }

    function costOf(selectionSet: SelectionSetNode, parent: GraphQLCompositeType): number {
      let total = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          total += costOfFragment(selection.name.value);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
          if (condition && isCompositeType(condition)) total += costOf(selection.selectionSet, condition);
        } else {
          // Introspection's depth is bounded by graphql-js's MaxIntrospectionDepthRule; its size is priced here.
          if (selection.name.value === '__schema') total += introspectionCost(schema).schema;
          if (selection.name.value === '__type') total += introspectionCost(schema).type;
          if (selection.name.value.startsWith('__')) continue;
          if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
          const def = parent.getFields()[selection.name.value];
          if (!def) continue; // unknown fields are reported by FieldsOnCorrectType
          const type = getNamedType(def.type);
          if (!isCompositeType(type) || !selection.selectionSet) continue;
          total += multiplier(selection, def, parent) * (1 + costOf(selection.selectionSet, type));
        }
      }
      return total;
    }

    return {
      // On leave, so that a page-size error on the same operation comes first.
      OperationDefinition: {
        leave(operation) {
          const root =
            operation.operation === 'query'
              ? schema.getQueryType()
              : operation.operation === 'mutation'
                ? schema.getMutationType()
                : schema.getSubscriptionType();
          if (!root) return;
          const cost = costOf(operation.selectionSet, root);
          if (cost > max) {
            context.reportError(
              new GraphQLError(
                `This query could return about ${formatCost(cost)} objects; the limit is ${max.toLocaleString('en')}. ` +
                  'Ask for smaller pages ("first") or fewer nested lists, and page with "after".',
                { nodes: [operation], extensions: { limit: 'cost', cost: Number.isFinite(cost) ? cost : null, maxCost: max } },
              ),
            );
          }
        },
      },
    };
  };
}

function formatCost(cost: number): string {
  return Number.isFinite(cost) && cost < 1e15 ? Math.round(cost).toLocaleString('en') : 'an unbounded number of';
}
