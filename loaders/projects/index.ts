import type { ExtractContext, Extractor, GraphFragment } from '../model.js';

/** Named projects in boxes and text, PART_OF Project→Task, LOCATED_IN Project→District. */
export const extractProjects: Extractor = (_ctx: ExtractContext): GraphFragment => {
  return { nodes: [], relationships: [] };
};
