import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';

/** A driver error as neo4j-driver raises it (code "N/A" when the driver has none). */
function newError(message: string, code = 'N/A'): Neo4jError {
  return new Neo4jError(message, code as never, '50N42', 'error: general processing exception - unexpected error. ' + message, {
    OPERATION: '',
    OPERATION_CODE: '0',
    CURRENT_SCHEMA: '/',
  } as never);
}
import { createErrorFormatter, isNeo4jUnavailable, neo4jLimitError } from './errorFormatting.ts';

/** What graphql-js makes of an error thrown inside a resolver. */
function resolverError(original: Error): GraphQLError {
  return new GraphQLError(original.message, { path: ['district', 'leadingDepartments'], originalError: original });
}

function formatter() {
  const logged: string[] = [];
  return { format: createErrorFormatter({ error: (m) => logged.push(m) }), logged };
}

describe('isNeo4jUnavailable', () => {
  it('recognises the driver errors for a stopped or unreachable server', () => {
    expect(isNeo4jUnavailable(newError('Could not perform discovery', 'ServiceUnavailable'))).toBe(true);
    expect(isNeo4jUnavailable(newError('connection lost', 'SessionExpired'))).toBe(true);
    expect(isNeo4jUnavailable(resolverError(newError('down', 'ServiceUnavailable')))).toBe(true);
  });

  it('does not take a pool busy with our own requests for an outage: that is SERVER_BUSY', () => {
    const busy = newError('Connection acquisition timed out in 5000 ms. Pool status: Active conn count = 100, Idle conn count = 0.');
    expect(isNeo4jUnavailable(busy)).toBe(false);
    expect(neo4jLimitError(resolverError(busy))).toMatchObject({ code: 'SERVER_BUSY', status: 503 });
  });

  it("reads Neo4j's memory and time limits as client errors, not internal ones", () => {
    const perTransaction = newError(
      'The allocation of an extra 2.0 MiB would use more than the limit 32.0 MiB. Currently using 30.9 MiB. db.memory.transaction.max threshold reached',
      'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
    );
    expect(neo4jLimitError(perTransaction)).toMatchObject({ code: 'QUERY_TOO_LARGE', status: 400 });
    const global = newError('… dbms.memory.transaction.total.max threshold reached', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError');
    expect(neo4jLimitError(global)).toMatchObject({ code: 'SERVER_BUSY', status: 503 });
    expect(neo4jLimitError(newError('The transaction has been terminated.', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'))).toMatchObject({ code: 'QUERY_TIMEOUT' });
    const { format } = formatter();
    const error = resolverError(perTransaction);
    expect(format({ message: error.message, path: ['tasks'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error).extensions).toEqual({ code: 'QUERY_TOO_LARGE' });
  });

  it('does not mistake query errors for outages', () => {
    expect(isNeo4jUnavailable(newError('Invalid input', 'Neo.ClientError.Statement.SyntaxError'))).toBe(false);
    expect(isNeo4jUnavailable(new Error('boom'))).toBe(false);
  });
});

describe('createErrorFormatter', () => {
  it('turns an outage into SERVICE_UNAVAILABLE with a plain message', () => {
    const { format } = formatter();
    const error = resolverError(newError('Failed to connect to server', 'ServiceUnavailable'));
    const out = format({ message: error.message, path: ['district'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);
    expect(out.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(out.message).toMatch(/Neo4j.*not reachable.*retry/);
  });

  it('hides the message, Cypher and stack of unexpected errors behind a logged reference', () => {
    const { format, logged } = formatter();
    const cypherError = newError('Invalid input \'MATCH (d:Department {name: $name})\'', 'Neo.ClientError.Statement.SyntaxError');
    expect(cypherError).toBeInstanceOf(Neo4jError);
    const error = resolverError(cypherError);
    const out = format(
      { message: error.message, path: ['district'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
      error,
    );
    expect(out.message).toMatch(/^Internal server error \(reference [0-9a-f]{8}\); the details are in the server log\.$/);
    expect(JSON.stringify(out)).not.toMatch(/MATCH|stacktrace|Department/);
    expect(out.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(String(out.extensions!.ref));
    expect(logged[0]).toContain('MATCH (d:Department');
  });

  it('keeps BAD_USER_INPUT from a limit rule that Apollo rewrapped as a validation error', () => {
    const { format } = formatter();
    const rule = new GraphQLError('"first: 1000000" on "tasks" asks for more than 100 items', { extensions: { code: 'BAD_USER_INPUT' } });
    const wrapped = new GraphQLError(rule.message, { originalError: rule, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const out = format({ message: wrapped.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'pageSize' } }, wrapped);
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 'pageSize' });
  });

  it('passes coded errors through, minus any stack trace', () => {
    const { format } = formatter();
    const error = new GraphQLError('No district named "火星"', { extensions: { code: 'BAD_USER_INPUT' } });
    const out = format({ message: error.message, extensions: { code: 'BAD_USER_INPUT', stacktrace: ['at y'] } }, error);
    expect(out).toEqual({ message: 'No district named "火星"', extensions: { code: 'BAD_USER_INPUT' } });
  });
});
