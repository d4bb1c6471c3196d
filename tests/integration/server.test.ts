/**
 * The HTTP server as a browser, a GraphQL client and an operator meet it: GraphiQL offline,
 * health, body limit, CSRF prevention, error codes, concurrent requests, graceful close.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIntrospectionQuery } from 'graphql';
import { parse } from 'node-html-parser';
import { useNeo4j } from '../support/neo4j.ts';
import { FLAGSHIP_QUERY } from '../../api/graphiql/page.ts';
import { buildPlanGraphSchema } from '../../api/schema.ts';
import { codes, gql, loadSeeds, startTestServer, type GraphQLReply, type TestServer } from './server.harness.ts';

const neo4j = useNeo4j();
let server: TestServer;

beforeAll(async () => {
  await loadSeeds(neo4j.driver, neo4j.database);
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('GraphiQL in a browser', () => {
  async function page() {
    const res = await fetch(server.url, { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    return { res, html: await res.text() };
  }

  it('is served on GET /graphql for Accept: text/html, under a CSP that forbids anything remote', async () => {
    const { res, html } = await page();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(html).toContain('<div id="graphiql">');
  });

  it('references only local paths, and every one of them is served', async () => {
    const { html } = await page();
    // No absolute URL anywhere in the page (no CDN, no fonts, no analytics).
    expect(html).not.toMatch(/https?:\/\/|\/\/[a-z0-9.-]+\.[a-z]{2,}\//i);
    const root = parse(html);
    const refs = [
      ...root.querySelectorAll('script[src]').map((e) => e.getAttribute('src')!),
      ...root.querySelectorAll('link[href]').map((e) => e.getAttribute('href')!),
    ];
    expect(refs.length).toBe(5); // react, react-dom, graphiql js + css, the boot script
    for (const ref of refs) {
      expect(ref).toMatch(/^\/graphiql\/assets\/[\w.-]+$/);
      const res = await fetch(server.origin + ref);
      expect(res.status, ref).toBe(200);
      const body = await res.text();
      expect(body.length, ref).toBeGreaterThan(500);
      expect(res.headers.get('content-type'), ref).toMatch(ref.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
    }
    // The stylesheet embeds its fonts and icons (data: URLs), so it fetches nothing remote either.
    const css = await (await fetch(`${server.origin}/graphiql/assets/graphiql.min.css`)).text();
    expect(css).not.toMatch(/url\(\s*['"]?(https?:)?\/\//);
    // The bundle is the UMD build that defines window.GraphiQL over window.React.
    const js = await (await fetch(`${server.origin}/graphiql/assets/graphiql.min.js`)).text();
    expect(js).toContain('window.GraphiQL =');
    expect(js).toContain('module.exports = window["React"]');
  });

  it('opens on the flagship query, which the served schema accepts and answers', async () => {
    const { html } = await page();
    const config = JSON.parse(parse(html).querySelector('#plangraph-config')!.text);
    expect(config).toEqual({ endpoint: '/graphql', defaultQuery: FLAGSHIP_QUERY });
    expect(config.defaultQuery).toContain('district(name: "花都")');
    const reply = await gql(server.url, config.defaultQuery);
    expect(reply.status, JSON.stringify(reply.body.errors)).toBe(200);
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data!.district.name).toBe('花都区');
    expect(reply.body.data!.district.leadingDepartments.length).toBeGreaterThan(0);
  });

  it("accepts GraphiQL's introspection query (the limits leave introspection to graphql-js)", async () => {
    const query = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true });
    const reply = await gql(server.url, query, undefined, { 'content-type': 'application/json', accept: 'application/json, multipart/mixed' });
    expect(reply.status).toBe(200);
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data!.__schema.queryType.name).toBe('Query');
  });

  it('serves assets gzipped when asked, and nothing outside its list', async () => {
    const gz = await fetch(`${server.origin}/graphiql/assets/graphiql.min.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(Number(gz.headers.get('content-length'))).toBeLessThan(1_500_000);
    await gz.arrayBuffer();
    for (const bad of ['nope.js', '..%2F..%2Fpackage.json', '%2e%2e/%2e%2e/package.json', 'constructor', '__proto__']) {
      const res = await fetch(`${server.origin}/graphiql/assets/${bad}`);
      expect(res.status, bad).toBe(404);
      await res.arrayBuffer();
    }
  });
});

describe('HTTP', () => {
  it('GET /health reports liveness and Neo4j status', async () => {
    const res = await fetch(`${server.origin}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', neo4j: { available: true } });
  });

  it('rejects a body over 100 KB with 413 and a GraphQL BAD_USER_INPUT error naming the limit, and accepts one just under', async () => {
    const padded = (size: number) => JSON.stringify({ query: `{ plans { id } }${' '.repeat(size)}` });
    const expected = {
      message: 'Request body is larger than 100 KB (PLANGRAPH_MAX_BODY_KB), the most this server accepts. Send a shorter query.',
      extensions: { code: 'BAD_USER_INPUT', limit: 'bodySize', maxBodyBytes: 100 * 1024 },
    };
    const big = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: padded(150 * 1024) });
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await big.json()).toEqual({ errors: [expected] });
    // Streamed without a content-length (chunked): refused once 100 KB have arrived, the same way.
    const text = padded(150 * 1024);
    const chunks = Array.from({ length: 15 }, (_, i) => text.slice(i * 10_240, (i + 1) * 10_240));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const streamed = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toEqual({ errors: [expected] });
    const fits = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: padded(90 * 1024) });
    expect(fits.status).toBe(200);
    expect((await fits.json()).data.plans.length).toBeGreaterThan(0);
  });

  it('says what is wrong with a malformed request', async () => {
    const badJson = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/not valid JSON/) });
    const nowhere = await fetch(`${server.origin}/nowhere`);
    expect(nowhere.status).toBe(404);
    expect((await nowhere.json()).errors[0].message).toContain('/graphql');
  });

  it('blocks simple cross-site requests (CSRF prevention) but serves GETs from real clients', async () => {
    const query = encodeURIComponent('{ plans { id } }');
    const simple = await fetch(`${server.url}?query=${query}`);
    expect(simple.status).toBe(400);
    expect((await simple.json()).errors[0].message).toMatch(/Cross-Site Request Forgery/);
    const form = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ plans { id } }"}' });
    expect(form.status).toBe(400);
    await form.arrayBuffer();
    const client = await fetch(`${server.url}?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(client.status).toBe(200);
    expect((await client.json()).data.plans.length).toBeGreaterThan(0);
  });

  it('is read-only: no mutation runs', async () => {
    const reply = await gql(server.url, 'mutation { __typename }');
    expect(reply.status).toBe(403);
    expect(reply.body.data).toBeUndefined();
    expect(codes(reply)).toEqual(['FORBIDDEN']);
    expect(reply.body.errors![0]!.message).toMatch(/read-only: mutations are disabled/);
  });

  it('runs resolvers unwrapped: no per-field cache-hint bookkeeping (Apollo wraps every resolver when a plugin wants each field)', async () => {
    const schema = await buildPlanGraphSchema();
    const own = await startTestServer({ schema });
    try {
      const reply = await gql(own.url, FLAGSHIP_QUERY);
      expect(reply.status, JSON.stringify(reply.body.errors)).toBe(200);
      // enablePluginsForSchemaResolvers marks the schema it wrapped with this symbol.
      expect(Object.getOwnPropertySymbols(schema).map((s) => s.description)).not.toContain('apolloServerPluginsEnabled');
      expect(reply.headers.get('cache-control')).toBeNull();
    } finally {
      await own.close();
    }
  });

  it('gives validation errors a code and never a stack trace', async () => {
    const reply = await gql(server.url, '{ plans { nonsense } }');
    expect(reply.status).toBe(400);
    expect(codes(reply)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(reply.body)).not.toMatch(/stacktrace|\bat .*\.(ts|js):\d+/);
  });
});

describe('concurrency', () => {
  it('answers 64 concurrent mixed requests exactly as it answers them one by one', async () => {
    const queries = [
      FLAGSHIP_QUERY,
      '{ plans { id title } }',
      '{ tasks(first: 5, filter: { touches: "花都" }) { totalCount edges { node { id title } } } }',
      '{ search(text: "花都", first: 5) { __typename } }',
    ];
    const sequential: GraphQLReply[] = [];
    for (const q of queries) sequential.push(await gql(server.url, q));
    for (const r of sequential) expect(r.status, JSON.stringify(r.body.errors)).toBe(200);
    const concurrent = await Promise.all(Array.from({ length: 64 }, (_, i) => gql(server.url, queries[i % queries.length]!)));
    concurrent.forEach((r, i) => {
      expect(r.status).toBe(200);
      expect(r.body).toEqual(sequential[i % queries.length]!.body);
    });
  });
});

describe('graceful close', () => {
  it('finishes a request in flight, refuses new connections meanwhile, then stops', async () => {
    const own = await startTestServer({ driver: neo4j.driver, database: neo4j.database });
    const body = JSON.stringify({ query: FLAGSHIP_QUERY });
    // "Expect: 100-continue" makes the server say when it has taken the request in; only then
    // does the client send the body. So the request is provably in flight when close() starts.
    const req = http.request(own.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
    });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      });
      req.on('error', reject);
    });
    const accepted = new Promise((resolve) => req.once('continue', resolve));
    req.flushHeaders();
    await accepted;

    const closing = own.close();
    await new Promise((r) => setTimeout(r, 50));
    await expect(fetch(`${own.origin}/health`)).rejects.toThrow(); // no new connections while draining
    req.end(body);

    const { status, text } = await answer;
    expect(status).toBe(200);
    expect(JSON.parse(text).data.district.name).toBe('花都区');
    await closing;
  });
});
