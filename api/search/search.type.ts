import { createUnionType } from 'type-graphql';
import { Department } from '../department/department.type.ts';
import { District } from '../district/district.type.ts';
import { Goal } from '../goal/goal.type.ts';
import { Plan } from '../plan/plan.type.ts';
import { Project } from '../project/project.type.ts';
import { Task } from '../task/task.type.ts';
import type { NodeRow } from '../common/rows.ts';

const byLabel = { Plan, Goal, Task, Department, District, Project } as const;

/** Any node row as the GraphQL object type of its kind. */
export const SearchHit = createUnionType({
  name: 'SearchHit',
  description: 'Any node of the graph.',
  types: () => [Plan, Goal, Task, Department, District, Project] as const,
  resolveType: (value) => byLabel[(value as unknown as NodeRow).label as keyof typeof byLabel],
});
