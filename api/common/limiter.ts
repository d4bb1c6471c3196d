/**
 * At most `max` of a request's Neo4j reads at once; the rest wait their turn in order. One
 * request's many root fields and DataLoader batches then take a share of the driver's pool,
 * not all of it (150 aliases took all 100 connections and starved every other client).
 */
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
