import { describe, expect, it } from 'vitest';
import { parse, type OperationDefinitionNode } from 'graphql';
import { DEFAULT_INPUT_LIMITS, stringLengthError, undeclaredVariablesError, variablesSizeError } from './inputLimits.ts';

const operationOf = (query: string) => parse(query).definitions[0] as OperationDefinitionNode;

describe('input limits', () => {
  it('refuses variables the operation does not declare, naming at most 40 characters of them', () => {
    const op = operationOf('query Q($n: Int) { tasks(first: $n) { totalCount } }');
    expect(undeclaredVariablesError(op, { n: 5 })).toBeUndefined();
    const error = undeclaredVariablesError(op, { n: 5, ['x'.repeat(90_000)]: 1 })!;
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message.length).toBeLessThan(200);
  });

  it('refuses variables larger than the limit', () => {
    expect(variablesSizeError({ v: 'x'.repeat(64 * 1024) }, DEFAULT_INPUT_LIMITS)!.message).toMatch(/^The variables take 65,544 bytes; the most this server accepts is 16,384\.$/);
    expect(variablesSizeError({ v: 'x' }, DEFAULT_INPUT_LIMITS)).toBeUndefined();
  });

  it('refuses a long name, literal or variable, in an argument or an input object, without echoing it', () => {
    const name = '花'.repeat(30_000); // a 90 KB name
    const literal = stringLengthError(parse(`{ district(name: "${name}") { name } }`), undefined, DEFAULT_INPUT_LIMITS)!;
    expect(literal.message).toBe('"name" is 30,000 characters long; the most this server accepts is 500.');
    const variable = stringLengthError(parse('query Q($f: TaskFilter) { tasks(filter: $f) { totalCount } }'), { f: { ledBy: [name] } }, DEFAULT_INPUT_LIMITS)!;
    expect(variable.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ledBy', length: 30_000 });
    expect(stringLengthError(parse('{ district(name: "花都") { name } }'), undefined, DEFAULT_INPUT_LIMITS)).toBeUndefined();
  });

  it('holds search text to its own bound, under the 1,024 clauses Lucene allows (1,026 CJK characters failed)', () => {
    const text = '花'.repeat(1026);
    const error = stringLengthError(parse('query S($t: String!) { search(text: $t) { __typename } }'), { t: text }, DEFAULT_INPUT_LIMITS)!;
    expect(error.message).toBe('"text" is 1,026 characters long; search text may have at most 200. Search for fewer words.');
    expect(stringLengthError(parse(`{ tasks(filter: { text: "${text}" }) { totalCount } }`), undefined, DEFAULT_INPUT_LIMITS)!.extensions.argument).toBe('text');
  });
});
