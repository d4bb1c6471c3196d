import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { pageSizeNote } from '../common/pagination.ts';

@InputType({ description: 'Task filters; every filter given must hold (AND).' })
export class TaskFilter {
  @Field(() => String, { nullable: true, description: 'District name, alias or code; matches tasks touching it or any area inside it.' })
  touches?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'With touches: areas inside it count too (default true).' })
  includeDescendants?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'With touches: areas containing it count too, so province-wide tasks match (default false).' })
  includeEnclosing?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Department name or alias (LEADS).' })
  ledBy?: string | null;

  @Field(() => String, { nullable: true, description: 'Department name or alias (SUPPORTS).' })
  supportedBy?: string | null;

  @Field(() => ID, { nullable: true, description: 'Plan id (plan:<document name>); the document name or exact title also work.' })
  plan?: string | null;

  @Field(() => String, { nullable: true, description: 'Full-text words, Chinese included.' })
  text?: string | null;
}

export enum TaskOrder {
  RELEVANCE = 'RELEVANCE',
  PLAN = 'PLAN',
  REF = 'REF',
  TITLE = 'TITLE',
}
registerEnumType(TaskOrder, {
  name: 'TaskOrder',
  description: 'Task list order. Default: RELEVANCE with a text filter, else PLAN.',
  valuesConfig: {
    RELEVANCE: { description: 'Full-text score, best first (then PLAN order); needs a text filter.' },
    PLAN: { description: 'Plan title, then reading order inside the plan.' },
    REF: { description: 'Numbering string (e.g. 第二章第一节), then plan title.' },
    TITLE: { description: 'Task title, then plan title.' },
  },
});

@ArgsType()
export class TaskListArgs {
  @Field(() => TaskFilter, { nullable: true })
  filter?: TaskFilter | null;

  @Field(() => Int, { nullable: true, description: `Page size, ${pageSizeNote()}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'An edge cursor or endCursor from the previous page.' })
  after?: string | null;

  @Field(() => TaskOrder, { nullable: true })
  orderBy?: TaskOrder | null;
}

@ArgsType()
export class RelatedTasksArgs {
  @Field(() => ID, { description: 'Task id (<plan id>/<ref>).' })
  task!: string;

  @Field(() => Int, { nullable: true, description: `How many, ${pageSizeNote()}.` })
  first?: number | null;
}
