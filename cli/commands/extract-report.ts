/**
 * `plangraph extract <files or folders…> --report [--out graph.json]`: every assignment whose body is not
 * resolved (a relative name such as 区财政局 in a document whose district is not known) and every assignment
 * dropped, each with document, line and quote, on stdout (loaders/bodies/report.ts). With --out the graph is
 * written too, whole or not at all. extract.ts reads the options. Exit code 1 when a document failed, 2 on a usage error.
 */
import { extractPaths, mergeDocuments, type ExtractResult } from '../../load/extract.ts';
import { writeWhole } from '../write-whole.ts';
import { assignmentReport, describeDropped, describeUnresolved } from '../../loaders/bodies/report.ts';

export const reportUsage = `usage: plangraph extract <files or folders…> --report [--out graph.json]

  Lists every assignment whose body is not resolved (a relative name such as 区财政局 in a
  document whose district is not known: kept as that document's unresolved body) and every
  assignment dropped, each with document, line and quote, on stdout instead of the graph;
  with --out the graph is written to that file as well.`;

/** The report of `paths` (options already read by extract.ts), the graph written to `out` as well when given. */
export async function runReport(paths: string[], out: string | undefined): Promise<number> {
  if (paths.length === 0) {
    console.error(reportUsage);
    return 2;
  }
  const result = await extractPaths(paths);
  if (out) {
    const graph = mergeDocuments(result);
    await writeWhole(out, JSON.stringify(graph, null, 2) + '\n');
    console.error(`wrote ${graph.nodes.length} nodes, ${graph.relationships.length} relationships to ${out}`);
  }
  const failed = result.documents.filter((d) => d.error);
  for (const d of failed) console.error(`✗ ${d.error}`);
  process.stdout.write(assignmentsReport(result).join('\n') + '\n');
  return failed.length > 0 ? 1 : 0;
}

/**
 * Per document, every assignment whose body is not resolved and every assignment dropped, each with its line
 * and quote, then the bodies not resolved with their counts; a total line last.
 */
export function assignmentsReport(result: ExtractResult): string[] {
  const lines: string[] = [];
  let unresolvedTotal = 0;
  let droppedTotal = 0;
  for (const d of result.documents) {
    if (!d.graph) continue;
    const r = assignmentReport(d.graph, d.document);
    unresolvedTotal += r.unresolved.length;
    droppedTotal += r.dropped.length;
    if (r.unresolved.length === 0 && r.dropped.length === 0) continue;
    lines.push(`${d.document}: ${r.unresolved.length} assignment(s) with bodies not resolved, ${r.dropped.length} dropped`);
    const bodies = new Map<string, number>();
    for (const u of r.unresolved) {
      const key = `${u.body} (${u.level ?? 'level unknown'})`;
      bodies.set(key, (bodies.get(key) ?? 0) + 1);
    }
    if (bodies.size) lines.push(`  bodies not resolved: ${[...bodies].map(([b, n]) => `${b} ×${n}`).join(', ')}`);
    for (const u of r.unresolved) lines.push(`  ${describeUnresolved(u)}`);
    for (const x of r.dropped) lines.push(`  ${describeDropped(x)}`);
  }
  lines.push(`${unresolvedTotal} assignment(s) with bodies not resolved, ${droppedTotal} dropped, in ${result.documents.length} document(s)`);
  return lines;
}
