/**
 * Where each loaded document came from. Documents are named by their file name, so a file of the
 * same name in another folder is, to the graph, the same document: loading it silently replaced
 * the first. The file's absolute path is kept for each document; a load from another path is
 * refused unless the caller asks to replace (`plangraph load --replace`).
 *
 * A seed (seeds/manifest.json names it) loaded from a folder without its manifest entry gets a
 * notice: its issuer, jurisdiction and period come from the manifest, and without them relative
 * body names (区发展改革局) cannot be resolved, so the reload loses bodies.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../../config/project-root.ts';
import { GRAPH_STATE_LABEL } from './version.ts';

/**
 * Kept as bookkeeping beside the graph version, `(:GraphState {id: 'source:<document>', path})`:
 * not a fact of any plan (snapshots and API answers never see it), and GraphState's id
 * constraint keeps one per document.
 */
const sourceId = (document: string) => `source:${document}`;

/** document → the absolute path it was loaded from (documents loaded before this was kept have none). */
export async function storedSources(driver: Driver, database: string | undefined, documents: string[]): Promise<Map<string, string>> {
  if (documents.length === 0) return new Map();
  const result = await driver.executeQuery(
    `UNWIND $docs AS d MATCH (s:${GRAPH_STATE_LABEL} {id: 'source:' + d}) RETURN d AS document, s.path AS path`,
    { docs: documents },
    { database, routing: 'READ' },
  );
  return new Map(result.records.map((r) => [String(r.get('document')), String(r.get('path'))]));
}

export async function recordSources(driver: Driver, database: string | undefined, sources: { document: string; path: string }[]): Promise<void> {
  if (sources.length === 0) return;
  await driver.executeQuery(
    `UNWIND $rows AS row MERGE (s:${GRAPH_STATE_LABEL} {id: row.id}) SET s.path = row.path`,
    { rows: sources.map((s) => ({ id: sourceId(s.document), path: s.path })) },
    { database },
  );
}

export function sourceClash(document: string, stored: string, given: string): string {
  return (
    `${document}: a document of this name was loaded from ${stored}; this file is ${given}. ` +
    'Documents are named by their file name: rename one of them, or pass --replace to replace the loaded one with this file.'
  );
}

const SEED_DIR = path.join(PROJECT_ROOT, 'seeds');
let seedNames: Set<string> | undefined;

function seeds(): Set<string> {
  if (seedNames) return seedNames;
  try {
    const manifest = JSON.parse(readFileSync(path.join(SEED_DIR, 'manifest.json'), 'utf8')) as { documents?: { file?: string }[] };
    seedNames = new Set((manifest.documents ?? []).map((d) => String(d.file)));
  } catch {
    seedNames = new Set();
  }
  return seedNames;
}

/** A notice when `file` is one of the seeds but is loaded from a folder whose manifest does not describe it. */
export function missingSeedManifest(file: string): string | undefined {
  const name = path.basename(file);
  const dir = path.dirname(path.resolve(file));
  if (dir === SEED_DIR || !seeds().has(name)) return undefined;
  const manifest = path.join(dir, 'manifest.json');
  if (existsSync(manifest)) {
    try {
      const data = JSON.parse(readFileSync(manifest, 'utf8')) as { documents?: { file?: string }[] } | { file?: string }[];
      const entries = Array.isArray(data) ? data : (data.documents ?? []);
      if (entries.some((e) => e.file === name)) return undefined;
    } catch {
      return undefined; // the pipeline reports a broken manifest itself
    }
  }
  return (
    `${name} is a seed, loaded here without its manifest entry (seeds/manifest.json): its issuer, jurisdiction and period ` +
    'come from there, and without them bodies named relative to it (区发展改革局) are not resolved. Load it from seeds/ or copy its entry into a manifest.json beside it.'
  );
}
