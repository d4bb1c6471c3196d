/**
 * ExtractContexts for extractor tests that run the real spine (read → normalise → structure)
 * without the pipeline's merging: plan and task ids as loaders/ids.ts makes them, the seeds'
 * manifest applied, the plan's jurisdiction resolved against the gazetteer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planId, taskId } from '../../loaders/ids.ts';
import type { ExtractContext, ManifestEntry, TaskDraft } from '../../loaders/model.ts';
import { normalise } from '../../loaders/normalise/index.ts';
import { resolveDivision } from '../../loaders/gazetteer/divisions.ts';
import { readDocument } from '../../loaders/read/index.ts';
import { structure } from '../../loaders/structure/index.ts';

const manifestFile = join(import.meta.dirname, '..', '..', 'seeds', 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')).documents as ManifestEntry[];

export async function extractContexts(file: string): Promise<ExtractContext[]> {
  const source = await readDocument(file);
  const entry = manifest.find((m) => m.file === source.document);
  return structure(source, normalise(source), entry).map((plan, i) => {
    const id = plan.kind === 'news' ? planId(source.document, i + 1) : planId(source.document);
    return { source, plan, planId: id, taskId: (ref: string) => taskId(id, ref), jurisdiction: plan.jurisdiction ? resolveDivision(plan.jurisdiction) : undefined };
  });
}

/** Every task of a tree, depth first. */
export const allTasks = (ts: TaskDraft[]): TaskDraft[] => ts.flatMap((t) => [t, ...allTasks(t.children)]);
