import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Department } from '../department/department.type.ts';
import { Role } from '../common/enums.ts';
import { Evidence } from '../evidence/evidence.type.ts';

@ObjectType({ description: 'A unit of work in a plan: chapter, section, numbered item, lead-phrase paragraph, annex item.' })
export class Task {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: "The task's numbering inside its plan, e.g. 二(二)1 or 第四章第二节." })
  ref?: string | null;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true, description: 'chapter, section, item, subitem, point, leadPhrase, box, annex, annexItem.' })
  kind?: string | null;
}

@ObjectType({ description: 'One responsibility edge (LEADS or SUPPORTS) with the text it was read from.' })
export class Assignment {
  @Field(() => Department)
  department!: Department;

  @Field(() => Role)
  role!: Role;

  @Field(() => Evidence)
  evidence!: Evidence;
}

@ObjectType({ description: 'Something a related task shares with the task asked about.' })
export class SharedLink {
  @Field(() => String, { description: 'District, Project, Goal or Department.' })
  kind!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'How both tasks reach it: LOCATED_IN, PART_OF, TARGETS, or the two responsibility types (e.g. LEADS/SUPPORTS).' })
  via!: string;
}

@ObjectType({ description: 'A task of another plan that shares places, projects, goals or bodies with a task.' })
export class RelatedTask {
  @Field(() => Task)
  task!: Task;

  @Field(() => [SharedLink])
  shared!: SharedLink[];

  @Field(() => Int, { description: 'Ranking weight: 3 per shared place, project or goal, 1 per shared body.' })
  weight!: number;
}
