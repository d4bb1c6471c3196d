/**
 * Cursor pagination for task lists. Cursors are opaque offsets into the list's stable order
 * (`first` at most the server's page-size limit, 20 by default); out-of-range or malformed
 * values are the caller's error, reported as BAD_USER_INPUT.
 */
import type { Page } from '../../graph/queries/tasks.ts';
import { DEFAULT_MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from '../validation/pageSizeLimit.ts';
import { badUserInput } from './errors.ts';
import { NESTED_PAGE_ARGUMENTS, PAGE_SIZE_DEFAULTS } from './pageDefaults.ts';
import type { NodeRow } from './rows.ts';

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

/**
 * The page-size words of the schema's argument descriptions ("at most 100 (default 20)"), from the
 * constants the limits use, so a changed default changes them too. The schema is built once, before
 * any configuration: PLANGRAPH_MAX_PAGE_SIZE changes what is enforced (and said in the error), not these.
 */
export function pageSizeNote(defaultSize: number = DEFAULT_PAGE_SIZE, start: 'at' | 'At' = 'at'): string {
  return `${start} most ${DEFAULT_MAX_PAGE_SIZE} (default ${defaultSize})`;
}

/** The server's page-size limit for this request (set on the context by api/plugins/variableLimits.ts). */
export function maxPageSize(ctx: { maxPageSize?: number }): number {
  return ctx.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE;
}

/**
 * The page size of a list when its size is not asked for: its entry in PAGE_SIZE_DEFAULTS or
 * NESTED_PAGE_ARGUMENTS (api/common/pageDefaults.ts, the table the cost estimate prices from),
 * else DEFAULT_PAGE_SIZE; never more than the server's page-size limit.
 */
export function defaultPageSize(ctx: { maxPageSize?: number }, key: string): number {
  const size = PAGE_SIZE_DEFAULTS[key] ?? NESTED_PAGE_ARGUMENTS[key]?.default ?? DEFAULT_PAGE_SIZE;
  return Math.min(size, maxPageSize(ctx));
}

/**
 * The page `first`/`after` ask for, `first` at most `maxSize`: the server's page-size limit
 * (`maxPageSize(ctx)`, the one the validation rules enforce; `tasksFirst`, which the page-size
 * rule does not check, is held to it here).
 */
export function pageFrom(first: number | null | undefined, after: string | null | undefined, maxSize: number): Page {
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
  /** Null when the request does not select it (and it was not counted). */
  totalCount: number | null;
  edges: { cursor: string; node: NodeRow }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * The connection of a page: with its total, or (`totalCount` null: not selected, so not counted)
 * from a page read one row longer than asked, that row saying there is a next page.
 */
export function toConnection(rows: NodeRow[], totalCount: number | null, page: Page): ConnectionShape {
  const shown = totalCount === null ? rows.slice(0, page.limit) : rows;
  const edges = shown.map((node, i) => ({ cursor: encodeCursor(page.skip + i), node }));
  return {
    totalCount,
    edges,
    pageInfo: {
      hasNextPage: totalCount === null ? rows.length > page.limit : page.skip + rows.length < totalCount,
      hasPreviousPage: page.skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
