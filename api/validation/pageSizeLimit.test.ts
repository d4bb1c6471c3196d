import { describe, expect, it } from 'vitest';
import { parse, validate } from 'graphql';
import { pageSizeLimitRule } from './pageSizeLimit.ts';
import { FLAGSHIP, servedSchema, limitErrors } from './servedSchema.testutil.ts';

describe('pageSizeLimitRule', () => {
  it('accepts first within 0..100 and queries without first', () => {
    for (const q of [FLAGSHIP, '{ tasks(first: 100) { totalCount } }', '{ tasks(first: 0) { totalCount } }', '{ search(text: "花都") { __typename } }']) {
      expect(limitErrors(q, pageSizeLimitRule())).toEqual([]);
    }
  });

  it('rejects first: 1000000 with BAD_USER_INPUT and a message saying how to page', () => {
    const [error, ...rest] = limitErrors('{ tasks(first: 1000000) { totalCount } }', pageSizeLimitRule());
    expect(rest).toEqual([]);
    expect(error!.extensions.code).toBe('BAD_USER_INPUT');
    expect(error!.message).toBe(
      '"first: 1000000" on "tasks" asks for more than 100 items; a page holds at most 100 (default 20). Read further pages with "after: <pageInfo.endCursor>".',
    );
  });

  it('rejects negative sizes and oversized pages nested in fragments', () => {
    const q = `{ plans { ...P } } fragment P on Plan { tasks(first: -1) { totalCount } }`;
    expect(limitErrors(q, pageSizeLimitRule())[0]!.message).toBe('"first" on "tasks" must not be negative (got -1).');
    expect(limitErrors('{ district(name: "花都") { tasks(first: 101) { totalCount } } }', pageSizeLimitRule())).toHaveLength(1);
  });

  it('checks variables when given them, and variable defaults without them', () => {
    const q = 'query Q($n: Int) { tasks(first: $n) { totalCount } }';
    expect(validate(servedSchema, parse(q), [pageSizeLimitRule()])).toEqual([]);
    expect(validate(servedSchema, parse(q), [pageSizeLimitRule({ variables: { n: 50 } })])).toEqual([]);
    expect(validate(servedSchema, parse(q), [pageSizeLimitRule({ variables: { n: 1_000_000 } })])[0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      requested: 1_000_000,
    });
    const withDefault = 'query Q($n: Int = 5000) { tasks(first: $n) { totalCount } }';
    expect(validate(servedSchema, parse(withDefault), [pageSizeLimitRule()])).toHaveLength(1);
    expect(validate(servedSchema, parse(withDefault), [pageSizeLimitRule({ variables: { n: 10 } })])).toEqual([]);
  });
});
