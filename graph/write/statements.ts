/**
 * The writer's statements for one document, built (and every property checked) before any
 * transaction opens: its node statements (Cypher from cypher.ts and their rows, in batches) and
 * its relationship rows; once the nodes are written, the relationship statements over their
 * elementIds. No I/O: write-document.ts runs them.
 */
import { REFERENCE_TYPE, SHARED_LABELS, type AllowedType } from './allow-list.ts';
import * as cypher from './cypher.ts';
import { byText } from '../canonical-json.ts';
import { chunk, type PreparedDocument } from './prepare.ts';
import { WriteError } from './errors.ts';
import { toNeo4jProperties } from './properties.ts';

export interface Statement {
  query: string;
  /** For a document the graph holds nothing of: the same rows, CREATEd (owned nodes). */
  freshQuery?: string;
  params: Record<string, unknown>;
}

/**
 * The node statements: the document's own nodes first (nobody else locks them, so that part
 * of a write overlaps another document's commit), then its shared nodes in one order for
 * every transaction (label, then id), so two concurrent loads wait for each other rather
 * than deadlock. Every property is checked here, before the transaction opens.
 */
export function nodeStatements(doc: PreparedDocument, batchSize: number): Statement[] {
  const name = doc.document;
  const out: Statement[] = [];

  for (const group of doc.owned) {
    const query = cypher.upsertOwned(group.label, group.extraLabels);
    const freshQuery = cypher.createOwned(group.label, group.extraLabels);
    for (const batch of chunk(group.nodes, batchSize)) {
      const rows = batch.map((node) => {
        const props = toNeo4jProperties(name, `${group.label} ${node.id}`, node.properties);
        if (group.label === 'Plan') props.contentHash = doc.hash;
        return { id: node.id, props };
      });
      out.push({ query, freshQuery, params: { rows } });
    }
  }

  const shared = SHARED_LABELS.flatMap((label) =>
    doc.shared
      .filter((g) => g.label === label)
      .flatMap((g) => g.rows)
      .sort((a, b) => byText(a.id, b.id))
      .map((row) => ({ label, row })),
  );
  for (const batch of chunk(shared, batchSize)) {
    const byLabel = Object.fromEntries(SHARED_LABELS.map((l) => [l, [] as unknown[]]));
    for (const { label, row } of batch) {
      byLabel[label].push({
        id: row.id,
        props: toNeo4jProperties(name, `${label} ${row.id}`, row.properties),
        aliases: row.aliases,
        provenance: row.provenance ?? null,
      });
    }
    out.push({ query: cypher.UPSERT_SHARED, params: { doc: name, shared: byLabel } });
  }
  for (const group of doc.shared) {
    if (group.extraLabels.length === 0) continue;
    out.push({ query: cypher.addSharedLabels(group.label, group.extraLabels), params: { ids: group.rows.map((r) => r.id) } });
  }
  return out;
}

export interface RelationshipRow {
  start: string;
  end: string;
  type: AllowedType | typeof REFERENCE_TYPE;
  source: unknown;
  props: Record<string, unknown>;
}

/**
 * Relationship rows (ends still as ids), owned ones and sourced ones apart; properties checked
 * here too. The owned ones end with the document's REFERS_TO records (allow-list.ts), one per
 * shared node, from its anchor Plan.
 */
export function relationshipRows(doc: PreparedDocument): { owned: RelationshipRow[]; sourced: RelationshipRow[] } {
  const out = { owned: [] as RelationshipRow[], sourced: [] as RelationshipRow[] };
  for (const group of doc.relationships) {
    for (const r of group.relationships) {
      const props = toNeo4jProperties(doc.document, `relationship ${r.type} ${r.start} → ${r.end}`, r.properties);
      (group.owned ? out.owned : out.sourced).push({ start: r.start, end: r.end, type: group.type, source: props.source ?? null, props });
    }
  }
  for (const group of doc.shared) {
    for (const row of group.rows) {
      const props = { document: doc.document, aliases: row.aliases, line: row.provenance?.line ?? null, quote: row.provenance?.quote ?? null };
      out.owned.push({ start: doc.anchorPlanId, end: row.id, type: REFERENCE_TYPE, source: null, props });
    }
  }
  return out;
}

/** A document's relationship rows, owned ones and sourced ones apart (relationshipRows). */
export type RelationshipRows = ReturnType<typeof relationshipRows>;

/**
 * The relationship statements of one document, once its nodes are written: each row's ends
 * become the elementIds `element` maps them to (an end not written is a WriteError); the owned
 * rows in batches, then the sourced ones by type, in batches.
 */
export function relationshipStatements(document: string, relationships: RelationshipRows, element: Map<string, string>, batchSize: number): { query: string; rows: unknown[] }[] {
  const statements: { query: string; rows: unknown[] }[] = [];
  const withElements = (rows: RelationshipRow[]) =>
    rows.map((r) => {
      const start = element.get(r.start);
      const end = element.get(r.end);
      if (!start || !end) throw new WriteError(document, `relationship ${r.type} ${r.start} → ${r.end}: an end node was not written`);
      return { ...r, start, end };
    });
  for (const batch of chunk(relationships.owned, batchSize)) statements.push({ query: cypher.CREATE_OWNED_RELATIONSHIPS, rows: withElements(batch) });
  for (const t of new Set(relationships.sourced.map((r) => r.type as AllowedType))) {
    const query = cypher.mergeSourcedRelationships(t);
    for (const batch of chunk(relationships.sourced.filter((r) => r.type === t), batchSize)) statements.push({ query, rows: withElements(batch) });
  }
  return statements;
}
