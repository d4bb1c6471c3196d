/**
 * `plangraph remove <document…>`: takes documents' facts out of the graph, each in one
 * transaction (graph/write/remove.ts: the writer's replace path with an empty document).
 */
import { openDriver, resolveConnection } from '../../graph/connection.ts';
import { removeDocument } from '../../graph/write/remove.ts';
import { commandArgs, UsageError } from '../args.ts';

export const summary = 'remove <document…>: take documents (file names as loaded) out of the graph, all of each or nothing';

const usage = `usage: plangraph remove <document…>

  Takes each document's plans, tasks, goals and relationships out of Neo4j, one
  transaction per document. Bodies, places and projects other documents still name stay
  (their aliases and provenance then come from those documents); the ones only this
  document named go. Give the file name as loaded (huadu-14th-five-year-plan.txt) or a
  path to the file. Exit code 1 when a document is not in the graph (nothing removed for it).

environment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE (else .neo4j/connection.json)`;

export async function run(argv: string[]): Promise<number> {
  let values, args: string[];
  try {
    ({ values, positionals: args } = commandArgs(argv, { help: { type: 'boolean', short: 'h' } }));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`plangraph remove: ${e.message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (args.length === 0) {
    console.error(usage);
    return 2;
  }
  const conn = await resolveConnection();
  const driver = await openDriver(conn);
  let failed = 0;
  try {
    for (const document of args) {
      try {
        const r = await removeDocument(driver, document, { database: conn.database });
        console.log(
          `removed ${r.document}: ${r.owned.plans} plan(s), ${r.owned.tasks} task(s), ${r.owned.goals} goal(s); ` +
            `${r.counters.nodesDeleted} node(s) and ${r.counters.relationshipsDeleted} relationship(s) deleted`,
        );
      } catch (err) {
        failed++;
        console.error(`plangraph remove: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  } finally {
    await driver.close();
  }
  return failed > 0 ? 1 : 0;
}
