/**
 * `plangraph <command> …`: dispatches to one module per command in cli/commands/.
 * Each command module exports `run(args: string[]): Promise<number>` (the exit code)
 * and `summary` (one line for the help text).
 */
const commands: Record<string, () => Promise<{ run(args: string[]): Promise<number>; summary: string }>> = {
  up: () => import('./commands/up.ts'),
  neo4j: () => import('./commands/neo4j.ts'),
  extract: () => import('./commands/extract.ts'),
  load: () => import('./commands/load.ts'),
  serve: () => import('./commands/serve.ts'),
  'rebuild-touches': () => import('./commands/rebuild-touches.ts'),
  export: () => import('./commands/export.ts'),
  remove: () => import('./commands/remove.ts'),
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const lines = ['usage: plangraph <command> [options]', '', 'commands:'];
    for (const [cmd, load] of Object.entries(commands)) {
      const summary = await load().then((m) => m.summary, () => '(not available)');
      lines.push(`  ${cmd.padEnd(9)} ${summary}`);
    }
    console.log(lines.join('\n'));
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
    console.error(`plangraph ${name}: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env.PLANGRAPH_DEBUG) console.error(err);
    return 1;
  }
}
