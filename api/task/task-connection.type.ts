import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/connection.type.ts';
import { Task } from './task.type.ts';

@ObjectType()
export class TaskEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Task)
  node!: Task;
}

@ObjectType({ description: 'A page of tasks in a stable order, with the total across all pages.' })
export class TaskConnection {
  // Counted only when selected: leaving it out makes a page with includeEnclosing or a filter
  // beyond one area a single pass (graph/queries/tasks.ts taskConnectionQuery).
  @Field(() => Int, { description: 'How many tasks there are across every page. Counted only when selected: leave it out for the cheapest page (hasNextPage does not need it).' })
  totalCount!: number;

  @Field(() => [TaskEdge])
  edges!: TaskEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
