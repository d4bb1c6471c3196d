import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { goalPlanQuery, goalTargetedByQuery } from '../../graph/queries/relations.ts';
import type { NodeRow } from '../common/rows.ts';
import type { PlanGraphContext } from '../context.ts';
import { Evidence, evidenceOf } from '../evidence/evidence.type.ts';
import { Plan } from '../plan/plan.type.ts';
import { Task } from '../task/task.type.ts';
import { Goal } from './goal.type.ts';

@Resolver(() => Goal)
export class GoalResolver {
  @FieldResolver(() => Plan)
  plan(@Root() goal: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return ctx.loaders.one('goal.plan', goalPlanQuery).load(goal.id);
  }

  @FieldResolver(() => [Task], { description: 'Tasks that serve this goal (TARGETS).' })
  targetedBy(@Root() goal: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return ctx.loaders.list('goal.targetedBy', goalTargetedByQuery).load(goal.id);
  }

  @FieldResolver(() => Evidence)
  evidence(@Root() goal: NodeRow): Evidence {
    return evidenceOf(goal);
  }
}
