/**
 * node:http ↔ Apollo: the plumbing between an IncomingMessage/ServerResponse and Apollo's
 * HTTPGraphQLRequest/HTTPGraphQLResponse, and the JSON answers the server sends outside
 * GraphQL execution. Reads a request body under a size limit (without buffering an oversized
 * one), parses JSON bodies (strict UTF-8), builds the request Apollo executes, writes its
 * answer (streamed or whole) under a send deadline, with the GraphiQL page's security headers
 * on an HTML answer. No routes: api/server.ts decides which answer each request gets.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import { GRAPHIQL_CSP } from './graphiql/page.ts';
import type { ErrorCode } from './common/error-codes.ts';

/** Apollo's headers from the request's (repeated headers joined with ", "). */
export function headerMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** The request Apollo executes: method, headers, the query string, the parsed body (undefined for GET). */
export function httpGraphQLRequest(req: IncomingMessage, headers: HeaderMap, url: URL, body: unknown): HTTPGraphQLRequest {
  return { method: req.method?.toUpperCase() ?? 'GET', headers, search: url.search, body };
}

/** What the server says when a body passes `maxBodyBytes` (413, before any parsing). */
export function bodyTooLargeMessage(maxBodyBytes: number): string {
  return `Request body is larger than ${maxBodyBytes / 1024} KB (PLANGRAPH_MAX_BODY_KB), the most this server accepts. Send a shorter query.`;
}

/** The client closed the connection while we read its body (Node: "aborted", ECONNRESET). */
export function isClientAbort(error: unknown, req: IncomingMessage): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return req.destroyed || e.code === 'ECONNRESET' || e.code === 'ECONNABORTED' || e.message === 'aborted';
}

/** Reads the body, or says 'too-large' as soon as it passes `limit` (without buffering the rest). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      drain(req);
      return resolve('too-large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        drain(req);
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Discards the rest of an oversized body so the client can read our 413; gives up on floods. */
function drain(req: IncomingMessage): void {
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > 16 * 1024 * 1024) req.destroy();
  });
  req.resume();
}

export type ParsedBody = { body: unknown; error?: undefined } | { error: string; status: number };

/** JSON bodies are parsed (strict UTF-8); other content types reach Apollo as raw text, which it rejects with a clear 400. */
export function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
  const [essence = '', ...params] = (contentType ?? '').split(';').map((s) => s.trim().toLowerCase());
  if (essence !== 'application/json' && !essence.endsWith('+json')) return { body: raw.toString('utf8') };
  const charset = params.find((p) => p.startsWith('charset='))?.slice(8).replace(/"/g, '');
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    return { status: 415, error: `Unsupported charset "${charset}"; send the body as UTF-8.` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return { status: 400, error: 'Request body is not valid UTF-8.' };
  }
  if (text.trim() === '') return { body: undefined };
  try {
    return { body: JSON.parse(text) };
  } catch (error) {
    return { status: 400, error: `Request body is not valid JSON: ${(error as Error).message}` };
  }
}

/**
 * Sends the answer; a client that has not taken all of it within `sendTimeoutMs` is disconnected,
 * so a slow reader of a big answer does not hold its memory (and a socket) indefinitely.
 */
export async function sendGraphQLResponse(res: ServerResponse, response: HTTPGraphQLResponse, sendTimeoutMs: number): Promise<void> {
  const deadline = setTimeout(() => res.destroy(), sendTimeoutMs);
  deadline.unref();
  res.once('close', () => clearTimeout(deadline));
  for (const [key, value] of response.headers) res.setHeader(key, value);
  if (response.headers.get('content-type')?.startsWith('text/html')) {
    res.setHeader('content-security-policy', GRAPHIQL_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
  }
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** A JSON answer; `headers` adds to the content type and length (the ops endpoints add cache-control). */
export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

/** Errors outside GraphQL execution keep the GraphQL response shape, so clients read them the same way. */
export function sendJsonError(res: ServerResponse, status: number, code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): void {
  sendJson(res, status, { errors: [{ message, extensions: { code, ...extensions } }] });
}
