import { describe, expect, it } from 'vitest';
import { resolveDivision } from './divisions.ts';
import { divisionNodes } from './district-nodes.ts';

describe('District nodes from the gazetteer', () => {
  it('builds the District nodes of a division and its ancestors with gazetteer LOCATED_IN', () => {
    const frag = divisionNodes(resolveDivision('花都区新华街道')!);
    expect(frag.nodes.map((n) => n.id)).toEqual(['div:440114001', 'div:440114', 'div:4401', 'div:44']);
    expect(frag.nodes[0].properties).toMatchObject({ name: '新华街道', level: 'TOWN', code: '440114001' });
    expect(frag.nodes[0].properties.aliases).toContain('新华街');
    expect(frag.relationships).toEqual([
      { type: 'LOCATED_IN', start: 'div:440114001', end: 'div:440114', properties: { source: 'gazetteer' } },
      { type: 'LOCATED_IN', start: 'div:440114', end: 'div:4401', properties: { source: 'gazetteer' } },
      { type: 'LOCATED_IN', start: 'div:4401', end: 'div:44', properties: { source: 'gazetteer' } },
    ]);
  });
});
