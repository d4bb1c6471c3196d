import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { selectsField } from '../common/selects.ts';
import { departmentJurisdictionQuery, departmentLeadsQuery, departmentSupportsQuery } from '../../graph/queries/relations.ts';
import { pageFrom } from '../common/pagination.ts';
import type { NodeRow } from '../common/rows.ts';
import type { PlanGraphContext } from '../context.ts';
import { District } from '../district/district.type.ts';
import { resolvePlanIds } from '../plan/plan.service.ts';
import { Task } from '../task/task.type.ts';
import { Department, DepartmentWorkload, PlanWorkload } from './department.type.ts';
import { departmentWorkload, listDepartments, resolveDepartment, workloadRanking } from './department.service.ts';

@ArgsType()
class WorkloadArgs {
  @Field(() => ID, { nullable: true, description: 'Count only tasks of this plan (id, document name or title).' })
  plan?: string | null;

  @Field(() => Int, { nullable: true, description: 'At most 100 (default 20).' })
  first?: number | null;
}

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => Department, {
    nullable: true,
    description: 'A body by full name or alias (广东省发展和改革委员会, 省发展改革委). Unknown names are a BAD_USER_INPUT error listing close names.',
  })
  department(@Arg('name', () => String) name: string, @Ctx() ctx: PlanGraphContext, @Info() info: GraphQLResolveInfo): Promise<NodeRow> {
    return resolveDepartment(ctx, name, selectsField(info, 'leads'));
  }

  @Query(() => [Department], { description: 'Bodies whose name or an alias contains the text; all bodies without it. By name.' })
  departments(@Arg('nameContains', () => String, { nullable: true }) nameContains: string | null | undefined, @Ctx() ctx: PlanGraphContext) {
    return listDepartments(ctx, nameContains ?? null);
  }

  @Query(() => [DepartmentWorkload], { name: 'workload', description: 'The busiest bodies: tasks led and supported, across all plans or within one.' })
  async busiestDepartments(@Args(() => WorkloadArgs) { plan, first }: WorkloadArgs, @Ctx() ctx: PlanGraphContext) {
    const { limit } = pageFrom(first, null);
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

  @FieldResolver(() => [Task], { description: 'Tasks it leads (LEADS), every plan.' })
  leads(@Root() department: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return department._leads ?? ctx.loaders.list('department.leads', departmentLeadsQuery).load(department.id);
  }

  @FieldResolver(() => [Task], { description: 'Tasks it supports (SUPPORTS), every plan.' })
  supports(@Root() department: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return ctx.loaders.list('department.supports', departmentSupportsQuery).load(department.id);
  }

  @FieldResolver(() => [PlanWorkload], { name: 'workload', description: 'Tasks led and supported per plan, busiest plan first.' })
  workloadPerPlan(@Root() department: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return departmentWorkload(ctx, department);
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
  @FieldResolver(() => [PlanWorkload], { description: 'The same counts per plan.' })
  plans(@Root() row: { department: NodeRow }, @Ctx() ctx: PlanGraphContext) {
    return departmentWorkload(ctx, row.department);
  }
}
