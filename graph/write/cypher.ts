/**
 * Cypher text for the writer. Labels in MERGE/MATCH are spliced into the text (a dynamic
 * label would not use the id constraint's index), so every builder re-checks its argument
 * against the allow-list; everything else travels as parameters, relationship types too
 * (dynamic types in CREATE/MERGE, from the allow-list via prepare.ts).
 */
import type { NodeLabel } from '../../loaders/model.ts';
import { allowedLabel, allowedType, OWNED_LABELS, SHARED_LABELS, type AllowedType, type OwnedLabel, type SharedLabel } from './allow-list.ts';
import { SEP } from './prepare.ts';

/**
 * Every writer statement starts with this. The writer's plans are index seeks on the id
 * constraints and the `document` indexes whatever the graph's size, but Neo4j replans a
 * cached query whenever the label counts drift (a growing graph, every few seconds during a
 * load), and planning cost more than executing: measured on the synthetic corpus, 2.3×
 * the write throughput without replanning.
 */
export const NO_REPLAN = 'CYPHER replan=skip';

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
 * What the database holds of each document of a group (`$docs`: [{doc, ids}]), in one round
 * trip, one row per document with its index `i`: its Plans with their stored content hash
 * (decides "unchanged" inside the write transaction); whether Tasks/Goals of it exist without
 * a Plan (left by an older writer; they must still be replaced); and the first id this
 * document wants that another document already owns (two files with one name, or a clash of
 * ids), as [label, id, owner] or null. Documents of one group never claim the same owned ids
 * (load-paths.ts keeps such documents in separate transactions), so one query sees enough.
 */
export const PRIOR_STATES = `${NO_REPLAN}
UNWIND range(0, size($docs) - 1) AS i
WITH i, $docs[i] AS d
CALL (d) { MATCH (p:\`Plan\` {document: d.doc}) RETURN collect([p.id, p.contentHash]) AS plans }
CALL (d) {
  CALL (d) {
${OWNED_LABELS.map((l) => `    UNWIND d.ids.${l} AS id MATCH (n:${label(l)} {id: id}) WHERE n.document <> d.doc RETURN ['${l}', n.id, n.document] AS clash`).join('\n    UNION ALL\n')}
  }
  RETURN head(collect(clash)) AS clash
}
RETURN i, plans, clash,
       EXISTS { MATCH (t:\`Task\` {document: d.doc}) } OR EXISTS { MATCH (g:\`Goal\` {document: d.doc}) } AS others`;

export function deleteOwnedRelationships(t: AllowedType): string {
  return `${NO_REPLAN} MATCH ()-[r:${type(t)} {document: $doc}]->() DELETE r`;
}

export function deleteStaleOwnedNodes(l: OwnedLabel): string {
  return `${NO_REPLAN} MATCH (n:${label(l)} {document: $doc}) WHERE NOT n.id IN $keep DETACH DELETE n`;
}

/**
 * Sorted insertion of each element of `items` into the sorted list `list`, in Cypher's own
 * string order. Plain list expressions, no subqueries: these statements run once per
 * document, and a CALL subquery per list cost more to plan and to run than the lists do.
 */
function insertSorted(list: string, items: string): string {
  return `reduce(acc = ${list}, e IN ${items} | [x IN acc WHERE x < e] + e + [x IN acc WHERE x >= e])`;
}

/**
 * Sets a shared node's visible properties from its per-document bookkeeping (each list
 * kept sorted, so the node does not depend on the order documents were loaded in):
 * `aliases` (sorted distinct union), `aliasText` (for the full-text index, which skips
 * lists), and provenance from the alphabetically first document. Expects `n`,
 * `documents`, `aliasesByDocument` and `provenanceByDocument` bound.
 */
const SET_SHARED = `
WITH n, documents, aliasesByDocument, provenanceByDocument,
     reduce(acc = [], a IN [e IN aliasesByDocument | split(e, $sep)[1]] |
       CASE WHEN a IN acc THEN acc ELSE [x IN acc WHERE x < a] + a + [x IN acc WHERE x > a] END) AS aliases
WITH n, documents, aliasesByDocument, provenanceByDocument, aliases,
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
  return `${NO_REPLAN}
MATCH (n:${label(l)}) WHERE $doc IN n.documents AND NOT n.id IN $keep
WITH n,
     [d IN n.documents WHERE d <> $doc] AS documents,
     [x IN coalesce(n.aliasesByDocument, []) WHERE NOT x STARTS WITH $prefix] AS aliasesByDocument,
     [x IN coalesce(n.provenanceByDocument, []) WHERE NOT x STARTS WITH $prefix] AS provenanceByDocument
${SET_SHARED}
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
  return `${NO_REPLAN}
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

/** Owned nodes of one label (and extra labels); returns each one's elementId for the relationship statements. */
export function upsertOwned(l: OwnedLabel, extra: NodeLabel[]): string {
  return `${NO_REPLAN}
UNWIND $rows AS row
MERGE (n:${label(l)} {id: row.id})
SET n = row.props
${extraLabels('n', extra)}
RETURN row.id AS id, elementId(n) AS element`;
}

/**
 * The same for a document the graph holds nothing of (no Plan, Task or Goal of it, and no
 * other document owns its ids: PRIOR_STATES said so in this transaction): CREATE, without
 * MERGE's index lookup and lock per row. The id constraints still hold at commit.
 */
export function createOwned(l: OwnedLabel, extra: NodeLabel[]): string {
  return `${NO_REPLAN}
UNWIND $rows AS row
CREATE (n:${label(l)})
SET n = row.props
${extraLabels('n', extra)}
RETURN row.id AS id, elementId(n) AS element`;
}

/**
 * Every shared node of a document in one statement (whatever labels it has: `$shared` maps
 * each shared label to its rows, empty or not, so the text never varies and is planned
 * once). MERGEs them and records this document's contribution: its name in `documents`,
 * its aliases as `document SEP alias` and its provenance as `document SEP line SEP quote`,
 * replacing what it contributed before; then SET_SHARED derives the visible properties.
 * Rows are processed label by label in the given order, which is the lock order.
 */
export const UPSERT_SHARED = `${NO_REPLAN}
CALL () {
${SHARED_LABELS.map((l) => `  UNWIND $shared.${l} AS row MERGE (n:${label(l)} {id: row.id}) SET n += row.props RETURN n, row`).join('\n  UNION ALL\n')}
}
WITH n, row,
     ${insertSorted('[d IN coalesce(n.documents, []) WHERE d <> $doc]', '[$doc]')} AS documents,
     ${insertSorted('[x IN coalesce(n.aliasesByDocument, []) WHERE NOT x STARTS WITH $prefix]', '[a IN row.aliases | $prefix + a]')} AS aliasesByDocument,
     ${insertSorted('[x IN coalesce(n.provenanceByDocument, []) WHERE NOT x STARTS WITH $prefix]', 'CASE WHEN row.provenance IS NULL THEN [] ELSE [row.provenance] END')} AS provenanceByDocument
${SET_SHARED}
RETURN n.id AS id, elementId(n) AS element`;

/** The rare shared node with a further label. */
export function addSharedLabels(l: SharedLabel, extra: NodeLabel[]): string {
  return `${NO_REPLAN}
UNWIND $ids AS id
MATCH (n:${label(l)} {id: id})
${extraLabels('n', extra)}`;
}

/**
 * Relationships read from the document, between nodes found by the elementIds the node
 * statements returned (so one statement serves every type and pair of labels). The type is
 * a parameter (dynamic types, Neo4j 5.26), from the allow-list (prepare.ts checks it).
 */
export const CREATE_OWNED_RELATIONSHIPS = `${NO_REPLAN}
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.start
MATCH (b) WHERE elementId(b) = row.end
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS written`;

/**
 * Facts from a reference dataset (source: 'gazetteer'): merged once, owned by no document.
 * The type is spliced into the text (one statement per type, in practice LOCATED_IN only):
 * MERGE has to look for the relationship first, and with a dynamic type Neo4j expands every
 * relationship of both ends, which for a city or the province (thousands of tasks LOCATED_IN
 * them) made this the slowest statement of a load once a few hundred plans were in the graph;
 * with a fixed type it expands only the child's one outgoing LOCATED_IN.
 */
export function mergeSourcedRelationships(t: AllowedType): string {
  return `${NO_REPLAN}
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.start
MATCH (b) WHERE elementId(b) = row.end
MERGE (a)-[r:${type(t)} {source: row.source}]->(b)
ON CREATE SET r = row.props
RETURN count(r) AS written`;
}

export { SEP };
