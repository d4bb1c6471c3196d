/**
 * The explorer's GraphQL (web/explore/queries.js, the page's only queries) is valid against the
 * served schema and passes the server's limits (depth, page size, cost) with room to spare.
 */
import { readFileSync } from 'node:fs';
import { parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { costLimitRule, DEFAULT_MAX_COST } from '../validation/costLimit.ts';
import { limitRules } from '../validation/index.ts';
import { servedSchema } from '../validation/servedSchema.testutil.ts';

const source = readFileSync(new URL('../../web/explore/queries.js', import.meta.url), 'utf8');
const queries = new Function(`${source}; return PlanGraphQueries;`)() as Record<'district' | 'department' | 'suggest', string>;

describe('the explorer page queries', () => {
  for (const name of ['district', 'department', 'suggest'] as const) {
    it(`${name}: valid, within every limit, with a quarter of the cost limit to spare`, () => {
      const document = parse(queries[name]);
      expect(validate(servedSchema, document, [...specifiedRules, ...limitRules()]).map((e) => e.message)).toEqual([]);
      const [priced] = validate(servedSchema, document, [costLimitRule({ max: -1 })]);
      expect(priced!.extensions.cost as number).toBeLessThanOrEqual(DEFAULT_MAX_COST * 0.75);
    });
  }
});
