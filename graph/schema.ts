/**
 * The graph's schema, applied idempotently at every start: uniqueness of `id` per label, indexes
 * for lookups by name/code and for replace-by-document, and one full-text index for Chinese search.
 *
 * Full-text (cjk analyzer = Lucene CJK bigrams), two indexes that together cover Task
 * title/text (`task_search`), Plan title, Goal name and Department/District/Project name +
 * aliasText (`search`); graph/queries/search.ts queries both. Full-text indexes take only
 * string properties, not lists, so the writer stores `aliasText` = the `aliases` list joined by
 * single spaces on Department, District and Project. Bigrams mean a one-character query mostly
 * misses; query with two or more characters.
 *
 * Why two indexes and not one over all six labels: Lucene keeps a field's norms "sparse" in a
 * segment where some documents lack the field, and its merges then re-scan them for every term
 * written; in one index over every label no field is on every document, and CJK bigrams make a
 * great many terms. Every Task has both title and text, so their own index has dense norms.
 * The profile that found it: docs/benchmarks.md ("The full-text index was ~70% of Neo4j's CPU").
 */
import type { Driver } from 'neo4j-driver';
import { GRAPH_STATE_LABEL } from './write/version.ts';
import { READING_PROPERTY } from './write/reading.ts';
import { NODE_LABELS } from '../loaders/vocabulary.ts';

export const LABELS = NODE_LABELS;

export interface FulltextIndex {
  name: string;
  labels: readonly string[];
  properties: readonly string[];
}

/** Names, titles and aliases of everything but tasks. */
export const FULLTEXT_INDEX = 'search';
/** Task title and text (see the header for why tasks have an index of their own). */
export const TASK_FULLTEXT_INDEX = 'task_search';
export const FULLTEXT_INDEXES: readonly FulltextIndex[] = [
  { name: FULLTEXT_INDEX, labels: ['Plan', 'Goal', 'Department', 'District', 'Project'], properties: ['title', 'name', 'aliasText'] },
  { name: TASK_FULLTEXT_INDEX, labels: ['Task'], properties: ['title', 'text'] },
];
export const FULLTEXT_ANALYZER = 'cjk';
/**
 * Full-text updates are applied in the background, off the commit path: a load commits one
 * transaction per document, and a synchronous index analyses and flushes Lucene segments
 * inside every commit, holding the document's locks meanwhile. Writers that need search to see
 * their writes call awaitSearchIndex (loadPaths does, once, at the end of a load).
 */
export const FULLTEXT_EVENTUALLY_CONSISTENT = true;

/** Range indexes: [name, label, property]. */
export const NODE_INDEXES: ReadonlyArray<readonly [string, string, string]> = [
  ['plan_title', 'Plan', 'title'],
  ['plan_document', 'Plan', 'document'],
  ['goal_name', 'Goal', 'name'],
  ['goal_document', 'Goal', 'document'],
  ['task_document', 'Task', 'document'],
  ['task_ref', 'Task', 'ref'],
  ['department_name', 'Department', 'name'],
  ['district_name', 'District', 'name'],
  ['district_code', 'District', 'code'],
  ['project_name', 'Project', 'name'],
];

/**
 * Text indexes: [name, label, property]. They answer CONTAINS, which range indexes cannot: the
 * search's name match (graph/queries/search.ts) finds names and aliases containing the words
 * through them instead of reading every body, place, project and plan (the projects alone grow
 * with every plan loaded).
 */
export const TEXT_INDEXES: ReadonlyArray<readonly [string, string, string]> = [
  ['district_name_text', 'District', 'name'],
  ['district_alias_text', 'District', 'aliasText'],
  ['department_name_text', 'Department', 'name'],
  ['department_alias_text', 'Department', 'aliasText'],
  ['project_name_text', 'Project', 'name'],
  ['project_alias_text', 'Project', 'aliasText'],
  ['plan_title_text', 'Plan', 'title'],
];

/**
 * Relationships into shared nodes are removed by document when a document is replaced; a body's
 * assignments are read in reading order by prefix (graph/write/reading.ts).
 */
export const RELATIONSHIP_INDEXES: ReadonlyArray<readonly [string, string, string]> = [
  ['leads_document', 'LEADS', 'document'],
  ['supports_document', 'SUPPORTS', 'document'],
  ['leads_reading', 'LEADS', READING_PROPERTY],
  ['supports_reading', 'SUPPORTS', READING_PROPERTY],
  ['located_in_document', 'LOCATED_IN', 'document'],
  ['part_of_document', 'PART_OF', 'document'],
];

/**
 * A body's tallies in an area in plan order (graph/write/tallies.ts `pair`): the flagship's page
 * of a body's tasks reads its first plans there from this index, not by sorting all of them.
 */
export const TALLY_PAIR_INDEX = { name: 'tally_pair', type: 'TALLY', properties: ['pair', 'plan', 'planId'] } as const;

export function constraintName(label: string): string {
  return `${label.toLowerCase()}_id_unique`;
}

/** The Cypher statements, in order (names and labels are fixed here, never user input). */
export function schemaStatements(): string[] {
  const out: string[] = [];
  for (const label of LABELS) {
    out.push(`CREATE CONSTRAINT ${constraintName(label)} IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`);
  }
  // The version stamp's node (graph/write/version.ts) is MERGEd by every write: one node, even
  // when two first-ever loads race.
  out.push(`CREATE CONSTRAINT ${constraintName(GRAPH_STATE_LABEL)} IF NOT EXISTS FOR (n:${GRAPH_STATE_LABEL}) REQUIRE n.id IS UNIQUE`);
  for (const [name, label, prop] of NODE_INDEXES) {
    out.push(`CREATE INDEX ${name} IF NOT EXISTS FOR (n:${label}) ON (n.${prop})`);
  }
  for (const [name, label, prop] of TEXT_INDEXES) {
    out.push(`CREATE TEXT INDEX ${name} IF NOT EXISTS FOR (n:${label}) ON (n.${prop})`);
  }
  for (const [name, type, prop] of RELATIONSHIP_INDEXES) {
    out.push(`CREATE INDEX ${name} IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.${prop})`);
  }
  const pair = TALLY_PAIR_INDEX;
  out.push(`CREATE INDEX ${pair.name} IF NOT EXISTS FOR ()-[r:${pair.type}]-() ON (${pair.properties.map((p) => `r.${p}`).join(', ')})`);
  for (const index of FULLTEXT_INDEXES) out.push(fulltextStatement(index));
  return out;
}

function fulltextStatement(index: FulltextIndex): string {
  const props = index.properties.map((p) => `n.${p}`).join(', ');
  return (
    `CREATE FULLTEXT INDEX ${index.name} IF NOT EXISTS FOR (n:${index.labels.join('|')}) ON EACH [${props}] ` +
    `OPTIONS {indexConfig: {\`fulltext.analyzer\`: '${FULLTEXT_ANALYZER}', \`fulltext.eventually_consistent\`: ${FULLTEXT_EVENTUALLY_CONSISTENT}}}`
  );
}

/**
 * Creates what is missing and waits until every index is online. A full-text index left by an
 * older version of this file (other labels, properties, analyzer or consistency: the single
 * `search` index over all six labels, say) is dropped and rebuilt, since IF NOT EXISTS would
 * silently keep it.
 */
export async function applySchema(driver: Driver, database?: string, timeoutSeconds = 300): Promise<void> {
  const session = driver.session({ database });
  try {
    for (const index of FULLTEXT_INDEXES) {
      const existing = await session.run(
        'SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options WHERE name = $name RETURN labelsOrTypes, properties, options',
        { name: index.name },
      );
      const rec = existing.records[0];
      if (!rec) continue;
      const labels = [...(rec.get('labelsOrTypes') as string[])].sort().join();
      const props = [...(rec.get('properties') as string[])].sort().join();
      const config = (rec.get('options') as { indexConfig?: Record<string, unknown> }).indexConfig;
      const stale =
        labels !== [...index.labels].sort().join() ||
        props !== [...index.properties].sort().join() ||
        config?.['fulltext.analyzer'] !== FULLTEXT_ANALYZER ||
        config?.['fulltext.eventually_consistent'] !== FULLTEXT_EVENTUALLY_CONSISTENT;
      if (stale) await session.run(`DROP INDEX ${index.name} IF EXISTS`);
    }
    for (const statement of schemaStatements()) {
      await session.run(statement);
    }
    await session.run('CALL db.awaitIndexes($seconds)', { seconds: timeoutSeconds });
  } finally {
    await session.close();
  }
}

/** Waits until the full-text indexes have applied every committed transaction (they are eventually consistent). */
export async function awaitSearchIndex(driver: Driver, database?: string): Promise<void> {
  await driver.executeQuery('CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()', {}, { database });
}
