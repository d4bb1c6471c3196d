/**
 * Turning a name the caller typed into graph nodes, or a BAD_USER_INPUT error that lists
 * close names so the caller can fix the request.
 */
import type { CypherQuery } from '../../graph/queries/cypher.ts';
import { suggestionsQuery, type SuggestionKind } from '../../graph/queries/names.ts';
import type { PlanGraphContext } from '../context.ts';
import { badUserInput } from './errors.ts';
import type { NodeRow } from './rows.ts';

const hints: Partial<Record<SuggestionKind, string>> = {
  District: 'Districts match by full name, alias or code (花都区, 花都, 440114).',
  Department: 'Departments match by full name or any alias seen in a document (广东省发展和改革委员会, 省发展改革委).',
  Plan: 'Plans match by id (plan:<document name>), document file name or exact title; the `plans` query lists them.',
};

/**
 * Candidates for a name, best first: every row of the best rank (several bodies can share an
 * alias, e.g. 区发展改革局 in two district plans). Throws BAD_USER_INPUT when there are none.
 */
export async function resolveName(
  ctx: PlanGraphContext,
  kind: SuggestionKind,
  name: string,
  query: (name: string) => CypherQuery,
  argument: string,
): Promise<NodeRow[]> {
  if (!name.trim()) throw badUserInput(`"${argument}" must not be empty. ${hints[kind] ?? ''}`.trim(), { argument });
  const rows = await ctx.run(query(name));
  if (rows.length === 0) {
    const suggestions = (await ctx.run(suggestionsQuery(kind, name))).map((r) => r.name as string);
    const didYouMean = suggestions.length ? ` Did you mean: ${suggestions.join(', ')}?` : '';
    throw badUserInput(`Unknown ${kind.toLowerCase()} "${name}" in "${argument}".${didYouMean} ${hints[kind] ?? ''}`.trim(), {
      argument,
      suggestions,
    });
  }
  const best = rows[0].rank;
  return rows.filter((r) => r.rank === best).map((r) => r.node as NodeRow);
}
