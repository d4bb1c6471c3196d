import { describe, expect, it } from 'vitest';
import { readLimitsFromEnv } from './load.ts';

describe('read limits', () => {
  it('reads its settings from the environment, naming a bad one', () => {
    expect(readLimitsFromEnv({ PLANGRAPH_MAX_UNPACKED_MB: '50', PLANGRAPH_MAX_UNPACK_RATIO: '20' })).toMatchObject({ maxUnpackedBytes: 50 * 1024 * 1024, maxUnpackRatio: 20 });
    expect(() => readLimitsFromEnv({ PLANGRAPH_MAX_DOCUMENT_CHARS: '-3' })).toThrow(/^PLANGRAPH_MAX_DOCUMENT_CHARS="-3" must be a positive number\.$/);
  });
});
