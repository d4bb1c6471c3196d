/**
 * Content hash of one document's GraphDocument. Stored on its Plan node(s) as
 * `contentHash`, so reloading an unchanged document is detected with one read and
 * writes nothing. Canonical JSON: object keys sorted, nodes sorted by id,
 * relationships sorted by their canonical text, so the same facts hash the same
 * whatever order an extractor emitted them in.
 */
import { createHash } from 'node:crypto';
import type { GraphDocument } from '../../loaders/model.ts';

/**
 * Bumped whenever the way facts are written changes (property conversion, ownership
 * bookkeeping), so documents loaded by an older writer are rewritten, not skipped.
 */
export const WRITER_VERSION = 1;

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // JSON.stringify(undefined) is undefined; treat it like null so the output stays JSON.
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Hash of the facts only (warnings are advice to the user and are not stored in the graph). */
export function contentHash(graph: GraphDocument): string {
  const nodes = graph.nodes.map((n) => canonicalJson({ id: n.id, labels: [...n.labels].sort(), properties: n.properties }));
  const relationships = graph.relationships.map((r) => canonicalJson(r));
  const text = `v${WRITER_VERSION}\n${nodes.sort(byText).join('\n')}\n--\n${relationships.sort(byText).join('\n')}`;
  return createHash('sha256').update(text).digest('hex');
}
