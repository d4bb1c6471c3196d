import { ArgsType, Field, Int } from 'type-graphql';
import { pageSizeNote } from './pagination.ts';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, ${pageSizeNote()}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'An edge cursor or endCursor from the previous page.' })
  after?: string | null;
}

@ArgsType()
export class FirstArgs {
  @Field(() => Int, { nullable: true, description: `How many, ${pageSizeNote()}.` })
  first?: number | null;
}
