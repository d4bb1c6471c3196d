import { describe, expect, it } from 'vitest';
import { parse, validate } from 'graphql';
import { costLimitRule, DEFAULT_LIST_SIZE, LIST_SIZES } from './costLimit.ts';
import { NESTED_PAGE_ARGUMENTS, PAGE_SIZE_DEFAULTS } from '../common/pageDefaults.ts';
import { FLAGSHIP, servedSchema, limitErrors } from './servedSchema.testutil.ts';

function costOf(query: string, variables?: Record<string, unknown>): number {
  const [error] = validate(servedSchema, parse(query), [costLimitRule({ max: -1, variables })]);
  return error!.extensions.cost as number;
}

describe('costLimitRule', () => {
  it('prices the flagship by the pages its resolver really fetches (100 bodies, 10 tasks each), under the limit', () => {
    // district 1 + leadingDepartments 100 × (1 + department 1 + tasks 10 × (1 + plan 1 + assignments 10 × (1 + evidence 1)))
    expect(PAGE_SIZE_DEFAULTS['District.leadingDepartments']).toBe(100);
    expect(NESTED_PAGE_ARGUMENTS['DepartmentTasks.tasks']!.default).toBe(10);
    expect(costOf(FLAGSHIP)).toBe(1 + 100 * (1 + 1 + 10 * (1 + 1 + 10 * 2)));
    expect(limitErrors(FLAGSHIP, costLimitRule())).toEqual([]);
  });

  it("prices a body's tasks by tasksFirst, literal or variable, and a full page of each body's tasks is refused", () => {
    const flagship = (args: string) => `query($t: Int) { district(name: "花都") { leadingDepartments${args} { department { name } tasks { title plan { title } assignments { evidence { line } } } } } }`;
    expect(costOf(flagship('(first: 5, tasksFirst: 3)'))).toBe(1 + 5 * (1 + 1 + 3 * (1 + 1 + 10 * 2)));
    expect(costOf(flagship('(tasksFirst: $t)'), { t: 100 })).toBe(1 + 100 * (1 + 1 + 100 * 22));
    const [error] = limitErrors(flagship('(tasksFirst: 100)'), costLimitRule());
    expect(error!.extensions).toMatchObject({ limit: 'cost', cost: 220_201, maxCost: 25_000 });
    // Inside a fragment the field above is not known: the default page.
    expect(costOf('{ district(name: "x") { leadingDepartments(tasksFirst: 100) { ...B } } } fragment B on DepartmentTasks { tasks { title } }')).toBe(1 + 100 * (1 + 10));
  });

  it("refuses issue 15's probe of 60 aliased pages of 100 tasks with their plan and evidence on cost alone", () => {
    const probe = `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: tasks(first: 100) { edges { node { title plan { title } evidence { document line quote } } } }`).join(' ')} }`;
    const [error] = limitErrors(probe, costLimitRule());
    expect(error!.extensions).toMatchObject({ limit: 'cost', cost: 30_000 });
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
    expect(error!.message).toMatch(/^This query could return about 1[\d,]+ objects; the limit is 25,000\./);
    expect(error!.extensions).toMatchObject({ limit: 'cost', maxCost: 25000 });
  });

  it('prices lists by what they hold: a project lies in one or two places, a provincial body leads many tasks', () => {
    expect(LIST_SIZES['Project.districts']).toBeLessThan(DEFAULT_LIST_SIZE);
    expect(costOf('{ task(id: "x") { projects { districts { name } } } }')).toBe(1 + DEFAULT_LIST_SIZE * (1 + LIST_SIZES['Project.districts']!));
    // leads and supports are pages (first), priced by the page their resolver fetches by default
    expect(costOf('{ department(name: "x") { leads { title } supports { title } } }')).toBe(1 + 100 + 100);
    expect(costOf('{ department(name: "x") { leads(first: 5) { title } } }')).toBe(1 + 5);
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

describe('costLimitRule: introspection and real list sizes', () => {
  it('prices __schema by the schema it describes, so 100 aliased copies are refused and one is not', async () => {
    const { introspectionCost } = await import('./costLimit.ts');
    const one = introspectionCost(servedSchema).schema;
    expect(one).toBeGreaterThan(100);
    expect(limitErrors('{ __schema { types { name } } }', costLimitRule())).toEqual([]);
    const hundred = `{ ${Array.from({ length: 100 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ')} }`;
    const [error] = limitErrors(hundred, costLimitRule());
    expect(error!.extensions).toMatchObject({ limit: 'cost', cost: 100 * one });
  });

  it('prices plans by the real number of plans when it is given', () => {
    expect(costOf('{ plans { title } }')).toBe(DEFAULT_LIST_SIZE * 1);
    const [error] = validate(servedSchema, parse('{ plans { title goals { title } } }'), [costLimitRule({ max: -1, listSizes: { 'Query.plans': 5151 } })]);
    expect(error!.extensions.cost).toBe(5151 * (1 + LIST_SIZES['Plan.goals']!));
  });
});
