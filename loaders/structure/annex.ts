/**
 * One task, two places: an allocation annex (重点任务部门分工方案) names tasks the main text sets
 * out in full. An annex item whose title equals a main-text heading or lead phrase (punctuation
 * and spaces ignored) gets sameAs = that task's ref; the pipeline then makes them one Task node.
 */
import type { TaskDraft } from '../model.ts';
import { titleKey } from './titles.ts';

export function matchAnnexItems(tasks: TaskDraft[], simplifiedTitles: Map<string, string>): void {
  const main = new Map<string, TaskDraft[]>();
  const annexItems: { item: TaskDraft; depth: number }[] = [];
  const walk = (list: TaskDraft[], depth: number, inAnnex: boolean) => {
    for (const t of list) {
      const annex = inAnnex || t.kind === 'annex';
      if (t.kind === 'annexItem') annexItems.push({ item: t, depth });
      else if (!annex && t.kind !== 'box') {
        const key = titleKey(simplifiedTitles.get(t.ref) ?? t.title);
        if (key.length >= 2) main.set(key, [...(main.get(key) ?? []), t]);
      }
      walk(t.children, depth + 1, annex);
    }
  };
  walk(tasks, 0, false);
  const used = new Set<string>();
  for (const { item } of annexItems) {
    const key = titleKey(simplifiedTitles.get(item.ref) ?? item.title);
    if (key.length < 4) continue;
    const candidates = (main.get(key) ?? []).filter((t) => !used.has(t.ref));
    if (candidates.length === 0) continue;
    // Same title twice in the main text: the first not yet claimed, in reading order.
    const target = candidates[0];
    item.sameAs = target.ref;
    used.add(target.ref);
  }
}
