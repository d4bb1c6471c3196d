/**
 * The only labels and relationship types the writer will put into Cypher text.
 * Labels and types cannot be query parameters, so every one that reaches a query
 * comes from fixed lists, never from input: the model's (loaders/vocabulary.ts) and the
 * writer's own two types below.
 */
import type { NodeLabel } from '../../loaders/model.ts';
import { OWNED_LABELS, RELATIONSHIP_TYPES, SHARED_LABELS } from '../../loaders/vocabulary.ts';

/**
 * OWNED_LABELS: written, replaced and deleted with their document. SHARED_LABELS: merged on id,
 * aliases unioned, removed when nobody references them. An unresolved body (Department with
 * resolved: false, id `dept:?<document>/<name>`) is one document's own (prepare.ts
 * checkUnresolvedBody): only that document refers to it, so replacing or deleting it removes it.
 */
export { OWNED_LABELS, RELATIONSHIP_TYPES, SHARED_LABELS };
/** Every label, owned first: of a node's labels, the first in this order is the one it is MERGEd on. */
export const ALLOWED_LABELS: readonly NodeLabel[] = [...OWNED_LABELS, ...SHARED_LABELS];

export type OwnedLabel = (typeof OWNED_LABELS)[number];
export type SharedLabel = (typeof SHARED_LABELS)[number];

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

/**
 * Per-plan tallies of each body's tasks, and of all the plan's tasks, in each area
 * (graph/write/tallies.ts): `(:Department)-[:TALLY {document, planId, plan, role, tasks, direct}]->(:District)`
 * and `(:Plan)-[:TALLY {document, planId, plan, tasks, direct}]->(:District)`, derived from
 * TOUCHES and the assignments when a document is written, like them never read from a document.
 */
export const TALLY_TYPE = 'TALLY';

/**
 * Per body and area, the sum of the body's LEADS tallies there (graph/write/tallies.ts):
 * `(:Department)-[:TOTAL {role, tasks, direct, plans, plansDirect}]->(:District)`; no document:
 * every document's tallies move it.
 */
export const TOTAL_TYPE = 'TOTAL';

/** What the writer derives (not facts from a text): left out of exports and provenance checks unless asked. */
export const DERIVED_TYPES: readonly string[] = [DERIVED_TYPE, TALLY_TYPE, TOTAL_TYPE];

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
  return ALLOWED_LABELS.find((l) => l === label);
}
export function allowedType(type: string): AllowedType | undefined {
  return RELATIONSHIP_TYPES.find((t) => t === type);
}
