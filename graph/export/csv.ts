/**
 * CSV in the layout `neo4j-admin database import full` reads: node files with an `id:ID`
 * column (the `id` property, string ids, unique across labels) and `:LABEL`, relationship
 * files with `:START_ID`, `:END_ID`, `:TYPE`, every property column typed in its header
 * (`line:long`, `aliases:string[]`, …) so numbers and lists come back as what they were.
 *
 * One file per label (nodes) and per type (relationships). A property whose values differ
 * in type within one label or type (a long on some nodes, a string on others) splits that
 * group into one file per combination, since a column has one type.
 *
 * Values: strings always quoted (RFC 4180, quotes doubled; Task text spans lines, hence
 * --multiline-fields=true), a missing property is an empty unquoted field, list elements are
 * joined by U+001F (no text in a plan contains it; checked). `importCommand` prints the
 * neo4j-admin command line that reads the files back.
 */
import { constraints, cypherLiteral, ident } from './cypher.ts';
import { ExportError, valueType, type ExportGraph, type ExportValue } from './model.ts';

/** Between the elements of a list value: the ASCII unit separator, never part of a plan's text. */
export const ARRAY_DELIMITER = '\u001f';
export const ARRAY_DELIMITER_OPTION = 'U+001F';

export interface CsvFile {
  /** File name, e.g. nodes-Task.csv. */
  name: string;
  kind: 'nodes' | 'relationships';
  text: string;
  rows: number;
}

interface Item {
  properties: Record<string, ExportValue>;
}

/** Splits items into groups whose every property has one type, and returns each group's typed columns. */
function typedGroups<T extends Item>(items: T[], skip: Set<string>): { columns: [string, string][]; items: T[] }[] {
  const types = new Map<string, Set<string>>();
  for (const item of items) {
    for (const [k, v] of Object.entries(item.properties)) {
      if (skip.has(k)) continue;
      const t = valueType(v);
      if (t === 'mixed[]') throw new ExportError(`property "${k}" holds a list of mixed types; neo4j-admin import cannot type it`);
      if (!types.has(k)) types.set(k, new Set());
      types.get(k)!.add(t);
    }
  }
  const conflicting = [...types].filter(([, t]) => t.size > 1).map(([k]) => k).sort();
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const signature = conflicting.map((k) => (k in item.properties ? valueType(item.properties[k]) : '')).join('|');
    if (!groups.has(signature)) groups.set(signature, []);
    groups.get(signature)!.push(item);
  }
  return [...groups.values()].map((group) => {
    const columns = new Map<string, string>();
    for (const item of group) {
      for (const [k, v] of Object.entries(item.properties)) if (!skip.has(k) && !columns.has(k)) columns.set(k, valueType(v));
    }
    return { columns: [...columns].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), items: group };
  });
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function scalar(value: Exclude<ExportValue, unknown[]>, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ExportError(`${where}: ${value} cannot be written to CSV`);
    return String(value);
  }
  return String(value);
}

function field(value: ExportValue | undefined, where: string): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) {
    const parts = value.map((v) => scalar(v, where));
    if (parts.some((p) => p.includes(ARRAY_DELIMITER))) throw new ExportError(`${where}: a list element contains U+001F, the array delimiter`);
    return quote(parts.join(ARRAY_DELIMITER));
  }
  return typeof value === 'string' ? quote(value) : scalar(value, where);
}

function fileName(kind: string, name: string, index: number, count: number): string {
  const safe = name.replace(/[^A-Za-z0-9_-]/g, '_');
  return `${kind}-${safe}${count > 1 ? `-${index + 1}` : ''}.csv`;
}

export function toCsvFiles(graph: ExportGraph): CsvFile[] {
  const files: CsvFile[] = [];

  const byLabel = new Map<string, ExportGraph['nodes']>();
  for (const n of graph.nodes) {
    const label = n.labels[0] ?? 'Node';
    if (!byLabel.has(label)) byLabel.set(label, []);
    byLabel.get(label)!.push(n);
  }
  for (const [label, nodes] of byLabel) {
    const groups = typedGroups(nodes, new Set(['id']));
    groups.forEach((g, i) => {
      const header = ['id:ID', ':LABEL', ...g.columns.map(([k, t]) => `${k}:${t}`)].map(headerCell);
      const lines = [header.join(',')];
      for (const n of g.items) {
        const where = `node ${n.id}`;
        lines.push([quote(n.id), quote(n.labels.join(ARRAY_DELIMITER)), ...g.columns.map(([k]) => field(n.properties[k], `${where}, property "${k}"`))].join(','));
      }
      files.push({ name: fileName('nodes', label, i, groups.length), kind: 'nodes', text: lines.join('\n') + '\n', rows: g.items.length });
    });
  }

  const byType = new Map<string, ExportGraph['relationships']>();
  for (const r of graph.relationships) {
    if (!byType.has(r.type)) byType.set(r.type, []);
    byType.get(r.type)!.push(r);
  }
  for (const [type, rels] of byType) {
    const groups = typedGroups(rels, new Set());
    groups.forEach((g, i) => {
      const header = [':START_ID', ':END_ID', ':TYPE', ...g.columns.map(([k, t]) => `${k}:${t}`)].map(headerCell);
      const lines = [header.join(',')];
      for (const r of g.items) {
        const where = `relationship ${r.type} ${r.start} → ${r.end}`;
        lines.push([quote(r.start), quote(r.end), quote(r.type), ...g.columns.map(([k]) => field(r.properties[k], `${where}, property "${k}"`))].join(','));
      }
      files.push({ name: fileName('relationships', type, i, groups.length), kind: 'relationships', text: lines.join('\n') + '\n', rows: g.items.length });
    });
  }
  return files;
}

/** Header cells are plain unless a property name needs quoting (a comma, a quote, a space). */
function headerCell(cell: string): string {
  return /[",\s]/.test(cell) ? quote(cell) : cell;
}

/**
 * The neo4j-admin command that imports the files into an empty database (run from the
 * folder holding them; `database` defaults to neo4j).
 */
export function importArguments(files: CsvFile[], dir = '.', database = 'neo4j'): string[] {
  const path = (f: CsvFile) => (dir === '.' ? f.name : `${dir.replace(/\/$/, '')}/${f.name}`);
  return [
    'database',
    'import',
    'full',
    // The database first: --nodes and --relationships take several files each and would swallow it.
    database,
    '--id-type=string',
    '--multiline-fields=true',
    `--array-delimiter=${ARRAY_DELIMITER_OPTION}`,
    ...files.filter((f) => f.kind === 'nodes').map((f) => `--nodes=${path(f)}`),
    ...files.filter((f) => f.kind === 'relationships').map((f) => `--relationships=${path(f)}`),
  ];
}

export function importCommand(files: CsvFile[]): string {
  return ['neo4j-admin', ...importArguments(files)].join(' ');
}

/**
 * neo4j-admin reads an empty list field as "no property": a CSV cell cannot hold an empty
 * list. These Cypher statements, run once after the import (IMPORT.txt says so; the files
 * name it after-import.cypher), set the empty lists the graph had: `aliases: []` on a place no
 * document named by another name, for instance. Empty when the graph has none. The import
 * creates no index, so the id constraints come first: without them every lookup below scans its
 * label (the export test's round trip took over 5 minutes on the seeds).
 */
export function emptyListStatements(graph: ExportGraph): string[] {
  const out: string[] = [];
  const primary = new Map(graph.nodes.map((n) => [n.id, n.labels[0]]));
  const nodeFixes = new Map<string, string[]>();
  for (const n of graph.nodes) {
    for (const [k, v] of Object.entries(n.properties)) {
      if (!Array.isArray(v) || v.length > 0) continue;
      const key = `${n.labels[0]}\u0000${k}`;
      if (!nodeFixes.has(key)) nodeFixes.set(key, []);
      nodeFixes.get(key)!.push(n.id);
    }
  }
  for (const [key, ids] of nodeFixes) {
    const [label, prop] = key.split('\u0000');
    out.push(`UNWIND ${cypherLiteral(ids, 'ids')} AS id MATCH (n:${ident(label)} {id: id}) SET n.${ident(prop)} = []`);
  }
  for (const r of graph.relationships) {
    const empty = Object.entries(r.properties).filter(([, v]) => Array.isArray(v) && v.length === 0).map(([k]) => k);
    if (empty.length === 0) continue;
    const where = `relationship ${r.type} ${r.start} → ${r.end}`;
    // The relationship is the one between these ends with these scalar properties (REFERS_TO: its document).
    const same = Object.entries(r.properties)
      .filter(([, v]) => !Array.isArray(v))
      .map(([k, v]) => `r.${ident(k)} = ${cypherLiteral(v, where)}`);
    out.push(
      `MATCH (a:${ident(primary.get(r.start) ?? 'Node')} {id: ${cypherLiteral(r.start, where)}})-[r:${ident(r.type)}]->(b:${ident(primary.get(r.end) ?? 'Node')} {id: ${cypherLiteral(r.end, where)}})` +
        `${same.length ? ` WHERE ${same.join(' AND ')}` : ''} SET ${empty.map((k) => `r.${ident(k)} = []`).join(', ')}`,
    );
  }
  return out.length > 0 ? [...constraints(graph), 'CALL db.awaitIndexes(300)', ...out] : out;
}
