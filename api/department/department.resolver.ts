import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { selectedFieldArguments } from '../common/selects.ts';
import type { Page } from '../../graph/queries/tasks.ts';
import { departmentJurisdictionQuery } from '../../graph/queries/relations.ts';
import { departmentTasksPageQuery, type Responsibility } from '../../graph/queries/department-tasks.ts';
import { defaultPageSize, maxPageSize, pageFrom, pageSizeNote } from '../common/pagination.ts';
import type { NodeRow } from '../common/rows.ts';
import { badUserInput } from '../common/errors.ts';
import type { PlanGraphContext } from '../context.ts';
import { District } from '../district/district.type.ts';
import { resolvePlanIds } from '../plan/plan.service.ts';
import { Task } from '../task/task.type.ts';
import { Department, DepartmentWorkload, PlanWorkload } from './department.type.ts';
import { departmentWorkload, listDepartments, resolveDepartment, workloadRanking } from './department.service.ts';
import { DEFAULT_MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from '../validation/pageSizeLimit.ts';

@ArgsType()
class WorkloadArgs {
  @Field(() => ID, { nullable: true, description: 'Count only tasks of this plan (id, document name or title).' })
  plan?: string | null;

  @Field(() => Int, { nullable: true, description: `${pageSizeNote(DEFAULT_PAGE_SIZE, 'At')}.` })
  first?: number | null;
}

@ArgsType()
class ResponsibilityPageArgs {
  @Field(() => Int, { nullable: true, description: `${pageSizeNote(DEFAULT_MAX_PAGE_SIZE, 'At')}; the count field says how many there are.` })
  first?: number | null;

  @Field(() => Int, { nullable: true, description: 'Tasks to skip (default 0), for the pages after the first.' })
  offset?: number | null;
}

@ArgsType()
class PlanWorkloadPageArgs {
  @Field(() => Int, { nullable: true, description: `Plans, busiest first, ${pageSizeNote()}.` })
  first?: number | null;

  @Field(() => Int, { nullable: true, description: 'Plans to skip (default 0), for the pages after the first.' })
  offset?: number | null;
}

/** The page of a body's plans by workload that `args` ask for. */
function planWorkloadPage(ctx: PlanGraphContext, args: PlanWorkloadPageArgs): Page {
  const { limit } = pageFrom(args.first ?? defaultPageSize(ctx, 'Department.workload'), null, maxPageSize(ctx));
  return { skip: offsetOf(args.offset, 'plans'), limit };
}

/** An `offset` argument: a whole number, 0 or more (default 0). */
function offsetOf(offset: number | null | undefined, what: string): number {
  const skip = offset ?? 0;
  if (!Number.isInteger(skip) || skip < 0) throw badUserInput(`"offset" must be a whole number of ${what}, 0 or more (got ${offset}).`, { argument: 'offset' });
  return skip;
}

/** The page of a body's tasks in a role that `args` ask for (the default page when they ask none). */
function responsibilityPageOf(ctx: PlanGraphContext, type: Responsibility, args: ResponsibilityPageArgs): Page {
  const { limit } = pageFrom(args.first ?? defaultPageSize(ctx, type === 'LEADS' ? 'Department.leads' : 'Department.supports'), null, maxPageSize(ctx));
  return { skip: offsetOf(args.offset, 'tasks'), limit };
}

/** One page of a body's tasks in a role, with the total, batched over the bodies of a request. */
function responsibilities(ctx: PlanGraphContext, department: NodeRow, type: Responsibility, args: ResponsibilityPageArgs) {
  const page = responsibilityPageOf(ctx, type, args);
  return ctx.loaders
    .batch(
      `department.${type}:${JSON.stringify(page)}`,
      (ids) => departmentTasksPageQuery(type, ids, page),
      (r) => ({ totalCount: r.totalCount as number, items: r.items as NodeRow[] }),
      () => ({ totalCount: 0, items: [] as NodeRow[] }),
    )
    .load(department.id);
}

/**
 * The page of led tasks Query.department fetches with the body: the one its `leads` selection
 * asks for, so `leads(first: 20)` costs one query of 20 tasks, not a default page of 100 and then
 * a second query. None when leads are not selected, selected twice, or asked for wrongly (the
 * field's resolver then fetches, or reports the error).
 */
function prefetchedLeadsPage(ctx: PlanGraphContext, info: GraphQLResolveInfo): Page | undefined {
  const args = selectedFieldArguments(info, 'leads');
  if (!args) return undefined;
  try {
    return responsibilityPageOf(ctx, 'LEADS', args as ResponsibilityPageArgs);
  } catch {
    return undefined;
  }
}

function samePage(a: Page | undefined, b: Page): boolean {
  return a !== undefined && a.skip === b.skip && a.limit === b.limit;
}

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => Department, {
    nullable: true,
    description:
      'A body by full name, alias or the usual short forms (广东省发展和改革委员会, 省发展改革委, 省发改委, 广州市发改委; 发改委 with jurisdiction: "广州市"). Unknown names are a BAD_USER_INPUT error listing close names.',
  })
  department(
    @Arg('name', () => String) name: string,
    @Ctx() ctx: PlanGraphContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('jurisdiction', () => String, {
      nullable: true,
      description: 'The division whose body a short name means (广州市, 花都区, 440114): 发改委 within 广州市 is 广州市发展和改革委员会.',
    })
    jurisdiction?: string | null,
  ): Promise<NodeRow> {
    return resolveDepartment(ctx, name, prefetchedLeadsPage(ctx, info), jurisdiction);
  }

  @Query(() => [Department], { description: 'Bodies whose name or an alias contains the text; all bodies without it. By name.' })
  departments(@Arg('nameContains', () => String, { nullable: true }) nameContains: string | null | undefined, @Ctx() ctx: PlanGraphContext) {
    return listDepartments(ctx, nameContains ?? null);
  }

  @Query(() => [DepartmentWorkload], { name: 'workload', description: 'The busiest bodies: tasks led and supported, across all plans or within one.' })
  async busiestDepartments(@Args(() => WorkloadArgs) { plan, first }: WorkloadArgs, @Ctx() ctx: PlanGraphContext) {
    const { limit } = pageFrom(first, null, maxPageSize(ctx));
    const planIds = plan ? await resolvePlanIds(ctx, plan, 'plan') : undefined;
    return workloadRanking(ctx, planIds, limit);
  }

  @FieldResolver(() => [String], { description: 'Every other name seen for it, e.g. 省发展改革委.' })
  aliases(@Root() department: NodeRow): string[] {
    return department.aliases ?? [];
  }

  @FieldResolver(() => District, { nullable: true, description: 'The area whose body it is, when known.' })
  jurisdiction(@Root() department: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return ctx.loaders.one('department.jurisdiction', departmentJurisdictionQuery).load(department.id);
  }

  @FieldResolver(() => [Task], { description: 'Tasks it leads (LEADS), every plan: a page (first 100 by default; leadCount says how many).' })
  async leads(@Root() department: NodeRow, @Ctx() ctx: PlanGraphContext, @Args(() => ResponsibilityPageArgs) args: ResponsibilityPageArgs) {
    // Query.department fetches the page its selection asks for with the body.
    if (department._leads && samePage(department._leadsPage, responsibilityPageOf(ctx, 'LEADS', args))) return department._leads;
    return (await responsibilities(ctx, department, 'LEADS', args)).items;
  }

  @FieldResolver(() => Int, { description: 'How many tasks it leads.' })
  async leadCount(@Root() department: NodeRow, @Ctx() ctx: PlanGraphContext) {
    if (typeof department._leadCount === 'number') return department._leadCount;
    return (await responsibilities(ctx, department, 'LEADS', {})).totalCount;
  }

  @FieldResolver(() => [Task], { description: 'Tasks it supports (SUPPORTS), every plan: a page (first 100 by default; supportCount says how many).' })
  async supports(@Root() department: NodeRow, @Ctx() ctx: PlanGraphContext, @Args(() => ResponsibilityPageArgs) args: ResponsibilityPageArgs) {
    return (await responsibilities(ctx, department, 'SUPPORTS', args)).items;
  }

  @FieldResolver(() => Int, { description: 'How many tasks it supports.' })
  async supportCount(@Root() department: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return (await responsibilities(ctx, department, 'SUPPORTS', {})).totalCount;
  }

  @FieldResolver(() => [PlanWorkload], { name: 'workload', description: 'Tasks led and supported per plan, busiest plan first (then plan title): a page, 20 plans by default.' })
  workloadPerPlan(@Root() department: NodeRow, @Ctx() ctx: PlanGraphContext, @Args(() => PlanWorkloadPageArgs) args: PlanWorkloadPageArgs) {
    return departmentWorkload(ctx, department, planWorkloadPage(ctx, args));
  }

  @FieldResolver(() => Boolean, {
    description:
      'False for a body written relative to a division its document does not name (区财政局 in a plan whose district is unknown): kept under its written name, with the level it implies, as that document\'s own body.',
  })
  resolved(@Root() department: NodeRow): boolean {
    return isResolved(department);
  }

  @Query(() => [Department], {
    description: 'Bodies not resolved (resolved: false), by document and name; only those of one document (its file name) when given.',
  })
  async unresolvedDepartments(@Arg('document', () => String, { nullable: true }) document: string | null | undefined, @Ctx() ctx: PlanGraphContext) {
    const rows = await listDepartments(ctx, null);
    return rows
      .filter((d) => !isResolved(d) && (document == null || d.scopeDocument === document))
      .sort((a, b) => String(a.scopeDocument).localeCompare(String(b.scopeDocument)) || String(a.name).localeCompare(String(b.name)));
  }
}

/** The graph marks only unresolved bodies (resolved: false); no property means resolved. */
function isResolved(department: NodeRow): boolean {
  return department.resolved !== false;
}

@Resolver(() => DepartmentWorkload)
export class DepartmentWorkloadResolver {
  @FieldResolver(() => [PlanWorkload], { description: 'The same counts per plan, busiest plan first: a page, 20 plans by default.' })
  plans(@Root() row: { department: NodeRow }, @Ctx() ctx: PlanGraphContext, @Args(() => PlanWorkloadPageArgs) args: PlanWorkloadPageArgs) {
    return departmentWorkload(ctx, row.department, planWorkloadPage(ctx, args));
  }
}
