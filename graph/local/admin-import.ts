/**
 * Runs `neo4j-admin database import full` from the Maven artifacts in graph/neo4j-server/lib/
 * (no Neo4j distribution needed): neo4j-admin is org.neo4j.cli.AdminTool, and the import
 * command (org.neo4j.importer.ImportCommand, artifact neo4j-import-tool) is on the classpath
 * already. It wants NEO4J_HOME (the store goes to $NEO4J_HOME/data, where Launcher.java
 * looks for it when started with --home on the same folder) and a NEO4J_CONF folder.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { checkJava, ensureLib, LauncherError, SERVER_DIR } from './launcher.ts';

export interface AdminImportOptions {
  /** The Neo4j home the database is imported into (created if missing). */
  home: string;
  /** neo4j-admin arguments after `neo4j-admin`, e.g. csv.ts importArguments(files, dir). */
  args: string[];
  /** Working directory (relative file names in args are read from here). */
  cwd?: string;
  heap?: string;
  timeoutMs?: number;
}

export interface AdminImportResult {
  output: string;
  seconds: number;
}

export async function adminImport(options: AdminImportOptions): Promise<AdminImportResult> {
  const java = checkJava();
  ensureLib();
  const home = path.resolve(options.home);
  const conf = path.join(home, 'conf');
  mkdirSync(conf, { recursive: true });
  const args = [`-Xmx${options.heap ?? '512m'}`, '-cp', `${path.join(SERVER_DIR, 'lib')}${path.sep}*`, 'org.neo4j.cli.AdminTool', ...options.args];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(java, args, {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b) => (output += b));
    child.stderr.on('data', (b) => (output += b));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const seconds = (Date.now() - started) / 1000;
      if (code === 0) resolve({ output, seconds });
      else reject(new LauncherError(`neo4j-admin ${options.args.slice(0, 3).join(' ')} failed (${signal ?? `exit ${code}`}):\n${output.trim().split('\n').slice(-20).join('\n')}`));
    });
  });
}
