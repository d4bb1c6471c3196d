import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import { maxPageSize, pageFrom, pageSizeNote } from '../common/pagination.ts';
import type { PlanGraphContext } from '../context.ts';
import { EntityPath } from './path.type.ts';
import { shortestPaths } from './path.service.ts';
import { DEFAULT_PAGE_SIZE } from '../validation/pageSizeLimit.ts';

const endsHelp = 'A name, alias or code of a district or body (花都, 省发展改革委, 440114), a plan title, a project name, or any id.';

@ArgsType()
class PathEnds {
  @Field(() => String, { description: endsHelp })
  from!: string;

  @Field(() => String, { description: endsHelp })
  to!: string;
}

@ArgsType()
class PathsArgs extends PathEnds {
  @Field(() => Int, { nullable: true, description: `${pageSizeNote(DEFAULT_PAGE_SIZE, 'At')}.` })
  first?: number | null;
}

@Resolver()
export class PathResolver {
  @Query(() => EntityPath, {
    nullable: true,
    description: 'How two entities are connected: one shortest path over the model relationships (either direction, at most 12 hops); null when none.',
  })
  async path(@Args(() => PathEnds) { from, to }: PathEnds, @Ctx() ctx: PlanGraphContext) {
    return (await shortestPaths(ctx, from, to, 1))[0] ?? null;
  }

  @Query(() => [EntityPath], { description: 'Every shortest path between two entities (up to `first`).' })
  paths(@Args(() => PathsArgs) { from, to, first }: PathsArgs, @Ctx() ctx: PlanGraphContext) {
    return shortestPaths(ctx, from, to, pageFrom(first, null, maxPageSize(ctx)).limit);
  }
}
