import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A named, concrete work: station, road, park, pilot community, small town, industrial platform.' })
export class Project {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  category?: string | null;
}
