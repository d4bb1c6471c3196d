import { describe, expect, it } from 'vitest';
import { graphVersionQuery } from './graph-version.ts';
import { graphWatermarkQuery } from './graph-watermark.ts';
import { expectedSchemaNames, schemaStateQuery } from './schema-state.ts';

// The bookkeeping reads: graph-version.ts, graph-watermark.ts (response cache) and schema-state.ts (/ready).
describe('graph state queries', () => {
  it('snapshot: the graph version, alone and with the plan count', () => {
    expect(graphVersionQuery().text).toMatchSnapshot();
    expect(graphWatermarkQuery().text).toMatchSnapshot();
  });

  it('snapshot: the online indexes and constraints, against the names the schema creates', () => {
    expect(schemaStateQuery().text).toMatchSnapshot();
    expect(expectedSchemaNames()).toEqual(expect.arrayContaining(['search', 'task_search']));
  });
});
