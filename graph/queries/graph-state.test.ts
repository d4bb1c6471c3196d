import { describe, expect, it } from 'vitest';
import { graphWatermarkQuery } from './graph-watermark.ts';
import { expectedSchemaNames, schemaStateQuery } from './schema-state.ts';

// The bookkeeping reads: graph-watermark.ts (response cache) and schema-state.ts (/ready).
describe('graph state queries', () => {
  it('snapshot: the graph version with the plan count', () => {
    expect(graphWatermarkQuery().text).toMatchSnapshot();
  });

  it('snapshot: the online indexes and constraints, against the names the schema creates', () => {
    expect(schemaStateQuery().text).toMatchSnapshot();
    expect(expectedSchemaNames()).toEqual(expect.arrayContaining(['search', 'task_search']));
  });
});
