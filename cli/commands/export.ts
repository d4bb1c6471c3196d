/**
 * `plangraph export`: the whole graph or one area's subgraph as GraphML (Gephi, yEd), CSV for
 * `neo4j-admin database import`, JSON or Cypher (graph/export/).
 */
import { parseArgs } from 'node:util';
import { openDriver, resolveConnection } from '../../graph/connection.ts';
import { DEFAULT_NAMES, EXPORT_FORMATS, readExportGraph, renderExport, writeExport, type ExportFormat } from '../../graph/export/index.ts';

export const summary = 'export [--format graphml|csv|json|cypher] [--district NAME] [--out PATH]: the graph or one area for Gephi, yEd, neo4j-admin';

const usage = `usage: plangraph export [options]

  Writes the whole graph, or the subgraph of one area, in a format other tools read:
    graphml  Gephi, yEd, NetworkX (one file; node attribute "label" is the name or title)
    csv      neo4j-admin database import (a folder: nodes-<Label>.csv, relationships-<TYPE>.csv,
             IMPORT.txt with the exact neo4j-admin command)
    json     {nodes, relationships} as the loaders write them (one file)
    cypher   a script that recreates the graph in an empty database (one file)

options:
  --format F            graphml (default, or from --out's extension), csv, json, cypher
  --out PATH            file (folder for csv); "-" writes a one-file format to stdout.
                        Default: ${Object.values(DEFAULT_NAMES).join(', ')}
  --district NAME       only the area: tasks touching it (name, alias or code: 花都区, 花都, 440114),
                        their plans, bodies, places, goals and projects, the divisions above
  --no-descendants      with --district: areas inside it do not count (the API's includeDescendants: false)
  --include-enclosing   with --district: tasks on areas containing it count (includeEnclosing: true)
  --records / --no-records
                        include the writer's bookkeeping, REFERS_TO records and TOUCHES edges
                        (default: yes for the whole graph, so an import is a working PlanGraph
                        database; no for an area)

examples:
  plangraph export --district 花都区 --out huadu.graphml
  plangraph export --format csv --out export/ && cat export/IMPORT.txt
  plangraph export --format json --out - | jq '.nodes | length'

environment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE (else .neo4j/connection.json)`;

const EXTENSIONS: Record<string, ExportFormat> = { '.graphml': 'graphml', '.xml': 'graphml', '.json': 'json', '.cypher': 'cypher', '.cql': 'cypher' };

function formatFrom(format: string | undefined, out: string | undefined): ExportFormat {
  if (format !== undefined) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format ${format}: expected one of ${EXPORT_FORMATS.join(', ')}`);
    return format as ExportFormat;
  }
  const ext = out?.match(/\.[A-Za-z]+$/)?.[0].toLowerCase();
  return (ext && EXTENSIONS[ext]) || 'graphml';
}

class UsageError extends Error {}

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        format: { type: 'string' },
        out: { type: 'string', short: 'o' },
        district: { type: 'string' },
        'no-descendants': { type: 'boolean' },
        'include-enclosing': { type: 'boolean' },
        records: { type: 'boolean' },
        'no-records': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (err) {
    console.error(`plangraph export: ${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  let format: ExportFormat;
  try {
    format = formatFrom(values.format, values.out);
    if (!values.district && (values['no-descendants'] || values['include-enclosing'])) throw new UsageError('--no-descendants and --include-enclosing need --district');
    if (values.records && values['no-records']) throw new UsageError('--records and --no-records contradict each other');
    if (format === 'csv' && values.out === '-') throw new UsageError('csv is a folder of files; give --out a folder');
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`plangraph export: ${err.message}`);
    return 2;
  }
  const out = values.out ?? DEFAULT_NAMES[format];
  const records = values.records ? true : values['no-records'] ? false : undefined;

  const conn = await resolveConnection();
  const driver = await openDriver(conn);
  try {
    const graph = await readExportGraph(driver, {
      database: conn.database,
      records,
      area: values.district
        ? { district: values.district, includeDescendants: !values['no-descendants'], includeEnclosing: !!values['include-enclosing'] }
        : undefined,
    });
    const what = graph.scope.kind === 'area' ? `area ${graph.scope.district!.name} (${graph.scope.district!.id})` : 'whole graph';
    const counts = `${graph.nodes.length} nodes, ${graph.relationships.length} relationships`;
    if (out === '-' && format !== 'csv') {
      // A reader that stops early (| head) is no failure.
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') process.exit(0);
        throw err;
      });
      process.stdout.write(renderExport(graph, format));
      console.error(`exported ${what}: ${counts} (${format})`);
      return 0;
    }
    const written = writeExport(graph, format, out);
    console.log(`exported ${what}: ${counts} → ${written.files.length === 1 ? written.files[0] : `${written.files.length} files in ${out}`} (${format})`);
    if (written.importCommand) console.log(`import into an empty database, from that folder:\n  ${written.importCommand}`);
    return 0;
  } finally {
    await driver.close();
  }
}
