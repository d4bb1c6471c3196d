/**
 * Extracted graphs stashed as graph files (`{nodes, relationships}` JSON, what
 * `plangraph extract --out` writes, numbered in the order they arrive) in a folder, so later
 * loads read exactly the same graphs without the process holding them all in memory.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractResult } from '../load/extract.ts';

export interface GraphStash {
  /** The graph files written so far, in order. */
  readonly files: string[];
  /** Nodes + relationships of the graphs written so far. */
  readonly elements: number;
  /** Writes a graph file for each document that has a graph (failed documents have none). */
  add(documents: ExtractResult['documents']): void;
}

export function graphStash(dir: string): GraphStash {
  const files: string[] = [];
  let elements = 0;
  return {
    files,
    get elements() {
      return elements;
    },
    add(documents) {
      for (const d of documents) {
        if (!d.graph) continue;
        elements += d.graph.nodes.length + d.graph.relationships.length;
        const file = join(dir, `${String(files.length).padStart(5, '0')}.json`);
        writeFileSync(file, JSON.stringify({ nodes: d.graph.nodes, relationships: d.graph.relationships }));
        files.push(file);
      }
    },
  };
}
