import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { DistrictTasksArgs, LeadingDepartmentsArgs } from './district.args.ts';
import { districtChildrenQuery, districtParentQuery, districtProjectsQuery } from '../../graph/queries/relations.ts';
import { TaskConnection } from '../task/task-connection.type.ts';
import { DivisionLevel } from '../common/enums.ts';
import { defaultPageSize, maxPageSize, pageFrom } from '../common/pagination.ts';
import { isSelected, isSelectedUnder, selectedFieldArguments } from '../common/selects.ts';
import type { NodeRow } from '../common/rows.ts';
import type { PlanGraphContext } from '../context.ts';
import { Project } from '../project/project.type.ts';
import { DepartmentTasks, District } from './district.type.ts';
import { districtTasks, leadingDepartments, resolveDistrict, resolveDistrictWithLeadingDepartments, type LeadingDepartmentsRequest } from './district.service.ts';

@Resolver(() => District)
export class DistrictResolver {
  @Query(() => District, {
    nullable: true,
    description: 'A division or zone by full name, alias or code (花都区, 花都, 440114). Unknown names are a BAD_USER_INPUT error listing close names.',
  })
  district(@Arg('name', () => String) name: string, @Ctx() ctx: PlanGraphContext, @Info() info: GraphQLResolveInfo): Promise<NodeRow> {
    // The flagship asked once under it comes in the same query (one round trip).
    const args = selectedFieldArguments(info, 'leadingDepartments');
    if (!args) return resolveDistrict(ctx, name);
    let request: LeadingDepartmentsRequest;
    try {
      request = leadingDepartmentsRequest(ctx, args as LeadingDepartmentsArgs, isSelectedUnder(info, 'leadingDepartments', 'tasks'));
    } catch {
      // Its own resolver reports what is wrong with its arguments.
      return resolveDistrict(ctx, name);
    }
    return resolveDistrictWithLeadingDepartments(ctx, name, request);
  }

  @FieldResolver(() => [String])
  aliases(@Root() district: NodeRow): string[] {
    return district.aliases ?? [];
  }

  @FieldResolver(() => DivisionLevel)
  level(@Root() district: NodeRow): DivisionLevel {
    return String(district.level ?? (String(district.id).startsWith('zone:') ? 'ZONE' : 'DISTRICT')).toUpperCase() as DivisionLevel;
  }

  @FieldResolver(() => District, { nullable: true, description: 'The division it lies in (zones it is a member of are not parents).' })
  parent(@Root() district: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return ctx.loaders.one('district.parent', districtParentQuery).load(district.id);
  }

  @FieldResolver(() => [District], { description: 'Divisions lying in it; for a zone, its member divisions.' })
  children(@Root() district: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return ctx.loaders.list('district.children', districtChildrenQuery).load(district.id);
  }

  @FieldResolver(() => [Project], { description: 'Projects located directly in it.' })
  projects(@Root() district: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return ctx.loaders.list('district.projects', districtProjectsQuery).load(district.id);
  }

  @FieldResolver(() => TaskConnection, {
    description:
      'Tasks that touch this area: the task, a task it is part of or one under it is located in the area (or in a zone that lists it), or its plan governs the area; includeDescendants counts the areas inside it, includeEnclosing the areas around it. By plan title then reading order.',
  })
  tasks(@Root() district: NodeRow, @Ctx() ctx: PlanGraphContext, @Args(() => DistrictTasksArgs) args: DistrictTasksArgs, @Info() info: GraphQLResolveInfo) {
    const page = pageFrom(args.first, args.after, maxPageSize(ctx));
    const options = { includeDescendants: args.includeDescendants ?? true, includeEnclosing: args.includeEnclosing ?? false };
    return districtTasks(ctx, district, options, page, isSelected(info, 'totalCount'));
  }

  @FieldResolver(() => [DepartmentTasks], {
    description:
      'The flagship question: which bodies lead (and optionally support) tasks touching this area, with how many and the first of them. Leads first, busiest first; pages of bodies with first/after.',
  })
  leadingDepartments(
    @Root() district: NodeRow,
    @Ctx() ctx: PlanGraphContext,
    @Args(() => LeadingDepartmentsArgs) args: LeadingDepartmentsArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return leadingDepartments(ctx, district, leadingDepartmentsRequest(ctx, args, isSelected(info, 'tasks')));
  }
}

/**
 * What a leadingDepartments selection asks the query for: options and pages, defaults from the
 * table the cost estimate prices with (api/common/pageDefaults.ts). Without `tasks` selected
 * (bodies with their counts only) the query reads no task at all. Throws on a bad page.
 */
function leadingDepartmentsRequest(ctx: PlanGraphContext, args: LeadingDepartmentsArgs, tasksSelected: boolean): LeadingDepartmentsRequest {
  const bodies = pageFrom(args.first ?? defaultPageSize(ctx, 'District.leadingDepartments'), args.after, maxPageSize(ctx));
  // tasksFirst is not checked by the page-size rule: pageFrom holds it to the limit.
  const tasks = pageFrom(args.tasksFirst ?? defaultPageSize(ctx, 'DepartmentTasks.tasks'), null, maxPageSize(ctx)).limit;
  return {
    options: {
      includeDescendants: args.includeDescendants ?? true,
      includeEnclosing: args.includeEnclosing ?? false,
      includeSupporting: args.includeSupporting ?? false,
    },
    page: { skip: bodies.skip, limit: bodies.limit, tasks: tasksSelected ? tasks : 0 },
  };
}
