import { describe, expect, it } from 'vitest';
import { escapeLucene, resolveDepartmentQuery, resolveDepartmentWithLeadsQuery, resolveDistrictQuery, resolveEntityQuery, resolvePlanQuery, suggestionsQuery } from './names.ts';

describe('name resolution queries', () => {
  it('resolve a district by name, alias or code, with the code trimmed', () => {
    const q = resolveDistrictQuery(' 440114000000 ');
    expect(q.params).toEqual({ name: '440114000000', names: ['440114000000'], code: '440114', ids: ['div:440114'] });
    expect(q.text).toMatchSnapshot();
  });

  it('keep user input out of the Cypher text (parameters only)', () => {
    const hostile = "花都'}) DETACH DELETE n //";
    for (const q of [resolveDistrictQuery(hostile), resolveDepartmentQuery(hostile), resolveDepartmentWithLeadsQuery(hostile), resolvePlanQuery(hostile), resolveEntityQuery(hostile)]) {
      expect(q.text).not.toContain('DETACH');
      expect(JSON.stringify(q.params)).toContain('DETACH');
    }
    const s = suggestionsQuery('District', hostile);
    expect(s.text).not.toContain('DETACH');
    expect(s.params.chars).toContain('D');
  });

  it('snapshot: department, plan, entity and suggestion lookups', () => {
    expect(resolveDepartmentQuery('省发展改革委').text).toMatchSnapshot();
    expect(resolvePlanQuery('huadu-14th-five-year-plan').text).toMatchSnapshot();
    expect(resolvePlanQuery('huadu-14th-five-year-plan').params.stemId).toBe('plan:huadu-14th-five-year-plan');
    expect(resolveEntityQuery('广东省农业农村厅').text).toMatchSnapshot();
    const s = suggestionsQuery('District', '花度区');
    expect(s.params.chars).toEqual(['花', '度', '区']);
    expect(s.text).toMatchSnapshot();
  });

  it('snapshot: a department with its led tasks and their plans, in one query', () => {
    const q = resolveDepartmentWithLeadsQuery(' 省发展改革委 ');
    expect(q.params.name).toBe('省发展改革委');
    expect(q.params.ids).toContain('dept:广东省发展和改革委员会');
    // Without a jurisdiction, 省 may be any province's: the graph keeps the ones it has.
    expect(q.params.ids).toContain('dept:湖南省发展和改革委员会');
    // one page of leads (100), the total from the edge count
    expect(String(q.params.limit)).toBe('100');
    expect(q.text).toContain('_leadCount: COUNT { (x)-[:LEADS]->() }');
    expect(q.text).toMatchSnapshot();
  });

  it('refuses a label that is not a node kind', () => {
    expect(() => suggestionsQuery('Nope' as never, 'x')).toThrow(/unknown node kind/);
  });

  it('escapes Lucene syntax so words are searched literally', () => {
    expect(escapeLucene('碳达峰 (2030)')).toBe('碳达峰 \\(2030\\)');
    expect(escapeLucene('a:b*')).toBe('a\\:b\\*');
    expect(escapeLucene('花都 AND 广州')).toBe('花都 and 广州');
  });
});
