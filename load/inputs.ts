/**
 * What `plangraph load <paths…>` will read, listed before anything is extracted so the
 * progress bar knows its total and each file can be extracted and written in turn
 * (memory stays flat however many files a folder holds). The one folder walk (`sourceFilesIn`:
 * supported files, no dot-files, no manifest.json), which `plangraph extract` uses too.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { GraphDocument } from '../loaders/model.ts';
import { SUPPORTED_EXTENSIONS } from '../loaders/read/index.ts';
import { documentOf } from '../graph/write/prepare.ts';
import { splitByDocument } from '../graph/write/split.ts';

export type Input = { kind: 'source'; path: string } | { kind: 'graph'; path: string };

/**
 * The one folder walk: the files PlanGraph reads (`sources`) and the others (`unread`: a
 * data.csv beside the plans), in a folder and its subfolders, sorted by name at each level.
 * Dot-files, manifest.json (the folder's metadata) and node_modules are in neither.
 */
export async function walkFolder(folder: string): Promise<{ sources: string[]; unread: string[] }> {
  const found = { sources: [] as string[], unread: [] as string[] };
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'manifest.json' || e.name === 'node_modules') continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else (SUPPORTED_EXTENSIONS.includes(path.extname(e.name).toLowerCase()) ? found.sources : found.unread).push(full);
    }
  };
  await walk(folder);
  return found;
}

/** The source files in a folder and its subfolders (walkFolder's `sources`). */
export async function sourceFilesIn(folder: string): Promise<string[]> {
  return (await walkFolder(folder)).sources;
}

/**
 * Files named on the command line are taken as given (an unsupported or missing one is
 * then reported by the extractor, naming it); a `.json` file is a graph written by
 * `plangraph extract --out`.
 */
export async function listInputs(paths: string[]): Promise<Input[]> {
  const out: Input[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (info?.isDirectory()) out.push(...(await sourceFilesIn(p)).map((f) => ({ kind: 'source' as const, path: f })));
    else if (info?.isFile() && path.extname(p).toLowerCase() === '.json') out.push({ kind: 'graph', path: p });
    else out.push({ kind: 'source', path: p });
  }
  return out;
}

/** The documents in a graph file, one GraphDocument each; or why it cannot be loaded. */
export async function readGraphFile(file: string): Promise<{ document: string; graph?: GraphDocument; error?: string }[]> {
  const name = path.basename(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    return [{ document: name, error: `${name}: not a readable graph file: ${(err as Error).message}` }];
  }
  const graph = parsed as GraphDocument;
  if (!graph || !Array.isArray(graph.nodes) || !Array.isArray(graph.relationships)) {
    return [{ document: name, error: `${name}: not a graph file (expected { "nodes": [...], "relationships": [...] } as written by "plangraph extract --out")` }];
  }
  // One document's graph (what the extractor gives per file) is loaded exactly as written:
  // splitting would drop what no fact of it ties to the document (a city it names whose only
  // edge is the gazetteer's), and the reload of an unchanged document would rewrite it.
  const single = documentOf(graph);
  if (single) return [{ document: single, graph }];
  const parts = splitByDocument(graph);
  if (parts.size === 0) return [{ document: name, error: `${name}: the graph names no document (no "document" property on its facts)` }];
  return [...parts].map(([document, g]) => ({ document, graph: g }));
}
