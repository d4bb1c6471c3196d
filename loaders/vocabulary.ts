/**
 * The graph model's words as values (loaders/model.ts holds their types): the node kinds and the
 * division levels with their one order. The writer, the schema, the queries and the API take them
 * from here, so a new kind or level is added once.
 */
import type { DivisionLevel } from './model.ts';

/** The six node kinds of the graph model, in its order (docs/contract/graph-model.md). */
export const NODE_LABELS = ['Plan', 'Goal', 'Task', 'Department', 'District', 'Project'] as const;

/** Administrative division levels from the top down. */
export const DIVISION_LEVELS = ['PROVINCE', 'CITY', 'DISTRICT', 'TOWN', 'VILLAGE'] as const;

/**
 * Depth of a level: province 1 … village 5. A zone spans divisions of any level and is ranked
 * above them all (0), so "the deepest division named" is never a zone when a division is named.
 */
export const LEVEL_DEPTH: Readonly<Record<DivisionLevel, number>> = Object.freeze({
  ZONE: 0,
  ...(Object.fromEntries(DIVISION_LEVELS.map((level, i) => [level, i + 1])) as Record<(typeof DIVISION_LEVELS)[number], number>),
});
