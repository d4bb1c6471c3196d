import { describe, expect, it } from 'vitest';
import { parse, validate } from 'graphql';
import { costLimitRule, DEFAULT_LIST_SIZE, LIST_SIZES } from './costLimit.ts';
import { FLAGSHIP, servedSchema, limitErrors } from './servedSchema.testutil.ts';

function costOf(query: string, variables?: Record<string, unknown>): number {
  const [error] = validate(servedSchema, parse(query), [costLimitRule({ max: -1, variables })]);
  return error!.extensions.cost as number;
}

describe('costLimitRule', () => {
  it('prices the flagship query well under the limit', () => {
    // district 1 + leadingDepartments (a page: first, default 20 here) × (1 + department 1 + tasks 10 × (1 + plan 1 + assignments 10 × (1 + evidence 1)))
    expect(costOf(FLAGSHIP)).toBe(1 + 20 * (1 + 1 + 10 * (1 + 1 + 10 * 2)));
    expect(limitErrors(FLAGSHIP, costLimitRule())).toEqual([]);
  });

  it('multiplies by first (default 20) and does not count edges twice; scalars are free', () => {
    expect(costOf('{ tasks(first: 50) { totalCount edges { node { title } } } }')).toBe(50 * (1 + 1 * (1 + 1)));
    expect(costOf('{ tasks { edges { node { title } } } }')).toBe(20 * 3);
    expect(costOf('query Q($n: Int) { tasks(first: $n) { edges { cursor } } }', { n: 7 })).toBe(7 * 2);
  });

  it('counts an oversized page as the page limit, leaving that error to the page-size rule', () => {
    expect(costOf('{ tasks(first: 1000000) { edges { cursor } } }')).toBe(100 * 2);
    expect(limitErrors('{ tasks(first: 1000000) { edges { cursor } } }', costLimitRule())).toEqual([]);
  });

  it('counts aliases and fragments, so repeating a field does not hide its cost', () => {
    const one = costOf('{ plans { title } }');
    const query = `{ a: plans { ...T } b: plans { ...T } } fragment T on Plan { title }`;
    expect(costOf(query)).toBe(2 * one);
  });

  it('rejects a nested list fan-out with a message naming the estimate and the limit', () => {
    const query = '{ tasks(first: 100) { edges { node { children { children { children { title } } } } } } }';
    const [error] = limitErrors(query, costLimitRule());
    expect(error!.message).toMatch(/^This query could return about 1[\d,]+ objects; the limit is 20,000\./);
    expect(error!.extensions).toMatchObject({ limit: 'cost', maxCost: 20000 });
  });

  it('prices lists by what they hold: a project lies in one or two places, a provincial body leads many tasks', () => {
    expect(LIST_SIZES['Project.districts']).toBeLessThan(DEFAULT_LIST_SIZE);
    expect(costOf('{ task(id: "x") { projects { districts { name } } } }')).toBe(1 + DEFAULT_LIST_SIZE * (1 + LIST_SIZES['Project.districts']!));
    // leads and supports are pages now (first): priced by their page size
    expect(costOf('{ department(name: "x") { leads { title } supports { title } } }')).toBe(1 + 20 + 20);
    expect(costOf('{ plans { goals { targetedBy { title } } } }')).toBe(DEFAULT_LIST_SIZE * (1 + LIST_SIZES['Plan.goals']! * (1 + LIST_SIZES['Goal.targetedBy']!)));
  });

  it('lets a full page of tasks with every relation through (an analyst export), and stops the same page fanned out through children', () => {
    const deep = `query($n: Int) { plan(id: "p") { title issuer { name } jurisdiction { name parent { name } } goals { name targetedBy { title } }
      tasks(first: $n) { totalCount edges { node { title parent { title } children { title } plan { title }
        assignments { role department { name jurisdiction { name } } evidence { line } } leads { name } supporters { name }
        districts { name parent { name } } projects { name districts { name } } goals { name plan { title } } } } } } }`;
    expect(limitErrors(deep, costLimitRule({ variables: { n: 100 } }))).toEqual([]);
    const fanOut = '{ tasks(first: 100) { edges { node { children { children { children { title } } } } } } }';
    expect(limitErrors(fanOut, costLimitRule())).toHaveLength(1);
  });

  it('prices union hits through inline fragments', () => {
    expect(costOf('{ search(text: "花都", first: 10) { ... on Task { plan { title } } ... on District { parent { name } } } }')).toBe(
      10 * (1 + 1 + 1),
    );
  });
});
