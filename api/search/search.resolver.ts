import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { NodeKind } from '../../graph/queries/relations.ts';
import { EntityKind } from '../common/enums.ts';
import { pageFrom } from '../common/pagination.ts';
import type { PlanGraphContext } from '../context.ts';
import { SearchHit } from './search.type.ts';
import { search } from './search.service.ts';

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Ranked search over plans, goals, tasks, bodies, areas and projects: exact names and aliases first, then names starting with or containing the words, then full-text hits by score.',
  })
  search(
    @Arg('text', () => String) text: string,
    @Ctx() ctx: PlanGraphContext,
    @Arg('first', () => Int, { nullable: true, description: 'At most 100 (default 20).' }) first?: number | null,
    @Arg('kinds', () => [EntityKind], { nullable: true, description: 'Only these kinds (all when omitted).' }) kinds?: EntityKind[] | null,
  ) {
    return search(ctx, text, pageFrom(first, null).limit, kinds as NodeKind[] | null | undefined);
  }
}
