import { readFileSync } from 'node:fs';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../config/project-root.ts';
import { ErrorCode } from './error-codes.ts';

describe('error codes', () => {
  it('share their values with Apollo where Apollo has the code', () => {
    for (const [name, value] of Object.entries(ApolloServerErrorCode)) {
      if (name in ErrorCode) expect(ErrorCode[name as keyof typeof ErrorCode]).toBe(value);
    }
  });

  it('are the rows of the README\'s "Error codes" table, in order', () => {
    const readme = readFileSync(`${PROJECT_ROOT}/README.md`, 'utf8');
    const start = readme.indexOf('| code | HTTP | meaning |');
    const rows = readme.slice(start, readme.indexOf('\n\n', start)).split('\n').slice(2);
    expect(rows.map((row) => /^\| `([A-Z_]+)` \|/.exec(row)?.[1])).toEqual(Object.values(ErrorCode));
  });
});
