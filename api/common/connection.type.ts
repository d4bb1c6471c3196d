import { Field, Int, ObjectType } from 'type-graphql';
import { Task } from '../task/task.type.ts';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor?: string | null;

  @Field(() => String, { nullable: true })
  endCursor?: string | null;
}

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
