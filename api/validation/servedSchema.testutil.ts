// The served PlanGraph schema (a superset of ../shared/contract/schema.graphql): the limit
// rules only need its types, and testing them on the real shapes keeps the numbers (flagship
// cost, depths) honest. Building it needs no database.
import { parse, specifiedRules, validate, type GraphQLSchema, type ValidationRule } from 'graphql';
import { buildPlanGraphSchema } from '../schema.ts';

export const servedSchema: GraphQLSchema = await buildPlanGraphSchema();

export const FLAGSHIP = `{ district(name: "花都") { name code leadingDepartments { department { name } role tasks { title plan { title } assignments { evidence { document line quote } } } } } }`;

export function errorsOf(query: string, rule: ValidationRule): string[] {
  const all = validate(servedSchema, parse(query), [...specifiedRules, rule]);
  return all.map((e) => e.message);
}

export function limitErrors(query: string, rule: ValidationRule) {
  return validate(servedSchema, parse(query), [rule]);
}
