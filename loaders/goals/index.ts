import type { ExtractContext, Extractor, GraphFragment } from '../model.js';

/** Goals from indicator tables and quantified prose, PART_OF Goal→Plan, TARGETS Task→Goal. */
export const extractGoals: Extractor = (_ctx: ExtractContext): GraphFragment => {
  return { nodes: [], relationships: [] };
};
