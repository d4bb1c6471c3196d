/** Districts: name resolution, the flagship (leadingDepartments) and tasks touching an area. */
import { leadingDepartmentsGroups, leadingDepartmentsQuery, type BodyPage, type LeadingDepartmentsOptions } from '../../graph/queries/leading-departments.ts';
import { resolveDistrictQuery } from '../../graph/queries/names.ts';
import { districtTasksQuery, type Page } from '../../graph/queries/tasks.ts';
import type { TouchesOptions } from '../../graph/queries/touches.ts';
import { resolveName } from '../common/names.ts';
import { encodeCursor, toConnection, type ConnectionShape } from '../common/pagination.ts';
import type { NodeRow } from '../common/rows.ts';
import type { PlanGraphContext } from '../context.ts';

/** The district a name, alias or code means (the highest-level one when several share an alias). */
export async function resolveDistrict(ctx: PlanGraphContext, name: string, argument = 'name'): Promise<NodeRow> {
  const [best] = await resolveName(ctx, 'District', name, resolveDistrictQuery, argument);
  return best;
}

export interface DepartmentTasksRow {
  department: NodeRow;
  role: 'LEAD' | 'SUPPORT';
  tasks: NodeRow[];
  taskCount: number;
  planCount: number;
  cursor: string;
}

export function leadingDepartments(ctx: PlanGraphContext, district: NodeRow, options: LeadingDepartmentsOptions, page: BodyPage): Promise<DepartmentTasksRow[]> {
  return ctx.loaders
    .batch(
      `district.leadingDepartments:${JSON.stringify([options, page])}`,
      (ids) => leadingDepartmentsQuery(ids, options, page),
      (r) => (leadingDepartmentsGroups(r) as unknown as Omit<DepartmentTasksRow, 'cursor'>[]).map((g, i) => ({ ...g, cursor: encodeCursor(page.skip + i) })),
      (): DepartmentTasksRow[] => [],
    )
    .load(district.id);
}

export async function districtTasks(ctx: PlanGraphContext, district: NodeRow, options: TouchesOptions, page: Page): Promise<ConnectionShape> {
  const result = await ctx.loaders
    .batch(
      `district.tasks:${JSON.stringify([options, page])}`,
      (ids) => districtTasksQuery(ids, options, page),
      (r) => ({ totalCount: r.totalCount as number, page: r.page as NodeRow[] }),
      () => ({ totalCount: 0, page: [] as NodeRow[] }),
    )
    .load(district.id);
  return toConnection(result.page, result.totalCount, page);
}
