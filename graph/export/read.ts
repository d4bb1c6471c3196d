/**
 * Reads what `plangraph export` writes: the whole graph, or the subgraph of one area.
 *
 * Whole graph: every node and relationship except the bookkeeping GraphState node (a cache
 * stamp, graph/write/version.ts), the writer's REFERS_TO records, TOUCHES and TALLY edges included,
 * so a database built from the export is a working PlanGraph database the API can serve and
 * the writer can load into again.
 *
 * Area (one district, the touch rule of docs/contract/graph-model.md with the same options as the API):
 *   - the tasks touching it (graph/queries/touches.ts);
 *   - what those tasks lead to or come from, except other tasks: bodies (LEADS/SUPPORTS),
 *     places (LOCATED_IN), goals (TARGETS), their plans and projects (PART_OF);
 *   - the plans' issuers and jurisdictions, the projects' places;
 *   - the area itself and every division above an included one (花都区 → 广州市 → 广东省);
 *   - every relationship between two included nodes; REFERS_TO, TOUCHES and TALLY only when asked.
 */
import { READING_PROPERTY } from '../write/reading.ts';
import neo4j, { type Driver } from 'neo4j-driver';
import { ALLOWED_LABELS, DERIVED_TYPES, REFERENCE_TYPE } from '../write/allow-list.ts';
import { GRAPH_STATE_LABEL } from '../write/version.ts';
import { touchedTasks, type TouchesOptions } from '../queries/touches.ts';
import { resolveDistrictQuery } from '../queries/names.ts';
import { runQuery } from '../queries/run.ts';
import { ExportError, type ExportGraph, type ExportNode, type ExportRelationship, type ExportValue } from './model.ts';

/**
 * What the writer keeps besides the facts: each document's REFERS_TO records, TOUCHES (the
 * touch rule materialised, which the API reads) and the bodies' TALLY counts. Part of a working
 * PlanGraph database, noise in a picture of one area.
 */
const BOOKKEEPING = new Set<string>([REFERENCE_TYPE, ...DERIVED_TYPES]);

export interface AreaOptions {
  /** A district's name, alias, code or id (花都区, 花都, 440114). */
  district: string;
  includeDescendants?: boolean;
  includeEnclosing?: boolean;
}

export interface ReadOptions {
  database?: string;
  /** Only this area's subgraph. */
  area?: AreaOptions;
  /** Include the writer's REFERS_TO records, TOUCHES edges and TALLY counts (default: yes for the whole graph, no for an area). */
  records?: boolean;
}

const WHOLE_NODES = `MATCH (n) WHERE NOT n:\`${GRAPH_STATE_LABEL}\`
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, elementId(n) AS element`;

const WHOLE_RELATIONSHIPS = `MATCH (a)-[r]->(b) WHERE NOT a:\`${GRAPH_STATE_LABEL}\` AND NOT b:\`${GRAPH_STATE_LABEL}\`
RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS props`;

/** The area's nodes; the touch rule's text depends on the options (graph/queries/touches.ts). */
const areaNodes = (options: TouchesOptions) => `MATCH (a:District {id: $areaId})
CALL (a) {
${touchedTasks(options)}
  RETURN collect(DISTINCT t) AS tasks
}
CALL (tasks) {
  UNWIND tasks AS t
  MATCH (t)-[:LEADS|SUPPORTS|LOCATED_IN|TARGETS|PART_OF]-(n)
  WHERE NOT n:Task
  RETURN collect(DISTINCT n) AS near
}
CALL (near) {
  UNWIND near AS x
  MATCH (x)-[:ISSUED_BY|GOVERNS|LOCATED_IN]->(n)
  WHERE x:Plan OR x:Project
  RETURN collect(DISTINCT n) AS ends
}
WITH tasks + near + ends + [a] AS found
CALL (found) {
  UNWIND found AS x
  MATCH (x:District)-[:LOCATED_IN*1..]->(up:District)
  RETURN collect(DISTINCT up) AS above
}
UNWIND found + above AS n
WITH DISTINCT n
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, elementId(n) AS element`;

/** Outgoing relationships of the given nodes; the caller keeps those ending inside the set. */
const OUTGOING = `UNWIND $elements AS e
MATCH (a) WHERE elementId(a) = e
MATCH (a)-[r]->(b)
RETURN a.id AS start, type(r) AS type, b.id AS end, elementId(b) AS endElement, properties(r) AS props`;

export async function readExportGraph(driver: Driver, options: ReadOptions = {}): Promise<ExportGraph> {
  const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.READ });
  try {
    if (!options.area) {
      const records = options.records ?? true;
      const nodes = (await session.run(WHOLE_NODES)).records.map((r) => toNode(r.toObject()));
      const rels = (await session.run(WHOLE_RELATIONSHIPS)).records
        .map((r) => toRelationship(r.toObject()))
        .filter((r) => records || !BOOKKEEPING.has(r.type));
      return finish({ scope: { kind: 'graph', records }, nodes, relationships: rels });
    }
    const area = await resolveArea(driver, options.database, options.area.district);
    const includeDescendants = options.area.includeDescendants ?? true;
    const includeEnclosing = options.area.includeEnclosing ?? false;
    const records = options.records ?? false;
    const nodeRows = (await session.run(areaNodes({ includeDescendants, includeEnclosing }), { areaId: area.id })).records.map((r) => r.toObject());
    const elements = new Set(nodeRows.map((r) => r.element as string));
    const rels: ExportRelationship[] = [];
    const outgoing = await session.run(OUTGOING, { elements: [...elements] });
    for (const r of outgoing.records) {
      const row = r.toObject();
      if (!elements.has(row.endElement) || (!records && BOOKKEEPING.has(row.type))) continue;
      rels.push(toRelationship(row));
    }
    return finish({
      scope: { kind: 'area', district: area, includeDescendants, includeEnclosing, records },
      nodes: nodeRows.map(toNode),
      relationships: rels,
    });
  } finally {
    await session.close();
  }
}

async function resolveArea(driver: Driver, database: string | undefined, name: string): Promise<{ id: string; name: string }> {
  const rows = await runQuery(driver, database, resolveDistrictQuery(name));
  const best = rows[0]?.node as { id: string; name: string } | undefined;
  if (!best) throw new ExportError(`no district or zone named "${name}" in the graph (try its full name, e.g. 花都区, or its code, e.g. 440114)`);
  return { id: best.id, name: best.name };
}

/** Labels in the model's order (Plan, Task, Goal, Department, District, Project), others after, alphabetically. */
function sortLabels(labels: string[]): string[] {
  const rank = (l: string) => {
    const i = (ALLOWED_LABELS as readonly string[]).indexOf(l);
    return i < 0 ? ALLOWED_LABELS.length : i;
  };
  return [...labels].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function toNode(row: Record<string, any>): ExportNode {
  const id = row.id;
  if (typeof id !== 'string' || id === '') {
    throw new ExportError(`node ${row.element} (${(row.labels as string[]).join(':')}) has no string "id" property; every PlanGraph node has one`);
  }
  return { id, labels: sortLabels(row.labels), properties: toProperties(row.props, `node ${id}`) };
}

function toRelationship(row: Record<string, any>): ExportRelationship {
  const where = `relationship ${row.type} ${row.start} → ${row.end}`;
  if (typeof row.start !== 'string' || typeof row.end !== 'string') throw new ExportError(`${where}: an end node has no "id" property`);
  // An assignment's reading order is the writer's index key (graph/write/reading.ts), not a fact of the text.
  const { [READING_PROPERTY]: _reading, ...props } = row.props as Record<string, unknown>;
  return { type: row.type, start: row.start, end: row.end, properties: toProperties(props, where) };
}

function toProperties(props: Record<string, unknown>, where: string): Record<string, ExportValue> {
  const out: Record<string, ExportValue> = {};
  for (const key of Object.keys(props).sort()) out[key] = toValue(props[key], `${where}, property "${key}"`);
  return out;
}

function toValue(value: unknown, where: string): ExportValue {
  if (Array.isArray(value)) return value.map((v) => toValue(v, where) as Exclude<ExportValue, unknown[]>);
  if (neo4j.isInt(value)) return BigInt((value as neo4j.Integer).toString());
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new ExportError(`${where}: a ${value?.constructor?.name ?? typeof value} value; the export writes strings, numbers, booleans and lists of them`);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Same graph, same output: nodes by label then id, relationships by type, ends and properties. */
function finish(graph: ExportGraph): ExportGraph {
  const seen = new Map<string, ExportNode>();
  for (const n of graph.nodes) {
    const other = seen.get(n.id);
    if (other) throw new ExportError(`two nodes share the id "${n.id}" (${other.labels.join(':')} and ${n.labels.join(':')}); ids must be unique to export`);
    seen.set(n.id, n);
  }
  graph.nodes.sort((a, b) => byText(a.labels[0] ?? '', b.labels[0] ?? '') || byText(a.id, b.id));
  const key = (r: ExportRelationship) => `${r.type}\u0000${r.start}\u0000${r.end}\u0000${JSON.stringify(r.properties, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}`;
  graph.relationships.sort((a, b) => byText(key(a), key(b)));
  return graph;
}
