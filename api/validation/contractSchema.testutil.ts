// The public contract as an executable-less schema: the limit rules only need types, and
// testing them against the real contract keeps the numbers (flagship cost, depths) honest.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, specifiedRules, validate, type GraphQLSchema, type ValidationRule } from 'graphql';

const contractPath = fileURLToPath(new URL('../../../shared/contract/schema.graphql', import.meta.url));
export const contractSchema: GraphQLSchema = buildSchema(readFileSync(contractPath, 'utf8'));

export const FLAGSHIP = `{ district(name: "花都") { name code leadingDepartments { department { name } role tasks { title plan { title } assignments { evidence { document line quote } } } } } }`;

export function errorsOf(query: string, rule: ValidationRule): string[] {
  const all = validate(contractSchema, parse(query), [...specifiedRules, rule]);
  return all.map((e) => e.message);
}

export function limitErrors(query: string, rule: ValidationRule) {
  return validate(contractSchema, parse(query), [rule]);
}
