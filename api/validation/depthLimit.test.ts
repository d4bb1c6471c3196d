import { describe, expect, it } from 'vitest';
import { getIntrospectionQuery } from 'graphql';
import { depthLimitRule } from './depthLimit.ts';
import { FLAGSHIP, errorsOf, limitErrors } from './servedSchema.testutil.ts';

/** `tasks { edges { node { children { children … { title } } } } } }` nested to `depth` fields. */
function nestedChildren(depth: number): string {
  // tasks(1) edges(2) node(3) + children… + title(last)
  const children = depth - 4;
  return `{ tasks { edges { node { ${'children { '.repeat(children)}title${' }'.repeat(children)} } } } }`;
}

describe('depthLimitRule', () => {
  it('accepts the flagship query (6 levels)', () => {
    expect(errorsOf(FLAGSHIP, depthLimitRule(12))).toEqual([]);
  });

  it('accepts exactly the limit and rejects one more', () => {
    expect(limitErrors(nestedChildren(12), depthLimitRule(12))).toHaveLength(0);
    const errors = limitErrors(nestedChildren(13), depthLimitRule(12));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('13 levels deep; the limit is 12');
  });

  it('rejects a depth-30 query', () => {
    const errors = limitErrors(nestedChildren(30), depthLimitRule(12));
    expect(errors.map((e) => e.extensions)).toEqual([{ limit: 'depth', depth: 30, maxDepth: 12 }]);
  });

  it('counts depth through named and inline fragments', () => {
    const inner = `${'children { '.repeat(8)}title${' }'.repeat(8)}`;
    const query = `
      query Deep { tasks { edges { node { ...Kids } } } }
      fragment Kids on Task { children { ... on Task { ${inner} } } }
    `;
    // tasks edges node + 9 children + title = 13
    expect(limitErrors(query, depthLimitRule(12))[0]!.message).toMatch(/^Operation "Deep" nests fields 13 levels deep/);
  });

  it('does not count introspection, which GraphiQL needs and graphql-js bounds itself', () => {
    expect(errorsOf(getIntrospectionQuery(), depthLimitRule(3))).toEqual([]);
  });

  it('stays fast on a fragment fan-out (memoised per fragment)', () => {
    // 20 fragments, each spreading the next one 50 times: a naive walk visits 50^20 selections.
    const fragments = Array.from({ length: 20 }, (_, i) =>
      i === 19
        ? `fragment F${i} on Task { title }`
        : `fragment F${i} on Task { ${Array.from({ length: 50 }, (_, k) => `a${k}: parent { ...F${i + 1} }`).join(' ')} }`,
    );
    const query = `{ task(id: "x") { ...F0 } } ${fragments.join('\n')}`;
    const started = performance.now();
    const errors = limitErrors(query, depthLimitRule(12));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(errors[0]!.extensions).toMatchObject({ depth: 21 });
  });

  it('survives fragment cycles (graphql-js reports the cycle itself)', () => {
    const query = `{ task(id: "x") { ...A } } fragment A on Task { parent { ...B } } fragment B on Task { parent { ...A } }`;
    const messages = errorsOf(query, depthLimitRule(12));
    expect(messages.some((m) => m.includes('Cannot spread fragment'))).toBe(true);
  });
});
