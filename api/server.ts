import 'reflect-metadata';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { ASSET_PREFIX, loadAsset } from './graphiql/assets.ts';
import { isExplorePath, serveExplore } from './explore/serve.ts';
import { createErrorFormatter, SERVICE_UNAVAILABLE_MESSAGE, type ErrorLogger } from './plugins/errorFormatting.ts';
import { graphiqlLandingPagePlugin } from './plugins/landingPage.ts';
import { Neo4jMonitor, neo4jAvailabilityPlugin } from './plugins/neo4jAvailability.ts';
import { readOnlyPlugin } from './plugins/readOnly.ts';
import { requestLoggingPlugin } from './plugins/requestLogging.ts';
import { createResponseCache, type ResponseCacheOptions, type ResponseCacheStats } from './plugins/responseCache.ts';
import { variableLimitsPlugin } from './plugins/variableLimits.ts';
import { persistedQueryMismatch } from './plugins/persistedQueries.ts';
import { DEFAULT_LIMITS, limitRules, type QueryLimits } from './validation/index.ts';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from './validation/inputLimits.ts';
import { limitsFromEnv, responseCacheFromEnv } from '../config/api.ts';
import { BudgetedStore, documentBytes, textBytes } from './common/budgetedStore.ts';
import { GraphWatermark } from './common/graphWatermark.ts';
import { DEFAULT_CACHE_BUDGET_BYTES, MemoryBudget } from './common/memoryBudget.ts';
import { createContext, DEFAULT_QUERIES_PER_REQUEST } from './context.ts';
import { buildPlanGraphSchema } from './schema.ts';
import { opsConfigFromEnv, type OpsConfig } from '../config/ops.ts';
import { handleCors } from './ops/cors.ts';
import { handleOps } from './ops/endpoints.ts';
import { createLogger } from './ops/logger.ts';
import { createMetrics } from './ops/metrics.ts';
import { ErrorCode } from './common/error-codes.ts';
import { bodyTooLargeMessage, headerMap, httpGraphQLRequest, isClientAbort, parseBody, readBody, sendGraphQLResponse, sendJson, sendJsonError } from './http.ts';

export const GRAPHQL_PATH = '/graphql';
export const HEALTH_PATH = '/health';

export interface ServerLimits extends QueryLimits, InputLimits {
  /** Largest accepted request body; larger bodies get 413 BAD_USER_INPUT before any parsing. */
  maxBodyBytes: number;
  /** Largest number of GraphQL tokens parsed (a 100 KB body of `{a a a …}` stops here). */
  maxTokens: number;
  /** A request's Neo4j reads at once; the rest queue (its share of the driver's pool). */
  queriesPerRequest: number;
  /** Bytes every cache together may hold (answers, verdicts, parsed documents, persisted queries). */
  cacheBudgetBytes: number;
  /** A client that has not read its whole answer after this long is disconnected (slow readers). */
  sendTimeoutMs: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  ...DEFAULT_LIMITS,
  ...DEFAULT_INPUT_LIMITS,
  maxBodyBytes: 100 * 1024,
  maxTokens: 5000,
  queriesPerRequest: DEFAULT_QUERIES_PER_REQUEST,
  cacheBudgetBytes: DEFAULT_CACHE_BUDGET_BYTES,
  sendTimeoutMs: 30_000,
};

export interface StartServerOptions {
  driver: Driver;
  database?: string;
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  /** Defaults to the PlanGraph schema (api/schema.ts). */
  schema?: GraphQLSchema;
  /** Per-request context; defaults to api/context.ts `createContext({ driver, database })`. */
  context?: () => object | Promise<object>;
  limits?: Partial<ServerLimits>;
  /** Background Neo4j probe period (ms); 0 disables it. */
  healthCheckIntervalMs?: number;
  /** Log every request (default: only slow or failed ones; PLANGRAPH_LOG_REQUESTS=1 turns it on). */
  logRequests?: boolean;
  logger?: ErrorLogger & { info?(message: string): void };
  /**
   * Whole answers reused until the graph version changes (api/plugins/responseCache.ts). Default:
   * from PLANGRAPH_RESPONSE_CACHE / PLANGRAPH_RESPONSE_CACHE_MB (on, 64 MB).
   */
  responseCache?: Partial<ResponseCacheOptions>;
  /** Log format, CORS allow-list, request logging; default from the environment (config/ops.ts). */
  ops?: Partial<OpsConfig>;
}

export interface RunningServer {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  close(): Promise<void>;
  /** Hits, misses and size of the response cache; undefined when it is off. */
  responseCacheStats?(): ResponseCacheStats;
  /** Bytes all caches hold together, and their budget (limits.cacheBudgetBytes). */
  cacheBudget(): { used: number; max: number };
}

/** Starts the PlanGraph GraphQL server on a node:http server; resolves once it listens. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const opsConfig: OpsConfig = { ...opsConfigFromEnv(), ...options.ops };
  const { driver, database, host = '127.0.0.1', port = 4000, logger = createLogger(opsConfig.logFormat) } = options;
  const limits: ServerLimits = { ...DEFAULT_SERVER_LIMITS, ...limitsFromEnv(), ...options.limits };
  const schema = options.schema ?? (await buildPlanGraphSchema());
  const context = options.context ?? defaultContext(driver, database, limits.queriesPerRequest);
  const info = (line: string) => (logger.info ? logger.info(line) : console.log(line));
  // One byte budget for every cache of this server (api/common/memoryBudget.ts).
  const budget = new MemoryBudget(limits.cacheBudgetBytes);
  const watermark = new GraphWatermark(driver, database);
  const cacheOptions = { ...responseCacheFromEnv(), ...options.responseCache };
  const responseCache = cacheOptions.enabled ? createResponseCache(() => watermark.cacheVersion(), cacheOptions, budget) : undefined;
  const monitor = new Neo4jMonitor(driver, { database, intervalMs: options.healthCheckIntervalMs, log: (line) => logger.error(line) });
  const metrics = createMetrics({ neo4jAvailable: () => monitor.status.available, cacheStats: responseCache?.stats });

  const httpServer = http.createServer();
  // Slow clients cannot hold a connection open forever (slowloris).
  httpServer.headersTimeout = 10_000;
  httpServer.requestTimeout = 30_000;

  const apollo = new ApolloServer({
    schema,
    validationRules: limitRules(limits),
    documentStore: new BudgetedStore<DocumentNode>({ maxEntries: 10_000, maxBytes: 32 * 1024 * 1024 }, budget, documentBytes),
    cache: new BudgetedStore<string>({ maxEntries: 10_000, maxBytes: 8 * 1024 * 1024 }, budget, textBytes),
    parseOptions: { maxTokens: limits.maxTokens },
    maxRecursiveSelections: true,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    stopOnTerminationSignals: false, // the CLI decides what Ctrl-C does
    plugins: [
      // Apollo's default cache-control plugin computes a cache hint for every field resolved
      // (wrapping every resolver to do it); no type or field here has a hint, and answers are
      // cached by graph version (responseCache), so it only cost time on every field.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 5000 }),
      graphiqlLandingPagePlugin({ endpoint: GRAPHQL_PATH }),
      readOnlyPlugin(),
      variableLimitsPlugin({ limits, listSizes: () => watermark.listSizes(), budget }),
      neo4jAvailabilityPlugin(monitor),
      ...(responseCache ? [responseCache.plugin] : []),
      requestLoggingPlugin({ all: options.logRequests ?? opsConfig.logRequests, log: info }),
      metrics.plugin,
    ],
  });
  await apollo.start();

  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      if (isClientAbort(error, req)) {
        // A client that hangs up mid-body is common and says nothing about the server: one line, no stack.
        logger.error(`[plangraph] request body aborted by the client (${req.method} ${req.url?.slice(0, 100)})`);
        res.destroy();
        return;
      }
      logger.error(`[plangraph] request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) sendJsonError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error.');
      else res.destroy();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === GRAPHQL_PATH) {
      if (handleCors(req, res, opsConfig.corsOrigins)) return;
      return graphql(req, res, url);
    }
    if (url.pathname === HEALTH_PATH) return health(res);
    if (await handleOps(req, res, url.pathname, { driver, database, monitor, metrics })) return;
    if (url.pathname.startsWith(ASSET_PREFIX)) return asset(req, res, url.pathname.slice(ASSET_PREFIX.length));
    if (isExplorePath(url.pathname)) return serveExplore(req, res, url.pathname);
    if (url.pathname === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(302, { location: GRAPHQL_PATH }).end();
      return;
    }
    sendJsonError(res, 404, ErrorCode.NOT_FOUND, `Nothing at ${url.pathname}. GraphQL is served at ${GRAPHQL_PATH}.`);
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const headers = headerMap(req);
    let body: unknown;
    if (req.method === 'POST') {
      const read = await readBody(req, limits.maxBodyBytes);
      if (read === 'too-large') {
        res.setHeader('connection', 'close');
        // The client's input is at fault, so the code every other input limit uses (issue 15);
        // 413 stays the HTTP status for proxies and clients that read only that.
        return sendJsonError(
          res,
          413,
          ErrorCode.BAD_USER_INPUT,
          bodyTooLargeMessage(limits.maxBodyBytes),
          { limit: 'bodySize', maxBodyBytes: limits.maxBodyBytes },
        );
      }
      const parsed = parseBody(read, headers.get('content-type'));
      if (parsed.error !== undefined) return sendJsonError(res, parsed.status, ErrorCode.BAD_REQUEST, parsed.error);
      body = parsed.body;
    }
    const mismatch = persistedQueryMismatch(body, url.searchParams);
    if (mismatch) return sendJsonError(res, 400, mismatch.code, mismatch.message);
    // Neo4j going down mid-request would leave the client waiting out the driver's retries;
    // the monitor notices within about a second and the client gets 503 then.
    let cancelOutageWatch = () => {};
    const outage = new Promise<'outage'>((resolve) => {
      cancelOutageWatch = monitor.onNextOutage(() => resolve('outage'));
    });
    const execution = apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: httpGraphQLRequest(req, headers, url, body),
      context: async () => context(),
    });
    const result = await Promise.race([execution, outage]).finally(cancelOutageWatch);
    if (result === 'outage') {
      execution.catch(() => {}); // finishes (or fails) in the background; nobody is waiting
      res.setHeader('retry-after', '2');
      return sendJsonError(res, 503, ErrorCode.SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE_MESSAGE);
    }
    await sendGraphQLResponse(res, result, limits.sendTimeoutMs);
  }

  async function health(res: ServerResponse): Promise<void> {
    const neo4j = await monitor.probe();
    // Liveness: the server answers 200 whenever it runs; Neo4j's state is in the body.
    sendJson(res, 200, {
      status: neo4j.available ? 'ok' : 'degraded',
      neo4j: { available: neo4j.available, checkedAt: new Date(neo4j.checkedAt).toISOString(), error: neo4j.error },
    });
  }

  async function asset(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    const loading = req.method === 'GET' || req.method === 'HEAD' ? loadAsset(name) : undefined;
    if (!loading) return sendJsonError(res, 404, ErrorCode.NOT_FOUND, `No GraphiQL asset "${name}".`);
    const file = await loading;
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const bytes = gzip ? file.gzipped : file.body;
    res.writeHead(200, {
      'content-type': `${file.type}; charset=utf-8`,
      'content-length': bytes.length,
      'cache-control': 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  monitor.start();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const address = httpServer.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${address.port}${GRAPHQL_PATH}`,
    close() {
      // Apollo's drain plugin stops accepting connections, lets in-flight requests finish
      // (up to 5 s), then closes the rest.
      closing ??= apollo.stop().finally(() => monitor.stop());
      return closing;
    },
    ...(responseCache ? { responseCacheStats: responseCache.stats } : {}),
    cacheBudget: () => ({ used: budget.used, max: budget.maxBytes }),
  };
}

function defaultContext(driver: Driver, database: string | undefined, maxConcurrentQueries: number): () => Promise<object> {
  return async () => createContext({ driver, database, maxConcurrentQueries });
}
