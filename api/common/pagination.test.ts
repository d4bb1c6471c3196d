import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, defaultPageSize, maxPageSize, pageFrom, toConnection } from './pagination.ts';

describe('pagination', () => {
  it('defaults to 20 from the start', () => {
    expect(pageFrom(undefined, undefined, maxPageSize({}))).toEqual({ skip: 0, limit: 20 });
  });

  it('continues after a cursor', () => {
    expect(pageFrom(5, encodeCursor(9), maxPageSize({}))).toEqual({ skip: 10, limit: 5 });
    expect(decodeCursor(encodeCursor(0))).toBe(0);
  });

  it('rejects more than 100, negatives and foreign cursors as BAD_USER_INPUT', () => {
    for (const bad of [() => pageFrom(101, null, maxPageSize({})), () => pageFrom(-1, null, maxPageSize({})), () => pageFrom(10, 'bm9wZQ', maxPageSize({}))]) {
      try {
        bad();
        expect.unreachable();
      } catch (e: any) {
        expect(e.extensions.code).toBe('BAD_USER_INPUT');
      }
    }
    expect(pageFrom(100, null, maxPageSize({})).limit).toBe(100);
  });

  it('pages with the server\'s configured limit, not a constant of its own', () => {
    expect(pageFrom(250, null, maxPageSize({ maxPageSize: 500 })).limit).toBe(250);
    expect(() => pageFrom(60, null, maxPageSize({ maxPageSize: 50 }))).toThrow(/between 0 and 50/);
    expect(maxPageSize({})).toBe(100);
    // A list's default page (the table the cost estimate prices from) never exceeds a lower limit, nor grows with a higher one.
    expect(defaultPageSize({ maxPageSize: 50 }, 'District.leadingDepartments')).toBe(50);
    expect(defaultPageSize({ maxPageSize: 500 }, 'District.leadingDepartments')).toBe(100);
    expect(defaultPageSize({}, 'DepartmentTasks.tasks')).toBe(10);
    expect(defaultPageSize({ maxPageSize: 5 }, 'DepartmentTasks.tasks')).toBe(5);
    expect(defaultPageSize({}, 'Query.tasks')).toBe(20);
  });

  it('rejects cursors whose offset is not a plain whole number within range (offset:1e308 overflowed Neo4j)', () => {
    const forged = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
    for (const text of ['offset:1e308', 'offset:1e3', 'offset:9007199254740993', 'offset:-1', 'offset:0x10', 'offset: 5', 'offset:']) {
      expect(() => decodeCursor(forged(text)), text).toThrow(/is not a cursor this API issued/);
    }
    expect(decodeCursor(forged('offset:999999999999999'))).toBe(999999999999999);
  });

  it('builds edges with cursors continuing the offset, and page info', () => {
    const c = toConnection([{ id: 'a', label: 'Task' }, { id: 'b', label: 'Task' }], 5, { skip: 2, limit: 2 });
    expect(c.edges.map((e) => decodeCursor(e.cursor))).toEqual([2, 3]);
    expect(c.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true, endCursor: c.edges[1].cursor });
    expect(toConnection([], 0, { skip: 0, limit: 20 }).pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });

  it('without a total, reads the next page from the one row read past the page, and leaves that row out', () => {
    const rows = ['a', 'b', 'c'].map((id) => ({ id, label: 'Task' }));
    const more = toConnection(rows, null, { skip: 4, limit: 2 });
    expect(more.edges.map((e) => [e.node.id, decodeCursor(e.cursor)])).toEqual([['a', 4], ['b', 5]]);
    expect(more.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(more.totalCount).toBeNull();
    const last = toConnection(rows.slice(0, 2), null, { skip: 4, limit: 2 });
    expect(last.edges).toHaveLength(2);
    expect(last.pageInfo.hasNextPage).toBe(false);
  });
});
