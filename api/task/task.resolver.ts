import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { FirstArgs } from '../common/page.args.ts';
import { badUserInput } from '../common/errors.ts';
import {
  taskAssignmentsQuery,
  taskChildrenQuery,
  taskDistrictsQuery,
  taskGoalsQuery,
  taskParentQuery,
  taskPlanQuery,
  taskProjectsQuery,
  taskTextQuery,
} from '../../graph/queries/relations.ts';
import { TaskConnection } from './task-connection.type.ts';
import { Role } from '../common/enums.ts';
import { maxPageSize, pageFrom } from '../common/pagination.ts';
import { isSelected } from '../common/selects.ts';
import type { AssignmentRow, NodeRow } from '../common/rows.ts';
import type { PlanGraphContext } from '../context.ts';
import { Department } from '../department/department.type.ts';
import { District } from '../district/district.type.ts';
import { Evidence, evidenceOf, optionalEvidenceOf } from '../evidence/evidence.type.ts';
import { taskLocationsQuery } from '../../graph/queries/locations.ts';
import { Location } from './location.type.ts';
import { Goal } from '../goal/goal.type.ts';
import { Plan } from '../plan/plan.type.ts';
import { Project } from '../project/project.type.ts';
import { RelatedTasksArgs, TaskListArgs } from './task.input.ts';
import { Assignment, RelatedTask, Task } from './task.type.ts';
import { findTask, relatedTasks, taskConnection } from './task.service.ts';

/** A task's assignments: prefetched by the flagship query when present, else batched. */
function assignmentsOf(task: NodeRow, ctx: PlanGraphContext): Promise<AssignmentRow[]> | AssignmentRow[] {
  return (task._assignments as AssignmentRow[] | undefined) ?? ctx.loaders.list<AssignmentRow>('task.assignments', taskAssignmentsQuery).load(task.id);
}

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => Task, { nullable: true, description: 'A task by id (<plan id>/<ref>); null when there is none.' })
  task(@Arg('id', () => ID) id: string, @Ctx() ctx: PlanGraphContext) {
    return findTask(ctx, id);
  }

  @Query(() => TaskConnection, {
    description: 'Tasks across every plan, filtered (filters combine with AND), sorted and paged. Unknown names in filters are BAD_USER_INPUT.',
  })
  tasks(@Ctx() ctx: PlanGraphContext, @Args(() => TaskListArgs) args: TaskListArgs, @Info() info: GraphQLResolveInfo) {
    return taskConnection(ctx, args.filter, args.orderBy, pageFrom(args.first, args.after, maxPageSize(ctx)), isSelected(info, 'totalCount'));
  }

  @Query(() => [RelatedTask], { description: 'Tasks of other plans sharing places, projects, goals or bodies with this task, most shared first.' })
  async relatedTasks(@Args(() => RelatedTasksArgs) { task, first }: RelatedTasksArgs, @Ctx() ctx: PlanGraphContext) {
    const limit = pageFrom(first, null, maxPageSize(ctx)).limit;
    const [found, related] = await Promise.all([findTask(ctx, task), relatedTasks(ctx, task, limit)]);
    if (!found) throw badUserInput(`Unknown task id "${task}" in "task". Task ids look like plan:<document name>/<ref>; take one from tasks, search or a plan's tasks.`, { argument: 'task' });
    return related;
  }

  @FieldResolver(() => String, { description: 'Full text: heading plus the body paragraphs that belong to it directly.' })
  async text(@Root() task: NodeRow, @Ctx() ctx: PlanGraphContext): Promise<string> {
    // Rows listed many times in one answer (the flagship) come without text: load it once per request.
    if (!('text' in task)) return (await ctx.loaders.one<string>('task.text', taskTextQuery).load(task.id)) ?? task.title ?? '';
    return task.text ?? task.title ?? '';
  }

  @FieldResolver(() => Plan)
  plan(@Root() task: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return task._plan ?? ctx.loaders.one('task.plan', taskPlanQuery).load(task.id);
  }

  @FieldResolver(() => Task, { nullable: true, description: 'The section or chapter it is part of.' })
  parent(@Root() task: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return ctx.loaders.one('task.parent', taskParentQuery).load(task.id);
  }

  @FieldResolver(() => [Task], { description: 'Its items, in reading order.' })
  children(@Root() task: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return ctx.loaders.list('task.children', taskChildrenQuery).load(task.id);
  }

  @FieldResolver(() => [Assignment], { description: 'LEADS and SUPPORTS edges with evidence, leads first.' })
  assignments(@Root() task: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return assignmentsOf(task, ctx);
  }

  @FieldResolver(() => [Department], { description: 'Bodies leading it.' })
  async leads(@Root() task: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return (await assignmentsOf(task, ctx)).filter((a) => a.role === Role.LEAD).map((a) => a.department);
  }

  @FieldResolver(() => [Department], { description: 'Bodies supporting it.' })
  async supporters(@Root() task: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return (await assignmentsOf(task, ctx)).filter((a) => a.role === Role.SUPPORT).map((a) => a.department);
  }

  @FieldResolver(() => [District], { description: 'Areas the task is located in or explicitly about (LOCATED_IN).' })
  districts(@Root() task: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return ctx.loaders.list('task.districts', taskDistrictsQuery).load(task.id);
  }

  @FieldResolver(() => [Location], { description: 'Its LOCATED_IN edges: each area with the line that names it.' })
  async locations(@Root() task: NodeRow, @Ctx() ctx: PlanGraphContext) {
    const items = await ctx.loaders.list<{ district: NodeRow; evidence: Record<string, unknown> }>('task.locations', taskLocationsQuery).load(task.id);
    return items.map((item) => ({ district: item.district, evidence: optionalEvidenceOf(item.evidence ?? {}) }));
  }

  @FieldResolver(() => [Project], { description: 'Projects it lists (PART_OF).' })
  projects(@Root() task: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return ctx.loaders.list('task.projects', taskProjectsQuery).load(task.id);
  }

  @FieldResolver(() => [Goal], { description: 'Goals the task serves (TARGETS).' })
  goals(@Root() task: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return ctx.loaders.list('task.goals', taskGoalsQuery).load(task.id);
  }

  @FieldResolver(() => Evidence)
  evidence(@Root() task: NodeRow): Evidence {
    return evidenceOf(task);
  }

  @FieldResolver(() => [RelatedTask], { description: 'Tasks of other plans sharing places, projects, goals or bodies with it, most shared first.' })
  related(@Root() task: NodeRow, @Ctx() ctx: PlanGraphContext, @Args(() => FirstArgs) { first }: FirstArgs) {
    return relatedTasks(ctx, task.id, pageFrom(first, null, maxPageSize(ctx)).limit);
  }
}

@Resolver(() => Assignment)
export class AssignmentResolver {
  @FieldResolver(() => Evidence)
  evidence(@Root() assignment: AssignmentRow): Evidence {
    return evidenceOf(assignment.evidence ?? {});
  }
}
