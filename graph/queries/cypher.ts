/**
 * A read query as data: the Cypher text (fixed, written here in graph/queries) and its
 * parameters. Query functions build these without touching a database, so the generated
 * Cypher is snapshot-tested beside each function and user input only ever travels as a
 * parameter.
 */
import neo4j from 'neo4j-driver';

export interface CypherQuery {
  /** Short name for logs and query counting, e.g. "task.byIds". */
  name: string;
  text: string;
  params: Record<string, unknown>;
}

export function cypherQuery(name: string, text: string, params: Record<string, unknown> = {}): CypherQuery {
  return { name, text: text.trim(), params };
}

/** The map projection every query uses for a node row: all properties plus its kind. */
export function row(variable: string, label: string, extra = ''): string {
  return `${variable} {.*, label: '${label}'${extra ? `, ${extra}` : ''}}`;
}

/** SKIP / LIMIT need Cypher integers; JavaScript numbers travel as floats. */
export function int(n: number): ReturnType<typeof neo4j.int> {
  return neo4j.int(Math.trunc(n));
}

/**
 * A task row without its (possibly long) text, for answers that list the same task many
 * times (the flagship lists a task under each of its bodies); Task.text loads it on demand.
 */
export function lightTaskRow(variable: string, extra = ''): string {
  return `${variable} {.id, .ref, .title, .kind, .document, .line, .quote, label: 'Task'${extra ? `, ${extra}` : ''}}`;
}
