/**
 * The only labels and relationship types the writer will put into Cypher text.
 * Labels and types cannot be query parameters, so every one that reaches a query
 * comes from these fixed lists, never from input.
 */
import type { NodeLabel, RelationshipType } from '../../loaders/model.ts';

/** Nodes a document owns: written, replaced and deleted with that document. */
export const OWNED_LABELS = ['Plan', 'Task', 'Goal'] as const;
/**
 * Nodes several documents share: merged on id, aliases unioned, removed when nobody references them.
 * An unresolved body (Department with resolved: false, id `dept:?<document>/<name>`) is one document's own
 * (prepare.ts checkUnresolvedBody): only that document refers to it, so replacing or deleting it removes it.
 */
export const SHARED_LABELS = ['Department', 'District', 'Project'] as const;
export const NODE_LABELS: readonly NodeLabel[] = [...OWNED_LABELS, ...SHARED_LABELS];

export type OwnedLabel = (typeof OWNED_LABELS)[number];
export type SharedLabel = (typeof SHARED_LABELS)[number];

/** loaders/model.ts's RelationshipType, spelled out so Cypher text never comes from input. */
export const RELATIONSHIP_TYPES = [
  'LEADS',
  'SUPPORTS',
  'LOCATED_IN',
  'TARGETS',
  'PART_OF',
  'ISSUED_BY',
  'GOVERNS',
  'MENTIONS',
] as const satisfies readonly RelationshipType[];
export type AllowedType = (typeof RELATIONSHIP_TYPES)[number];

/**
 * The writer's own record of which shared nodes a document refers to: one
 * `(:Plan)-[:REFERS_TO {document, aliases, line, quote}]->(shared)` per document and shared
 * node, from the document's first Plan (smallest id). It holds what that document contributed
 * (the names it used, where it first did), so replacing the document replaces exactly that,
 * and a write costs the same however many other documents refer to the node. Not a model type:
 * extracted graphs never carry it (prepare.ts refuses it), only the writer makes it.
 */
export const REFERENCE_TYPE = 'REFERS_TO';

/**
 * The "touches" rule materialised (graph/write/touches.ts): `(:Task)-[:TOUCHES {direct}]->(:District)`,
 * derived from the other facts when a document is written, never read from a document
 * (prepare.ts refuses it like any type outside RELATIONSHIP_TYPES).
 */
export const DERIVED_TYPE = 'TOUCHES';

export function isOwnedLabel(label: string): label is OwnedLabel {
  return (OWNED_LABELS as readonly string[]).includes(label);
}
export function isSharedLabel(label: string): label is SharedLabel {
  return (SHARED_LABELS as readonly string[]).includes(label);
}
export function isAllowedType(type: string): type is AllowedType {
  return (RELATIONSHIP_TYPES as readonly string[]).includes(type);
}

/**
 * Returns the allow-listed spelling of a label (so the string that goes into Cypher
 * is ours, not the caller's), or undefined when the label is not in the model.
 */
export function allowedLabel(label: string): NodeLabel | undefined {
  return NODE_LABELS.find((l) => l === label);
}
export function allowedType(type: string): AllowedType | undefined {
  return RELATIONSHIP_TYPES.find((t) => t === type);
}
