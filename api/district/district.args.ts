import { ArgsType, Field, Int } from 'type-graphql';
import { pageSizeNote } from '../common/pagination.ts';
import { NESTED_PAGE_ARGUMENTS, PAGE_SIZE_DEFAULTS } from '../common/pageDefaults.ts';

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
  @Field(() => Int, { nullable: true, description: `Page size, ${pageSizeNote()}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'An edge cursor or endCursor from the previous page.' })
  after?: string | null;
}

@ArgsType()
export class LeadingDepartmentsArgs extends TouchesArgs {
  @Field(() => Boolean, { nullable: true, description: 'Also list supporting bodies, with role SUPPORT (default false).' })
  includeSupporting?: boolean | null;

  @Field(() => Int, { nullable: true, description: `Bodies per page (a body with both roles counts twice), ${pageSizeNote(PAGE_SIZE_DEFAULTS['District.leadingDepartments'])}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `cursor` of the last body of the previous page.' })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Tasks listed per body, a sample: ${pageSizeNote(NESTED_PAGE_ARGUMENTS['DepartmentTasks.tasks'].default)}; taskCount says how many there are, tasks(filter: {touches, ledBy}) pages through them all.`,
  })
  tasksFirst?: number | null;
}
