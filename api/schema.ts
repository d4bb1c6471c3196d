/**
 * The GraphQL schema: type-graphql classes from one folder per concept. The HTTP layer
 * (api/server.ts) serves `buildPlanGraphSchema()` with a context from `createContext()`
 * (api/context.ts).
 */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DepartmentResolver, DepartmentWorkloadResolver } from './department/department.resolver.ts';
import { DistrictResolver } from './district/district.resolver.ts';
import { DistrictCodesResolver } from './district/district.codes.resolver.ts';
import { GoalResolver } from './goal/goal.resolver.ts';
import { PathResolver } from './path/path.resolver.ts';
import { PlanResolver } from './plan/plan.resolver.ts';
import { ProjectResolver } from './project/project.resolver.ts';
import { SearchResolver } from './search/search.resolver.ts';
import { AssignmentResolver, TaskResolver } from './task/task.resolver.ts';

export const resolvers = [
  PlanResolver,
  GoalResolver,
  TaskResolver,
  AssignmentResolver,
  DepartmentResolver,
  DepartmentWorkloadResolver,
  DistrictResolver,
  DistrictCodesResolver,
  ProjectResolver,
  SearchResolver,
  PathResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** Built once per process (type-graphql metadata is global); later calls reuse it. */
export function buildPlanGraphSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers: [...resolvers], validate: false });
  return built;
}
