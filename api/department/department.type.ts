import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Plan } from '../plan/plan.type.ts';

/** The level of government a body belongs to; COUNTY only for an unresolved 县X (a resolved county's bodies are DISTRICT). */
export enum BodyLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
  COUNTY = 'COUNTY',
  TOWN = 'TOWN',
}
registerEnumType(BodyLevel, { name: 'BodyLevel', description: 'The level of government a body belongs to (省 PROVINCE, 市 CITY, 区 DISTRICT, 县 COUNTY, 镇/街道 TOWN).' });

@ObjectType({ description: 'Any responsible body: party and government departments, governments acting as responsible bodies, enterprises, banks.' })
export class Department {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Canonical full name, e.g. 广东省发展和改革委员会.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'department, government, party, enterprise, bank, …' })
  kind?: string | null;

  @Field(() => BodyLevel, { nullable: true, description: 'Its level of government when known; for an unresolved body, the level its name implies (区财政局: DISTRICT).' })
  level?: BodyLevel | null;

  @Field(() => String, {
    nullable: true,
    description: 'For an unresolved body only: the document it was read from, whose own body it is (two documents\' 区财政局 are two bodies).',
  })
  scopeDocument?: string | null;
}

@ObjectType({ description: 'How many tasks of one plan a body leads and supports.' })
export class PlanWorkload {
  @Field(() => Plan)
  plan!: Plan;

  @Field(() => Int)
  led!: number;

  @Field(() => Int)
  supported!: number;
}

@ObjectType({ description: 'A body with the number of tasks it leads and supports (optionally within some plans).' })
export class DepartmentWorkload {
  @Field(() => Department)
  department!: Department;

  @Field(() => Int)
  led!: number;

  @Field(() => Int)
  supported!: number;
}
