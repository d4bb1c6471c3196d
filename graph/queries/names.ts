/**
 * Name resolution: users write canonical names, aliases seen in documents, codes or ids
 * (花都, 花都区, 440114, div:440114; 省发展改革委). Each query returns candidate rows
 * `{ node, rank }`, best first: exact id or full name, then code, then alias; ties go to
 * the higher administrative level, then id.
 */
import { cypherQuery, int, row, type CypherQuery } from './cypher.ts';
import { responsibilityCount, responsibilityPage } from './department-tasks.ts';
import { departmentIdsFor, districtNameForms } from './name-forms.ts';
import type { Page } from './tasks.ts';
import type { DivisionLevel, NodeLabel } from '../../loaders/model.ts';
import { NODE_LABELS } from '../../loaders/vocabulary.ts';
import { planIdOfStem } from '../../loaders/ids.ts';

// Answer order among places a typed name matches: divisions from the top down to districts, then a
// zone (南沙新区 after 南沙区), then towns; villages and everything else last.
const answerLevels: readonly DivisionLevel[] = ['PROVINCE', 'CITY', 'DISTRICT', 'ZONE', 'TOWN'];
const levelOrder = `CASE x.level ${answerLevels.map((level, i) => `WHEN '${level}' THEN ${i}`).join(' ')} ELSE ${answerLevels.length} END`;

/**
 * Districts a typed name means, `rank` 0: id or full name as typed; 1: code, or the Simplified
 * full name (花都區); 2: an alias; 3: what the gazetteer makes of a hierarchical, Traditional or
 * pinyin name (广东省广州市花都区, Huadu District → div:440114). Shared with resolveEntityQuery.
 *
 * One branch per way of naming, each an index seek (id, name, code; an alias through the
 * `aliasText` text index, then checked whole; '' would contain-match every alias text): every
 * flagship request starts here, and one WHERE with ORs read every division of the province
 * (1,488 nodes, 7,450 db hits) to find one.
 */
const DISTRICTS_NAMED = `CALL () {
    MATCH (x:District) WHERE x.id = $name RETURN x
    UNION
    UNWIND $names AS n MATCH (x:District) WHERE x.name = n RETURN x
    UNION
    MATCH (x:District) WHERE x.code = $code RETURN x
    UNION
    UNWIND $names AS n WITH n WHERE n <> '' MATCH (x:District) WHERE x.aliasText CONTAINS n AND n IN x.aliases RETURN x
    UNION
    UNWIND $ids AS i MATCH (x:District) WHERE x.id = i RETURN x
  }`;
const DISTRICT_RANK = `CASE WHEN x.id = $name OR x.name = $name THEN 0 WHEN x.code = $code OR x.name IN $names THEN 1 WHEN any(n IN $names WHERE n IN x.aliases) THEN 2 ELSE 3 END`;

function districtParams(name: string) {
  const forms = districtNameForms(name);
  return { name: name.trim(), names: forms.names, code: forms.code, ids: forms.ids };
}

/**
 * The best district `$name` means, bound to `x` with its `rank` (resolveDistrictQuery's first
 * row), for queries that answer about it in the same round trip.
 */
export function bestDistrictNamed(name: string): { text: string; params: Record<string, unknown> } {
  return {
    text: `${DISTRICTS_NAMED}
WITH x, ${DISTRICT_RANK} AS rank
ORDER BY rank, ${levelOrder}, x.id
LIMIT 1`,
    params: districtParams(name),
  };
}

export function resolveDistrictQuery(name: string): CypherQuery {
  return cypherQuery(
    'district.resolve',
    `
${DISTRICTS_NAMED}
WITH x, ${DISTRICT_RANK} AS rank
RETURN ${row('x', 'District')} AS node, rank
ORDER BY rank, ${levelOrder}, x.id
LIMIT 20`,
    districtParams(name),
  );
}

/**
 * Departments named `$name`, each with its `rank` (0: by id or name, 2: by an alias seen in a
 * document, 3: by what the bodies gazetteer makes of it, `$ids`: 省发改委, 广州市发改委, or 发改委
 * within a jurisdiction; graph/queries/name-forms.ts departmentIdsFor).
 */
const DEPARTMENT_RANK = `CASE WHEN x.id = $name OR x.name = $name THEN 0 WHEN $name IN x.aliases THEN 2 ELSE 3 END`;

/**
 * The departments named `$name` (each way of naming an index seek, as DISTRICTS_NAMED), bound to
 * `x` with their `rank`; `ids` names the parameter holding the gazetteer's ids for the name.
 */
function departmentsNamed(ids = '$ids'): string {
  return `CALL () {
  MATCH (x:Department) WHERE x.id = $name OR x.name = $name RETURN x
  UNION
  WITH $name AS n WHERE n <> '' MATCH (x:Department) WHERE x.aliasText CONTAINS n AND n IN x.aliases RETURN x
  UNION
  UNWIND ${ids} AS i MATCH (x:Department) WHERE x.id = i RETURN x
}
WITH x, ${DEPARTMENT_RANK} AS rank`;
}

function departmentParams(name: string, jurisdiction?: string | null) {
  // Within a jurisdiction, a bare name is that division's body, not any alias seen elsewhere.
  const trimmed = name.trim();
  return { name: jurisdiction?.trim() ? '\u0000' : trimmed, ids: departmentIdsFor(trimmed, jurisdiction) };
}

export function resolveDepartmentQuery(name: string, jurisdiction?: string | null): CypherQuery {
  return cypherQuery(
    'department.resolve',
    `
${departmentsNamed()}
RETURN ${row('x', 'Department')} AS node, rank
ORDER BY rank, x.name, x.id
LIMIT 20`,
    departmentParams(name, jurisdiction),
  );
}

/**
 * The best candidate of resolveDepartmentQuery (the one Query.department answers with) with one
 * page of its led tasks (plans prefetched) as `_leads`, in the order department.leads gives them:
 * `department(name) { leads { … plan } }` in one round trip. Only the best: a page for each of
 * up to 20 bodies sharing an alias would be read and thrown away.
 */
export function resolveDepartmentWithLeadsQuery(name: string, page: Page = { skip: 0, limit: 100 }, jurisdiction?: string | null): CypherQuery {
  return cypherQuery(
    'department.resolveWithLeads',
    `
${departmentsNamed()}
ORDER BY rank, x.name, x.id
LIMIT 1
${responsibilityPage('LEADS')}
RETURN ${row('x', 'Department', `_leads: items, _leadCount: ${responsibilityCount('LEADS')}`)} AS node, rank
ORDER BY rank, x.name, x.id`,
    { ...departmentParams(name, jurisdiction), skip: int(page.skip), limit: int(page.limit) },
  );
}

/** A plan by id, by document file name (with or without extension) or by exact title. */
export function resolvePlanQuery(idOrTitle: string): CypherQuery {
  const v = idOrTitle.trim();
  return cypherQuery(
    'plan.resolve',
    `
MATCH (x:Plan)
WHERE x.id = $value OR x.title = $value OR x.document = $value OR x.id = $stemId
WITH x, CASE WHEN x.id = $value THEN 0 ELSE 1 END AS rank
RETURN ${row('x', 'Plan')} AS node, rank
ORDER BY rank, x.id
LIMIT 20`,
    { value: v, stemId: planIdOfStem(v) },
  );
}

/**
 * Any entity by id, name, title, alias or code (for paths between two things). Labels are
 * spelled out per branch so each uses that label's id/name lookups.
 */
export function resolveEntityQuery(name: string): CypherQuery {
  const trimmed = name.trim();
  return cypherQuery(
    'entity.resolve',
    `
CALL () {
  ${DISTRICTS_NAMED}
  RETURN ${row('x', 'District')} AS node, ${DISTRICT_RANK} AS rank, 0 AS kindOrder
  UNION
  ${departmentsNamed('$bodyIds').replaceAll('\n', '\n  ')}
  RETURN ${row('x', 'Department')} AS node, rank, 1 AS kindOrder
  UNION
  MATCH (x:Plan)
  WHERE x.id = $name OR x.title = $name
  RETURN ${row('x', 'Plan')} AS node, 0 AS rank, 2 AS kindOrder
  UNION
  MATCH (x:Project)
  WHERE x.id = $name OR x.name = $name
  RETURN ${row('x', 'Project')} AS node, 0 AS rank, 3 AS kindOrder
  UNION
  MATCH (x:Task)
  WHERE x.id = $name
  RETURN ${row('x', 'Task')} AS node, 0 AS rank, 4 AS kindOrder
  UNION
  MATCH (x:Goal)
  WHERE x.id = $name
  RETURN ${row('x', 'Goal')} AS node, 0 AS rank, 5 AS kindOrder
}
RETURN node, rank
ORDER BY rank, kindOrder, node.id
LIMIT 20`,
    { ...districtParams(trimmed), bodyIds: departmentIdsFor(trimmed) },
  );
}

/** Lucene treats these as syntax; user words are searched literally. */
export function escapeLucene(text: string): string {
  return text.replace(/([+\-&|!(){}[\]^"~*?:\\/])/g, '\\$1').replace(/\b(AND|OR|NOT)\b/g, (w) => w.toLowerCase());
}

export type SuggestionKind = NodeLabel;

/**
 * Close names for an unknown one: names or aliases of that kind sharing the most characters
 * with it (花度区 → 花都区; Chinese typos rarely keep a whole character pair, so full-text
 * bigrams miss them), at least half of its distinct characters, closest length first.
 */
export function suggestionsQuery(label: SuggestionKind, name: string): CypherQuery {
  if (!NODE_LABELS.includes(label)) throw new Error(`unknown node kind ${label}`);
  const chars = [...new Set([...name.trim()])].filter((c) => c.trim() !== '');
  return cypherQuery(
    `${label.toLowerCase()}.suggest`,
    `
MATCH (x:${label})
UNWIND [coalesce(x.name, x.title)] + coalesce(x.aliases, []) AS candidate
WITH x, candidate, size([c IN $chars WHERE candidate CONTAINS c]) AS shared
WHERE shared * 2 >= size($chars) AND shared > 0
WITH coalesce(x.name, x.title, x.id) AS name, max(shared) AS shared, min(abs(size(candidate) - $length)) AS lengthGap
RETURN name
ORDER BY shared DESC, lengthGap, size(name), name
LIMIT $limit`,
    { chars, length: int([...name.trim()].length), limit: int(5) },
  );
}
