import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { MemoryLimitError, memoryLimitOf, notRetriedWhenMemoryLimit } from './memory-limit.ts';

// As Neo4j 5.26 sends it (tests/integration/write-failures.test.ts meets the real one).
const perTransaction = new neo4j.Neo4jError(
  'The allocation of an extra 2.0 MiB would use more than the limit 16.0 MiB. Currently using 16.0 MiB. db.memory.transaction.max threshold reached',
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  '50N42',
  'error',
);

describe('memoryLimitOf', () => {
  it("tells one transaction's limit from Neo4j's total, through wrappers, and nothing else", () => {
    expect(memoryLimitOf(perTransaction)).toBe('transaction');
    const total = Object.assign(new Error('... dbms.memory.transaction.total.max threshold reached'), { code: 'Neo.TransientError.General.MemoryPoolOutOfMemoryError' });
    expect(memoryLimitOf(total)).toBe('total');
    expect(memoryLimitOf(new Error('document x failed', { cause: perTransaction }))).toBe('transaction');
    expect(memoryLimitOf(Object.assign(new Error('deadlock'), { code: 'Neo.TransientError.Transaction.DeadlockDetected' }))).toBeUndefined();
  });

  it('rethrows a memory limit as an error the driver does not retry, keeping its code and message', () => {
    expect(neo4j.isRetryableError(perTransaction)).toBe(true);
    let thrown: unknown;
    try {
      notRetriedWhenMemoryLimit(perTransaction);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(MemoryLimitError);
    expect(neo4j.isRetryableError(thrown as Error)).toBe(false);
    expect(thrown).toMatchObject({ code: perTransaction.code, message: perTransaction.message });
    const other = new Error('syntax');
    expect(() => notRetriedWhenMemoryLimit(other)).toThrow(other);
  });
});
