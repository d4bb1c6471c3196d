/**
 * Content hash of one document's GraphDocument. Stored on its Plan node(s) as
 * `contentHash`, so reloading an unchanged document is detected with one read and
 * writes nothing. Canonical JSON (graph/canonical-json.ts): object keys sorted, nodes sorted by id,
 * relationships sorted by their canonical text, so the same facts hash the same
 * whatever order an extractor emitted them in.
 */
import { createHash } from 'node:crypto';
import type { GraphDocument } from '../../loaders/model.ts';
import { byText, canonicalJson } from '../canonical-json.ts';

/**
 * Bumped whenever the way facts are written changes (property conversion, ownership
 * bookkeeping), so documents loaded by an older writer are rewritten, not skipped.
 */
export const WRITER_VERSION = 1;

/** Hash of the facts only (warnings are advice to the user and are not stored in the graph). */
export function contentHash(graph: GraphDocument): string {
  const nodes = graph.nodes.map((n) => canonicalJson({ id: n.id, labels: [...n.labels].sort(), properties: n.properties }));
  const relationships = graph.relationships.map((r) => canonicalJson(r));
  const text = `v${WRITER_VERSION}\n${nodes.sort(byText).join('\n')}\n--\n${relationships.sort(byText).join('\n')}`;
  return createHash('sha256').update(text).digest('hex');
}
