/**
 * Automatic persisted queries: a request carrying both the query and its sha256 must carry the
 * right hash. Apollo answers a mismatch with an error that has no code (it left as an
 * INTERNAL_SERVER_ERROR); this checks first and answers PERSISTED_QUERY_HASH_MISMATCH, 400.
 */
import { createHash } from 'node:crypto';
import { ErrorCode } from '../common/error-codes.ts';


function extensionsOf(body: unknown, search: URLSearchParams): { query?: unknown; extensions?: unknown } {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as { query?: unknown; extensions?: unknown };
    return { query: b.query, extensions: b.extensions };
  }
  const raw = search.get('extensions');
  if (raw === null) return {};
  try {
    return { query: search.get('query') ?? undefined, extensions: JSON.parse(raw) };
  } catch {
    return {}; // Apollo reports unreadable extensions itself
  }
}

export function persistedQueryMismatch(body: unknown, search: URLSearchParams): { code: ErrorCode; message: string } | undefined {
  const { query, extensions } = extensionsOf(body, search);
  if (typeof query !== 'string' || !extensions || typeof extensions !== 'object') return undefined;
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } }).persistedQuery;
  if (!persisted || typeof persisted !== 'object') return undefined;
  const given = persisted.sha256Hash;
  if (typeof given !== 'string') {
    return { code: ErrorCode.PERSISTED_QUERY_HASH_MISMATCH, message: 'extensions.persistedQuery.sha256Hash must be the hex SHA-256 of the query text.' };
  }
  const actual = createHash('sha256').update(query).digest('hex');
  if (given.toLowerCase() === actual) return undefined;
  return {
    code: ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
    message: 'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it; send the hash of this query text, or no hash.',
  };
}
