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
import { NESTED_PAGE_ARGUMENTS, PAGE_SIZE_DEFAULTS } from '../common/pageDefaults.ts';
import { DEFAULT_MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, variableDefaults } from './pageSizeLimit.ts';

/**
 * Chosen from the estimates, once they priced the real page defaults (api/common/pageDefaults.ts):
 * the flagship as README.md and GraphiQL write it (100 bodies x 10 tasks, each with its plan and
 * every assignment's evidence) is 22,201, over the 20,000 this was; 25,000 lets it through with
 * room for a field or two. Refused still: 60 aliases of tasks(first: 100) with each task's plan
 * and evidence (30,000; issue 15's probe, which a bare `{ id title }` page prices at 18,000, meets
 * the root-field cap of 10 first), the same flagship with tasksFirst: 100 (220,201), and a page
 * of 100 tasks fanned out three levels through children (over 110,000).
 */
export const DEFAULT_MAX_COST = 25_000;
/** Items assumed for a list field that takes no `first` (Task.assignments, Task.children, …) and is not in LIST_SIZES. */
export const DEFAULT_LIST_SIZE = 10;

/**
 * Items assumed for list fields whose size the graph's shape bounds differently from
 * DEFAULT_LIST_SIZE. A flat 10 for every list compounds in nested lists: `projects { districts }`
 * priced 100 places per task rejected a page of 100 tasks with their relations (about 1,500
 * objects on the seeds) as 22,614. Sizes follow what each relation is, not the seeds' counts:
 *  - small by construction: a project is built in one place (two when it spans a border); a
 *    goal is served by the section that sets it and a few items of the same plan;
 *  - growing with the corpus: a plan can set dozens of indicators (the provincial seed sets 85); a province
 *    holds 21 cities and a district a score of towns; projects accumulate in a district.
 */
export const LIST_SIZES: Readonly<Record<string, number>> = {
  'Project.districts': 2,
  'Goal.targetedBy': 5,
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
 * `first` argument multiplies what is under it by `first`, when not given by the page size its
 * resolver uses (PAGE_SIZE_DEFAULTS: 100 for leadingDepartments, leads, supports; else 20); a
 * list paged by its parent field's argument (a body's `tasks` by `tasksFirst`) by that argument
 * or its default (NESTED_PAGE_ARGUMENTS; inside a fragment, where the parent is not known, the
 * default); any other list by its LIST_SIZES entry, else DEFAULT_LIST_SIZE. A connection's
 * `edges` list is already counted by its `first`. A deep `children { children { … } }`
 * fan-out is what this stops, and so is a default page of bodies each with a default page of
 * tasks and their evidence (100 × 100 tasks): the flagship names its pages.
 */
export function costLimitRule({ max = DEFAULT_MAX_COST, maxPageSize = DEFAULT_MAX_PAGE_SIZE, variables, listSizes }: CostLimitOptions = {}): ValidationRule {
  return function CostLimit(context: ValidationContext): ASTVisitor {
    const schema = context.getSchema();
    const defaults = variableDefaults(context);
    // A fragment's cost does not depend on where it is spread (multipliers apply outside),
    // so it is computed once per fragment; cycles count 0 (NoFragmentCycles reports them).
    const fragmentCost = new Map<string, number>();
    const inProgress = new Set<string>();

    function sizeOf(node: ValueNode | undefined, fallback: number): number {
      return Math.min(requestedSize(node, fallback), maxPageSize);
    }

    /** The page size asked for; `fallback` (the resolver's default) when the argument or its variable is not given. */
    function requestedSize(node: ValueNode | undefined, fallback: number): number {
      if (!node) return fallback;
      if (node.kind === Kind.VARIABLE) {
        const name = node.name.value;
        const given = variables?.[name];
        if (typeof given === 'number' && Number.isFinite(given)) return Math.max(0, given);
        const declared = defaults.get(name);
        const value = declared ? valueFromAST(declared, GraphQLInt) : undefined;
        return typeof value === 'number' ? Math.max(0, value) : fallback;
      }
      const value = valueFromAST(node, GraphQLInt);
      return typeof value === 'number' ? Math.max(0, value) : fallback;
    }

    /** `above`: the field whose selection `node` is in (unknown inside a fragment). */
    function multiplier(node: FieldNode, def: GraphQLField<unknown, unknown>, parent: GraphQLCompositeType, above: FieldNode | undefined): number {
      const key = `${parent.name}.${node.name.value}`;
      if (def.args.some((a) => a.name === 'first')) {
        return sizeOf(node.arguments?.find((a) => a.name.value === 'first')?.value, PAGE_SIZE_DEFAULTS[key] ?? DEFAULT_PAGE_SIZE);
      }
      const nested = NESTED_PAGE_ARGUMENTS[key];
      if (nested) return sizeOf(above?.arguments?.find((a) => a.name.value === nested.argument)?.value, nested.default);
      if (!isListType(getNullableType(def.type))) return 1;
      if (node.name.value === 'edges' && parent.name.endsWith('Connection')) return 1;
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
      const cost = costOf(fragment.selectionSet, type, undefined);
      inProgress.delete(name);
      fragmentCost.set(name, cost);
      return cost;
    }

    function costOf(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, above: FieldNode | undefined): number {
      let total = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          total += costOfFragment(selection.name.value);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
          if (condition && isCompositeType(condition)) total += costOf(selection.selectionSet, condition, above);
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
          total += multiplier(selection, def, parent, above) * (1 + costOf(selection.selectionSet, type, selection));
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
          const cost = costOf(operation.selectionSet, root, undefined);
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
