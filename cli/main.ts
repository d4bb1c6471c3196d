/**
 * `plangraph <command> …`: dispatches to one module per command in cli/commands/.
 * Each command module exports `run(args: string[]): Promise<number>` (the exit code)
 * and `summary` (one line for the help text). The general help lists SUMMARIES without
 * importing any command (so `--help` and `--version` start in well under a second); a
 * command missing there is imported for its summary.
 */
import { readFileSync } from 'node:fs';
import { debugErrors } from '../config/cli.ts';

type CommandModule = { run(args: string[]): Promise<number>; summary: string };

const commands: Record<string, () => Promise<CommandModule>> = {
  up: () => import('./commands/up.ts'),
  neo4j: () => import('./commands/neo4j.ts'),
  extract: () => import('./commands/extract.ts'),
  load: () => import('./commands/load.ts'),
  serve: () => import('./commands/serve.ts'),
  'rebuild-touches': () => import('./commands/rebuild-touches.ts'),
  export: () => import('./commands/export.ts'),
  remove: () => import('./commands/remove.ts'),
};

/** One line per command for `plangraph --help` (each module's own `summary` says the same). */
const SUMMARIES: Record<string, string> = {
  up: 'the main job: start or reuse Neo4j, load seeds/, serve GraphQL on http://127.0.0.1:4000/graphql',
  neo4j: 'start | stop | status | install: a local Neo4j 5.26 (Java 17 + Maven) with data in .neo4j/',
  extract: 'extract <files or folders…> --out graph.json: read plans and write the graph document (no database)',
  load: 'load <files or folders…>: extract plans and write them into Neo4j (a document at a time, all or nothing)',
  serve: 'serve the GraphQL API and GraphiQL on http://127.0.0.1:4000/graphql [--host --port]',
};

export const EXIT_CODES = `exit codes:
  0    done
  1    failed: an error, or a document that could not be extracted or written (the others were)
  2    usage: unknown command or option, missing argument
  3    neo4j status: Neo4j is not running
  130  interrupted (Ctrl-C) before the work was done`;

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function generalHelp(): Promise<string> {
  const lines = ['usage: plangraph <command> [options]', '       plangraph help <command>   plangraph --version', '', 'commands:'];
  for (const [cmd, load] of Object.entries(commands)) {
    const summary = SUMMARIES[cmd] ?? (await load().then((m) => m.summary, () => '(not available)'));
    lines.push(`  ${cmd.padEnd(9)} ${summary}`);
  }
  lines.push('', 'Every command takes --help. extract, load and neo4j status take --json.', '', EXIT_CODES);
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    console.log(`plangraph ${version()}`);
    return 0;
  }
  if (name === 'help' && args[0]) return main([args[0], '--help']);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const help = await generalHelp();
    if (name) console.log(help);
    else console.error(help);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    console.error(`plangraph: unknown command "${name}". Run "plangraph --help" for the list.`);
    return 2;
  }
  try {
    return await (await load()).run(args);
  } catch (err) {
    const e = err as Error;
    console.error(`plangraph ${name}: ${e instanceof Error ? e.message : String(err)}`);
    if (debugErrors()) console.error(err);
    // A bad setting is a usage error of a kind, but scripts key on 1 for "did not work".
    return 1;
  }
}
