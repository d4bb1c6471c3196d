import { describe, expect, it } from 'vitest';
import { rootFieldLimitRule } from './rootFieldLimit.ts';
import { FLAGSHIP, limitErrors } from './servedSchema.testutil.ts';

const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe('rootFieldLimitRule', () => {
  it('lets the flagship and ten root fields through', () => {
    expect(limitErrors(FLAGSHIP, rootFieldLimitRule(10))).toEqual([]);
    expect(limitErrors(aliases(10, 'tasks(first: 1) { totalCount }'), rootFieldLimitRule(10))).toEqual([]);
  });

  it('refuses 150 aliases of a cheap tasks count, counting through fragments, with BAD_USER_INPUT', () => {
    const [error] = limitErrors(aliases(150, 'tasks(filter: { touches: "花都", text: "建设" }, first: 1) { totalCount }'), rootFieldLimitRule(10));
    expect(error!.message).toBe('The operation asks for 150 root fields (aliases count); the limit is 10. Send the rest in another request.');
    expect(error!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rootFields: 150 });
    const viaFragment = `{ ...F ...F2 } fragment F on Query { ${Array.from({ length: 6 }, (_, i) => `f${i}: plans { id }`).join(' ')} } fragment F2 on Query { ${Array.from({ length: 6 }, (_, i) => `g${i}: plans { id }`).join(' ')} }`;
    expect(limitErrors(viaFragment, rootFieldLimitRule(10))[0]!.extensions).toMatchObject({ rootFields: 12 });
  });

  it('counts aliased introspection but not __typename', () => {
    expect(limitErrors(aliases(11, '__schema { queryType { name } }'), rootFieldLimitRule(10))).toHaveLength(1);
    expect(limitErrors(aliases(50, '__typename'), rootFieldLimitRule(10))).toEqual([]);
  });
});
