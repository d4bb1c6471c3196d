/**
 * After each load step of the scale benchmark: are the tallies the writer kept (graph/write/tallies.ts)
 * what the TOUCHES edges and leads count afresh? The writer moves other documents' tallies by
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
    RETURN elementId(d) AS d, elementId(a) AS a, 'LEADS' AS role, k.planId AS planId, count(*) AS tasks,
           sum(CASE WHEN k.direct THEN 1 ELSE 0 END) AS direct
    UNION ALL
    MATCH (t:Task {document: doc})-[k:TOUCHES]->(a:District)
    WITH a, k.planId AS planId, count(*) AS tasks, sum(CASE WHEN k.direct THEN 1 ELSE 0 END) AS direct
    MATCH (p:Plan {id: planId})
    RETURN elementId(p) AS d, elementId(a) AS a, 'ALL' AS role, planId, tasks, direct
  }
  WITH d + ' ' + a + ' ' + role + ' ' + coalesce(planId, '-') + ' ' + toString(tasks) + '/' + toString(direct) AS key
  ORDER BY key
  RETURN collect(key) AS counted
}
CALL (doc) {
  MATCH (d)-[k:TALLY {document: doc}]->(a:District)
  WITH elementId(d) + ' ' + elementId(a) + ' ' + coalesce(k.role, 'ALL') + ' ' + coalesce(k.planId, '-') + ' ' + toString(k.tasks) + '/' + toString(k.direct) AS key
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
