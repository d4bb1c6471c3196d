import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { HeaderMap } from '@apollo/server';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyTooLargeMessage, headerMap, httpGraphQLRequest, parseBody, readBody, sendGraphQLResponse, sendJsonError } from './http.ts';

/** A request body as node:http gives it: a stream of chunks, with the request's headers. */
function request(chunks: string[], headers: Record<string, string> = {}, method = 'POST'): IncomingMessage {
  return Object.assign(Readable.from(chunks.map((c) => Buffer.from(c))), { headers, method }) as unknown as IncomingMessage;
}

let server: http.Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});
/** Serves one handler on a free port; the answer as fetch reads it. */
async function answer(handler: http.RequestListener): Promise<Response> {
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
}

describe('readBody', () => {
  it('reads a body up to the limit', async () => {
    expect((await readBody(request(['{"query":', '"{a}"}']), 15)).toString()).toBe('{"query":"{a}"}');
  });
  it('says too-large for a declared length over the limit, before reading anything', async () => {
    expect(await readBody(request(['x'], { 'content-length': '101' }), 100)).toBe('too-large');
  });
  it('says too-large as soon as a streamed body passes the limit', async () => {
    expect(await readBody(request(['x'.repeat(60), 'x'.repeat(60)]), 100)).toBe('too-large');
  });
});

describe('bodyTooLargeMessage', () => {
  it('is the message the server sends with 413 today', () => {
    expect(bodyTooLargeMessage(100 * 1024)).toBe('Request body is larger than 100 KB (PLANGRAPH_MAX_BODY_KB), the most this server accepts. Send a shorter query.');
  });
});

describe('parseBody', () => {
  it('parses JSON (and +json) bodies; an empty one is no body', () => {
    expect(parseBody(Buffer.from('{"query":"{a}"}'), 'application/json; charset=utf-8')).toEqual({ body: { query: '{a}' } });
    expect(parseBody(Buffer.from('{"query":"{a}"}'), 'application/graphql-response+json')).toEqual({ body: { query: '{a}' } });
    expect(parseBody(Buffer.from('  '), 'application/json')).toEqual({ body: undefined });
  });
  it('passes other content types to Apollo as text', () => {
    expect(parseBody(Buffer.from('{a}'), 'text/plain')).toEqual({ body: '{a}' });
    expect(parseBody(Buffer.from('{a}'), undefined)).toEqual({ body: '{a}' });
  });
  it('refuses another charset (415), invalid UTF-8 and invalid JSON (400)', () => {
    expect(parseBody(Buffer.from('{}'), 'application/json; charset="latin1"')).toEqual({ status: 415, error: 'Unsupported charset "latin1"; send the body as UTF-8.' });
    expect(parseBody(Buffer.from([0x7b, 0xff, 0x7d]), 'application/json')).toEqual({ status: 400, error: 'Request body is not valid UTF-8.' });
    const bad = parseBody(Buffer.from('{'), 'application/json');
    expect(bad).toMatchObject({ status: 400 });
    expect((bad as { error: string }).error).toMatch(/^Request body is not valid JSON: /);
  });
});

describe('headerMap and httpGraphQLRequest', () => {
  it('joins repeated headers and takes the method and the query string', () => {
    const req = request([], { 'content-type': 'application/json' }, 'get');
    (req.headers as Record<string, string | string[]>)['x-forwarded-for'] = ['a', 'b'];
    const headers = headerMap(req);
    expect(headers.get('x-forwarded-for')).toBe('a, b');
    const url = new URL('/graphql?query=%7Ba%7D', 'http://localhost');
    expect(httpGraphQLRequest(req, headers, url, undefined)).toEqual({ method: 'GET', headers, search: '?query=%7Ba%7D', body: undefined });
  });
});

describe('answers', () => {
  it('sendJsonError: the GraphQL error shape, with its code and extensions', async () => {
    const res = await answer((_req, res) => sendJsonError(res, 413, 'BAD_USER_INPUT', bodyTooLargeMessage(100 * 1024), { limit: 'bodySize', maxBodyBytes: 100 * 1024 }));
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({
      errors: [
        {
          message: 'Request body is larger than 100 KB (PLANGRAPH_MAX_BODY_KB), the most this server accepts. Send a shorter query.',
          extensions: { code: 'BAD_USER_INPUT', limit: 'bodySize', maxBodyBytes: 100 * 1024 },
        },
      ],
    });
  });

  it('sendGraphQLResponse: Apollo\'s status, headers and body, whole or streamed; an HTML page gets the GraphiQL CSP', async () => {
    const whole = await answer((_req, res) => {
      void sendGraphQLResponse(res, { status: 400, headers: new HeaderMap([['content-type', 'application/json']]), body: { kind: 'complete', string: '{"errors":[]}' } }, 1000);
    });
    expect(whole.status).toBe(400);
    expect(await whole.text()).toBe('{"errors":[]}');
    expect(whole.headers.get('content-security-policy')).toBeNull();
    await new Promise((resolve) => server!.close(resolve));

    async function* parts() {
      yield '<html>';
      yield '</html>';
    }
    const streamed = await answer((_req, res) => {
      void sendGraphQLResponse(res, { headers: new HeaderMap([['content-type', 'text/html']]), body: { kind: 'chunked', asyncIterator: parts() } }, 1000);
    });
    expect(streamed.status).toBe(200);
    expect(await streamed.text()).toBe('<html></html>');
    expect(streamed.headers.get('content-security-policy')).toBeTruthy();
    expect(streamed.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
