/**
 * JSON: the shape of a loader's GraphDocument (loaders/model.ts), `{nodes: [{id, labels,
 * properties}], relationships: [{type, start, end, properties}]}`, plus what was exported
 * (`scope`). Integers are JSON numbers (a node's line numbers and years are far below 2^53).
 */
import type { ExportGraph } from './model.ts';

export function toJson(graph: ExportGraph): string {
  const body = { format: 'plangraph-export', version: 1, scope: graph.scope, nodes: graph.nodes, relationships: graph.relationships };
  return JSON.stringify(body, (_key, value) => (typeof value === 'bigint' ? Number(value) : value), 2) + '\n';
}
