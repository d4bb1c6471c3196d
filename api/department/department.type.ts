import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Plan } from '../plan/plan.type.ts';

@ObjectType({ description: 'Any responsible body: party and government departments, governments acting as responsible bodies, enterprises, banks.' })
export class Department {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Canonical full name, e.g. 广东省发展和改革委员会.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'department, government, party, enterprise, bank, …' })
  kind?: string | null;
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
