/**
 * Neo4j's transaction memory limits. Neo4j codes them as transient
 * (Neo.TransientError.General.MemoryPoolOutOfMemoryError), so the driver's managed transactions
 * and our read retry would run them again; but a transaction that met db.memory.transaction.max
 * meets it again on every try, and one refused because all transactions together reached
 * dbms.memory.transaction.total.max only adds to that load when repeated at once. Neither is
 * retried (issue 15): the API answers the client, the loader fails the document.
 */
import { errorChain } from './error-chain.ts';

const CODES = new Set(['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'Neo.TransientError.General.TransactionMemoryLimit']);

/**
 * 'transaction': this one transaction needs more than db.memory.transaction.max (it will again);
 * 'total': Neo4j's memory for all transactions is full (someone else's load); undefined: neither.
 * Looks through the error's chain (GraphQL and write errors wrap the driver's).
 */
export function memoryLimitOf(error: unknown): 'transaction' | 'total' | undefined {
  for (const link of errorChain(error)) {
    const limit = memoryLimitAt(link);
    if (limit) return limit;
  }
  return undefined;
}

/** memoryLimitOf for one link of a chain, not looking at what it wraps. */
export function memoryLimitAt(link: unknown): 'transaction' | 'total' | undefined {
  const { code, message } = link as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || !CODES.has(code)) return undefined;
  const text = typeof message === 'string' ? message : '';
  return code.endsWith('TransactionMemoryLimit') || /db\.memory\.transaction\.max/.test(text) ? 'transaction' : 'total';
}

/**
 * The same error made one the driver's transaction functions do not retry (they retry a
 * Neo4jError whose `retryable` is true): a plain Error carrying Neo4j's code and message, with
 * the original as its cause.
 */
export class MemoryLimitError extends Error {
  readonly code: string;
  constructor(original: Error & { code?: string }) {
    super(original.message, { cause: original });
    this.name = 'MemoryLimitError';
    this.code = original.code ?? 'Neo.TransientError.General.MemoryPoolOutOfMemoryError';
  }
}

/** Rethrows `error` as a MemoryLimitError when it is a memory limit, so no retry repeats it. */
export function notRetriedWhenMemoryLimit(error: unknown): never {
  if (memoryLimitOf(error) && !(error instanceof MemoryLimitError)) throw new MemoryLimitError(error as Error & { code?: string });
  throw error;
}
