import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { projectDistrictsQuery, projectPlanQuery, projectTasksQuery } from '../../graph/queries/relations.ts';
import type { NodeRow } from '../common/rows.ts';
import type { PlanGraphContext } from '../context.ts';
import { District } from '../district/district.type.ts';
import { Evidence, evidenceOf } from '../evidence/evidence.type.ts';
import { Plan } from '../plan/plan.type.ts';
import { Task } from '../task/task.type.ts';
import { Project } from './project.type.ts';

@Resolver(() => Project)
export class ProjectResolver {
  @FieldResolver(() => [District], { description: 'Where it is (LOCATED_IN).' })
  districts(@Root() project: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return ctx.loaders.list('project.districts', projectDistrictsQuery).load(project.id);
  }

  @FieldResolver(() => [Task], { description: 'The tasks or boxes that list it (PART_OF).' })
  tasks(@Root() project: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return ctx.loaders.list('project.tasks', projectTasksQuery).load(project.id);
  }

  @FieldResolver(() => Plan, { nullable: true })
  plan(@Root() project: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return ctx.loaders.one('project.plan', projectPlanQuery).load(project.id);
  }

  @FieldResolver(() => Evidence)
  evidence(@Root() project: NodeRow): Evidence {
    return evidenceOf(project);
  }
}
