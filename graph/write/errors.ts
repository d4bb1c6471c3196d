/** The writer's error: what went wrong with one document, named in the message ("<document>: …"). */
export class WriteError extends Error {
  constructor(
    readonly document: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${document}: ${message}`, options);
    this.name = 'WriteError';
  }
}

/**
 * err as the WriteError naming `document` (as it is when it already is one). `outcomeUnknown`:
 * the connection was lost after the transaction's work, while the driver committed it, so
 * Neo4j may have committed it; saying "nothing was committed" then could be false.
 */
export function failedWrite(document: string, err: unknown, outcomeUnknown = false): WriteError {
  if (err instanceof WriteError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (outcomeUnknown) {
    return new WriteError(
      document,
      `write outcome unknown: the connection to Neo4j was lost while the transaction committed, so it may or may not be in the graph; rerun the load (loads are idempotent: a committed document is then found unchanged): ${message}`,
      { cause: err },
    );
  }
  return new WriteError(document, `write failed, nothing of it was committed: ${message}`, { cause: err });
}

/** A document that claims an id another document owns. */
export function ownershipError(doc: { document: string }, [label, id, owner]: [string, string, string]): WriteError {
  return new WriteError(
    doc.document,
    `${label} ${id} already belongs to document "${owner}" (two files with the same name, or the same plan loaded under two names?)`,
  );
}
