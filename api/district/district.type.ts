import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Department } from '../department/department.type.ts';
import { Role } from '../common/enums.ts';
import { Task } from '../task/task.type.ts';

@ObjectType({ description: 'An administrative division (province … village) or a named zone spanning several.' })
export class District {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Statistical division code when known (440114 for 花都区).' })
  code?: string | null;
}

@ObjectType({ description: 'A body and the tasks touching an area it leads or supports.' })
export class DepartmentTasks {
  @Field(() => Department)
  department!: Department;

  @Field(() => Role)
  role!: Role;

  @Field(() => [Task], { description: 'The first tasks (leadingDepartments `tasksFirst`, default 10), by plan title then reading order; taskCount says how many there are.' })
  tasks!: Task[];

  @Field(() => Int, { description: 'How many tasks touching the area the body has in this role.' })
  taskCount!: number;

  @Field(() => Int, { description: 'How many plans those tasks come from.' })
  planCount!: number;

  @Field(() => String, { description: 'Pass as leadingDepartments `after` for the bodies after this one.' })
  cursor!: string;
}
