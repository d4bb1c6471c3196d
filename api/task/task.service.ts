/** Tasks: lookup, the filtered connection, related tasks across plans. */
import { escapeLucene } from '../../graph/queries/names.ts';
import { relatedTasksQuery } from '../../graph/queries/related.ts';
import { nodesByIdsQuery } from '../../graph/queries/relations.ts';
import { taskConnectionQuery, type Page, type ResolvedTaskFilter } from '../../graph/queries/tasks.ts';
import { badUserInput } from '../common/errors.ts';
import { toConnection, type ConnectionShape } from '../common/pagination.ts';
import type { NodeRow } from '../common/rows.ts';
import type { PlanGraphContext } from '../context.ts';
import { resolveDepartmentIds } from '../department/department.service.ts';
import { resolveDistrict } from '../district/district.service.ts';
import { resolvePlanIds } from '../plan/plan.service.ts';
import { TaskOrder, type TaskFilter } from './task.input.ts';

export async function findTask(ctx: PlanGraphContext, id: string): Promise<NodeRow | null> {
  return ctx.loaders.batch('task.byId', (ids) => nodesByIdsQuery('Task', ids), (r) => r.node as NodeRow, () => null).load(id);
}

/** Names in the filter → node ids (in parallel: a fixed number of small queries), errors for unknown ones. */
export async function resolveTaskFilter(ctx: PlanGraphContext, filter: TaskFilter | null | undefined): Promise<ResolvedTaskFilter> {
  const f = filter ?? {};
  const [touches, ledBy, supportedBy, planIds] = await Promise.all([
    f.touches != null ? resolveDistrict(ctx, f.touches, 'filter.touches').then((d) => d.id) : undefined,
    f.ledBy != null ? resolveDepartmentIds(ctx, f.ledBy, 'filter.ledBy') : undefined,
    f.supportedBy != null ? resolveDepartmentIds(ctx, f.supportedBy, 'filter.supportedBy') : undefined,
    f.plan != null ? resolvePlanIds(ctx, f.plan, 'filter.plan') : undefined,
  ]);
  const resolved: ResolvedTaskFilter = {};
  if (touches !== undefined) {
    resolved.touches = touches;
    resolved.touchesOptions = { includeDescendants: f.includeDescendants ?? true, includeEnclosing: f.includeEnclosing ?? false };
  }
  if (ledBy !== undefined) resolved.ledBy = ledBy;
  if (supportedBy !== undefined) resolved.supportedBy = supportedBy;
  if (planIds !== undefined) resolved.planIds = planIds;
  if (f.text != null) {
    if (!f.text.trim()) throw badUserInput('"filter.text" must contain at least one word.', { argument: 'filter.text' });
    resolved.text = escapeLucene(f.text.trim());
  }
  return resolved;
}

export async function taskConnection(
  ctx: PlanGraphContext,
  filter: TaskFilter | null | undefined,
  orderBy: TaskOrder | null | undefined,
  page: Page,
  withTotal = true,
): Promise<ConnectionShape> {
  const resolved = await resolveTaskFilter(ctx, filter);
  let order = orderBy ?? (resolved.text !== undefined ? TaskOrder.RELEVANCE : TaskOrder.PLAN);
  if (order === TaskOrder.RELEVANCE && resolved.text === undefined) {
    throw badUserInput('orderBy RELEVANCE needs a text filter (filter: { text: "…" }); use PLAN, REF or TITLE otherwise.', { argument: 'orderBy' });
  }
  const [row] = await ctx.run(taskConnectionQuery(resolved, order, page, withTotal));
  // Without withTotal the page holds a row more than asked, whatever total came with it.
  return toConnection((row?.page as NodeRow[]) ?? [], withTotal ? ((row?.totalCount as number) ?? 0) : null, page);
}

export interface RelatedTaskRow {
  task: NodeRow;
  shared: { kind: string; id: string; name: string; via: string }[];
  weight: number;
}

export function relatedTasks(ctx: PlanGraphContext, taskId: string, first: number): Promise<RelatedTaskRow[]> {
  return ctx.loaders.list<RelatedTaskRow>(`task.related:${first}`, (ids) => relatedTasksQuery(ids, first)).load(taskId);
}
