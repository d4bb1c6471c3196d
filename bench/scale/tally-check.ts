/**
 * After each load step of the scale benchmark: are the tallies the writer kept (graph/write/tallies.ts)
 * what the TOUCHES edges and leads count afresh (each with its index `pair`), and is every body's
 * total in an area the sum of its tallies there? The writer moves other documents' tallies by
 * the edges a write changed instead of recounting them, so a big graph grown in steps is where a
 * drift would show. Document by document, a few dozen per read, so no one read holds the graph.
 */
import type { Driver } from 'neo4j-driver';

/** Per document: the tallies counted afresh and the tallies held, each as a sorted list of keys; the documents where they differ. */
const MISMATCHED = `UNWIND $keys AS doc
CALL (doc) {
  CALL (doc) {
    MATCH (t:Task {document: doc})-[k:TOUCHES]->(a:District)
    MATCH (d:Department)-[:LEADS]->(t)
    RETURN elementId(d) AS d, elementId(a) AS a, 'LEADS' AS role, k.planId AS planId, d.id + '>' + a.id AS pair, count(*) AS tasks,
           sum(CASE WHEN k.direct THEN 1 ELSE 0 END) AS direct
    UNION ALL
    MATCH (t:Task {document: doc})-[k:TOUCHES]->(a:District)
    WITH a, k.planId AS planId, count(*) AS tasks, sum(CASE WHEN k.direct THEN 1 ELSE 0 END) AS direct
    MATCH (p:Plan {id: planId})
    RETURN elementId(p) AS d, elementId(a) AS a, 'ALL' AS role, planId, a.id AS pair, tasks, direct
  }
  WITH d + ' ' + a + ' ' + role + ' ' + coalesce(planId, '-') + ' ' + pair + ' ' + toString(tasks) + '/' + toString(direct) AS key
  ORDER BY key
  RETURN collect(key) AS counted
}
CALL (doc) {
  MATCH (d)-[k:TALLY {document: doc}]->(a:District)
  WITH elementId(d) + ' ' + elementId(a) + ' ' + coalesce(k.role, 'ALL') + ' ' + coalesce(k.planId, '-') + ' ' + coalesce(k.pair, '-') + ' ' + toString(k.tasks) + '/' + toString(k.direct) AS key
  ORDER BY key
  RETURN collect(key) AS held
}
WITH doc WHERE counted <> held
RETURN collect(doc) AS keys`;

/**
 * The keys `list` yields (one row, `keys`) that `check` (given `$keys`, a batch of `size`) returns
 * as mismatched (one row, `keys`): a batch at a time, so no one read holds the graph.
 */
async function mismatchedIn(driver: Driver, database: string | undefined, list: string, check: string, size: number): Promise<{ checked: number; mismatched: string[] }> {
  const all = await driver.executeQuery(list, {}, { database });
  const keys = all.records[0].get('keys') as string[];
  const mismatched: string[] = [];
  for (let i = 0; i < keys.length; i += size) {
    const r = await driver.executeQuery(check, { keys: keys.slice(i, i + size) }, { database });
    mismatched.push(...((r.records[0]?.get('keys') as string[]) ?? []));
  }
  return { checked: keys.length, mismatched };
}

/** The documents (of every one with tasks) whose tallies are not what their edges count; empty when all agree. */
export async function tallyMismatches(driver: Driver, database: string | undefined): Promise<{ documents: number; mismatched: string[] }> {
  const { checked, mismatched } = await mismatchedIn(driver, database, 'MATCH (t:Task) RETURN collect(DISTINCT t.document) AS keys', MISMATCHED, 40);
  return { documents: checked, mismatched };
}

/** Per body: its totals (those a race left twice summed) and the sums of its LEADS tallies, per area; the bodies where they differ. */
const TOTALS_MISMATCHED = `UNWIND $keys AS id
MATCH (d:Department {id: id})
CALL (d) {
  MATCH (d)-[k:TALLY {role: 'LEADS'}]->(a:District)
  WITH a, sum(k.tasks) AS tasks, sum(k.direct) AS direct, count(k.planId) AS plans, sum(CASE WHEN k.direct > 0 AND k.planId IS NOT NULL THEN 1 ELSE 0 END) AS plansDirect
  WITH a.id + ' ' + toString(tasks) + '/' + toString(direct) + ' ' + toString(plans) + '/' + toString(plansDirect) AS key
  ORDER BY key
  RETURN collect(key) AS counted
}
CALL (d) {
  MATCH (d)-[s:TOTAL]->(a:District)
  WITH a, sum(s.tasks) AS tasks, sum(s.direct) AS direct, sum(s.plans) AS plans, sum(s.plansDirect) AS plansDirect
  WHERE tasks <> 0 OR direct <> 0 OR plans <> 0 OR plansDirect <> 0
  WITH a.id + ' ' + toString(tasks) + '/' + toString(direct) + ' ' + toString(plans) + '/' + toString(plansDirect) AS key
  ORDER BY key
  RETURN collect(key) AS held
}
WITH d WHERE counted <> held
RETURN collect(d.id) AS keys`;

/** The bodies (of every one with a tally or a total) whose totals are not the sums of their tallies; empty when all agree. */
export async function totalMismatches(driver: Driver, database: string | undefined): Promise<{ bodies: number; mismatched: string[] }> {
  const list = 'MATCH (d:Department) WHERE EXISTS { (d)-[:TALLY|TOTAL]->() } RETURN collect(d.id) AS keys';
  const { checked, mismatched } = await mismatchedIn(driver, database, list, TOTALS_MISMATCHED, 20);
  return { bodies: checked, mismatched };
}
