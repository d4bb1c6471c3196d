import type { ValidationRule } from 'graphql';
import { costLimitRule, DEFAULT_MAX_COST } from './costLimit.ts';
import { depthLimitRule, DEFAULT_MAX_DEPTH } from './depthLimit.ts';
import { DEFAULT_MAX_PAGE_SIZE, pageSizeLimitRule } from './pageSizeLimit.ts';
import { DEFAULT_MAX_ROOT_FIELDS, rootFieldLimitRule } from './rootFieldLimit.ts';

export { costLimitRule, depthLimitRule, pageSizeLimitRule, rootFieldLimitRule };

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxPageSize: number;
  /** Root fields (aliases count) that reach Neo4j, per operation. */
  maxRootFields: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: DEFAULT_MAX_DEPTH,
  maxCost: DEFAULT_MAX_COST,
  maxPageSize: DEFAULT_MAX_PAGE_SIZE,
  maxRootFields: DEFAULT_MAX_ROOT_FIELDS,
};

/** The rules Apollo runs on every new document (its result is cached per document). */
export function limitRules(limits: QueryLimits = DEFAULT_LIMITS): ValidationRule[] {
  return [
    depthLimitRule(limits.maxDepth),
    rootFieldLimitRule(limits.maxRootFields ?? DEFAULT_MAX_ROOT_FIELDS),
    pageSizeLimitRule({ max: limits.maxPageSize }),
    costLimitRule({ max: limits.maxCost, maxPageSize: limits.maxPageSize }),
  ];
}
