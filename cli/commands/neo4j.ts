/** `plangraph neo4j start|stop|status`: the project's own Neo4j 5.26 under .neo4j/, no Docker needed. */
import { devServerStatus, logFile, startDevServer, stopDevServer } from '../../graph/local/dev-server.ts';
import { connectionFile, neo4jHome } from '../../graph/config.ts';
import { checkJava, ensureLib, libIsBuilt } from '../../graph/local/launcher.ts';

export const summary = 'start | stop | status | install: a local Neo4j 5.26 (Java 17 + Maven) with data in .neo4j/';

const usage = `usage: plangraph neo4j <start|stop|status|install>

  start    start Neo4j (Bolt + Browser on 127.0.0.1), or reuse the one already running;
           writes .neo4j/connection.json, which every plangraph command uses when NEO4J_URI is unset
  stop     stop it cleanly
  status   say whether it runs, where, and which version
  install  check Java 17 and fetch Neo4j with Maven into graph/neo4j-server/lib/ (start does it when needed)

environment: NEO4J_PASSWORD (else generated once), NEO4J_BOLT_PORT (7687), NEO4J_HTTP_PORT (7474),
             NEO4J_HEAP (1g), NEO4J_PAGECACHE (512m), PLANGRAPH_NEO4J_HOME (.neo4j)`;

export async function run(args: string[]): Promise<number> {
  const [action] = args;
  switch (action) {
    case 'start': {
      const s = await startDevServer(process.env, (line) => console.log(line));
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
      if (!s) {
        console.log(`Neo4j is not running (${neo4jHome()}); start it with "npx plangraph neo4j start"`);
        return 3;
      }
      console.log(`Neo4j ${s.version} running (pid ${s.pid})`);
      console.log(`  Bolt:    ${s.uri}`);
      console.log(`  Browser: ${s.browserUrl}`);
      console.log(`  data:    ${s.home}`);
      console.log(`  log:     ${logFile()}`);
      return 0;
    }
    case 'install': {
      const java = checkJava();
      const already = libIsBuilt();
      ensureLib((line) => console.log(line));
      console.log(`${already ? 'Neo4j already fetched' : 'Neo4j fetched'} into graph/neo4j-server/lib/; Java: ${java}`);
      return 0;
    }
    default:
      console.error(usage);
      return 2;
  }
}
