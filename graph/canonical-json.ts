/**
 * Canonical JSON and the string order it sorts by: one text per value whatever the order its
 * object keys were built in. The writer hashes documents with it (graph/write/hash.ts) and the
 * API keys its response cache on it (api/plugins/responseCache.ts); `byText` also orders the
 * writer's lock list.
 */

/**
 * JSON with object keys sorted (by UTF-16 code units, as `<` compares) at every depth and
 * undefined members dropped, as JSON.stringify drops them. Fast path: a copy with its keys
 * inserted in sorted order, serialised by the native JSON.stringify (copy and serialise take half the time of
 * building the text here; hashing was a fifth of the loader's CPU in a corpus write). A key that looks like
 * an array index would be serialised first whatever its insertion order, so such an object
 * takes the slow path, which builds the text itself.
 */
export function canonicalJson(value: unknown): string {
  const copy = sortedCopy(value);
  return copy === NOT_PLAIN ? slowCanonicalJson(value) : (JSON.stringify(copy) ?? 'null');
}

const NOT_PLAIN = Symbol('not plain');

/** `value` with every object's keys in sorted order, or NOT_PLAIN when insertion order cannot decide the output. */
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const v = sortedCopy(value[i]);
      if (v === NOT_PLAIN) return NOT_PLAIN;
      out[i] = v;
    }
    return out;
  }
  const object = value as Record<string, unknown>;
  // Array#sort's default order is the UTF-16 code unit order of `<`, and keys are distinct.
  const keys = Object.keys(object).sort();
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const c = key.charCodeAt(0);
    if (c >= 48 && c <= 57) return NOT_PLAIN; // '0'-'9': maybe an index key
    const v = sortedCopy(object[key]);
    if (v === NOT_PLAIN) return NOT_PLAIN;
    out[key] = v;
  }
  return out;
}

function slowCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // JSON.stringify(undefined) is undefined; treat it like null so the output stays JSON.
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return `[${value.map(slowCanonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => byText(a, b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${slowCanonicalJson(v)}`).join(',')}}`;
}

/** Strings by UTF-16 code units, as `<` compares them (and as Array#sort does without a comparator). */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
