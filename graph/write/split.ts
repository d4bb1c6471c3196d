/**
 * `plangraph extract --out graph.json` writes one GraphDocument for many source files.
 * Loading it document by document (one transaction each) needs it cut back into one
 * GraphDocument per source file: owned facts by their `document`, shared nodes to every
 * document whose facts touch them, gazetteer edges (and the parents they lead to)
 * to every document that holds their start.
 */
import type { GraphDocument, GraphNode, GraphRelationship } from '../../loaders/model.ts';
import { allowedLabel, isOwnedLabel } from './allow-list.ts';

function isOwnedNode(n: GraphNode): boolean {
  return (n.labels ?? []).some((l) => {
    const a = allowedLabel(String(l));
    return a !== undefined && isOwnedLabel(a);
  });
}

export function splitByDocument(graph: GraphDocument): Map<string, GraphDocument> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const docs = new Map<string, { nodes: Set<string>; rels: GraphRelationship[] }>();
  const docOf = (name: string) => {
    let d = docs.get(name);
    if (!d) docs.set(name, (d = { nodes: new Set(), rels: [] }));
    return d;
  };

  for (const n of graph.nodes) {
    const doc = n.properties?.document;
    if (typeof doc === 'string' && (isOwnedNode(n) || n.labels.includes('Plan'))) docOf(doc).nodes.add(n.id);
  }
  const sourced: GraphRelationship[] = [];
  for (const r of graph.relationships) {
    const doc = r.properties?.document;
    if (typeof doc === 'string') {
      const d = docOf(doc);
      d.rels.push(r);
      d.nodes.add(r.start);
      d.nodes.add(r.end);
    } else {
      sourced.push(r);
    }
  }
  // Shared nodes whose own provenance names a document that touches nothing else of them.
  for (const n of graph.nodes) {
    const doc = n.properties?.document;
    if (typeof doc === 'string' && docs.has(doc)) docs.get(doc)!.nodes.add(n.id);
  }

  const out = new Map<string, GraphDocument>();
  for (const [name, d] of docs) {
    // Follow gazetteer edges up from whatever the document holds (town → district → city → province).
    const rels = [...d.rels];
    let grew = true;
    const taken = new Set<GraphRelationship>();
    while (grew) {
      grew = false;
      for (const r of sourced) {
        if (!taken.has(r) && d.nodes.has(r.start)) {
          taken.add(r);
          rels.push(r);
          if (!d.nodes.has(r.end)) {
            d.nodes.add(r.end);
            grew = true;
          }
        }
      }
    }
    const nodes = [...d.nodes].map((id) => byId.get(id)).filter((n): n is GraphNode => n !== undefined);
    out.set(name, {
      nodes,
      relationships: rels,
      warnings: (graph.warnings ?? []).filter((w) => w.document === name),
    });
  }
  return out;
}
