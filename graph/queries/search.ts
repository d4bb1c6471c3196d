/**
 * Search across every kind through the full-text indexes `search` and `task_search`
 * (graph/schema.ts; cjk analyzer over title / text / name / aliasText). Ranked in tiers so a name typed in full or in part
 * beats a long text that merely mentions it (花都 → 花都区 first, then bodies named
 * 花都区…, then tasks by full-text score):
 *   0 exact name, title, alias or code; 1 name/title starts with the words;
 *   2 name/title/alias contains them; 3 any other full-text hit, by score.
 * Names are also matched by substring, so a one-character word (镇) still finds names.
 */
import { FULLTEXT_INDEXES } from '../schema.ts';
import { cypherQuery, int, type CypherQuery } from './cypher.ts';
import type { NodeKind } from './relations.ts';
import { NODE_LABELS } from '../../loaders/vocabulary.ts';

const kinds: readonly NodeKind[] = NODE_LABELS;

/** Every full-text index's hits (graph/schema.ts FULLTEXT_INDEXES) for `$lucene` as (node, score) rows, for a `CALL () { … }` (the bench's peer runs it too). */
/**
 * Hits read per full-text index, best score first: a common word (轨道交通) matches tens of
 * thousands of tasks in a province's plans, and ranking them all for a page of ten held them
 * all in the transaction's memory. Names (tiers 0-2) come from the name match below as well.
 */
export const FULLTEXT_HITS_PER_INDEX = 1000;

export const FULLTEXT_HITS = FULLTEXT_INDEXES.map(
  (index) => `  CALL db.index.fulltext.queryNodes('${index.name}', $lucene, {limit: ${FULLTEXT_HITS_PER_INDEX}}) YIELD node, score
  RETURN node, score`,
).join('\n  UNION\n');

/**
 * Names the full-text bigrams miss (one-character words, names containing the words): a body,
 * place, project or plan whose name or title contains the words, has them as an alias, or (a
 * division) as its code. One branch per label and property, so each is a text- or range-index
 * seek (graph/schema.ts TEXT_INDEXES, district_code), not a read of every name in the graph; an
 * alias is sought in `aliasText` (the aliases joined) and then checked whole.
 */
const NAME_MATCHES = [
  ...(['District', 'Department', 'Project'] as const).map((l) => `MATCH (node:${l}) WHERE node.name CONTAINS $words`),
  `MATCH (node:Plan) WHERE node.title CONTAINS $words`,
  ...(['District', 'Department', 'Project'] as const).map((l) => `MATCH (node:${l}) WHERE node.aliasText CONTAINS $words AND $words IN node.aliases`),
  `MATCH (node:District) WHERE node.code = $words`,
]
  .map((match) => `  ${match}\n  RETURN node, 0.0 AS score`)
  .join('\n  UNION\n');

export function searchQuery(words: string, lucene: string, first: number, onlyKinds?: NodeKind[]): CypherQuery {
  const wanted = (onlyKinds?.length ? onlyKinds : kinds).filter((k) => kinds.includes(k));
  return cypherQuery(
    'search',
    `
CALL () {
${FULLTEXT_HITS}
  UNION
${NAME_MATCHES}
}
WITH node, max(score) AS score
WITH node, score, [l IN labels(node) WHERE l IN $kinds][0] AS label
WHERE label IS NOT NULL
WITH node, score, label, coalesce(node.name, node.title, '') AS name
WITH node, score, label,
  CASE
    WHEN name = $words OR $words IN coalesce(node.aliases, []) OR node.code = $words THEN 0
    WHEN name STARTS WITH $words THEN 1
    WHEN name CONTAINS $words OR any(a IN coalesce(node.aliases, []) WHERE a CONTAINS $words) THEN 2
    ELSE 3
  END AS tier
// The page first, then its rows: projecting every candidate's properties (a task's whole text)
// before the sort read thousands of texts for a page of ten.
ORDER BY tier, score DESC, size(coalesce(node.name, node.title, '')), node.id
LIMIT $first
RETURN node {.*, label: label} AS node, score, tier`,
    { lucene, words, kinds: wanted, first: int(first) },
  );
}
