/**
 * Page sizes used when a list's size is not asked for, where it is not DEFAULT_PAGE_SIZE (20):
 * the resolvers page with these and the cost estimate (api/validation/costLimit.ts) prices with
 * these, so what is fetched and what is priced cannot drift apart (they did: lists fetching 100
 * were priced at 20). Both also cap them at the server's page-size limit. Keyed `Type.field`.
 *
 * The flagship's bodies default to a full page (100): the question is "which bodies", and a
 * district has rarely more. The tasks under each body default to 10: a sample of each body's
 * tasks (taskCount and planCount give the totals; tasks(filter: {touches, ledBy}) pages through
 * them), so the flagship's default answer is 100 x 10 tasks, not 100 x 100.
 */
export const PAGE_SIZE_DEFAULTS: Readonly<Record<string, number>> = {
  'District.leadingDepartments': 100,
  'Department.leads': 100,
  'Department.supports': 100,
};

/**
 * Lists paged by an argument of the field above them, keyed `Type.field`: each body's `tasks`
 * in `leadingDepartments(tasksFirst:)`.
 */
export const NESTED_PAGE_ARGUMENTS: Readonly<Record<string, { argument: string; default: number }>> = {
  'DepartmentTasks.tasks': { argument: 'tasksFirst', default: 10 },
};
