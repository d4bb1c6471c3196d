import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A goal or quantified indicator the plan sets (e.g. 常住人口城镇化率 75% by 2025).' })
export class Goal {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  unit?: string | null;

  @Field(() => Int, { nullable: true })
  baselineYear?: number | null;

  @Field(() => String, { nullable: true })
  baselineValue?: string | null;

  @Field(() => Int, { nullable: true })
  targetYear?: number | null;

  @Field(() => String, { nullable: true })
  targetValue?: string | null;

  @Field(() => String, { nullable: true, description: '预期性 / 约束性 when the plan says so.' })
  attribute?: string | null;
}
