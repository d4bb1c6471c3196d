import { describe, expect, it } from 'vitest';
import { opsConfigFromEnv } from './ops.ts';

describe('operations settings', () => {
  it('defaults: text logs, no CORS origin, slow/failed requests only', () => {
    expect(opsConfigFromEnv({})).toEqual({ logFormat: 'text', corsOrigins: [], logRequests: false });
  });

  it('reads the allow-list, json logs and request logging', () => {
    const c = opsConfigFromEnv({ PLANGRAPH_LOG_FORMAT: 'JSON', PLANGRAPH_CORS_ORIGINS: ' https://sandbox.example.com, http://127.0.0.1:3000 ', PLANGRAPH_LOG_REQUESTS: '1' });
    expect(c).toEqual({ logFormat: 'json', corsOrigins: ['https://sandbox.example.com', 'http://127.0.0.1:3000'], logRequests: true });
    expect(opsConfigFromEnv({ PLANGRAPH_CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
  });

  it('names the variable and the bad value', () => {
    expect(() => opsConfigFromEnv({ PLANGRAPH_LOG_FORMAT: 'yaml' })).toThrow('PLANGRAPH_LOG_FORMAT="yaml" is not understood');
    expect(() => opsConfigFromEnv({ PLANGRAPH_CORS_ORIGINS: 'sandbox.example.com' })).toThrow('PLANGRAPH_CORS_ORIGINS: "sandbox.example.com" is not an origin');
    expect(() => opsConfigFromEnv({ PLANGRAPH_CORS_ORIGINS: 'https://a.example.com/path' })).toThrow('expected scheme://host[:port] with no path, e.g. https://a.example.com');
    expect(() => opsConfigFromEnv({ PLANGRAPH_LOG_REQUESTS: 'yes' })).toThrow('PLANGRAPH_LOG_REQUESTS="yes"');
  });
});
