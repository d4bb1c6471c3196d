/** Ranked search across every kind (full-text index `search`, cjk analyzer). */
import { escapeLucene } from '../../graph/queries/names.ts';
import type { NodeKind } from '../../graph/queries/relations.ts';
import { searchQuery } from '../../graph/queries/search.ts';
import { badUserInput } from '../common/errors.ts';
import type { NodeRow } from '../common/rows.ts';
import type { PlanGraphContext } from '../context.ts';

export async function search(ctx: PlanGraphContext, text: string, first: number, kinds?: NodeKind[] | null): Promise<NodeRow[]> {
  const words = text.trim();
  if (!words) throw badUserInput('"text" must contain at least one word (Chinese works: 花都, 碳达峰).', { argument: 'text' });
  const rows = await ctx.run(searchQuery(words, escapeLucene(words), first, kinds ?? undefined));
  return rows.map((r) => r.node as NodeRow);
}
