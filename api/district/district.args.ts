import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class TouchesArgs {
  @Field(() => Boolean, { nullable: true, description: 'Areas inside this one count too (default true); false: only this area itself.' })
  includeDescendants?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Areas containing this one count too, so province-wide tasks touch every district (default false).',
  })
  includeEnclosing?: boolean | null;
}

@ArgsType()
export class DistrictTasksArgs extends TouchesArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, at most 100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'An edge cursor or endCursor from the previous page.' })
  after?: string | null;
}

@ArgsType()
export class LeadingDepartmentsArgs extends TouchesArgs {
  @Field(() => Boolean, { nullable: true, description: 'Also list supporting bodies, with role SUPPORT (default false).' })
  includeSupporting?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Bodies per page (a body with both roles counts twice), at most 100 (default 100).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `cursor` of the last body of the previous page.' })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Tasks listed per body, a sample: at most 100 (default 10); taskCount says how many there are, tasks(filter: {touches, ledBy}) pages through them all.',
  })
  tasksFirst?: number | null;
}
