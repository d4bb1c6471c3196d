/**
 * GraphML for Gephi and yEd: one <key> per property name (per nodes / edges) typed as GraphML
 * types them (string, long, double, boolean); lists are written as JSON text, which both tools
 * keep as a string column. Every node also gets `labels` (e.g. "Task") and `label` (its name
 * or title), the attribute Gephi shows on the canvas and yEd's Properties Mapper can map;
 * every edge gets `type` and `label` (the relationship type).
 */
import { displayName, ExportError, valueType, type ExportGraph, type ExportValue } from './model.ts';

const GRAPHML_TYPES: Record<string, string> = { string: 'string', long: 'long', double: 'double', boolean: 'boolean' };

/** XML 1.0 allows neither these control characters nor lone surrogates; a plan's text should hold none. */
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function escape(text: string, where: string): string {
  if (INVALID_XML.test(text)) throw new ExportError(`${where}: holds a character XML cannot carry (a control character)`);
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function text(value: ExportValue): string {
  if (Array.isArray(value)) return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? Number(v) : v));
  return String(value);
}

interface Key {
  id: string;
  type: string;
}

/** Keys for one kind of element: a property keeps its type when every value agrees, else becomes a string. */
function keysFor(prefix: string, items: Record<string, ExportValue>[], fixed: string[]): Map<string, Key> {
  const types = new Map<string, Set<string>>();
  for (const props of items) {
    for (const [k, v] of Object.entries(props)) {
      if (!types.has(k)) types.set(k, new Set());
      types.get(k)!.add(valueType(v));
    }
  }
  const keys = new Map<string, Key>();
  for (const f of fixed) keys.set(f, { id: `${prefix}_${f}`, type: 'string' });
  for (const name of [...types.keys()].sort()) {
    if (keys.has(name)) continue;
    const t = [...types.get(name)!];
    keys.set(name, { id: `${prefix}${keys.size}`, type: t.length === 1 ? (GRAPHML_TYPES[t[0]] ?? 'string') : 'string' });
  }
  return keys;
}

export function toGraphml(graph: ExportGraph): string {
  const nodeKeys = keysFor('n', graph.nodes.map((n) => n.properties), ['labels', 'label']);
  const edgeKeys = keysFor('e', graph.relationships.map((r) => r.properties), ['type', 'label']);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [name, key] of nodeKeys) out.push(`  <key id="${key.id}" for="node" attr.name="${escape(name, 'key')}" attr.type="${key.type}"/>`);
  for (const [name, key] of edgeKeys) out.push(`  <key id="${key.id}" for="edge" attr.name="${escape(name, 'key')}" attr.type="${key.type}"/>`);
  out.push('  <graph id="PlanGraph" edgedefault="directed">');
  const data = (keys: Map<string, Key>, name: string, value: ExportValue, where: string) =>
    `<data key="${keys.get(name)!.id}">${escape(text(value), `${where}, property "${name}"`)}</data>`;
  for (const n of graph.nodes) {
    const where = `node ${n.id}`;
    const cells = [data(nodeKeys, 'labels', n.labels.join(':'), where), data(nodeKeys, 'label', displayName(n), where)];
    for (const [k, v] of Object.entries(n.properties)) if (k !== 'labels' && k !== 'label') cells.push(data(nodeKeys, k, v, where));
    out.push(`    <node id="${escape(n.id, where)}">${cells.join('')}</node>`);
  }
  graph.relationships.forEach((r, i) => {
    const where = `relationship ${r.type} ${r.start} → ${r.end}`;
    const cells = [data(edgeKeys, 'type', r.type, where), data(edgeKeys, 'label', r.type, where)];
    for (const [k, v] of Object.entries(r.properties)) if (k !== 'type' && k !== 'label') cells.push(data(edgeKeys, k, v, where));
    out.push(`    <edge id="e${i}" source="${escape(r.start, where)}" target="${escape(r.end, where)}">${cells.join('')}</edge>`);
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
