/**
 * `plangraph extract <files or folders…> --out graph.json`: the graph document without a
 * database. Prints one summary line per document (or its error, naming the file) on stderr
 * when writing to a file, and exits 1 if any document failed. Without --out the graph goes to stdout.
 */
import { assignmentReport } from '../../loaders/bodies/report.ts';
import { reportUsage, runReport } from './extract-report.ts';
import { commandArgs, UsageError } from '../args.ts';
import { writeWhole } from '../write-whole.ts';
import { extractPaths, mergeDocuments, type ExtractResult } from '../../load/extract.ts';
import type { GraphDocument } from '../../loaders/model.ts';
import { noTasksLine, skippedFiles, skippedLine } from '../skipped.ts';

export const summary = 'extract <files or folders…> --out graph.json: read plans and write the graph document (no database); --report lists unresolved and dropped assignments';

export const usage = `usage: plangraph extract <files or folders…> [--out graph.json] [--json] [--report]

  Reads .txt .md .html .docx .pdf files (folders: every such file inside, with the
  metadata of a manifest.json beside them) and writes { nodes, relationships, warnings }
  with provenance (document, line, quote) on every fact. Without --out, writes to stdout.
  Says which files in a folder it does not read, and warns of a document that gives no task.

  --out    the graph file (written whole or not at all)
  --json   with --out: print the per-document report as JSON on stdout
           ({ documents: [{ document, ok, plans, tasks, …, error }], failed, skipped, out })
  --report lists every assignment whose body is not resolved and every assignment
           dropped, with document, line and quote, on stdout instead of the graph
           (with --out the graph is written to that file as well).
           plangraph extract --report --help says more.

exit codes: 0 every document extracted, 1 a document failed (the others are in the graph), 2 usage error`;

export async function run(args: string[]): Promise<number> {
  // --report: the assignments whose bodies are not resolved or that were dropped (extract-report.ts).
  const reporting = args.includes('--report');
  const shownUsage = reporting ? reportUsage : usage;
  let values, paths: string[];
  try {
    ({ values, positionals: paths } = commandArgs(args, {
      out: { type: 'string', short: 'o' },
      json: { type: 'boolean' },
      report: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    }));
    // The report goes to stdout, where --json would put its own: the two do not mix.
    if (reporting && args.includes('--json')) throw new UsageError('unknown', '--json');
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(e.kind === 'missing' ? `plangraph extract: ${e.option} needs a file name` : `plangraph extract: ${e.message}\n${shownUsage}`);
    return 2;
  }
  if (values.help) {
    console.log(shownUsage);
    return 0;
  }
  const { out, json = false } = values;
  if (reporting) return runReport(paths, out);
  if (paths.length === 0) {
    console.error(usage);
    return 2;
  }
  if (json && !out) {
    console.error('plangraph extract: --json needs --out <file>: stdout carries the report, the graph goes to the file');
    return 2;
  }
  const skipped = await skippedFiles(paths);
  const result = await extractPaths(paths);
  const graph = mergeDocuments(result);
  const text = JSON.stringify(graph, null, 2) + '\n';
  if (out) await writeWhole(out, text);
  else process.stdout.write(text);
  const report = summarise(result);
  for (const s of skipped) console.error(skippedLine(s));
  for (const d of result.documents) if (d.graph && counts(d.graph).tasks === 0) console.error(noTasksLine(d.document));
  if (json) {
    const documents = result.documents.map((d) => (d.error ? { document: d.document, ok: false, error: d.error } : { document: d.document, ok: true, ...counts(d.graph!) }));
    console.log(JSON.stringify({ documents, failed: report.failed, skipped: skipped.map((s) => s.path), out }, null, 2));
    return report.failed > 0 ? 1 : 0;
  }
  for (const line of report.lines) console.error(line);
  if (out) console.error(`wrote ${graph.nodes.length} nodes, ${graph.relationships.length} relationships to ${out}`);
  return report.failed > 0 ? 1 : 0;
}

export function summarise(result: ExtractResult): { lines: string[]; failed: number } {
  const lines: string[] = [];
  let failed = 0;
  for (const d of result.documents) {
    if (d.error) {
      failed++;
      lines.push(`✗ ${d.error}`);
      continue;
    }
    const c = counts(d.graph!);
    const r = assignmentReport(d.graph!, d.document);
    const notResolved = r.unresolved.length || r.dropped.length ? `; ${r.unresolved.length} assignments with bodies not resolved, ${r.dropped.length} dropped (--report lists them)` : '';
    lines.push(
      `✓ ${d.document}: ${c.plans} plan${c.plans === 1 ? '' : 's'}, ${c.tasks} tasks, ${c.bodies} bodies, ${c.places} places, ${c.goals} goals, ${c.projects} projects, ${c.warnings} warnings${notResolved}`,
    );
  }
  if (result.documents.length === 0) lines.push('no documents found');
  if (failed) lines.push(`${failed} of ${result.documents.length} documents failed`);
  return { lines, failed };
}

function counts(g: GraphDocument) {
  const count = (label: string) => g.nodes.filter((n) => n.labels.includes(label as never)).length;
  return {
    plans: count('Plan'),
    tasks: count('Task'),
    bodies: count('Department'),
    places: count('District'),
    goals: count('Goal'),
    projects: count('Project'),
    warnings: g.warnings?.length ?? 0,
  };
}
