/**
 * The peer served the way PlanGraph is: Apollo Server 5 behind a plain node:http handler
 * (JSON POST only), over the @neo4j/graphql schema of peer-schema.ts.
 */
import http from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import type { Driver } from 'neo4j-driver';
import { listen, type RunningHttp } from './floor-server.ts';
import { buildPeerSchema } from './peer-schema.ts';

export async function startPeerServer(driver: Driver, database: string | undefined, port = 0): Promise<RunningHttp & { url: string }> {
  const schema = await buildPeerSchema(driver);
  const apollo = new ApolloServer({ schema, csrfPrevention: false });
  await apollo.start();
  const sessionConfig = database ? { database } : undefined;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      let body: unknown;
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
      } catch {
        res.writeHead(400).end();
        return;
      }
      apollo
        .executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method ?? 'POST', headers, search: '', body },
          context: async () => ({ executionContext: driver, sessionConfig }),
        })
        .then((response) => {
          for (const [k, v] of response.headers) res.setHeader(k, v);
          res.statusCode = response.status ?? 200;
          res.end(response.body.kind === 'complete' ? response.body.string : '');
        })
        .catch((err: unknown) => {
          res.writeHead(500).end(String(err));
        });
    });
  });
  const running = await listen(server, port);
  return {
    ...running,
    url: `${running.origin}/graphql`,
    async close() {
      await running.close();
      await apollo.stop();
    },
  };
}
