/** `plangraph neo4j start|stop|status`: the project's own Neo4j 5.26 under .neo4j/, no Docker needed. */
import { processEnv } from '../../config/env.ts';
import { neo4jHome } from '../../config/neo4j.ts';
import { connectionFile } from '../../graph/config.ts';
import { devServerStatus, logFile, startDevServer, stopDevServer } from '../../graph/local/dev-server.ts';
import { checkJava, ensureLibWithProgress, libIsBuilt } from '../../graph/local/launcher.ts';
import { startProgress } from '../progress.ts';
import { commandArgs, UsageError } from '../args.ts';

export const summary = 'start | stop | status | install: a local Neo4j 5.26 (Java 17 + Maven) with data in .neo4j/';

const usage = `usage: plangraph neo4j <start|stop|status|install> [--json]

  start    start Neo4j (Bolt + Browser on 127.0.0.1), or reuse the one already running;
           writes .neo4j/connection.json, which every plangraph command uses when NEO4J_URI is unset.
           The ports are those of the last start unless NEO4J_BOLT_PORT / NEO4J_HTTP_PORT say otherwise.
  stop     stop it cleanly
  status   say whether it runs, where, and which version (--json: as JSON on stdout)
  install  check Java 17 and fetch Neo4j with Maven into graph/neo4j-server/lib/ (start does it when needed)

exit codes: 0 done (status: running), 1 failed, 2 usage error, 3 status: not running

environment: NEO4J_PASSWORD (else generated once), NEO4J_BOLT_PORT / NEO4J_HTTP_PORT (last start's, else 7687 / 7474),
             NEO4J_HEAP (1g), NEO4J_PAGECACHE (512m), PLANGRAPH_NEO4J_HOME (.neo4j)`;

export async function run(args: string[]): Promise<number> {
  let values, positionals: string[];
  try {
    ({ values, positionals } = commandArgs(args, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`plangraph neo4j: ${e.message}\n\n${usage}`);
    return 2;
  }
  const json = values.json ?? false;
  const [action] = positionals;
  if (values.help || action === 'help') {
    console.log(usage);
    return 0;
  }
  switch (action) {
    case 'start': {
      const progress = startProgress();
      const s = await startDevServer(processEnv(), progress.log, progress.phases).finally(() => progress.stop());
      console.log(`Neo4j ${s.version} ${s.reused ? 'already running' : 'started'} (pid ${s.pid}) in ${s.seconds.toFixed(1)}s`);
      console.log(`  Bolt:    ${s.uri}`);
      console.log(`  Browser: ${s.browserUrl}  (user ${s.connection.user}, password ${s.connection.password}; kept in ${connectionFile()})`);
      console.log(`  data:    ${s.home}`);
      return 0;
    }
    case 'stop': {
      const pid = await stopDevServer();
      console.log(pid ? `Neo4j (pid ${pid}) stopped` : `Neo4j is not running (${neo4jHome()})`);
      return 0;
    }
    case 'status': {
      const s = await devServerStatus();
      if (json) {
        const body = s
          ? { running: true, pid: s.pid, version: s.version, uri: s.uri, browserUrl: s.browserUrl, user: s.connection.user, home: s.home, log: logFile() }
          : { running: false, home: neo4jHome() };
        console.log(JSON.stringify(body, null, 2));
        return s ? 0 : 3;
      }
      if (!s) {
        console.log(`Neo4j is not running (${neo4jHome()}); start it with "npx plangraph neo4j start"`);
        return 3;
      }
      console.log(`Neo4j ${s.version} running (pid ${s.pid})`);
      console.log(`  Bolt:    ${s.uri}`);
      console.log(`  Browser: ${s.browserUrl}  (user ${s.connection.user}, password in ${connectionFile()})`);
      console.log(`  data:    ${s.home}`);
      console.log(`  log:     ${logFile()}`);
      return 0;
    }
    case 'install': {
      const java = checkJava();
      const already = libIsBuilt();
      const progress = startProgress();
      try {
        await ensureLibWithProgress(progress.log, progress.phases);
      } finally {
        progress.stop();
      }
      console.log(`${already ? 'Neo4j already fetched' : 'Neo4j fetched'} into graph/neo4j-server/lib/; Java: ${java}`);
      return 0;
    }
    default:
      console.error(usage);
      return 2;
  }
}
