import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../common/page.args.ts';
import { planGoalsQuery, planIssuerQuery, planJurisdictionQuery } from '../../graph/queries/relations.ts';
import { TaskConnection } from '../task/task-connection.type.ts';
import { maxPageSize, pageFrom } from '../common/pagination.ts';
import type { NodeRow } from '../common/rows.ts';
import type { PlanGraphContext } from '../context.ts';
import { Department } from '../department/department.type.ts';
import { District } from '../district/district.type.ts';
import { Evidence, evidenceOf } from '../evidence/evidence.type.ts';
import { Goal } from '../goal/goal.type.ts';
import { JurisdictionEvidence, jurisdictionEvidenceOf } from './jurisdiction-evidence.type.ts';
import { Plan } from './plan.type.ts';
import { allPlans, findPlan, planTasks } from './plan.service.ts';

@Resolver(() => Plan)
export class PlanResolver {
  @Query(() => [Plan], { description: 'Every plan and news item loaded.' })
  plans(@Ctx() ctx: PlanGraphContext) {
    return allPlans(ctx);
  }

  @Query(() => Plan, { nullable: true, description: 'A plan by id (plan:<document name>); the document name or exact title also work.' })
  plan(@Arg('id', () => ID) id: string, @Ctx() ctx: PlanGraphContext) {
    return findPlan(ctx, id);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The body that issued the plan, when the document says or clearly implies it.' })
  issuer(@Root() plan: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return ctx.loaders.one('plan.issuer', planIssuerQuery).load(plan.id);
  }

  @FieldResolver(() => District, { nullable: true, description: 'The area the plan governs (广东省 for a provincial plan, 花都区 for the Huadu plan).' })
  jurisdiction(@Root() plan: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return ctx.loaders.one('plan.jurisdiction', planJurisdictionQuery).load(plan.id);
  }

  @FieldResolver(() => [JurisdictionEvidence], {
    description: 'Why the jurisdiction is what it is: every clue that agrees with it, strongest first (a manifest, then header, signature, document number, credit code, then title, then body).',
  })
  jurisdictionEvidence(@Root() plan: NodeRow): JurisdictionEvidence[] {
    return jurisdictionEvidenceOf(plan);
  }

  @FieldResolver(() => [Goal])
  goals(@Root() plan: NodeRow, @Ctx() ctx: PlanGraphContext) {
    return ctx.loaders.list('plan.goals', planGoalsQuery).load(plan.id);
  }

  @FieldResolver(() => TaskConnection, { description: 'Every task of the plan at any depth, in reading order.' })
  tasks(@Root() plan: NodeRow, @Ctx() ctx: PlanGraphContext, @Args(() => PageArgs) { first, after }: PageArgs) {
    return planTasks(ctx, plan, pageFrom(first, after, maxPageSize(ctx)));
  }

  @FieldResolver(() => Evidence)
  evidence(@Root() plan: NodeRow): Evidence {
    return evidenceOf(plan);
  }
}
