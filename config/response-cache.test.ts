import { describe, expect, it } from 'vitest';
import { DEFAULT_RESPONSE_CACHE, RESPONSE_CACHE_ENV, RESPONSE_CACHE_MB_ENV, responseCacheFromEnv } from './api.ts';

describe('response cache settings from the environment', () => {
  it('is on with the default bounds when nothing is set', () => {
    expect(responseCacheFromEnv({})).toEqual(DEFAULT_RESPONSE_CACHE);
  });

  it('is turned off by off, 0 or false and sized in MB', () => {
    for (const value of ['off', 'OFF', '0', 'false']) expect(responseCacheFromEnv({ [RESPONSE_CACHE_ENV]: value }).enabled).toBe(false);
    for (const value of ['on', ' ON ', '1', 'true', '']) expect(responseCacheFromEnv({ [RESPONSE_CACHE_ENV]: value }).enabled).toBe(true);
    expect(responseCacheFromEnv({ [RESPONSE_CACHE_ENV]: 'on', [RESPONSE_CACHE_MB_ENV]: '8' })).toMatchObject({ enabled: true, maxBytes: 8 * 1024 * 1024 });
  });

  it('fails at start on a value it does not understand, naming the variable', () => {
    expect(() => responseCacheFromEnv({ [RESPONSE_CACHE_ENV]: 'yes please' })).toThrow(/PLANGRAPH_RESPONSE_CACHE="yes please"/);
    expect(() => responseCacheFromEnv({ [RESPONSE_CACHE_MB_ENV]: '-1' })).toThrow(/PLANGRAPH_RESPONSE_CACHE_MB="-1" must be a positive number/);
  });
});
