import { Field, ObjectType } from 'type-graphql';
import { District } from '../district/district.type.ts';
import { Evidence } from '../evidence/evidence.type.ts';

@ObjectType({ description: 'One LOCATED_IN edge of a task: the area it is in or about, and the text that says so.' })
export class Location {
  @Field(() => District)
  district!: District;

  @Field(() => Evidence, { nullable: true, description: 'Where the document names the area; null when no line was recorded.' })
  evidence?: Evidence | null;
}
