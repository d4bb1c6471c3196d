import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../validation/index.ts';
import { DEFAULT_INPUT_LIMITS } from '../validation/inputLimits.ts';
import { variableLimitsPlugin } from './variableLimits.ts';

describe('variableLimitsPlugin', () => {
  it('hands the configured page-size limit to the request, for the resolvers to page with', async () => {
    const plugin = variableLimitsPlugin({ ...DEFAULT_LIMITS, ...DEFAULT_INPUT_LIMITS, maxPageSize: 500 });
    const contextValue: { maxPageSize?: number } = {};
    await plugin.requestDidStart!({ contextValue } as never);
    expect(contextValue.maxPageSize).toBe(500);
  });
});
