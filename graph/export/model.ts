/**
 * What `plangraph export` writes, whatever the format: nodes and relationships with their
 * properties as Neo4j holds them. Integers stay `bigint` and floats `number`, so the typed
 * formats (CSV for neo4j-admin, Cypher, GraphML) write back exactly what was read: a `line`
 * of 12 stays an integer and a target of 12.0 stays a float.
 */
export type ExportScalar = string | bigint | number | boolean;
export type ExportValue = ExportScalar | ExportScalar[];

export interface ExportNode {
  /** The node's `id` property (every model node has one; they are unique across labels). */
  id: string;
  /** Sorted, the model's label first (Plan, Task, …). */
  labels: string[];
  /** Every property, `id` included. */
  properties: Record<string, ExportValue>;
}

export interface ExportRelationship {
  type: string;
  /** `id` of the start and end nodes. */
  start: string;
  end: string;
  properties: Record<string, ExportValue>;
}

export interface ExportScope {
  /** "graph": everything; "area": the subgraph of one district (see read.ts). */
  kind: 'graph' | 'area';
  /** For an area: the district as resolved (id and name) and the touch options used. */
  district?: { id: string; name: string };
  includeDescendants?: boolean;
  includeEnclosing?: boolean;
  /** Whether the writer's REFERS_TO records, TOUCHES edges and TALLY counts are included. */
  records: boolean;
}

export interface ExportGraph {
  scope: ExportScope;
  nodes: ExportNode[];
  relationships: ExportRelationship[];
}

export class ExportError extends Error {
  override name = 'ExportError';
}

/** The property's type as neo4j-admin import names it (string, long, double, boolean, and arrays of them). */
export function valueType(value: ExportValue): string {
  if (Array.isArray(value)) {
    const types = new Set(value.map((v) => valueType(v)));
    // An empty list has no element type; strings are what the graph's lists (aliases) hold.
    if (types.size === 0) return 'string[]';
    if (types.size > 1) return 'mixed[]';
    return `${[...types][0]}[]`;
  }
  if (typeof value === 'bigint') return 'long';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

/** A short name for a node in tools that show one label per node (Gephi, yEd). */
export function displayName(node: ExportNode): string {
  const p = node.properties;
  const text = p.name ?? p.title ?? p.ref ?? node.id;
  return String(text);
}
