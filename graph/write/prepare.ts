/**
 * Turns one document's GraphDocument into what the writer sends: nodes grouped by
 * label and relationships grouped by (type, start label, end label), each group cut
 * into batches for `UNWIND $rows`. Pure (no database), so grouping, ownership and
 * validation are unit-tested on their own.
 */
import type { GraphDocument, GraphNode, GraphRelationship, NodeLabel } from '../../loaders/model.ts';
import {
  allowedLabel,
  allowedType,
  isOwnedLabel,
  ALLOWED_LABELS,
  type AllowedType,
  type OwnedLabel,
  type SharedLabel,
} from './allow-list.ts';
import { contentHash } from './hash.ts';
import { WriteError } from './errors.ts';
import { unresolvedDepartmentId } from '../../loaders/ids.ts';

/** Provenance keys a shared node takes from the alphabetically first document that cites it. */
const PROVENANCE_KEYS = ['document', 'line', 'quote'] as const;

export interface OwnedNodeGroup {
  label: OwnedLabel;
  /** Further allow-listed labels the nodes carry (a rare second label). */
  extraLabels: NodeLabel[];
  nodes: GraphNode[];
}

export interface SharedNodeRow {
  id: string;
  /** Properties other than aliases and provenance (name, kind, level, code, source, …). */
  properties: Record<string, unknown>;
  aliases: string[];
  /** Where this document cites the node (its first line and quote), or undefined when it has no text provenance. */
  provenance?: SharedProvenance;
}

export interface SharedProvenance {
  line: number | null;
  quote: string | null;
}

export interface SharedNodeGroup {
  label: SharedLabel;
  extraLabels: NodeLabel[];
  rows: SharedNodeRow[];
}

export interface RelationshipGroup {
  type: AllowedType;
  startLabel: NodeLabel;
  endLabel: NodeLabel;
  /** Owned: carries `document`, deleted and recreated with it. Otherwise MERGEd on `source`, never deleted. */
  owned: boolean;
  relationships: GraphRelationship[];
}

/**
 * An unresolved body (resolved: false: 区财政局 in a document whose district is unknown) is its document's own:
 * only that document may write it, under the id loaders/ids.ts builds for it, so replacing or deleting the
 * document removes it with the document's other references (no other document refers to it).
 */
function checkUnresolvedBody(document: string, node: GraphNode): void {
  const props = node.properties ?? {};
  if (props.resolved === undefined || props.resolved === true) return;
  if (props.resolved !== false || !node.labels.includes('Department')) {
    throw new WriteError(document, `node ${node.id}: "resolved" is a Department's flag and can only be false (absent means resolved)`);
  }
  const expected = unresolvedDepartmentId(document, String(props.name ?? ''));
  if (props.scopeDocument !== document || node.id !== expected) {
    throw new WriteError(document, `unresolved body ${node.id} must be this document's own (scopeDocument "${document}", id ${expected})`);
  }
}

export interface DocumentCounts {
  tasks: number;
  bodies: number;
  places: number;
  goals: number;
  projects: number;
  relationships: number;
  warnings: number;
}

/** Shared node ids by label. */
export type SharedIds = Record<SharedLabel, string[]>;
export function noSharedIds(): SharedIds {
  return { Department: [], District: [], Project: [] };
}

export interface PreparedDocument {
  document: string;
  hash: string;
  planIds: string[];
  /** The Plan its REFERS_TO records start from (allow-list.ts): the smallest of planIds. */
  anchorPlanId: string;
  owned: OwnedNodeGroup[];
  shared: SharedNodeGroup[];
  relationships: RelationshipGroup[];
  ownedIds: Record<OwnedLabel, string[]>;
  sharedIds: SharedIds;
  counts: DocumentCounts;
}

export function chunk<T>(items: T[], size: number): T[][] {
  if (size < 1) throw new RangeError(`batch size must be at least 1, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The document a graph belongs to: its Plan nodes' `document`, else the only `document` its facts name. */
export function documentOf(graph: GraphDocument): string | undefined {
  const names = new Set<string>();
  for (const n of graph.nodes ?? []) {
    if (n?.labels?.includes('Plan') && typeof n.properties?.document === 'string') names.add(n.properties.document);
  }
  if (names.size === 0) {
    for (const n of graph.nodes ?? []) {
      const label = n?.labels?.map(allowedLabel).find(Boolean);
      if (label && isOwnedLabel(label) && typeof n.properties?.document === 'string') names.add(n.properties.document);
    }
    for (const r of graph.relationships ?? []) {
      if (typeof r?.properties?.document === 'string') names.add(r.properties.document);
    }
  }
  return names.size === 1 ? [...names][0] : undefined;
}

function primaryLabel(document: string, node: GraphNode): { label: NodeLabel; extra: NodeLabel[] } {
  if (!Array.isArray(node.labels) || node.labels.length === 0) {
    throw new WriteError(document, `node ${node.id} has no labels`);
  }
  const labels: NodeLabel[] = [];
  for (const l of node.labels) {
    const allowed = allowedLabel(String(l));
    if (!allowed) {
      throw new WriteError(document, `node ${node.id} has label "${l}", which is not in the graph model (${ALLOWED_LABELS.join(', ')})`);
    }
    if (!labels.includes(allowed)) labels.push(allowed);
  }
  // The model's order decides which label the node is MERGEd on (its id constraint).
  const ordered = ALLOWED_LABELS.filter((l) => labels.includes(l));
  const owned = ordered.filter(isOwnedLabel);
  if (owned.length > 0 && owned.length < ordered.length) {
    throw new WriteError(document, `node ${node.id} mixes document-owned and shared labels (${ordered.join(', ')})`);
  }
  return { label: ordered[0], extra: ordered.slice(1) };
}

function aliasesOf(document: string, node: GraphNode): string[] {
  const raw = node.properties.aliases;
  if (raw === undefined || raw === null) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  const out: string[] = [];
  for (const a of list) {
    if (typeof a !== 'string') throw new WriteError(document, `node ${node.id}: "aliases" must be a list of strings`);
    if (a !== '' && !out.includes(a)) out.push(a);
  }
  return out;
}

/** Earlier in the document: the smaller line, then the smaller quote (a missing one last). */
function earlier(a: SharedProvenance, b: SharedProvenance): boolean {
  if (a.line !== b.line) return b.line === null || (a.line !== null && a.line < b.line);
  return a.quote !== null && (b.quote === null || a.quote < b.quote);
}

function mergeShared(into: SharedNodeRow, more: SharedNodeRow): void {
  for (const a of more.aliases) if (!into.aliases.includes(a)) into.aliases.push(a);
  into.properties = { ...into.properties, ...more.properties };
  if (more.provenance && (!into.provenance || earlier(more.provenance, into.provenance))) into.provenance = more.provenance;
}

/** Exact duplicates of a relationship (an extractor emitting the same fact twice) are written once. */
function relationshipKey(r: GraphRelationship): string {
  return JSON.stringify([r.type, r.start, r.end, Object.entries(r.properties ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))]);
}

export function prepareDocument(graph: GraphDocument, document?: string): PreparedDocument {
  const name = document ?? documentOf(graph);
  if (!name) {
    throw new WriteError('(unnamed document)', 'cannot tell which document these facts belong to: no Plan node with a "document" property');
  }
  if (!graph || !Array.isArray(graph.nodes) || !Array.isArray(graph.relationships ?? [])) {
    throw new WriteError(name, 'not a graph document: expected { nodes: [...], relationships: [...] }');
  }

  const labelOf = new Map<string, NodeLabel>();
  const ownedGroups = new Map<string, OwnedNodeGroup>();
  const sharedGroups = new Map<string, SharedNodeGroup>();
  const sharedRows = new Map<string, SharedNodeRow>();
  const ownedNodes = new Map<string, GraphNode>();

  for (const node of graph.nodes) {
    if (!node || typeof node.id !== 'string' || node.id === '') {
      throw new WriteError(name, `a node has no id (${JSON.stringify(node)?.slice(0, 80)})`);
    }
    const props = node.properties ?? ({} as GraphNode['properties']);
    if (props.id !== undefined && props.id !== node.id) {
      throw new WriteError(name, `node ${node.id} has properties.id "${String(props.id)}"; the two must agree`);
    }
    const { label, extra } = primaryLabel(name, node);
    const seen = labelOf.get(node.id);
    if (seen && seen !== label) throw new WriteError(name, `node ${node.id} appears as both ${seen} and ${label}`);
    labelOf.set(node.id, label);
    const groupKey = [label, ...extra].join(':');

    if (isOwnedLabel(label)) {
      if (props.document !== undefined && props.document !== name) {
        throw new WriteError(name, `node ${node.id} says it comes from document "${String(props.document)}"`);
      }
      const normalised: GraphNode = { id: node.id, labels: node.labels, properties: { ...props, id: node.id, document: name } };
      const previous = ownedNodes.get(node.id);
      if (previous) {
        if (JSON.stringify(previous.properties) !== JSON.stringify(normalised.properties)) {
          throw new WriteError(name, `node ${node.id} appears twice with different properties`);
        }
        continue;
      }
      ownedNodes.set(node.id, normalised);
      let group = ownedGroups.get(groupKey);
      if (!group) ownedGroups.set(groupKey, (group = { label, extraLabels: extra, nodes: [] }));
      group.nodes.push(normalised);
    } else {
      const properties: Record<string, unknown> = { ...props, id: node.id };
      delete properties.aliases;
      delete properties.aliasText;
      for (const k of PROVENANCE_KEYS) delete properties[k];
      if (props.document !== undefined && props.document !== name) {
        throw new WriteError(name, `node ${node.id} says it comes from document "${String(props.document)}"`);
      }
      checkUnresolvedBody(name, node);
      const quote = typeof props.quote === 'string' && props.quote !== '' ? props.quote : null;
      const line = typeof props.line === 'number' ? props.line : null;
      const row: SharedNodeRow = {
        id: node.id,
        properties,
        aliases: aliasesOf(name, node),
        // Cited: the node says it comes from this document, at a line or with a quote.
        provenance: props.document === name && (line !== null || quote !== null) ? { line, quote } : undefined,
      };
      const previous = sharedRows.get(node.id);
      if (previous) {
        mergeShared(previous, row);
        continue;
      }
      sharedRows.set(node.id, row);
      let group = sharedGroups.get(groupKey);
      if (!group) sharedGroups.set(groupKey, (group = { label: label as SharedLabel, extraLabels: extra, rows: [] }));
      group.rows.push(row);
    }
  }

  const relGroups = new Map<string, RelationshipGroup>();
  const relSeen = new Set<string>();
  for (const rel of graph.relationships ?? []) {
    const type = allowedType(String(rel?.type));
    const where = `relationship ${String(rel?.type)} ${String(rel?.start)} → ${String(rel?.end)}`;
    if (!type) throw new WriteError(name, `${where}: type is not in the graph model`);
    const startLabel = labelOf.get(rel.start);
    const endLabel = labelOf.get(rel.end);
    if (!startLabel) throw new WriteError(name, `${where}: start node ${rel.start} is not among the document's nodes`);
    if (!endLabel) throw new WriteError(name, `${where}: end node ${rel.end} is not among the document's nodes`);
    const props = { ...(rel.properties ?? {}) };
    if (props.document !== undefined && props.document !== name) {
      throw new WriteError(name, `${where} says it comes from document "${String(props.document)}"`);
    }
    // A fact with neither `document` nor `source` was read from this document; so is any fact
    // about one of its own nodes (a plan, task or goal), whatever source it names: it goes with
    // them, and the flagship finds a task's leads among its document's (graph/queries/leading-departments.ts).
    const owned = props.document !== undefined || typeof props.source !== 'string' || isOwnedLabel(startLabel) || isOwnedLabel(endLabel);
    if (owned) props.document = name;
    const normalised: GraphRelationship = { type, start: rel.start, end: rel.end, properties: props };
    const key = relationshipKey(normalised);
    if (relSeen.has(key)) continue;
    relSeen.add(key);
    const groupKey = `${type}:${startLabel}:${endLabel}:${owned}`;
    let group = relGroups.get(groupKey);
    if (!group) relGroups.set(groupKey, (group = { type, startLabel, endLabel, owned, relationships: [] }));
    group.relationships.push(normalised);
  }

  const planIds = [...ownedNodes.values()].filter((n) => labelOf.get(n.id) === 'Plan').map((n) => n.id);
  if (planIds.length === 0) {
    throw new WriteError(name, 'has no Plan node; every document is loaded as at least one Plan');
  }

  const ownedIds: Record<OwnedLabel, string[]> = { Plan: [], Task: [], Goal: [] };
  for (const [id, label] of labelOf) if (isOwnedLabel(label)) ownedIds[label].push(id);
  const sharedIds = noSharedIds();
  for (const [id, label] of labelOf) if (!isOwnedLabel(label)) sharedIds[label as SharedLabel].push(id);

  const warnings = (graph.warnings ?? []).filter((w) => !w.document || w.document === name).length;
  return {
    document: name,
    hash: contentHash(graph),
    planIds,
    anchorPlanId: planIds.reduce((min, id) => (id < min ? id : min)),
    owned: [...ownedGroups.values()],
    shared: [...sharedGroups.values()],
    relationships: [...relGroups.values()],
    ownedIds,
    sharedIds,
    counts: {
      tasks: ownedIds.Task.length,
      goals: ownedIds.Goal.length,
      bodies: sharedIds.Department.length,
      places: sharedIds.District.length,
      projects: sharedIds.Project.length,
      relationships: relSeen.size,
      warnings,
    },
  };
}
