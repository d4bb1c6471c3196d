/**
 * Names as analysts write them, over real HTTP on the seeds: districts by hierarchical full name,
 * Traditional, pinyin and 6/12-digit codes; bodies by short forms and within a jurisdiction;
 * 6-digit codes in answers; an empty leadingDepartments that says why (touchingTasks).
 */
import { describe, expect, it } from 'vitest';
import { useSeededApi } from './api.harness.ts';

const api = useSeededApi();

const district = async (name: string) =>
  (await api.query('query($n: String!) { district(name: $n) { id name code nbsCode } }', { n: name })).district as { id: string; name: string; code: string; nbsCode: string };

describe('district names', () => {
  it('resolves 花都区 however an analyst writes it', async () => {
    for (const typed of ['花都', '花都区', '广州市花都区', '广东省广州市花都区', '花都區', '廣州市花都區', 'Huadu', 'Huadu District', 'huadu qu', '440114', '440114000000']) {
      expect(await district(typed), typed).toEqual({ id: 'div:440114', name: '花都区', code: '440114', nbsCode: '440114000000' });
    }
  });

  it('shows 6-digit codes for cities and provinces', async () => {
    expect(await district('Guangzhou')).toMatchObject({ id: 'div:4401', name: '广州市', code: '440100', nbsCode: '440100000000' });
    expect(await district('440100')).toMatchObject({ id: 'div:4401', code: '440100' });
    expect(await district('广东省')).toMatchObject({ id: 'div:44', code: '440000' });
  });

  it('still refuses what is no place, with suggestions', async () => {
    const reply = await api.request('{ district(name: "Atlantis") { id } }');
    expect(reply.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('body names', () => {
  it('resolves short forms with a level or division, and a bare name within a jurisdiction', async () => {
    const name = async (n: string, jurisdiction?: string) =>
      (await api.query('query($n: String!, $j: String) { department(name: $n, jurisdiction: $j) { name } }', { n, j: jurisdiction ?? null })).department.name;
    expect(await name('省发改委')).toBe('广东省发展和改革委员会');
    expect(await name('广东省发改委')).toBe('广东省发展和改革委员会');
    expect(await name('发改委', '广东省')).toBe('广东省发展和改革委员会');
    expect(await name('发改委', 'Guangdong')).toBe('广东省发展和改革委员会');
    expect(await name('省發改委')).toBe('广东省发展和改革委员会');
    // Whichever bodies of Guangzhou the seeds name, each is found by its short form within 广州市.
    const gz = (await api.query('{ departments(nameContains: "广州市") { name aliases } }')).departments as { name: string }[];
    const bureau = gz.find((d) => /^广州市(?!人民政府$).+局$/.test(d.name));
    expect(bureau, JSON.stringify(gz.map((d) => d.name))).toBeDefined();
    expect(await name(bureau!.name.replace(/^广州市/, ''), '广州市')).toBe(bureau!.name);
    expect(await name(bureau!.name.replace(/^广州市/, '市'), '440100')).toBe(bureau!.name);
  });
});

describe('an empty answer says why', () => {
  it('番禺区: tasks touch it, none has a leading body', async () => {
    const d = (
      await api.query(`{ district(name: "番禺区") { touchingTasks ledTouchingTasks leadingDepartments { role } tasks(first: 1) { totalCount } } }`)
    ).district;
    expect(d.leadingDepartments).toEqual([]);
    expect(d.touchingTasks).toBeGreaterThan(0);
    expect(d.touchingTasks).toBe(d.tasks.totalCount);
    expect(d.ledTouchingTasks).toBe(0);
  });

  it('花都区: ledTouchingTasks counts the tasks leadingDepartments lists, for each option', async () => {
    // Every task of each body (tasksFirst: 100), not the default sample of 10.
    for (const args of ['', '(includeEnclosing: true)', '(includeDescendants: false)']) {
      const d = (
        await api.query(`{ district(name: "花都") { touchingTasks${args} ledTouchingTasks${args} leadingDepartments${args ? args.replace(')', ', tasksFirst: 100)') : '(tasksFirst: 100)'} { tasks { id } } tasks${args.replace(')', ', first: 1)') || '(first: 1)'} { totalCount } } }`)
      ).district;
      const listed = new Set(d.leadingDepartments.flatMap((g: any) => g.tasks.map((t: any) => t.id)));
      expect(d.ledTouchingTasks, args).toBe(listed.size);
      expect(d.touchingTasks, args).toBe(d.tasks.totalCount);
      expect(d.touchingTasks).toBeGreaterThanOrEqual(d.ledTouchingTasks);
    }
  });
});
