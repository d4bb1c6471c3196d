/**
 * What `load` and `extract` leave out of a folder, said one line each, so a user who dropped
 * data.csv and photo.jpg beside the plans knows they were not read; and which documents gave no
 * task (notes.md loaded as a plan with 0 tasks is most likely not a plan). Folders are walked by
 * load/inputs.ts's walkFolder, the walk that picks what is read; dot-files and manifest.json are
 * left out silently (hidden files and the folder's metadata are not documents).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { walkFolder } from '../load/inputs.ts';
import { SUPPORTED_EXTENSIONS } from '../loaders/read/index.ts';

export interface SkippedFile {
  path: string;
  reason: string;
}

/** Files inside the given folders that will not be read. Files named directly are never skipped. */
export async function skippedFiles(paths: string[]): Promise<SkippedFile[]> {
  const out: SkippedFile[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (!info?.isDirectory()) continue;
    for (const file of (await walkFolder(p)).unread) {
      out.push({ path: file, reason: `not a document format PlanGraph reads (${SUPPORTED_EXTENSIONS.join(' ')})` });
    }
  }
  return out;
}

export function skippedLine(s: SkippedFile, cwd = process.cwd()): string {
  const relative = path.relative(cwd, s.path);
  return `skipped ${relative && !relative.startsWith('..') ? relative : s.path}: ${s.reason}`;
}

/** The warning for a document read without error that gave no task. */
export function noTasksLine(document: string): string {
  return `warning: ${document} yielded no tasks: is it a plan? (PlanGraph found no numbered items, headings or lead phrases in it)`;
}
