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
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [TaskEdge])
  edges!: TaskEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
