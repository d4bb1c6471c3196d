/**
 * The graph model's words as values (loaders/model.ts holds their types): the node kinds (and
 * which of them documents own or share), the relationship types, and the division levels with
 * their one order. The writer, the schema, the queries and the API take them
 * from here, so a new kind or level is added once.
 */
import type { DivisionLevel, NodeLabel } from './model.ts';

/** The six node kinds of the graph model, in its order (docs/contract/graph-model.md). */
export const NODE_LABELS = ['Plan', 'Goal', 'Task', 'Department', 'District', 'Project'] as const;

/**
 * The node kinds a document owns (written, replaced and deleted with it) and those several
 * documents share (merged on id; docs/architecture.md "Shared nodes"), each in the writer's order.
 * Together they are NODE_LABELS (checked below).
 */
export const OWNED_LABELS = ['Plan', 'Task', 'Goal'] as const satisfies readonly NodeLabel[];
export const SHARED_LABELS = ['Department', 'District', 'Project'] as const satisfies readonly NodeLabel[];
type Unpartitioned = Exclude<NodeLabel, (typeof OWNED_LABELS)[number] | (typeof SHARED_LABELS)[number]>;
/** A node kind added to NODE_LABELS but to neither list above fails the type check here. */
export const EVERY_LABEL_OWNED_OR_SHARED: [Unpartitioned] extends [never] ? true : never = true;

/** The relationship types of the graph model (docs/contract/graph-model.md). */
export const RELATIONSHIP_TYPES = ['LEADS', 'SUPPORTS', 'LOCATED_IN', 'TARGETS', 'PART_OF', 'ISSUED_BY', 'GOVERNS', 'MENTIONS'] as const;

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
