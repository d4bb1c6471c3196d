/** Root lists: every plan, departments by part of a name. */
import { cypherQuery, row, type CypherQuery } from './cypher.ts';

export function allPlansQuery(): CypherQuery {
  return cypherQuery(
    'plans.all',
    `
MATCH (x:Plan)
RETURN ${row('x', 'Plan')} AS node
ORDER BY x.kind, x.periodStart, x.title, x.id`,
  );
}

/** Departments whose name or any alias contains the text (all when null), by name. */
export function departmentsQuery(nameContains: string | null): CypherQuery {
  return cypherQuery(
    'departments.list',
    `
MATCH (x:Department)
WHERE $text IS NULL OR x.name CONTAINS $text OR any(a IN coalesce(x.aliases, []) WHERE a CONTAINS $text)
RETURN ${row('x', 'Department')} AS node
ORDER BY x.name, x.id`,
    { text: nameContains },
  );
}
