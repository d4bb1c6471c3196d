import type { ExtractContext, GraphFragment } from '../model.ts';

/** Task → District LOCATED_IN from place mentions (work in progress: returns nothing yet). */
export function extractPlaces(_ctx: ExtractContext): GraphFragment {
  return { nodes: [], relationships: [] };
}
