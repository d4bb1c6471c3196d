/**
 * An error and what it wraps: `originalError` (as GraphQL wraps a resolver's error), else `cause`
 * (as PlanGraph's and the driver's errors wrap theirs), at most CHAIN_DEPTH links. The one walk
 * behind "is Neo4j down" (availability.ts), "which memory limit" (memory-limit.ts) and the API's
 * limit errors (api/plugins/errorFormatting.ts).
 */
const CHAIN_DEPTH = 8;

export function* errorChain(error: unknown): Generator<unknown> {
  let current: unknown = error;
  for (let hops = 0; current && hops < CHAIN_DEPTH; hops++) {
    yield current;
    current = (current as { originalError?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
}
