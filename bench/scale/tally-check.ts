/**
 * After each load step of the scale benchmark: are the tallies the writer kept (graph/write/tallies.ts)
 * what the TOUCHES edges and leads count afresh (each with its index `pair`), and is every body's
 * total in an area the sum of its tallies there? The writer moves other documents' tallies by
 * the edges a write changed instead of recounting them, so a big graph grown in steps is where a
 * drift would show. Document by document, a few dozen per read, so no one read holds the graph.
 */
import type { Driver } from 'neo4j-driver';

/** Per document: the tallies counted afresh and the tallies held, each as a sorted list of keys; the documents where they differ. */
const MISMATCHED = `UNWIND $docs AS doc
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
RETURN collect(doc) AS docs`;

/** The documents (of every one with tasks) whose tallies are not what their edges count; empty when all agree. */
export async function tallyMismatches(driver: Driver, database: string | undefined): Promise<{ documents: number; mismatched: string[] }> {
  const all = await driver.executeQuery('MATCH (t:Task) RETURN collect(DISTINCT t.document) AS docs', {}, { database });
  const docs = all.records[0].get('docs') as string[];
  const mismatched: string[] = [];
  for (let i = 0; i < docs.length; i += 40) {
    const r = await driver.executeQuery(MISMATCHED, { docs: docs.slice(i, i + 40) }, { database });
    mismatched.push(...(r.records[0]?.get('docs') as string[] ?? []));
  }
  return { documents: docs.length, mismatched };
}

/** Per body: its totals (those a race left twice summed) and the sums of its LEADS tallies, per area; the bodies where they differ. */
const TOTALS_MISMATCHED = `UNWIND $bodies AS id
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
RETURN collect(d.id) AS bodies`;

/** The bodies (of every one with a tally or a total) whose totals are not the sums of their tallies; empty when all agree. */
export async function totalMismatches(driver: Driver, database: string | undefined): Promise<{ bodies: number; mismatched: string[] }> {
  const all = await driver.executeQuery('MATCH (d:Department) WHERE EXISTS { (d)-[:TALLY|TOTAL]->() } RETURN collect(d.id) AS ids', {}, { database });
  const ids = all.records[0].get('ids') as string[];
  const mismatched: string[] = [];
  for (let i = 0; i < ids.length; i += 20) {
    const r = await driver.executeQuery(TOTALS_MISMATCHED, { bodies: ids.slice(i, i + 20) }, { database });
    mismatched.push(...((r.records[0]?.get('bodies') as string[]) ?? []));
  }
  return { bodies: ids.length, mismatched };
}
