/**
 * Responsible bodies: Department nodes and LEADS / SUPPORTS edges (stub; being built).
 */
import type { Division, Extractor, GraphFragment, GraphNode } from '../model.js';

/** Departments named in each task's assignment phrases, with LEADS / SUPPORTS to the task. */
export const extractBodies: Extractor = (_ctx): GraphFragment => ({ nodes: [], relationships: [], warnings: [] });

/** A body's Department node from its name as written (used for ISSUED_BY); undefined for collective phrases. */
export function resolveBody(_surface: string, _jurisdiction?: Division): GraphNode | undefined {
  return undefined;
}
