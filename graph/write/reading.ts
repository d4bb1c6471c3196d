/**
 * A body's tasks in reading order, from an index instead of a sort: every assignment
 * `(:Department)-[:LEADS|SUPPORTS]->(:Task)` carries `reading`, the body's id, the task's
 * document, line and id in one string that sorts as (document, line, id) within the body, and
 * the range indexes `leads_reading` / `supports_reading` (graph/schema.ts) give one body's
 * assignments in that order by prefix. `department(name) { leads(first: 20) }` then reads 20
 * edges, not the body's thousands of tasks in a province's plans (graph/queries/department-tasks.ts).
 *
 * Derived, like TOUCHES: set by the writer in the document's own transaction (an assignment of a
 * task always belongs to the task's document, graph/write/prepare.ts, so a task's line cannot
 * change without its assignments being written again), and for the whole graph by a rebuild.
 * Left out of exports (graph/export/read.ts): it is not a fact of any text.
 */

/** The property, on LEADS and SUPPORTS edges. */
export const READING_PROPERTY = 'reading';

/** Separates the parts: below every character of an id or a file name, so a shorter part sorts first. */
const SEP = `'\\u0001'`;

/**
 * Lines zero-padded to 10 digits so they sort as numbers; a task without a line sorts after
 * every line of its document (as ORDER BY puts nulls last).
 */
const LINE = (t: string) => `CASE WHEN ${t}.line IS NULL THEN '~' ELSE right('0000000000' + toString(${t}.line), 10) END`;

/** The Cypher expression of an assignment's `reading`, body `d`, task `t`. */
export function readingKey(d: string, t: string): string {
  return `${d}.id + ${SEP} + ${t}.document + ${SEP} + ${LINE(t)} + ${SEP} + ${t}.id`;
}

/** The prefix every `reading` of body `d` starts with (and no other body's does: the separator follows the id). */
export function readingPrefix(d: string): string {
  return `${d}.id + ${SEP}`;
}

/** After a write: the assignments of the written documents' tasks (`$documents`). */
export const SET_DOCUMENT_READING = `UNWIND $documents AS doc
MATCH (t:Task {document: doc})<-[r:LEADS|SUPPORTS]-(d:Department)
SET r.${READING_PROPERTY} = ${readingKey('d', 't')}`;

/** A rebuild: every assignment (CALL IN TRANSACTIONS: an auto-commit transaction). */
export const SET_ALL_READING = `MATCH (d:Department)-[r:LEADS|SUPPORTS]->(t:Task)
CALL (d, r, t) { SET r.${READING_PROPERTY} = ${readingKey('d', 't')} } IN TRANSACTIONS OF 10000 ROWS`;
