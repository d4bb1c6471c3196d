import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EntityKind } from '../common/enums.ts';
import { Evidence } from '../evidence/evidence.type.ts';
import { SearchHit } from '../search/search.type.ts';

@ObjectType({ description: 'A node on a path.' })
export class PathNode {
  @Field(() => ID)
  id!: string;

  @Field(() => EntityKind)
  kind!: EntityKind;

  @Field(() => String, { description: 'Name, or title for plans and tasks.' })
  name!: string;

  @Field(() => SearchHit, { description: 'The node itself, to select its fields.' })
  entity!: typeof SearchHit;
}

@ObjectType({ description: 'One hop: a relationship walked from one node to the next.' })
export class PathStep {
  @Field(() => PathNode)
  from!: PathNode;

  @Field(() => String, { description: 'Relationship type: LEADS, SUPPORTS, LOCATED_IN, TARGETS, PART_OF, ISSUED_BY or GOVERNS.' })
  relationship!: string;

  @Field(() => Boolean, { description: 'True when the relationship points from `from` to `to`; false when the walk goes against it.' })
  forward!: boolean;

  @Field(() => PathNode)
  to!: PathNode;

  @Field(() => Evidence, { nullable: true, description: 'The text the relationship was read from; null for gazetteer facts.' })
  evidence?: Evidence | null;

  @Field(() => String, { nullable: true, description: 'Where a fact not read from text comes from (e.g. gazetteer).' })
  source?: string | null;
}

@ObjectType({ description: 'How two entities are connected.' })
export class EntityPath {
  @Field(() => Int, { description: 'Number of relationships.' })
  length!: number;

  @Field(() => [PathNode])
  nodes!: PathNode[];

  @Field(() => [PathStep])
  steps!: PathStep[];
}
