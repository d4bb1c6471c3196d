import { describe, expect, it } from 'vitest';
import { planTasksQuery, taskConnectionQuery } from './tasks.ts';
import { listCap } from './hit-lists.ts';
import { int } from './cypher.ts';

const page = { skip: 0, limit: 20 };

describe('taskConnectionQuery', () => {
  it('without words, a plan filter starts from the plans\' tasks (checking the rest on each), before a body\'s assignments', () => {
    const q = taskConnectionQuery({ planIds: ['plan:p'], ledBy: ['dept:a'], touches: 'div:440114' }, 'PLAN', page).text;
    expect(q).toContain("MATCH (p:Plan) WHERE p.id IN $planIds\n  MATCH (t:Task)-[:PART_OF*1..]->(p)\n  WITH DISTINCT a, t, 0.0 AS score");
    expect(q).toContain('EXISTS { MATCH (d:Department)-[:LEADS]->(t) WHERE d.id IN $ledBy }');
    expect(q).toContain('EXISTS { (t)-[:TOUCHES]->(a) }');
    expect(q).not.toContain('MATCH (t:Task)\n');
    expect(q).not.toContain('EXISTS { MATCH (t)-[:PART_OF');
  });

  it('snapshot: no filter, by title', () => {
    const q = taskConnectionQuery({}, 'TITLE', page);
    expect(q.text).toContain('MATCH (t:Task)');
    expect(q.text).not.toContain('WHERE t');
    // the total from the label's count, not a pass over every task
    expect(q.text).toContain('CALL () {\n  MATCH (t:Task)\n  RETURN count(t) AS totalCount\n}');
    expect(q.text).toMatchSnapshot();
  });

  it('snapshot: every filter at once, ranked by relevance', () => {
    const q = taskConnectionQuery(
      { touches: 'div:440114', ledBy: ['dept:a'], supportedBy: ['dept:b'], planIds: ['plan:p'], text: '碳达峰' },
      'RELEVANCE',
      { skip: 40, limit: 20 },
    );
    expect(q.params).toMatchObject({ areaId: 'div:440114', ledBy: ['dept:a'], supportedBy: ['dept:b'], planIds: ['plan:p'], text: '碳达峰' });
    expect(q.text).toContain('EXISTS { (t)-[:TOUCHES]->(a) }');
    // with words, the hits are checked against the bodies' and plans' tasks gathered once, not each hit's relationships
    expect(q.text).toContain('MATCH (d:Department)-[:LEADS]->(x:Task)\n    WHERE d.id IN $ledBy\n    WITH DISTINCT x LIMIT $listCap + 1\n    RETURN collect(x) AS ledTasks');
    expect(q.text).toContain('CASE WHEN size(ledTasks) > $listCap THEN EXISTS { MATCH (d:Department)-[:LEADS]->(t) WHERE d.id IN $ledBy } ELSE t IN ledTasks END');
    expect(q.text).toContain('ELSE t IN supportedTasks END');
    expect(q.text).toContain('ELSE t IN planTasks END');
    // and the area's tasks listed when its degree fits the cap, else each hit's edges checked
    expect(q.text).toContain('WITH a, COUNT { (a)<-[:TOUCHES]-() } <= $listCap AS areaListed');
    // checked only for hits the bodies' and plans' lists keep (Neo4j would order ANDed predicates itself)
    expect(q.text).toContain('ELSE t IN planTasks END THEN CASE WHEN areaListed THEN t IN areaTasks ELSE EXISTS { (t)-[:TOUCHES]->(a) } END ELSE false END');
    // the cap shares the list budget among the page's sorted rows (skip 40 + limit 20)
    expect(q.params.listCap).toEqual(int(listCap(60)));
    expect(listCap(60) * 60).toBeLessThanOrEqual(500_000);
    // the last key as an aggregate: a collected list of skip + limit keys stayed in every row of the page's sort
    expect(q.text).toContain('WITH score AS key ORDER BY key DESC LIMIT $skip + $limit\n  RETURN min(key) AS cut');
    expect(q.text).not.toContain('collect([key])');
    expect(q.text).toContain('WITH t, score WHERE cut IS NULL OR score >= cut\n  CALL (t) {');
    expect(q.text).toMatchSnapshot();
  });

  it('ordered by a key of the task itself (TITLE, REF), cuts at the page\'s last key before looking up plans; by PLAN it cannot', () => {
    const title = taskConnectionQuery({ ledBy: ['dept:a'] }, 'TITLE', page);
    expect(title.text).toContain('WITH t.title AS key ORDER BY key LIMIT $skip + $limit');
    expect(title.text).toContain('WITH t, score WHERE cut IS NULL OR t.title <= cut');
    // a null title among the page's keys keeps every task (nulls sort last); max() alone would skip it
    expect(title.text).toContain('RETURN CASE WHEN count(key) < count(*) THEN null ELSE max(key) END AS cut');
    const ref = taskConnectionQuery({ text: '碳达峰' }, 'REF', page);
    expect(ref.text).toContain('WITH t, score WHERE cut IS NULL OR t.ref <= cut');
    expect(taskConnectionQuery({ ledBy: ['dept:a'] }, 'PLAN', page).text).not.toContain('AS cut');
  });

  it('without the total: no count pass, no distinct count of the areas above, and a row more than the page', () => {
    const filters = [
      { text: '碳达峰', touches: 'div:440114' },
      { ledBy: ['dept:a'] },
      { touches: 'div:440114', touchesOptions: { includeDescendants: true, includeEnclosing: true } },
    ];
    for (const filter of filters) {
      const counted = taskConnectionQuery(filter, 'PLAN', page);
      const q = taskConnectionQuery(filter, 'PLAN', page, false);
      expect(String(q.params.limit), JSON.stringify(filter)).toBe(String(page.limit + 1));
      expect(q.text).toContain('null AS totalCount');
      expect(counted.text).toMatch(/count\(t\) AS totalCount|COUNT \{ CALL \(a\)/);
      expect(q.text).not.toMatch(/count\(t\) AS totalCount|COUNT \{ CALL \(a\)/);
    }
    // An area alone too: its page needs no total (the direct count reads the plans' tallies or the edges).
    for (const includeDescendants of [true, false]) {
      const own = taskConnectionQuery({ touches: 'div:440114', touchesOptions: { includeDescendants, includeEnclosing: false } }, 'PLAN', page, false);
      expect(own.text).toContain('null AS totalCount');
      expect(own.text).not.toContain('COUNT {');
      expect(String(own.params.limit)).toBe(String(page.limit + 1));
    }
    const direct = taskConnectionQuery({ touches: 'div:440114', touchesOptions: { includeDescendants: false, includeEnclosing: false } }, 'PLAN', page).text;
    expect(direct).toContain('CASE WHEN sums[0] = COUNT { (a)<-[:TOUCHES]-() } THEN sums[1] ELSE COUNT { (a)<-[:TOUCHES {direct: true}]-() } END');
  });

  it('starts from the area\'s TOUCHES edges when there are no words, counting them without a walk', () => {
    const q = taskConnectionQuery({ touches: 'div:440114' }, 'TITLE', page);
    expect(q.text).toContain('MATCH (t:Task)-[k:TOUCHES]->(a)');
    expect(q.text).toContain('COUNT { (a)<-[:TOUCHES]-() } AS totalCount');
    expect(q.text).toContain('ORDER BY t.title');
  });

  it('with bodies and no words, starts from the bodies\' assignments and checks the area per task', () => {
    const enclosing = { includeDescendants: true, includeEnclosing: true };
    const q = taskConnectionQuery({ touches: 'div:440114', touchesOptions: enclosing, supportedBy: ['dept:b'] }, 'PLAN', page);
    expect(q.text).toContain('MATCH (d:Department)-[:SUPPORTS]->(t:Task)');
    expect(q.text).toContain('WHERE e IN enclosing');
    expect(q.text).not.toContain('UNWIND enclosing');
    // found through the role: not checked again
    expect(q.text).not.toContain('EXISTS { MATCH (d:Department)-[:SUPPORTS]->(t)');
    expect(q.text).toMatchSnapshot();
    const led = taskConnectionQuery({ touches: 'div:440114', ledBy: ['dept:a'], supportedBy: ['dept:b'] }, 'PLAN', page).text;
    expect(led).toContain('MATCH (d:Department)-[:LEADS]->(t:Task)');
    expect(led).toContain('EXISTS { (t)-[:TOUCHES]->(a) }');
    expect(led).not.toContain('enclosing');
    expect(led).not.toContain('EXISTS { MATCH (d:Department)-[:LEADS]->(t)');
    expect(led).toContain('EXISTS { MATCH (d:Department)-[:SUPPORTS]->(t) WHERE d.id IN $supportedBy }');
  });

  it('snapshot: a plan\'s tasks', () => {
    expect(planTasksQuery(['plan:p'], page).text).toMatchSnapshot();
  });
});
