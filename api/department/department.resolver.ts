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
    return resolveDepartment(ctx, name, selectsField(info, 'leads'), jurisdiction);
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
}

@Resolver(() => DepartmentWorkload)
export class DepartmentWorkloadResolver {
  @FieldResolver(() => [PlanWorkload], { description: 'The same counts per plan.' })
  plans(@Root() row: { department: NodeRow }, @Ctx() ctx: PlanGraphContext) {
    return departmentWorkload(ctx, row.department);
  }
}
