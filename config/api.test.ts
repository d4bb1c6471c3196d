import { describe, expect, it } from 'vitest';
import { limitsFromEnv } from './api.ts';

describe('limitsFromEnv', () => {
  it('reads the limits that are set, in their units', () => {
    expect(limitsFromEnv({})).toEqual({});
    expect(limitsFromEnv({ PLANGRAPH_MAX_BODY_KB: '50', PLANGRAPH_CACHE_BUDGET_MB: '8', PLANGRAPH_MAX_ROOT_FIELDS: ' 3 ' })).toEqual({
      maxBodyBytes: 50 * 1024,
      cacheBudgetBytes: 8 * 1024 * 1024,
      maxRootFields: 3,
    });
  });

  it('sets the page-size limit pageFrom and the validation rules use', () => {
    expect(limitsFromEnv({ PLANGRAPH_MAX_PAGE_SIZE: '250' })).toEqual({ maxPageSize: 250 });
    expect(() => limitsFromEnv({ PLANGRAPH_MAX_PAGE_SIZE: '0' })).toThrow(/PLANGRAPH_MAX_PAGE_SIZE="0"/);
  });

  it('names the variable of a value it cannot use', () => {
    expect(() => limitsFromEnv({ PLANGRAPH_MAX_STRING_LENGTH: 'lots' })).toThrow(/^PLANGRAPH_MAX_STRING_LENGTH="lots" must be a whole number, at least 1\.$/);
    expect(() => limitsFromEnv({ PLANGRAPH_SEND_TIMEOUT_MS: '5' })).toThrow(/PLANGRAPH_SEND_TIMEOUT_MS="5"/);
    expect(() => limitsFromEnv({ PLANGRAPH_QUERIES_PER_REQUEST: '0' })).toThrow(/PLANGRAPH_QUERIES_PER_REQUEST="0"/);
  });
});
