import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './serve.ts';

describe('plangraph serve arguments', () => {
  it('defaults to 127.0.0.1:4000, then HOST/PORT, then flags', () => {
    expect(parseServeArgs([], {})).toEqual({ host: '127.0.0.1', port: 4000 });
    expect(parseServeArgs([], { HOST: '0.0.0.0', PORT: '8080' })).toEqual({ host: '0.0.0.0', port: 8080 });
    expect(parseServeArgs(['--host', '::1', '--port', '4100'], { PORT: '8080' })).toEqual({ host: '::1', port: 4100 });
    expect(parseServeArgs(['--port=0'], {})).toEqual({ host: '127.0.0.1', port: 0 });
  });

  it('names the bad flag or value', () => {
    expect(() => parseServeArgs(['--port', 'abc'], {})).toThrow('--port "abc" is not a port number');
    expect(() => parseServeArgs(['--port', '70000'], {})).toThrow('--port 70000 is out of range');
    expect(() => parseServeArgs(['--port'], {})).toThrow('--port needs a value');
    expect(() => parseServeArgs(['--verbose'], {})).toThrow('unknown option "--verbose"');
  });
});

describe('plangraph serve and up settings', () => {
  it('refuse a bad operations or memory value before starting anything, naming the variable', async () => {
    expect(() => parseServeArgs([], { PLANGRAPH_LOG_FORMAT: 'yaml' })).toThrow('PLANGRAPH_LOG_FORMAT="yaml"');
    expect(() => parseServeArgs([], { PLANGRAPH_CORS_ORIGINS: 'example.com' })).toThrow('PLANGRAPH_CORS_ORIGINS');
    const { parseUpArgs } = await import('./up.ts');
    expect(() => parseUpArgs([], { NEO4J_HEAP: 'lots' })).toThrow('NEO4J_HEAP "lots" is not a memory size');
    expect(() => parseUpArgs([], { NEO4J_PAGECACHE: '1k' })).toThrow('NEO4J_PAGECACHE "1k" is too small');
    expect(parseUpArgs([], { NEO4J_HEAP: '2G' }).port).toBe(4000);
  });
});
