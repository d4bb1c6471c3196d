import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, at most 100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'An edge cursor or endCursor from the previous page.' })
  after?: string | null;
}

@ArgsType()
export class FirstArgs {
  @Field(() => Int, { nullable: true, description: 'How many, at most 100 (default 20).' })
  first?: number | null;
}
