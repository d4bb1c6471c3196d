import { describe, expect, it } from 'vitest';
import { Limiter } from './limiter.ts';

describe('Limiter', () => {
  it('runs at most max tasks at once, the rest in order of arrival, and every task to the end', async () => {
    const limiter = new Limiter(3);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const task = (i: number) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5 + (i % 3)));
      running--;
      order.push(i);
      if (i === 4) throw new Error('four');
      return i;
    };
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => limiter.run(task(i))));
    expect(most).toBe(3);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(19);
    expect(order).toHaveLength(20); // a failing task frees its place too
  });
});
