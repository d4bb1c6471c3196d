/**
 * Cypher text for the writer. Labels and relationship types are spliced into the text
 * (Cypher cannot take them as parameters), so every builder re-checks its argument
 * against the allow-list; everything else travels as parameters.
 */
import type { NodeLabel } from '../../loaders/model.ts';
import { allowedLabel, allowedType, OWNED_LABELS, type AllowedType, type OwnedLabel, type SharedLabel } from './allow-list.ts';
import { SEP } from './prepare.ts';

function label(l: string): string {
  const ok = allowedLabel(l);
  if (!ok) throw new Error(`internal: label "${l}" is not allow-listed`);
  return `\`${ok}\``;
}
function type(t: string): string {
  const ok = allowedType(t);
  if (!ok) throw new Error(`internal: relationship type "${t}" is not allow-listed`);
  return `\`${ok}\``;
}
function extraLabels(variable: string, extra: NodeLabel[]): string {
  return extra.length ? `SET ${variable}:${extra.map(label).join(':')}` : '';
}

/**
 * What the database holds of a document: its Plans with their stored content hash
 * (decides "unchanged" inside the write transaction), and whether Tasks/Goals of it
 * exist without a Plan (left by an older writer; they must still be replaced).
 */
export const PRIOR_STATE = `
CALL () { MATCH (p:\`Plan\` {document: $doc}) RETURN collect([p.id, p.contentHash]) AS plans }
RETURN plans,
       EXISTS { MATCH (t:\`Task\` {document: $doc}) } OR EXISTS { MATCH (g:\`Goal\` {document: $doc}) } AS others`;

/** Ids this document wants that another document already owns (two files with one name, or a clash of ids). */
export const OWNERSHIP_CONFLICTS = OWNED_LABELS.map(
  (l) => `UNWIND $ids.${l} AS id MATCH (n:${label(l)} {id: id}) WHERE n.document <> $doc RETURN '${l}' AS label, n.id AS id, n.document AS document`,
).join('\nUNION ALL\n');

export function deleteOwnedRelationships(t: AllowedType): string {
  return `MATCH ()-[r:${type(t)} {document: $doc}]->() DELETE r`;
}

export function deleteStaleOwnedNodes(l: OwnedLabel): string {
  return `MATCH (n:${label(l)} {document: $doc}) WHERE NOT n.id IN $keep DETACH DELETE n`;
}

/**
 * Recomputes a shared node's visible properties from its per-document bookkeeping:
 * `aliases` (sorted union), `aliasText` (for the full-text index, which skips lists),
 * `documents` (sorted) and provenance from the alphabetically first document, so the
 * result does not depend on the order documents were loaded in.
 */
const RECOMPUTE_SHARED = `
WITH DISTINCT n
CALL (n) {
  UNWIND coalesce(n.aliasesByDocument, []) AS entry
  WITH entry ORDER BY entry
  RETURN collect(entry) AS aliasesByDocument
}
CALL (n) {
  UNWIND coalesce(n.aliasesByDocument, []) AS entry
  WITH DISTINCT split(entry, $sep)[1] AS alias ORDER BY alias
  RETURN collect(alias) AS aliases
}
CALL (n) {
  UNWIND coalesce(n.provenanceByDocument, []) AS entry
  WITH entry ORDER BY entry
  RETURN collect(entry) AS provenanceByDocument
}
CALL (n) {
  UNWIND coalesce(n.documents, []) AS d
  WITH DISTINCT d ORDER BY d
  RETURN collect(d) AS documents
}
WITH n, aliasesByDocument, aliases, provenanceByDocument, documents,
     CASE WHEN size(provenanceByDocument) = 0 THEN [null, null, null] ELSE split(provenanceByDocument[0], $sep) END AS first
SET n.aliases = aliases,
    n.aliasText = reduce(s = '', a IN aliases | CASE WHEN s = '' THEN a ELSE s + ' ' + a END),
    n.aliasesByDocument = aliasesByDocument,
    n.provenanceByDocument = provenanceByDocument,
    n.documents = documents,
    n.document = first[0],
    n.line = CASE WHEN first[1] IS NULL OR first[1] = '' THEN null ELSE toInteger(first[1]) END,
    n.quote = CASE WHEN first[2] IS NULL OR first[2] = '' THEN null ELSE first[2] END`;

/** Drops this document's contributions from shared nodes it no longer references. */
export function releaseShared(l: SharedLabel): string {
  return `
MATCH (n:${label(l)}) WHERE $doc IN n.documents AND NOT n.id IN $keep
SET n.documents = [d IN n.documents WHERE d <> $doc],
    n.aliasesByDocument = [x IN coalesce(n.aliasesByDocument, []) WHERE NOT x STARTS WITH $prefix],
    n.provenanceByDocument = [x IN coalesce(n.provenanceByDocument, []) WHERE NOT x STARTS WITH $prefix]
${RECOMPUTE_SHARED}
WITH n WHERE size(n.documents) = 0
RETURN n.id AS id`;
}

/**
 * Of the given shared nodes, deletes those nobody references any more: no document
 * lists them, nothing points at them, and all they have left are gazetteer edges up the
 * hierarchy. Returns the nodes those edges led to: the caller checks them next, so an
 * unreferenced chain (town → district → city) goes leaf first.
 */
export function deleteUnreferencedShared(l: SharedLabel): string {
  return `
UNWIND $ids AS id
MATCH (n:${label(l)} {id: id})
WHERE size(coalesce(n.documents, [])) = 0
  AND NOT EXISTS { (n)<--() }
  AND NOT EXISTS { (n)-[r]->() WHERE r.document IS NOT NULL }
OPTIONAL MATCH (n)-->(parent)
WITH n, collect(DISTINCT parent.id) AS parents
DETACH DELETE n
RETURN parents`;
}

export function upsertOwned(l: OwnedLabel, extra: NodeLabel[]): string {
  return `
UNWIND $rows AS row
MERGE (n:${label(l)} {id: row.id})
SET n = row.props
${extraLabels('n', extra)}`;
}

export function upsertShared(l: SharedLabel, extra: NodeLabel[]): string {
  return `
UNWIND $rows AS row
MERGE (n:${label(l)} {id: row.id})
SET n += row.props
${extraLabels('n', extra)}
SET n.documents = [d IN coalesce(n.documents, []) WHERE d <> $doc] + $doc,
    n.aliasesByDocument = [x IN coalesce(n.aliasesByDocument, []) WHERE NOT x STARTS WITH $prefix] + [a IN row.aliases | $prefix + a],
    n.provenanceByDocument = [x IN coalesce(n.provenanceByDocument, []) WHERE NOT x STARTS WITH $prefix]
      + CASE WHEN row.provenance IS NULL THEN [] ELSE [row.provenance] END
${RECOMPUTE_SHARED}`;
}

export function createOwnedRelationships(t: AllowedType, start: NodeLabel, end: NodeLabel): string {
  return `
UNWIND $rows AS row
MATCH (a:${label(start)} {id: row.start})
MATCH (b:${label(end)} {id: row.end})
CREATE (a)-[r:${type(t)}]->(b)
SET r = row.props
RETURN count(r) AS written`;
}

/** Facts from a reference dataset (source: 'gazetteer'): merged once, owned by no document. */
export function mergeSourcedRelationships(t: AllowedType, start: NodeLabel, end: NodeLabel): string {
  return `
UNWIND $rows AS row
MATCH (a:${label(start)} {id: row.start})
MATCH (b:${label(end)} {id: row.end})
MERGE (a)-[r:${type(t)} {source: row.source}]->(b)
ON CREATE SET r = row.props
RETURN count(r) AS written`;
}

export { SEP };
