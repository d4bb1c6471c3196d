import { existsSync, readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildPlanGraphSchema } from './schema.ts';

// The GraphQL minimum contract, vendored (docs/contract/schema.graphql): a clean clone checks it too.
const contractFile = new URL('../docs/contract/schema.graphql', import.meta.url);

describe('buildPlanGraphSchema', () => {
  it('serves everything in the GraphQL contract compatibly', async () => {
    expect(existsSync(contractFile), `${contractFile.pathname} is missing`).toBe(true);
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
