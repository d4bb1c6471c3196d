/** Districts: name resolution, the flagship (leadingDepartments) and tasks touching an area. */
import { leadingDepartmentsGroups, leadingDepartmentsQuery, resolveDistrictWithLeadingDepartmentsQuery, type BodyPage, type LeadingDepartmentsOptions } from '../../graph/queries/leading-departments.ts';
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

/** A leadingDepartments selection's options and pages (district.resolver.ts leadingDepartmentsRequest). */
export interface LeadingDepartmentsRequest {
  options: LeadingDepartmentsOptions;
  page: BodyPage;
}

const requestKey = ({ options, page }: LeadingDepartmentsRequest) => JSON.stringify([options, page]);

function groupsOf(answer: Record<string, unknown>, page: BodyPage): DepartmentTasksRow[] {
  return (leadingDepartmentsGroups(answer) as unknown as Omit<DepartmentTasksRow, 'cursor'>[]).map((g, i) => ({ ...g, cursor: encodeCursor(page.skip + i) }));
}

/**
 * The district a name means with the answer `request` asks for, from one query; the row keeps
 * it as `_leadingDepartments` under its key for District.leadingDepartments.
 */
export async function resolveDistrictWithLeadingDepartments(ctx: PlanGraphContext, name: string, request: LeadingDepartmentsRequest): Promise<NodeRow> {
  const [best] = await resolveName(ctx, 'District', name, (n) => resolveDistrictWithLeadingDepartmentsQuery(n, request.options, request.page), 'name');
  const { _answer, ...district } = best;
  return { ...district, _leadingDepartments: { key: requestKey(request), groups: groupsOf(_answer as Record<string, unknown>, request.page) } } as NodeRow;
}

export function leadingDepartments(ctx: PlanGraphContext, district: NodeRow, request: LeadingDepartmentsRequest): Promise<DepartmentTasksRow[]> {
  const prefetched = district._leadingDepartments as { key: string; groups: DepartmentTasksRow[] } | undefined;
  if (prefetched?.key === requestKey(request)) return Promise.resolve(prefetched.groups);
  const { options, page } = request;
  return ctx.loaders
    .batch(
      `district.leadingDepartments:${requestKey(request)}`,
      (ids) => leadingDepartmentsQuery(ids, options, page),
      (r) => groupsOf(r, page),
      (): DepartmentTasksRow[] => [],
    )
    .load(district.id);
}

/** `withTotal` false: the request does not select totalCount (taskConnectionQuery says what that saves). */
export async function districtTasks(ctx: PlanGraphContext, district: NodeRow, options: TouchesOptions, page: Page, withTotal = true): Promise<ConnectionShape> {
  const result = await ctx.loaders
    .batch(
      `district.tasks:${JSON.stringify([options, page, withTotal])}`,
      (ids) => districtTasksQuery(ids, options, page, withTotal),
      (r) => ({ totalCount: r.totalCount as number, page: r.page as NodeRow[] }),
      () => ({ totalCount: 0, page: [] as NodeRow[] }),
    )
    .load(district.id);
  // Without withTotal the page holds a row more than asked, whatever total came with it.
  return toConnection(result.page, withTotal ? result.totalCount : null, page);
}
