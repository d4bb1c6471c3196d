/**
 * Extraction from files and folders: the side of loaders/pipeline.ts that touches the file
 * system. A file is read (loaders/read), its manifest.json entry looked up, and the pipeline
 * turns it into a GraphDocument; a folder is walked the one way load/inputs.ts walks folders.
 * A document that cannot be read, or whose extraction fails, is reported with its file name and
 * the problem; the other documents go on.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { GraphDocument, ManifestEntry } from '../loaders/model.ts';
import { extractSource, GraphBuilder, type ExtractOptions } from '../loaders/pipeline.ts';
import { DocumentError, readDocument } from '../loaders/read/index.ts';
import { sourceFilesIn } from './inputs.ts';

export interface ExtractResult {
  documents: { document: string; path: string; graph?: GraphDocument; error?: string }[];
}

/** One file → its GraphDocument, with the manifest.json entry of its folder unless `options.manifest` is given. */
export async function extractFile(path: string, options: ExtractOptions = {}): Promise<GraphDocument> {
  const source = await readDocument(path);
  const manifest = options.manifest ?? (await manifestFor(path));
  return extractSource(source, { ...options, manifest });
}


/** Files or folders (recursing, skipping manifest.json and unsupported files inside folders). */
export async function extractPaths(paths: string[], options: Omit<ExtractOptions, 'manifest'> = {}): Promise<ExtractResult> {
  const files: { path: string; error?: string }[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      files.push({ path: p, error: `${basename(p)}: file not found (${p})` });
      continue;
    }
    if (info.isDirectory()) files.push(...(await sourceFilesIn(p)).map((path) => ({ path })));
    else files.push({ path: p });
  }
  const documents: ExtractResult['documents'] = [];
  for (const f of files) {
    const document = basename(f.path);
    if (f.error) {
      documents.push({ document, path: f.path, error: f.error });
      continue;
    }
    try {
      documents.push({ document, path: f.path, graph: await extractFile(f.path, options) });
    } catch (err) {
      const error = err instanceof DocumentError ? err.message : `${document}: ${err instanceof Error ? err.message : String(err)}`;
      documents.push({ document, path: f.path, error });
    }
  }
  return { documents };
}

/** Extracts every path and merges the documents that succeeded into one GraphDocument. */
export function mergeDocuments(result: ExtractResult): GraphDocument {
  const g = new GraphBuilder();
  for (const d of result.documents) if (d.graph) g.merge(d.graph);
  return g.build();
}

const manifests = new Map<string, Promise<ManifestEntry[]>>();

/** The entry for a file in the manifest.json of its folder, if any ({ documents: [...] } or a bare array). */
export async function manifestFor(path: string): Promise<ManifestEntry | undefined> {
  const dir = dirname(path);
  let entries = manifests.get(dir);
  if (!entries) {
    entries = readFile(join(dir, 'manifest.json'), 'utf8').then(
      (text) => {
        const json = JSON.parse(text) as { documents?: ManifestEntry[] } | ManifestEntry[];
        const list = Array.isArray(json) ? json : (json.documents ?? []);
        return list.filter((e) => e && typeof e.file === 'string');
      },
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return [];
        throw err;
      },
    );
    manifests.set(dir, entries);
  }
  const name = basename(path);
  try {
    return (await entries).find((e) => e.file === name);
  } catch (err) {
    // A broken manifest is bad input too: say so rather than silently load without it.
    throw new DocumentError(name, `${join(dir, 'manifest.json')} is not valid: ${err instanceof Error ? err.message : String(err)}`);
  }
}
