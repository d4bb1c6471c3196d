import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import type { NodeKind } from '../../graph/queries/relations.ts';
import { EntityKind } from '../common/enums.ts';
import { maxPageSize, pageFrom, pageSizeNote } from '../common/pagination.ts';
import type { PlanGraphContext } from '../context.ts';
import { SearchHit } from './search.type.ts';
import { search } from './search.service.ts';
import { DEFAULT_PAGE_SIZE } from '../validation/pageSizeLimit.ts';

@ArgsType()
class SearchArgs {
  @Field(() => String, { description: 'Words to find, Chinese included (花都, 碳达峰).' })
  text!: string;

  @Field(() => Int, { nullable: true, description: `${pageSizeNote(DEFAULT_PAGE_SIZE, 'At')}.` })
  first?: number | null;

  @Field(() => [EntityKind], { nullable: true, description: 'Only these kinds (all when omitted).' })
  kinds?: EntityKind[] | null;
}

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Ranked search over plans, goals, tasks, bodies, areas and projects: exact names and aliases first, then names starting with or containing the words, then full-text hits by score.',
  })
  search(@Args(() => SearchArgs) { text, first, kinds }: SearchArgs, @Ctx() ctx: PlanGraphContext) {
    return search(ctx, text, pageFrom(first, null, maxPageSize(ctx)).limit, kinds as NodeKind[] | null | undefined);
  }
}
