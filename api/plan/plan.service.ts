/** Plans: lists, lookup by id/title, the plan's tasks. */
import { allPlansQuery } from '../../graph/queries/lists.ts';
import { resolvePlanQuery } from '../../graph/queries/names.ts';
import { planTasksQuery, type Page } from '../../graph/queries/tasks.ts';
import { resolveName } from '../common/names.ts';
import { toConnection, type ConnectionShape } from '../common/pagination.ts';
import type { NodeRow } from '../common/rows.ts';
import type { PlanGraphContext } from '../context.ts';

export async function allPlans(ctx: PlanGraphContext): Promise<NodeRow[]> {
  return (await ctx.run(allPlansQuery())).map((r) => r.node as NodeRow);
}

/** The plan with this id (or document name, or exact title), null when none. */
export async function findPlan(ctx: PlanGraphContext, id: string): Promise<NodeRow | null> {
  if (!id.trim()) return null;
  const rows = await ctx.run(resolvePlanQuery(id));
  return (rows[0]?.node as NodeRow | undefined) ?? null;
}

/** Plan ids for a filter argument; BAD_USER_INPUT listing close titles when unknown. */
export async function resolvePlanIds(ctx: PlanGraphContext, idOrTitle: string, argument: string): Promise<string[]> {
  return (await resolveName(ctx, 'Plan', idOrTitle, resolvePlanQuery, argument)).map((p) => p.id);
}

export async function planTasks(ctx: PlanGraphContext, plan: NodeRow, page: Page): Promise<ConnectionShape> {
  const result = await ctx.loaders
    .batch(
      `plan.tasks:${JSON.stringify(page)}`,
      (ids) => planTasksQuery(ids, page),
      (r) => ({ totalCount: r.totalCount as number, page: r.page as NodeRow[] }),
      () => ({ totalCount: 0, page: [] as NodeRow[] }),
    )
    .load(plan.id);
  return toConnection(result.page, result.totalCount, page);
}
