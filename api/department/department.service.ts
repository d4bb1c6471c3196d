/** Departments: name resolution, lists and workload. */
import { departmentsQuery } from '../../graph/queries/lists.ts';
import { resolveDepartmentQuery, resolveDepartmentWithLeadsQuery } from '../../graph/queries/names.ts';
import { departmentWorkloadQuery, workloadRankingQuery } from '../../graph/queries/workload.ts';
import { resolveName } from '../common/names.ts';
import type { NodeRow } from '../common/rows.ts';
import type { Page } from '../../graph/queries/tasks.ts';
import type { PlanGraphContext } from '../context.ts';

/**
 * The body a name or alias means (the first by name when an alias is shared). With `leadsPage`,
 * that page of its led tasks (plans included) comes in the same query as `_leads` (and the page
 * as `_leadsPage`), for Department.leads.
 */
export async function resolveDepartment(ctx: PlanGraphContext, name: string, leadsPage?: Page, jurisdiction?: string | null): Promise<NodeRow> {
  const query = (n: string) => (leadsPage ? resolveDepartmentWithLeadsQuery(n, leadsPage, jurisdiction) : resolveDepartmentQuery(n, jurisdiction));
  const [best] = await resolveName(ctx, 'Department', name, query, 'name');
  return leadsPage ? { ...best, _leadsPage: leadsPage } : best;
}

/** Every body a name or alias means: filters match any of them (区发展改革局 in several district plans). */
export async function resolveDepartmentIds(ctx: PlanGraphContext, name: string, argument: string): Promise<string[]> {
  return (await resolveName(ctx, 'Department', name, resolveDepartmentQuery, argument)).map((d) => d.id);
}

export async function listDepartments(ctx: PlanGraphContext, nameContains: string | null): Promise<NodeRow[]> {
  const text = nameContains?.trim() ? nameContains.trim() : null;
  return (await ctx.run(departmentsQuery(text))).map((r) => r.node as NodeRow);
}

export interface PlanWorkloadRow {
  plan: NodeRow;
  led: number;
  supported: number;
}

/** One page of a body's plans by workload, batched over the bodies of a request that ask for the same page. */
export function departmentWorkload(ctx: PlanGraphContext, department: NodeRow, page: Page): Promise<PlanWorkloadRow[]> {
  return ctx.loaders.list<PlanWorkloadRow>(`department.workload:${page.skip}:${page.limit}`, (ids) => departmentWorkloadQuery(ids, page)).load(department.id);
}

export async function workloadRanking(ctx: PlanGraphContext, planIds: string[] | undefined, first: number) {
  return (await ctx.run(workloadRankingQuery(planIds, first))) as { department: NodeRow; led: number; supported: number }[];
}
