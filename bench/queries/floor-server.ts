/**
 * The query floor: a minimal node:http endpoint that runs a request's Cypher (the same
 * graph/queries functions PlanGraph's resolvers call, in the same order) with
 * neo4j-driver and answers JSON. No GraphQL parsing, validation or resolvers: what PlanGraph
 * costs beyond this is the price of its API layer.
 *
 *   POST /<request name>   → 200 {"data": …}   (bench/queries/requests.ts)
 *   POST /scale/<name> {"p": parameter} → 200 {"data": …}   (bench/scale/requests.ts)
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { REQUESTS } from './requests.ts';
import { SCALE_REQUESTS } from '../scale/requests.ts';

export interface RunningHttp {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

export async function startFloorServer(driver: Driver, database: string | undefined, port = 0): Promise<RunningHttp> {
  const byName = new Map<string, (body: string) => Promise<unknown>>([
    ...REQUESTS.map((r) => [`/${r.name}`, () => r.floor(driver, database)] as const),
    ...SCALE_REQUESTS.map((r) => [`/scale/${r.name}`, (body: string) => r.floor(driver, database, (JSON.parse(body) as { p: string }).p)] as const),
  ]);
  const server = http.createServer((req, res) => {
    const request = byName.get(req.url ?? '');
    // Read the body (autocannon sends one; the scale questions carry their parameter in it) before answering.
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      if (!request) {
        res.writeHead(404).end();
        return;
      }
      Promise.resolve()
        .then(() => request(body))
        .then(
        (data) => {
          const body = JSON.stringify({ data });
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
        },
        (err: unknown) => {
          const body = JSON.stringify({ errors: [{ message: err instanceof Error ? err.message : String(err) }] });
          res.writeHead(500, { 'content-type': 'application/json' }).end(body);
        },
      );
    });
  });
  return listen(server, port);
}

export function listen(server: http.Server, port: number): Promise<RunningHttp> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${p}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
