/** Paths between two entities named by the caller. */
import { resolveEntityQuery, type SuggestionKind } from '../../graph/queries/names.ts';
import { shortestPathsQuery } from '../../graph/queries/path.ts';
import { badUserInput } from '../common/errors.ts';
import type { EntityKind } from '../common/enums.ts';
import type { NodeRow } from '../common/rows.ts';
import { optionalEvidenceOf } from '../evidence/evidence.type.ts';
import type { PlanGraphContext } from '../context.ts';
import { suggestionsQuery } from '../../graph/queries/names.ts';
import type { EntityPath, PathNode } from './path.type.ts';

async function resolveEntity(ctx: PlanGraphContext, name: string, argument: string): Promise<NodeRow> {
  if (!name.trim()) throw badUserInput(`"${argument}" must not be empty.`, { argument });
  const [best] = await ctx.run(resolveEntityQuery(name));
  if (best) return best.node as NodeRow;
  const kinds: SuggestionKind[] = ['District', 'Department'];
  const suggestions = (await Promise.all(kinds.map((k) => ctx.run(suggestionsQuery(k, name))))).flat().map((r) => r.name as string);
  throw badUserInput(
    `Unknown entity "${name}" in "${argument}".${suggestions.length ? ` Did you mean: ${suggestions.join(', ')}?` : ''} Give a name, alias or code of a district or body, a plan title, a project name, or any id.`,
    { argument, suggestions },
  );
}

function pathNode(row: NodeRow): PathNode {
  return { id: row.id, kind: row.label as EntityKind, name: String(row.name ?? row.title ?? row.id), entity: row as never };
}

export async function shortestPaths(ctx: PlanGraphContext, from: string, to: string, first: number): Promise<EntityPath[]> {
  const [a, b] = await Promise.all([resolveEntity(ctx, from, 'from'), resolveEntity(ctx, to, 'to')]);
  if (a.id === b.id) {
    const n = pathNode(a);
    return [{ length: 0, nodes: [n], steps: [] }];
  }
  const rows = await ctx.run(shortestPathsQuery(a.id, b.id, first));
  return rows.map((r) => {
    const nodes = (r.nodes as NodeRow[]).map(pathNode);
    const steps = (r.relationships as Record<string, any>[]).map((rel, i) => ({
      from: nodes[i],
      to: nodes[i + 1],
      relationship: rel.type as string,
      forward: rel.from === nodes[i].id,
      evidence: optionalEvidenceOf(rel),
      source: (rel.source as string | null) ?? null,
    }));
    return { length: steps.length, nodes, steps };
  });
}
