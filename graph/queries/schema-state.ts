/**
 * Whether the schema graph/schema.ts applies is in place (for /ready): every uniqueness
 * constraint and index by name, online. A server over a database nobody loaded or migrated
 * answers, but not correctly, so it is not ready.
 */
import { FULLTEXT_INDEXES, LABELS, NODE_INDEXES, RELATIONSHIP_INDEXES, TALLY_PAIR_INDEX, TEXT_INDEXES, constraintName } from '../schema.ts';
import { GRAPH_STATE_LABEL } from '../write/version.ts';
import { cypherQuery, type CypherQuery } from './cypher.ts';

/** The names of every constraint and index the schema needs. */
export function expectedSchemaNames(): string[] {
  return [
    ...[...LABELS, GRAPH_STATE_LABEL].map(constraintName),
    ...NODE_INDEXES.map(([name]) => name),
    ...TEXT_INDEXES.map(([name]) => name),
    ...RELATIONSHIP_INDEXES.map(([name]) => name),
    TALLY_PAIR_INDEX.name,
    ...FULLTEXT_INDEXES.map((i) => i.name),
  ];
}

/** One row `{ online }`: the names of every ONLINE index and of the constraint owning one. */
export function schemaStateQuery(): CypherQuery {
  return cypherQuery(
    'schema.state',
    `
SHOW INDEXES YIELD name, state, owningConstraint
WHERE state = 'ONLINE'
RETURN collect(name) + collect(owningConstraint) AS online`,
    {},
  );
}
