/**
 * District fields for how analysts read an answer: the 6-digit code they write (440100 for
 * 广州市, stored trimmed as 4401), the 12-digit NBS code, and how many tasks touch the area, so an
 * empty leadingDepartments explains itself.
 */
import { Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { sixDigitCode, twelveDigitCode } from '../../graph/queries/name-forms.ts';
import { touchingTaskCountQuery } from '../../graph/queries/touch-count.ts';
import type { NodeRow } from '../common/rows.ts';
import type { PlanGraphContext } from '../context.ts';
import { TouchesArgs } from './district.args.ts';
import { District } from './district.type.ts';

type Counts = { touching: number; led: number };

function counts(ctx: PlanGraphContext, district: NodeRow, args: TouchesArgs): Promise<Counts> {
  const options = { includeDescendants: args.includeDescendants ?? true, includeEnclosing: args.includeEnclosing ?? false };
  return ctx.loaders
    .batch<Counts>(
      `district.touchingTasks:${JSON.stringify(options)}`,
      (ids) => touchingTaskCountQuery(ids, options),
      (r) => ({ touching: Number(r.touching), led: Number(r.led) }),
      () => ({ touching: 0, led: 0 }),
    )
    .load(district.id);
}

@Resolver(() => District)
export class DistrictCodesResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Statistical division code as analysts write it: 6 digits for provinces, cities and counties (440000, 440100, 440114), 9 for towns.',
  })
  code(@Root() district: NodeRow): string | null {
    return sixDigitCode(district.code as string | null | undefined);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The 12-digit NBS statistical code (440114000000).' })
  nbsCode(@Root() district: NodeRow): string | null {
    return twelveDigitCode(district.code as string | null | undefined);
  }

  @FieldResolver(() => Int, {
    description:
      'How many tasks touch this area (same options and rule as tasks/leadingDepartments). leadingDepartments: [] with touchingTasks > 0 means those tasks name no leading body.',
  })
  touchingTasks(@Root() district: NodeRow, @Ctx() ctx: PlanGraphContext, @Args(() => TouchesArgs) args: TouchesArgs): Promise<number> {
    return counts(ctx, district, args).then((c) => c.touching);
  }

  @FieldResolver(() => Int, { description: 'Of touchingTasks, how many have a leading body (LEADS): the tasks leadingDepartments lists.' })
  ledTouchingTasks(@Root() district: NodeRow, @Ctx() ctx: PlanGraphContext, @Args(() => TouchesArgs) args: TouchesArgs): Promise<number> {
    return counts(ctx, district, args).then((c) => c.led);
  }
}
