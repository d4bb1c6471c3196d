/**
 * Cursor pagination for task lists. Cursors are opaque offsets into the list's stable order
 * (`first` at most 100, 20 by default); out-of-range or malformed values are the caller's
 * error, reported as BAD_USER_INPUT.
 */
import type { Page } from '../../graph/queries/tasks.ts';
import { badUserInput } from './errors.ts';
import type { NodeRow } from './rows.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const prefix = 'offset:';

/** Cursor of the item at 0-based position `index` in the ordered list. */
export function encodeCursor(index: number): string {
  return Buffer.from(`${prefix}${index}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  // Digits only, and few enough for an exact integer: "offset:1e308" is an integer to Number() and
  // overflowed Neo4j's SKIP as an internal error.
  const digits = text.startsWith(prefix) ? text.slice(prefix.length) : '';
  const n = /^\d{1,15}$/.test(digits) ? Number(digits) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) {
    const shown = cursor.length > 40 ? `${cursor.slice(0, 40)}…` : cursor;
    throw badUserInput(`"after" is not a cursor this API issued: ${JSON.stringify(shown)}. Pass an endCursor or edge cursor from a previous page.`);
  }
  return n;
}

export function pageFrom(first: number | null | undefined, after: string | null | undefined, maxSize = MAX_PAGE_SIZE): Page {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > maxSize) {
    throw badUserInput(`"first" must be between 0 and ${maxSize} (got ${first}); page through longer lists with "after".`, {
      argument: 'first',
      max: maxSize,
    });
  }
  const skip = after ? decodeCursor(after) + 1 : 0;
  return { skip, limit };
}

export interface ConnectionShape {
  totalCount: number;
  edges: { cursor: string; node: NodeRow }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export function toConnection(rows: NodeRow[], totalCount: number, page: Page): ConnectionShape {
  const edges = rows.map((node, i) => ({ cursor: encodeCursor(page.skip + i), node }));
  return {
    totalCount,
    edges,
    pageInfo: {
      hasNextPage: page.skip + rows.length < totalCount,
      hasPreviousPage: page.skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
