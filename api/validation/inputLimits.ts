/**
 * Limits on what a request carries besides its query text, checked before any other work on the
 * request (api/plugins/variableLimits.ts): variables the operation does not declare, the size of
 * the variables, and the length of every string argument, literal or variable. Each is the
 * client's mistake (BAD_USER_INPUT) and the message names the argument and the limit, never the
 * value (a 90 KB name is not echoed back).
 *
 * Search text has its own, smaller bound: the full-text indexes split CJK text into overlapping
 * pairs of characters, one Lucene clause each, and Lucene refuses a query of more than 1,024
 * clauses (TooManyClauses at 1,026 characters), so long text is refused here with a clear message
 * instead of failing inside Neo4j.
 */
import { GraphQLError, Kind, type DocumentNode, type OperationDefinitionNode, type ValueNode } from 'graphql';
import { ErrorCode } from '../common/error-codes.ts';

export interface InputLimits {
  /** Largest JSON size of a request's variables, in bytes. */
  maxVariablesBytes: number;
  /** Longest string in any argument (names, ids, cursors), in characters. */
  maxStringLength: number;
  /** Longest search text (`search(text:)`, `filter.text`), in characters. */
  maxSearchTextLength: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = { maxVariablesBytes: 16 * 1024, maxStringLength: 500, maxSearchTextLength: 200 };

/** Argument and input-field names whose strings are full-text search words. */
const SEARCH_TEXT_NAMES = new Set(['text']);

function bad(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 }, ...extensions } });
}

/** A name or key cut for a message: never more than 40 characters of what a client sent. */
export function shown(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** Variables the operation does not declare: nothing reads them, so they are refused before any work. */
export function undeclaredVariablesError(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): GraphQLError | undefined {
  if (!variables) return undefined;
  const declared = new Set((operation.variableDefinitions ?? []).map((v) => v.variable.name.value));
  const extra = Object.keys(variables).filter((name) => !declared.has(name));
  if (extra.length === 0) return undefined;
  return bad(
    `Variable${extra.length > 1 ? 's' : ''} ${extra.slice(0, 3).map(shown).join(', ')}${extra.length > 3 ? ` and ${extra.length - 3} more` : ''} ` +
      `${extra.length > 1 ? 'are' : 'is'} not declared by the operation; send only the variables it declares.`,
    { limit: 'undeclaredVariables', undeclared: extra.length },
  );
}

/** The variables' JSON size, refused above the limit (measured on what the server parsed). */
export function variablesSizeError(variables: Record<string, unknown> | undefined, limits: InputLimits): GraphQLError | undefined {
  if (!variables) return undefined;
  const bytes = Buffer.byteLength(JSON.stringify(variables));
  if (bytes <= limits.maxVariablesBytes) return undefined;
  return bad(`The variables take ${bytes.toLocaleString('en')} bytes; the most this server accepts is ${limits.maxVariablesBytes.toLocaleString('en')}.`, {
    limit: 'variablesSize',
    bytes,
    max: limits.maxVariablesBytes,
  });
}

/**
 * The first string argument (anywhere in the document: fields, fragments, input objects, lists;
 * literal or through a variable) longer than its limit.
 */
export function stringLengthError(document: DocumentNode, variables: Record<string, unknown> | undefined, limits: InputLimits): GraphQLError | undefined {
  let found: GraphQLError | undefined;
  const check = (name: string, value: string) => {
    if (found) return;
    const max = SEARCH_TEXT_NAMES.has(name) ? limits.maxSearchTextLength : limits.maxStringLength;
    if (value.length <= max) return;
    found = bad(
      SEARCH_TEXT_NAMES.has(name)
        ? `"${name}" is ${value.length.toLocaleString('en')} characters long; search text may have at most ${max}. Search for fewer words.`
        : `"${name}" is ${value.length.toLocaleString('en')} characters long; the most this server accepts is ${max}.`,
      { limit: 'stringLength', argument: name, length: value.length, max },
    );
  };
  const walkRuntime = (name: string, value: unknown, depth: number): void => {
    if (found || depth > 20) return;
    if (typeof value === 'string') check(name, value);
    else if (Array.isArray(value)) for (const item of value) walkRuntime(name, item, depth + 1);
    else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walkRuntime(key, inner, depth + 1);
  };
  const walkAst = (name: string, node: ValueNode): void => {
    if (found) return;
    if (node.kind === Kind.STRING) check(name, node.value);
    else if (node.kind === Kind.LIST) for (const item of node.values) walkAst(name, item);
    else if (node.kind === Kind.OBJECT) for (const field of node.fields) walkAst(field.name.value, field.value);
    else if (node.kind === Kind.VARIABLE) walkRuntime(name, variables?.[node.name.value], 0);
  };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION && definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    visitArguments(definition.selectionSet, (name, value) => walkAst(name, value));
    if (found) return found;
  }
  return found;
}

type SelectionSet = OperationDefinitionNode['selectionSet'];

function visitArguments(selectionSet: SelectionSet, visit: (name: string, value: ValueNode) => void): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      for (const arg of selection.arguments ?? []) visit(arg.name.value, arg.value);
      if (selection.selectionSet) visitArguments(selection.selectionSet, visit);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      visitArguments(selection.selectionSet, visit);
    }
  }
}
