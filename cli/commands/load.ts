/**
 * `plangraph load <files or folders…>`: extract and write documents into Neo4j, each all or
 * nothing (small documents share a transaction; a failing one is retried alone, so it fails
 * alone: graph/write/write-document.ts writeDocuments). Progress bar on stderr (when it is a terminal), a summary
 * table on stdout, exit code 1 when any document failed.
 */
import stringWidth from 'string-width';
import { commandArgs, UsageError } from '../args.ts'; // terminal columns: CJK and full-width characters take two
import { loadSummaryLines } from '../../loaders/bodies/report.ts';
import cliProgress from 'cli-progress';
import type { Driver } from 'neo4j-driver';
import { writeTimeoutFromEnv } from '../../config/load.ts';
import { withDeadline } from '../../graph/write/deadline.ts';
import { openDriver, resolveConnection } from '../../graph/connection.ts';
import { applySchema } from '../../graph/schema.ts';
import { loadPaths, type DocumentSummary, type LoadProgress, type LoadSummary } from '../../load/index.ts';
import { noTasksLine, skippedFiles, skippedLine, type SkippedFile } from '../skipped.ts';

export const summary = 'load <files or folders…>: extract plans and write them into Neo4j (a document at a time, all or nothing)';

const usage = `usage: plangraph load [--json] [--workers N] [--replace] <files or folders…>

  Reads .txt .md .html .docx .pdf files (folders: every such file inside), or a graph
  file written by "plangraph extract --out graph.json", and writes each document into
  Neo4j all or nothing: a document that fails leaves nothing behind. Reloading an unchanged document writes nothing; a changed
  one replaces only its own facts. Files are extracted on N worker threads (default: one
  per core but one, which the writes need; on 2 cores extraction runs on the loading thread)
  while the writes go on. Documents are named by their file name: a file named like
  one already loaded from another folder is refused, unless --replace says to replace it.

  Prints a line for each file in a folder it does not read (data.csv, photo.jpg) and a
  warning for each document that gave no task; a progress bar with the time left on a terminal.

  --json   print the result as JSON on stdout ({ documents, loaded, unchanged, failed, skipped,
           noTasks, seconds }) instead of the table

exit codes: 0 every document loaded or unchanged, 1 a document failed (the others are written),
            2 usage error

environment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE (else .neo4j/connection.json)`;

function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return right ? fill + text : text + fill;
}

const COLUMNS: { title: string; value(d: DocumentSummary): string; right?: boolean }[] = [
  { title: 'document', value: (d) => d.document },
  { title: 'status', value: (d) => d.status },
  { title: 'tasks', value: (d) => String(d.tasks), right: true },
  { title: 'bodies', value: (d) => String(d.bodies), right: true },
  { title: 'places', value: (d) => String(d.places), right: true },
  { title: 'goals', value: (d) => String(d.goals), right: true },
  { title: 'projects', value: (d) => String(d.projects), right: true },
  { title: 'warnings', value: (d) => String(d.warnings), right: true },
  { title: 'changed', value: (d) => String(d.changed), right: true },
];

export function formatSummary(result: LoadSummary): string {
  const rows = result.documents.map((d) => COLUMNS.map((c) => c.value(d)));
  const widths = COLUMNS.map((c, i) => Math.max(stringWidth(c.title), ...rows.map((r) => stringWidth(r[i]))));
  const line = (cells: string[]) => cells.map((cell, i) => pad(cell, widths[i], COLUMNS[i].right)).join('  ').trimEnd();
  const out = [line(COLUMNS.map((c) => c.title)), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows) out.push(line(r));
  out.push('');
  out.push(
    `${result.documents.length} document(s): ${result.loaded} loaded, ${result.unchanged} unchanged, ${result.failed} failed; ` +
      `${result.changed} graph element change(s) in ${result.seconds.toFixed(1)}s`,
  );
  out.push(...loadSummaryLines(result));
  const failed = result.documents.filter((d) => d.status === 'failed');
  if (failed.length > 0) {
    out.push('', 'failed:');
    for (const d of failed) {
      const reason = d.reason ?? 'unknown error';
      // Reasons already name their document (extract and write errors do); do not say it twice.
      out.push(`  ${reason.startsWith(`${d.document}:`) ? reason : `${d.document}: ${reason}`}`);
    }
  }
  return out.join('\n');
}

/** The progress bar of a load (`load`, and the seed load of `up`): documents done, time left, the last document. */
export function progressReporter(): { onProgress(e: LoadProgress): void; stop(): void } {
  if (!process.stderr.isTTY) return { onProgress() {}, stop() {} };
  let bar: cliProgress.SingleBar | undefined;
  return {
    onProgress(e) {
      if (e.phase === 'start') {
        bar = new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: 'loading [{bar}] {value}/{total} documents, {eta_formatted} left  {document}',
            etaBuffer: 20,
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(e.files, 0, { document: '' });
        return;
      }
      bar?.setTotal(e.total);
      bar?.update(e.done, { document: `${e.document} (${e.status})` });
    },
    stop() {
      bar?.stop();
    },
  };
}

/** How long closing the driver may take: a frozen Neo4j kept driver.close() waiting 38+ minutes. */
export const DRIVER_CLOSE_MS = 5_000;

/**
 * Closes the driver, or gives up after `ms`: then the connections to a Neo4j that does not answer
 * would keep the process alive, so it exits once the command has said what it has to say.
 */
export async function closeWithin(driver: Driver, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const closed = await Promise.race([
    driver.close().then(() => true, () => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
  ]);
  clearTimeout(timer);
  if (!closed) {
    console.error(`plangraph load: Neo4j did not close the connection within ${ms / 1000} s; exiting without waiting for it`);
    setTimeout(() => process.exit(process.exitCode ?? 1), 100).unref();
  }
  return closed;
}

/** Lines for stderr: every skipped file, every document read without error that gave no task. */
export function noticesOf(result: LoadSummary, skipped: SkippedFile[]): string[] {
  return [...skipped.map((s) => skippedLine(s)), ...noTaskDocuments(result).map(noTasksLine)];
}

function noTaskDocuments(result: LoadSummary): string[] {
  return result.documents.filter((d) => d.status !== 'failed' && d.tasks === 0).map((d) => d.document);
}

export async function run(argv: string[]): Promise<number> {
  let values, args: string[];
  try {
    ({ values, positionals: args } = commandArgs(argv, {
      json: { type: 'boolean' },
      replace: { type: 'boolean' },
      // Extraction threads (default one per core; 1 extracts on the main thread).
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    }));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.kind === 'missing') console.error(`plangraph load: ${e.option} takes a whole number of threads, 1 or more (got nothing)`);
    else console.error(`plangraph load: ${e.message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const { json = false, replace = false } = values;
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1) {
      console.error(`plangraph load: --workers takes a whole number of threads, 1 or more (got ${values.workers})`);
      return 2;
    }
  }
  if (args.length === 0) {
    console.error(usage);
    return 2;
  }
  const conn = await resolveConnection();
  const driver = await openDriver(conn);
  const progress = json ? { onProgress() {}, stop() {} } : progressReporter();
  try {
    const skipped = await skippedFiles(args);
    // Constraints first: MERGE on id relies on them, and they must exist before the first write.
    await withDeadline(applySchema(driver, conn.database), writeTimeoutFromEnv(), 'the schema check');
    const result = await loadPaths(driver, args, { database: conn.database, onProgress: progress.onProgress, workers, replace });
    progress.stop();
    for (const notice of result.notices) console.error(`plangraph load: note: ${notice}`);
    for (const line of noticesOf(result, skipped)) console.error(line);
    if (json) {
      const skippedPaths = skipped.map((s) => s.path);
      console.log(JSON.stringify({ ...result, skipped: skippedPaths, noTasks: noTaskDocuments(result) }, null, 2));
    } else console.log(formatSummary(result));
    return result.failed > 0 ? 1 : 0;
  } finally {
    progress.stop();
    await closeWithin(driver, DRIVER_CLOSE_MS);
  }
}
