/**
 * The load floor: the same nodes and relationships written with the plainest batched
 * Cypher (MERGE nodes on id, CREATE relationships), no per-document transaction, no hash,
 * no replace logic, no alias bookkeeping. What PlanGraph's writer costs beyond this is
 * the price of idempotence and all-or-nothing documents.
 */
import type { Driver } from 'neo4j-driver';
import type { GraphDocument } from '../loaders/model.ts';

const LABELS = new Set(['Plan', 'Goal', 'Task', 'Department', 'District', 'Project']);
const TYPES = new Set(['LEADS', 'SUPPORTS', 'LOCATED_IN', 'TARGETS', 'PART_OF', 'ISSUED_BY', 'GOVERNS', 'MENTIONS']);

export async function naiveWrite(driver: Driver, g: GraphDocument, database?: string, batch = 1000): Promise<number> {
  const byLabel = new Map<string, Record<string, unknown>[]>();
  for (const n of g.nodes) {
    const label = n.labels[0];
    if (!LABELS.has(label)) continue;
    const props = Object.fromEntries(Object.entries(n.properties).filter(([, v]) => v !== null && v !== undefined));
    (byLabel.get(label) ?? byLabel.set(label, []).get(label)!).push(props);
  }
  const labelOf = new Map(g.nodes.map((n) => [n.id, n.labels[0]]));
  // Grouped by type and end labels so each MATCH uses the id constraint's index.
  const byType = new Map<string, { start: string; end: string; props: Record<string, unknown> }[]>();
  for (const r of g.relationships) {
    const a = labelOf.get(r.start);
    const b = labelOf.get(r.end);
    if (!TYPES.has(r.type) || !a || !b || !LABELS.has(a) || !LABELS.has(b)) continue;
    const props = Object.fromEntries(Object.entries(r.properties).filter(([, v]) => v !== null && v !== undefined));
    const key = `${a}|${r.type}|${b}`;
    (byType.get(key) ?? byType.set(key, []).get(key)!).push({ start: r.start, end: r.end, props });
  }
  for (const [label, rows] of byLabel) {
    for (let i = 0; i < rows.length; i += batch) {
      await driver.executeQuery(`UNWIND $rows AS row MERGE (n:${label} {id: row.id}) SET n += row`, { rows: rows.slice(i, i + batch) }, { database });
    }
  }
  for (const [key, rows] of byType) {
    const [a, type, b] = key.split('|');
    for (let i = 0; i < rows.length; i += batch) {
      await driver.executeQuery(
        `UNWIND $rows AS row MATCH (a:${a} {id: row.start}) MATCH (b:${b} {id: row.end}) CREATE (a)-[r:${type}]->(b) SET r = row.props`,
        { rows: rows.slice(i, i + batch) },
        { database },
      );
    }
  }
  return g.nodes.length + g.relationships.length;
}
