import { describe, expect, it } from 'vitest';
import { jsonLine } from './logger.ts';

describe('JSON log lines', () => {
  const at = new Date('2026-12-05T10:00:00.000Z');
  it('carry time, level and message', () => {
    expect(JSON.parse(jsonLine('error', '[plangraph] Neo4j unreachable (refused)', at))).toEqual({ time: '2026-12-05T10:00:00.000Z', level: 'error', msg: 'Neo4j unreachable (refused)' });
  });
  it('split a request line into fields', () => {
    expect(JSON.parse(jsonLine('info', '[plangraph] 200 12 ms query Flagship errors=BAD_USER_INPUT,X', at))).toEqual({
      time: '2026-12-05T10:00:00.000Z', level: 'info', msg: '200 12 ms query Flagship errors=BAD_USER_INPUT,X',
      status: 200, ms: 12, kind: 'query', operation: 'Flagship', errors: ['BAD_USER_INPUT', 'X'],
    });
  });
});
