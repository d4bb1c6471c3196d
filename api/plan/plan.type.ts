import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One planning document or news item (规划, 纲要, 方案, 报道).' })
export class Plan {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true, description: '"plan" or "news".' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Source file name as loaded.' })
  document?: string | null;

  @Field(() => Int, { nullable: true })
  periodStart?: number | null;

  @Field(() => Int, { nullable: true })
  periodEnd?: number | null;
}
