/**
 * Neo4j stores only primitives and homogeneous lists of primitives as property values.
 * A GraphDocument comes from JSON (possibly hand-edited or produced by another tool),
 * so every value is checked here, batch by batch, and the first bad one stops the
 * document's transaction with a message naming the document, the element and the key.
 */
import neo4j from 'neo4j-driver';
import { WriteError } from './errors.ts';

export type Neo4jValue = string | number | boolean | ReturnType<typeof neo4j.int> | Neo4jValue[];

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

/**
 * Whole numbers become Neo4j INTEGER (a JS number would be sent as FLOAT, so a line
 * number would read back as 12.0 in Browser); other finite numbers stay FLOAT.
 */
function scalar(value: unknown): Neo4jValue | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  }
  return undefined;
}

/**
 * Converts one element's properties for the driver. `null`/`undefined` values are
 * dropped (Neo4j has no null property). Throws WriteError on anything Neo4j cannot store.
 */
export function toNeo4jProperties(
  document: string,
  where: string,
  properties: Record<string, unknown> | undefined,
): Record<string, Neo4jValue> {
  const out: Record<string, Neo4jValue> = {};
  if (properties === undefined || properties === null) return out;
  if (typeof properties !== 'object' || Array.isArray(properties)) {
    throw new WriteError(document, `${where}: "properties" must be an object, got ${describe(properties)}`);
  }
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      const converted: Neo4jValue[] = [];
      const kinds = new Set<string>();
      for (const item of value) {
        const s = scalar(item);
        if (s === undefined) {
          throw new WriteError(
            document,
            `${where}: property "${key}" is a list holding ${describe(item)}; Neo4j lists may hold only strings, numbers or booleans`,
          );
        }
        kinds.add(typeof item);
        converted.push(s);
      }
      if (kinds.size > 1) {
        throw new WriteError(document, `${where}: property "${key}" mixes ${[...kinds].join(' and ')} in one list; Neo4j lists must be of one type`);
      }
      // A list mixing whole and fractional numbers must not mix INTEGER and FLOAT either.
      if (kinds.has('number') && value.some((v) => !Number.isSafeInteger(v))) {
        out[key] = value as number[];
      } else {
        out[key] = converted;
      }
      continue;
    }
    const s = scalar(value);
    if (s === undefined) {
      throw new WriteError(
        document,
        `${where}: property "${key}" is ${describe(value)}; Neo4j stores only strings, finite numbers, booleans and lists of them`,
      );
    }
    out[key] = s;
  }
  return out;
}
