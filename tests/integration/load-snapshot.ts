/**
 * Snapshots of what is in the graph, for the load tests: every node and relationship
 * as plain text, comparable with toEqual. Integers are read as numbers. The version stamp
 * (graph/write/version.ts) is left out: it is fresh after every write by design, not a fact.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { GRAPH_STATE_LABEL } from '../../graph/write/version.ts';

function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

function props(map: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, plain(v)]));
}

export interface Snapshot {
  nodes: Map<string, { labels: string[]; properties: Record<string, unknown> }>;
  /** "TYPE start→end #line" → properties; sorted keys. */
  relationships: string[];
}

/** Everything (documents undefined) or only the facts of the given documents. */
export async function snapshot(driver: Driver, database?: string, documents?: string[]): Promise<Snapshot> {
  const nodes = await driver.executeQuery(
    `MATCH (n) WHERE NOT n:${GRAPH_STATE_LABEL} AND ($docs IS NULL OR n.document IN $docs AND (n:Plan OR n:Task OR n:Goal))
     RETURN n.id AS id, labels(n) AS labels, properties(n) AS props`,
    { docs: documents ?? null },
    { database },
  );
  const rels = await driver.executeQuery(
    `MATCH (a)-[r]->(b) WHERE $docs IS NULL OR r.document IN $docs
     RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props`,
    { docs: documents ?? null },
    { database },
  );
  return {
    nodes: new Map(
      nodes.records.map((r) => [r.get('id') as string, { labels: [...(r.get('labels') as string[])].sort(), properties: props(r.get('props')) }]),
    ),
    relationships: rels.records
      .map((r) => `${r.get('type')} ${r.get('start')}→${r.get('end')} ${JSON.stringify(props(r.get('props')))}`)
      .sort(),
  };
}

export async function countAll(driver: Driver, database?: string): Promise<{ nodes: number; relationships: number; distinctIds: number }> {
  const r = await driver.executeQuery(
    `CALL () { MATCH (n) WHERE NOT n:${GRAPH_STATE_LABEL} RETURN count(n) AS nodes, count(DISTINCT n.id) AS distinctIds }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
     RETURN nodes, distinctIds, relationships`,
    {},
    { database },
  );
  const rec = r.records[0];
  return { nodes: plain(rec.get('nodes')) as number, relationships: plain(rec.get('relationships')) as number, distinctIds: plain(rec.get('distinctIds')) as number };
}
