// Types of docs/extraction-quality-score.mjs for the TypeScript tests that import it.
export interface FactScore {
  name: 'LEADS' | 'SUPPORTS' | 'Goal' | 'Jurisdiction' | 'TARGETS' | 'Project';
  gold: number;
  extracted: number;
  /** extracted items that match a gold item */
  tp: number;
  /** gold items some extracted item matches */
  found: number;
  precision: number;
  recall: number;
  fp: string[];
  fn: string[];
}
export interface Gold {
  gold: Record<'B' | 'G' | 'T' | 'P' | 'X' | 'J' | 'LAYOUT', string[][]>;
  scopeP: Map<string, number[][]>;
}
interface GraphLike {
  nodes: { id: string; labels: string[]; properties: Record<string, unknown> }[];
  relationships: { type: string; start: string; end: string; properties: Record<string, unknown> }[];
}
export function parseGold(text: string): Gold;
export function scoreGold(goldText: string, graph: GraphLike, options?: { only?: RegExp }): FactScore[];
export function scoreByLayout(goldText: string, graph: GraphLike, options?: { only?: RegExp }): { layout: string; documents: number; facts: FactScore[] }[];
