import { existsSync, readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildPlanGraphSchema } from './schema.ts';

const contractFile = new URL('../../shared/contract/schema.graphql', import.meta.url);

describe('buildPlanGraphSchema', () => {
  it.skipIf(!existsSync(contractFile))('serves everything in the shared contract compatibly', async () => {
    const contract = buildSchema(readFileSync(contractFile, 'utf8'));
    const problems = findBreakingChanges(contract, await buildPlanGraphSchema());
    expect(problems.map((p) => `${p.type}: ${p.description}`)).toEqual([]);
  });

  it('adds the analyst queries beyond the contract, arguments in reading order', async () => {
    const query = (await buildPlanGraphSchema()).getQueryType()!.getFields();
    const args = (name: string) => query[name].args.map((a) => `${a.name}: ${a.type}`);
    expect(args('tasks')).toEqual(['filter: TaskFilter', 'first: Int', 'after: String', 'orderBy: TaskOrder']);
    expect(args('search')).toEqual(['text: String!', 'first: Int', 'kinds: [EntityKind!]']);
    expect(args('path')).toEqual(['from: String!', 'to: String!']);
    expect(String(query.path.type)).toBe('EntityPath');
    expect(args('relatedTasks')).toEqual(['task: ID!', 'first: Int']);
    expect(args('workload')).toEqual(['plan: ID', 'first: Int']);
    const district = (await buildPlanGraphSchema()).getType('District') as import('graphql').GraphQLObjectType;
    expect(district.getFields().leadingDepartments.args.map((a) => a.name)).toEqual(['includeDescendants', 'includeEnclosing', 'includeSupporting', 'first', 'after', 'tasksFirst']);
  });

  it('is built once per process', async () => {
    expect(await buildPlanGraphSchema()).toBe(await buildPlanGraphSchema());
  });
});
