/**
 * A Cypher script that recreates the exported graph in an empty database (cypher-shell,
 * Neo4j Browser with multi-statement editing, or `runCypherScript`): node statements by
 * label, then relationship statements by type and end labels, each an UNWIND over at most
 * BATCH rows with the values written as literals (integers as integers, floats with a
 * decimal point, so types survive). Relationships find their ends by label and `id`, which
 * the PlanGraph schema's constraints index; `CONSTRAINTS` creates those first.
 */
import { constraintName } from '../schema.ts';
import { ExportError, type ExportGraph, type ExportValue } from './model.ts';

export const BATCH = 200;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** An identifier (label, type, key) in backticks; backticks inside are doubled. */
export function ident(name: string): string {
  return NAME.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

export function cypherString(text: string): string {
  let out = "'";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x2028 || cp === 0x2029) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + "'";
}

export function cypherLiteral(value: ExportValue, where: string): string {
  if (Array.isArray(value)) return `[${value.map((v) => cypherLiteral(v, where)).join(', ')}]`;
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ExportError(`${where}: ${value} has no Cypher literal`);
    const text = String(value);
    return /[.eE]/.test(text) ? text : `${text}.0`;
  }
  return value ? 'true' : 'false';
}

function map(props: Record<string, ExportValue>, where: string): string {
  return `{${Object.entries(props).map(([k, v]) => `${ident(k)}: ${cypherLiteral(v, `${where}, property "${k}"`)}`).join(', ')}}`;
}

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/**
 * One uniqueness constraint per label present, so the relationship statements' lookups are
 * index seeks; named as graph/schema.ts names them, so applying the PlanGraph schema later
 * finds them in place.
 */
export function constraints(graph: ExportGraph): string[] {
  const labels = [...new Set(graph.nodes.map((n) => n.labels[0]).filter(Boolean))].sort();
  return labels.map((l) => `CREATE CONSTRAINT ${ident(constraintName(l))} IF NOT EXISTS FOR (n:${ident(l)}) REQUIRE n.id IS UNIQUE`);
}

/** The statements, in order (no trailing semicolons). */
export function toCypherStatements(graph: ExportGraph): string[] {
  const out = constraints(graph);
  const byLabels = new Map<string, ExportGraph['nodes']>();
  for (const n of graph.nodes) {
    const key = n.labels.map(ident).join(':');
    if (!byLabels.has(key)) byLabels.set(key, []);
    byLabels.get(key)!.push(n);
  }
  for (const [labels, nodes] of byLabels) {
    for (const batch of batches(nodes)) {
      const rows = batch.map((n) => map(n.properties, `node ${n.id}`)).join(',\n  ');
      out.push(`UNWIND [\n  ${rows}\n] AS row\nCREATE (n${labels ? `:${labels}` : ''})\nSET n = row`);
    }
  }
  const primary = new Map(graph.nodes.map((n) => [n.id, n.labels[0]]));
  const groups = new Map<string, { type: string; start: string; end: string; rels: ExportGraph['relationships'] }>();
  for (const r of graph.relationships) {
    const start = primary.get(r.start);
    const end = primary.get(r.end);
    if (!start || !end) throw new ExportError(`relationship ${r.type} ${r.start} → ${r.end}: an end node is not in the export`);
    const key = `${r.type}\u0000${start}\u0000${end}`;
    if (!groups.has(key)) groups.set(key, { type: r.type, start, end, rels: [] });
    groups.get(key)!.rels.push(r);
  }
  for (const g of groups.values()) {
    for (const batch of batches(g.rels)) {
      const rows = batch
        .map((r) => `{s: ${cypherString(r.start)}, e: ${cypherString(r.end)}, p: ${map(r.properties, `relationship ${r.type} ${r.start} → ${r.end}`)}}`)
        .join(',\n  ');
      out.push(
        `UNWIND [\n  ${rows}\n] AS row\nMATCH (a:${ident(g.start)} {id: row.s})\nMATCH (b:${ident(g.end)} {id: row.e})\nCREATE (a)-[r:${ident(g.type)}]->(b)\nSET r = row.p`,
      );
    }
  }
  return out;
}

export function toCypherScript(graph: ExportGraph): string {
  const scope = graph.scope.kind === 'area' ? `the subgraph of ${graph.scope.district?.name}` : 'the whole graph';
  const header = [
    `// PlanGraph export: ${scope}, ${graph.nodes.length} nodes, ${graph.relationships.length} relationships.`,
    '// Run it on an empty database, e.g. cypher-shell -f graph.cypher (statements end with ";").',
  ];
  return `${header.join('\n')}\n\n${toCypherStatements(graph).map((s) => `${s};`).join('\n\n')}\n`;
}
