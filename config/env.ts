/**
 * Every environment variable PlanGraph reads, in one table: its name, default, who reads it and
 * what it means. The README's "Configuration" table lists the same rows (config/env.test.ts
 * checks both, and that no other file names a PLANGRAPH_* or NEO4J_* variable the table lacks).
 *
 * The values are parsed and validated by the readers beside this file, one per area
 * (neo4j.ts, ops.ts, api.ts, load.ts, cli.ts; shared parsers in values.ts); each error names the variable. Every reader
 * takes the environment as a parameter (tests pass a plain object) and defaults to the process's:
 * processEnv() below is the one place that reads it. This folder imports nothing else of the
 * project, so every layer (loaders/ included) may use it.
 */

export type Env = Record<string, string | undefined>;

/** A setting the environment gave that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The process's environment: the default of every reader. */
export function processEnv(): Env {
  return process.env;
}

export interface EnvVariable {
  name: string;
  /** As the README shows it. */
  default: string;
  /** The commands (or tools) that read it. */
  usedBy: string;
  description: string;
}

const API = '`up`, `serve`';
const READ = '`load`, `extract`';
const LOCAL_NEO4J = '`neo4j start`, `up`';

export const ENV_VARIABLES = [
  // Neo4j connection (config/neo4j.ts)
  { name: 'NEO4J_URI', default: 'unset → `.neo4j/connection.json`', usedBy: 'all', description: 'the Neo4j to use (bolt:// or neo4j://, +s, +ssc); when set, no local Neo4j is started' },
  { name: 'NEO4J_USER', default: '`neo4j`', usedBy: 'all', description: 'user for NEO4J_URI' },
  { name: 'NEO4J_PASSWORD', default: 'generated once', usedBy: 'all', description: 'password for NEO4J_URI (required with it); without it, the local Neo4j\'s password' },
  { name: 'NEO4J_DATABASE', default: 'server default (`neo4j`)', usedBy: 'all', description: 'database name' },
  // The API's address (config/neo4j.ts, beside the connection it serves)
  { name: 'HOST', default: '`127.0.0.1`', usedBy: API, description: 'address the API listens on' },
  { name: 'PORT', default: '`4000`', usedBy: API, description: 'API port' },
  // The local Neo4j (config/neo4j.ts)
  { name: 'NEO4J_BOLT_PORT', default: 'last start\'s, else `7687`', usedBy: LOCAL_NEO4J, description: 'Bolt port of the local Neo4j (127.0.0.1 only)' },
  { name: 'NEO4J_HTTP_PORT', default: 'last start\'s, else `7474`', usedBy: LOCAL_NEO4J, description: 'HTTP (Browser) port of the local Neo4j (127.0.0.1 only)' },
  { name: 'NEO4J_HEAP', default: '`1g`', usedBy: LOCAL_NEO4J, description: 'heap of the local Neo4j' },
  { name: 'NEO4J_PAGECACHE', default: '`512m`', usedBy: LOCAL_NEO4J, description: 'page cache of the local Neo4j' },
  { name: 'PLANGRAPH_NEO4J_HOME', default: '`.neo4j`', usedBy: '`neo4j`, `up`', description: 'where the local Neo4j keeps its data, log, pid and connection.json' },
  { name: 'PLANGRAPH_NEO4J_TX_MEMORY', default: '`256m`', usedBy: '`neo4j start`, `up`, Docker, tests', description: 'db.memory.transaction.max: the most one read or one document\'s write may use' },
  { name: 'JAVA_HOME', default: '`java` on PATH', usedBy: 'local Neo4j', description: 'Java 17 to use' },
  // The API (config/ops.ts, config/api.ts)
  { name: 'PLANGRAPH_RESPONSE_CACHE', default: '`on`', usedBy: API, description: '`off` (or `0`) turns the response cache off' },
  { name: 'PLANGRAPH_RESPONSE_CACHE_MB', default: '`64`', usedBy: API, description: 'most memory the cached answers take' },
  { name: 'PLANGRAPH_LOG_REQUESTS', default: 'unset', usedBy: API, description: '`1` logs every request (default: only slow or failed ones)' },
  { name: 'PLANGRAPH_LOG_FORMAT', default: '`text`', usedBy: API, description: '`json`: one JSON object per log line' },
  { name: 'PLANGRAPH_CORS_ORIGINS', default: 'unset', usedBy: API, description: 'comma-separated origins whose pages may call /graphql; `*` for any' },
  { name: 'PLANGRAPH_ADMIN_TOKEN', default: 'unset', usedBy: API, description: 'bearer token that allows mutations; unset: none are allowed' },
  { name: 'PLANGRAPH_CACHE_BUDGET_MB', default: '`128`', usedBy: API, description: 'most memory all of the API\'s caches take together' },
  { name: 'PLANGRAPH_MAX_BODY_KB', default: '`100`', usedBy: API, description: 'largest request body' },
  { name: 'PLANGRAPH_MAX_VARIABLES_KB', default: '`16`', usedBy: API, description: 'largest JSON of a request\'s variables' },
  { name: 'PLANGRAPH_MAX_STRING_LENGTH', default: '`500`', usedBy: API, description: 'longest string argument, in characters' },
  { name: 'PLANGRAPH_MAX_SEARCH_TEXT_LENGTH', default: '`200`', usedBy: API, description: 'longest search text' },
  { name: 'PLANGRAPH_MAX_ROOT_FIELDS', default: '`10`', usedBy: API, description: 'root fields per operation' },
  { name: 'PLANGRAPH_MAX_PAGE_SIZE', default: '`100`', usedBy: API, description: 'largest `first` (and `last`) a list accepts' },
  { name: 'PLANGRAPH_MAX_COST', default: '`25000`', usedBy: API, description: 'most objects a query may return by the estimate' },
  { name: 'PLANGRAPH_QUERIES_PER_REQUEST', default: '`4`', usedBy: API, description: 'a request\'s Neo4j reads at once' },
  { name: 'PLANGRAPH_QUERY_TIMEOUT_MS', default: '`20000`', usedBy: API, description: 'Neo4j stops a read that takes longer (QUERY_TIMEOUT)' },
  { name: 'PLANGRAPH_SEND_TIMEOUT_MS', default: '`30000`', usedBy: API, description: 'a client that has not read its whole answer by then is disconnected' },
  // Reading and writing documents (config/load.ts)
  { name: 'PLANGRAPH_MAX_FILE_MB', default: '`200`', usedBy: READ, description: 'largest document file' },
  { name: 'PLANGRAPH_MAX_UNPACKED_MB', default: '`200`', usedBy: READ, description: 'most a .docx or .pdf may unpack to' },
  { name: 'PLANGRAPH_MAX_UNPACK_RATIO', default: '`100`', usedBy: READ, description: 'most a .docx or .pdf may unpack to, as a multiple of its size' },
  { name: 'PLANGRAPH_MAX_DOCUMENT_CHARS', default: '`30000000`', usedBy: READ, description: 'most text one document may hold' },
  { name: 'PLANGRAPH_MAX_PARAGRAPH_CHARS', default: '`200000`', usedBy: READ, description: 'longest line or paragraph' },
  { name: 'PLANGRAPH_WRITE_TIMEOUT_MS', default: '`300000`', usedBy: '`load`', description: 'how long one write may wait for Neo4j' },
  // The command line (config/cli.ts)
  { name: 'PLANGRAPH_DEBUG', default: 'unset', usedBy: 'all', description: 'any value: a failed command also prints the error\'s stack' },
  // Tests and benchmarks (read by tests/ and bench/ themselves: tooling, not the product)
  { name: 'PLANGRAPH_TEST_NEO4J', default: 'unset', usedBy: '`npm test`', description: 'force `env`, `container` or `launcher` for integration tests' },
  { name: 'PLANGRAPH_SOAK_SECONDS', default: '`600`', usedBy: '`npm run soak`', description: 'soak length' },
  { name: 'PLANGRAPH_SOAK_GROWTH_MB', default: '`200`', usedBy: '`npm run soak`', description: 'the RSS growth that fails the soak' },
  { name: 'PLANGRAPH_SOAK_WORKERS', default: '`16`', usedBy: '`npm run soak`', description: 'concurrent clients of the soak' },
  { name: 'PLANGRAPH_BENCH_NEO4J_PID', default: 'unset', usedBy: '`npm run bench`', description: 'set by the bench for its load step: the Neo4j whose memory it measures' },
] as const satisfies readonly EnvVariable[];

/** A name in the table: the readers' own tables of variables are typed with it, so a name missing here fails to compile. */
export type EnvName = (typeof ENV_VARIABLES)[number]['name'];
