/** `plangraph export`: read the graph or an area's subgraph (read.ts), write it in one of the formats. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { emptyListStatements, importCommand, toCsvFiles } from './csv.ts';
import { toCypherScript } from './cypher.ts';
import { toGraphml } from './graphml.ts';
import { toJson } from './json.ts';
import { ExportError, type ExportGraph } from './model.ts';

export { readExportGraph, type ReadOptions, type AreaOptions } from './read.ts';
export { ExportError, type ExportGraph } from './model.ts';
export { toCsvFiles, importArguments, importCommand, emptyListStatements } from './csv.ts';
export { toCypherScript, toCypherStatements } from './cypher.ts';
export { toGraphml } from './graphml.ts';
export { toJson } from './json.ts';

/** The CSV folder's Cypher for what neo4j-admin cannot import (csv.ts emptyListStatements). */
export const AFTER_IMPORT = 'after-import.cypher';

export const EXPORT_FORMATS = ['graphml', 'csv', 'json', 'cypher'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The file name an export gets when only a folder (or nothing) is given. */
export const DEFAULT_NAMES: Record<ExportFormat, string> = { graphml: 'graph.graphml', csv: 'csv', json: 'graph.json', cypher: 'graph.cypher' };

export interface WrittenExport {
  /** Files written (absolute paths). */
  files: string[];
  /** CSV: the neo4j-admin command line that imports them (also written to IMPORT.txt). */
  importCommand?: string;
}

/** A single-file format as text (graphml, json, cypher). */
export function renderExport(graph: ExportGraph, format: Exclude<ExportFormat, 'csv'>): string {
  if (format === 'graphml') return toGraphml(graph);
  if (format === 'json') return toJson(graph);
  return toCypherScript(graph);
}

/**
 * Writes the export: a file for graphml/json/cypher, a folder for csv (nodes-*.csv,
 * relationships-*.csv and IMPORT.txt with the neo4j-admin command).
 */
export function writeExport(graph: ExportGraph, format: ExportFormat, out: string): WrittenExport {
  const target = path.resolve(out);
  if (format !== 'csv') {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, renderExport(graph, format));
    return { files: [target] };
  }
  const files = toCsvFiles(graph);
  if (files.length === 0) throw new ExportError('nothing to export: the graph (or the area) holds no nodes');
  mkdirSync(target, { recursive: true });
  const written = files.map((f) => {
    const file = path.join(target, f.name);
    writeFileSync(file, f.text);
    return file;
  });
  const command = importCommand(files);
  const fixes = emptyListStatements(graph);
  if (fixes.length > 0) {
    const file = path.join(target, AFTER_IMPORT);
    writeFileSync(file, `// Empty lists, which a CSV cell cannot carry: run once after the import (cypher-shell -f ${AFTER_IMPORT}).\n\n${fixes.map((s) => `${s};`).join('\n')}\n`);
    written.push(file);
  }
  const notes = [
    `PlanGraph export: ${graph.nodes.length} nodes, ${graph.relationships.length} relationships, for neo4j-admin database import.`,
    '',
    'Stop Neo4j, then from this folder (the database must be empty or absent; add --overwrite-destination=true to replace it):',
    '',
    `  ${command}`,
    '',
    ...(fixes.length > 0
      ? [`Then start Neo4j and run ${AFTER_IMPORT} once (cypher-shell -f ${AFTER_IMPORT}): it sets the ${fixes.length} empty list(s) a CSV cell cannot carry.`, '']
      : []),
    'PlanGraph applies its schema (id constraints, full-text indexes) to the imported database the next time',
    '`plangraph load` or `plangraph up` runs on it. Files: one per label (nodes-*.csv) and per relationship',
    'type (relationships-*.csv); ids are the nodes\' `id` property.',
    '',
  ];
  const readme = path.join(target, 'IMPORT.txt');
  writeFileSync(readme, notes.join('\n'));
  return { files: [...written, readme], importCommand: command };
}
