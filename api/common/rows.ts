/**
 * What resolvers pass around: node rows exactly as graph/queries project them (all
 * properties plus `label`), sometimes carrying prefetched neighbours under `_`-prefixed keys
 * (`_plan`, `_assignments`) so nested fields need no further query.
 */
export interface NodeRow {
  id: string;
  label: string;
  [property: string]: any;
}

export interface AssignmentRow {
  department: NodeRow;
  role: 'LEAD' | 'SUPPORT';
  evidence: { document?: string | null; line?: number | null; quote?: string | null };
}
