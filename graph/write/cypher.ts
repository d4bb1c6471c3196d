/**
 * Cypher text for the writer. Labels in MERGE/MATCH are spliced into the text (a dynamic
 * label would not use the id constraint's index), so every builder re-checks its argument
 * against the allow-list; everything else travels as parameters, relationship types too
 * (dynamic types in CREATE/MERGE, from the allow-list via prepare.ts).
 */
import type { NodeLabel } from '../../loaders/model.ts';
import { allowedLabel, allowedType, OWNED_LABELS, REFERENCE_TYPE, SHARED_LABELS, type AllowedType, type OwnedLabel, type SharedLabel } from './allow-list.ts';

/**
 * Every writer statement starts with this. The writer's plans are index seeks on the id
 * constraints and the `document` indexes whatever the graph's size, but Neo4j replans a
 * cached query whenever the label counts drift (a growing graph, every few seconds during a
 * load), and planning costs more than executing (docs/benchmarks.md, "Design history of the
 * writer and reads").
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
 * `list` (sorted, distinct) with each element of `items` inserted where it sorts, unless it is
 * already there: Cypher's own string order, so a node's aliases do not depend on the order
 * documents were loaded in. A plain list expression, no subquery (cheaper to plan and run).
 */
function unionSorted(list: string, items: string): string {
  return `reduce(acc = ${list}, a IN ${items} | CASE WHEN a IN acc THEN acc ELSE [x IN acc WHERE x < a] + a + [x IN acc WHERE x > a] END)`;
}

/** `aliasText` (for the full-text index, which skips lists) from `aliases`. */
const ALIAS_TEXT = `reduce(s = '', a IN n.aliases | CASE WHEN s = '' THEN a ELSE s + ' ' + a END)`;

/**
 * Removes a document's REFERS_TO records (it is being replaced) and returns the shared nodes
 * they led to, by label: those are the nodes whose visible properties refreshShared then
 * derives again from the records that remain.
 */
export const REMOVE_REFERENCES = `${NO_REPLAN}
MATCH (:\`Plan\`)-[r:${REFERENCE_TYPE} {document: $doc}]->(n)
DELETE r
RETURN CASE ${SHARED_LABELS.map((l) => `WHEN n:${label(l)} THEN '${l}'`).join(' ')} END AS label, collect(n.id) AS ids`;

/**
 * A shared node's visible properties derived again from every document's REFERS_TO record:
 * `aliases` (sorted distinct union), `aliasText`, and provenance from the alphabetically first
 * document that cites it. Run for the nodes a replaced document referred to before (its old
 * aliases or provenance may be gone); returns how many records each still has, 0 for a node
 * no document refers to any more (deleteUnreferencedShared decides whether it goes).
 */
export function refreshShared(l: SharedLabel): string {
  return `${NO_REPLAN}
UNWIND $ids AS id
MATCH (n:${label(l)} {id: id})
CALL (n) {
  OPTIONAL MATCH (:\`Plan\`)-[r:${REFERENCE_TYPE}]->(n)
  WITH r ORDER BY r.document
  RETURN collect(r.aliases) AS lists, [x IN collect(r) WHERE x.line IS NOT NULL OR x.quote IS NOT NULL][0] AS first, count(r) AS records
}
SET n.aliases = ${unionSorted('[]', 'reduce(all = [], l IN lists | all + l)')}
SET n.aliasText = ${ALIAS_TEXT},
    n.document = first.document,
    n.line = first.line,
    n.quote = first.quote
RETURN n.id AS id, records`;
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
WHERE NOT EXISTS { (n)<--() }
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
 * once). MERGEs them and adds this document's contribution to the visible properties: its
 * aliases into the sorted `aliases`, its provenance when it is the alphabetically first
 * document citing the node. Constant work per row however many documents refer to the node
 * (their contributions live in REFERS_TO records, written with the relationships). Additive
 * only: for a document that was in the graph before, refreshShared recomputes afterwards.
 * Rows are processed label by label in the given order, which is the lock order.
 */
export const UPSERT_SHARED = `${NO_REPLAN}
CALL () {
${SHARED_LABELS.map((l) => `  UNWIND $shared.${l} AS row MERGE (n:${label(l)} {id: row.id}) SET n += row.props RETURN n, row`).join('\n  UNION ALL\n')}
}
SET n.aliases = ${unionSorted('coalesce(n.aliases, [])', 'row.aliases')}
SET n.aliasText = ${ALIAS_TEXT}
WITH n, row, row.provenance IS NOT NULL AND (n.document IS NULL OR $doc < n.document) AS first
SET n.document = CASE WHEN first THEN $doc ELSE n.document END,
    n.line = CASE WHEN first THEN row.provenance.line ELSE n.line END,
    n.quote = CASE WHEN first THEN row.provenance.quote ELSE n.quote END
RETURN n.id AS id, elementId(n) AS element`;

/**
 * The write locks of a group's shared nodes that exist already, taken first and in one order
 * for every transaction (label, then id; `$ids` maps each shared label to its sorted ids). Each
 * document's UPSERT_SHARED locks its own nodes in that order, but a group runs several
 * documents one after another, so without this two groups in flight would take the same popular
 * nodes (the province, a city, 省发展改革委) in different orders and deadlock, each group then
 * retried whole after a second's back-off. Setting `id` to
 * itself takes the lock and changes nothing (its counters are not a document's changes).
 * Nodes created by the group are not covered: MERGE locks their index entry when it creates them.
 */
export const LOCK_SHARED = `${NO_REPLAN}
CALL () {
${SHARED_LABELS.map((l) => `  UNWIND $ids.${l} AS id MATCH (n:${label(l)} {id: id}) SET n.id = id RETURN n`).join('\n  UNION ALL\n')}
}
RETURN count(n) AS locked`;

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

