/**
 * What the API's caches are keyed on, in one cheap read: the graph version PlanGraph's writer
 * stamps (graph/write/version.ts; null when no PlanGraph write happened since the database was
 * created or cleared, and then nothing is cached) and the number of plans (from Neo4j's count store, not a scan) that
 * prices `plans` in the cost estimate. The read's bookmark (graph/queries/run.ts
 * runReadWithBookmark) adds the last committed transaction, so edits made outside PlanGraph
 * (Cypher in Neo4j Browser) change the watermark too.
 */
import { GRAPH_STATE_ID, GRAPH_STATE_LABEL } from '../write/version.ts';
import { cypherQuery, type CypherQuery } from './cypher.ts';

export function graphWatermarkQuery(): CypherQuery {
  return cypherQuery(
    'graph.watermark',
    `
CALL () { MATCH (p:Plan) RETURN count(p) AS plans }
OPTIONAL MATCH (s:${GRAPH_STATE_LABEL} {id: '${GRAPH_STATE_ID}'})
RETURN s.version AS version, plans`,
  );
}
