/**
 * Shares one read among concurrent callers without ever answering a caller with a read that
 * started before it asked. A read already in flight may have been sent before a write the caller
 * knows has committed (it saw the load finish), so the caller waits for the next read, which
 * every caller that arrives meanwhile shares. At most two reads' time per caller, and under load
 * one read per read's time instead of one per caller.
 */
export class FreshRead<T> {
  private inFlight: Promise<T> | undefined;
  private next: Promise<T> | undefined;
  /** Reads actually sent (for tests and statistics). */
  reads = 0;

  constructor(private readonly fetch: () => Promise<T>) {}

  read(): Promise<T> {
    if (!this.inFlight) return this.begin();
    this.next ??= this.inFlight.then(settled, settled).then(() => {
      this.next = undefined;
      // Whatever read is in flight now began after this caller arrived: sharing it is fresh enough.
      return this.inFlight ?? this.begin();
    });
    return this.next;
  }

  private begin(): Promise<T> {
    this.reads++;
    const read: Promise<T> = this.fetch().finally(() => {
      if (this.inFlight === read) this.inFlight = undefined;
    });
    this.inFlight = read;
    return read;
  }
}

function settled(): void {}
