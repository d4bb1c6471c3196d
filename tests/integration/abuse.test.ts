/**
 * What hostile or careless clients send: absurd depth, megabyte queries, huge pages, fragment
 * bombs, Cypher-injection strings in every string argument. Each is rejected with a code or
 * answered harmlessly; the graph is unchanged and the server answers as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { buildPlanGraphSchema } from '../../api/schema.ts';
import { FLAGSHIP_QUERY } from '../../api/graphiql/page.ts';
import { useNeo4j } from '../support/neo4j.ts';
import { codes, gql, graphFingerprint, loadSeeds, startTestServer, type GraphQLReply, type TestServer } from './server.harness.ts';

const neo4j = useNeo4j();
let server: TestServer;
let schema: GraphQLSchema;
let baseline: GraphQLReply;

beforeAll(async () => {
  await loadSeeds(neo4j.driver, neo4j.database);
  schema = await buildPlanGraphSchema();
  server = await startTestServer();
  baseline = await gql(server.url, FLAGSHIP_QUERY);
  expect(baseline.status).toBe(200);
  expect(baseline.body.data!.district.leadingDepartments.length).toBeGreaterThan(0);
});
afterAll(async () => {
  await server?.close();
});

/** The server still answers the flagship exactly as before, and says it is healthy. */
async function expectUnaffected(): Promise<void> {
  const again = await gql(server.url, FLAGSHIP_QUERY);
  expect(again.status).toBe(200);
  expect(again.body).toEqual(baseline.body);
  const health = await (await fetch(`${server.origin}/health`)).json();
  expect(health).toMatchObject({ status: 'ok', neo4j: { available: true } });
}

describe('limits', () => {
  it('rejects a depth-30 query before touching Neo4j', async () => {
    // tasks, edges, node, 26 × children, id: 30 levels
    const nested = `${'children { '.repeat(26)}id${' }'.repeat(26)}`;
    const query = `{ tasks(first: 1) { edges { node { ${nested} } } } }`;
    const reply = await gql(server.url, query);
    expect(reply.status).toBe(400);
    // The depth error comes first; the cost rule (about 10^26 objects) reports too.
    expect(new Set(codes(reply))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    expect(reply.body.errors![0]!.message).toBe(
      'The query nests fields 30 levels deep; the limit is 12. Ask for fewer nested levels, or start a second query from a deeper node (e.g. task(id: …)).',
    );
    expect(reply.body.data).toBeUndefined();
    await expectUnaffected();
  });

  it('rejects a 1 MB query: 413 in a POST body, 431 in a GET URL', async () => {
    const megabyte = `{ plans { id ${'title '.repeat(175_000)}} }`;
    expect(megabyte.length).toBeGreaterThan(1_000_000);
    const post = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: megabyte }) });
    expect(post.status).toBe(413);
    expect((await post.json()).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 'bodySize', maxBodyBytes: 100 * 1024 });
    const get = await fetch(`${server.url}?query=${encodeURIComponent(megabyte)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(431); // Node's header limit: refused before any parsing
    await get.arrayBuffer();
    await expectUnaffected();
  });

  it('stops a token flood that fits in the body limit at the parser', async () => {
    const query = `{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: plans { id }`).join(' ')} }`;
    expect(query.length).toBeLessThan(100 * 1024);
    const reply = await gql(server.url, query);
    expect(reply.status).toBe(400);
    expect(codes(reply)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(reply.body.errors![0]!.message).toMatch(/Document contains more th\w+ 5000 tokens/); // graphql-js spells it "more that"
  });

  it('rejects first: 1000000 on every paged field, literal or variable, with BAD_USER_INPUT', async () => {
    const paged = [
      '{ tasks(first: 1000000) { totalCount } }',
      '{ search(text: "花都", first: 1000000) { __typename } }',
      '{ plans { tasks(first: 1000000) { totalCount } } }',
      '{ district(name: "花都") { tasks(first: 1000000) { totalCount } } }',
    ];
    for (const query of paged) {
      const reply = await gql(server.url, query);
      expect(reply.status, query).toBe(400);
      expect(codes(reply), query).toEqual(['BAD_USER_INPUT']);
      expect(reply.body.errors![0]!.message).toMatch(/"first: 1000000" on "\w+" asks for more than 100 items; a page holds at most 100/);
    }
    const viaVariable = await gql(server.url, 'query Page($n: Int) { tasks(first: $n) { totalCount } }', { n: 1_000_000 });
    expect(viaVariable.status).toBe(400);
    expect(codes(viaVariable)).toEqual(['BAD_USER_INPUT']);
    const fine = await gql(server.url, 'query Page($n: Int) { tasks(first: $n) { totalCount edges { node { id } } } }', { n: 100 });
    expect(fine.status).toBe(200);
    expect(fine.body.data!.tasks.edges.length).toBe(Math.min(100, fine.body.data!.tasks.totalCount));
    await expectUnaffected();
  });

  it('rejects a nested fan-out by its estimated cost', async () => {
    const reply = await gql(server.url, '{ tasks(first: 100) { edges { node { children { children { children { id } } } } } } }');
    expect(reply.status).toBe(400);
    expect(codes(reply)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(reply.body.errors![0]!.message).toMatch(/^This query could return about [\d,]+ objects; the limit is 25,000/);
  });

  it('answers a fragment bomb quickly with an error instead of expanding it', async () => {
    const fragments = Array.from({ length: 30 }, (_, i) =>
      i === 29 ? 'fragment F29 on Task { id }' : `fragment F${i} on Task { a: parent { ...F${i + 1} } b: parent { ...F${i + 1} } }`,
    );
    const started = Date.now();
    const reply = await gql(server.url, `{ tasks(first: 1) { edges { node { ...F0 } } } } ${fragments.join(' ')}`);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(reply.status).toBe(400);
    expect(codes(reply).every((c) => c === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
    await expectUnaffected();
  });
});

// Strings that would change a query if anything pasted them into Cypher, Lucene or a regex.
const INJECTIONS = [
  "' OR '1'='1",
  '"}) MATCH (n) DETACH DELETE n //',
  "花都'}) MATCH (n) DETACH DELETE n RETURN count(*) //",
  '花都"}) CREATE (:Pwned {by: "injection"}) RETURN 1 //',
  '` ) DETACH DELETE n //',
  "\\'; MATCH (n) SET n.pwned = true; //",
  'x\nMATCH (n) DETACH DELETE n',
  "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
  'CALL dbms.components()',
  '$name',
  '{name: "花都"}',
  '.*',
  '(?s).*',
  '*:*',
  '花都 AND (',
  'title:"x" OR id:*',
  '花都~ ^10 "',
  '\\',
  '\u0000',
  '',
  '花都'.repeat(500),
];

type Slot = { field: string; build: (value: string) => { query: string; variables: Record<string, unknown> } };

/** Every way to put a string into a root field of the served schema: String/ID arguments and String/ID fields of input objects. */
function stringSlots(schema: GraphQLSchema): Slot[] {
  const slots: Slot[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    for (const arg of field.args) {
      const named = getNamedType(arg.type);
      if (named.name === 'String' || named.name === 'ID') {
        const list = isListType(getNullableType(arg.type));
        slots.push({ field: `${field.name}(${arg.name})`, build: (v) => request(field, arg.name, list ? [v] : v) });
      } else if (isInputObjectType(named)) {
        for (const inner of Object.values(named.getFields())) {
          const innerNamed = getNamedType(inner.type);
          if (innerNamed.name !== 'String' && innerNamed.name !== 'ID') continue;
          const list = isListType(getNullableType(inner.type));
          slots.push({ field: `${field.name}(${arg.name}.${inner.name})`, build: (v) => request(field, arg.name, { [inner.name]: list ? [v] : v }) });
        }
      }
    }
  }
  return slots;
}

/** `query($v…) { field(arg: $v, other required args) { a selection two levels deep } }` */
function request(field: GraphQLField<unknown, unknown>, argName: string, value: unknown) {
  const decls: string[] = [];
  const args: string[] = [];
  const variables: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (arg.name === argName) {
      decls.push(`$v: ${String(arg.type)}`);
      args.push(`${arg.name}: $v`);
      variables.v = value;
    } else if (isNonNullType(arg.type)) {
      args.push(`${arg.name}: ${sampleLiteral(arg.type)}`);
    }
  }
  const query = `query Injection(${decls.join(', ')}) { ${field.name}(${args.join(', ')}) ${selection(getNamedType(field.type), 2)} }`;
  return { query, variables };
}

function sampleLiteral(type: GraphQLInputType): string {
  const named = getNamedType(type);
  if (named.name === 'Int') return '5';
  if (named.name === 'Boolean') return 'false';
  if (isEnumType(named)) return named.getValues()[0]!.name;
  return '"花都"';
}

/** Scalars plus, `depth` levels down, object fields without required arguments; unions by __typename. */
function selection(type: GraphQLNamedType, depth: number): string {
  if (isLeafType(type)) return '';
  if (isUnionType(type) || !isObjectType(type)) return '{ __typename }';
  const parts = ['__typename'];
  for (const f of Object.values(type.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type))) continue;
    const named = getNamedType(f.type);
    if (isLeafType(named)) parts.push(f.name);
    else if (depth > 1) parts.push(`${f.name} ${selection(named, depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

describe('Cypher injection', () => {
  it('is harmless in every string argument: no internal errors, the graph unchanged, the server unaffected', async () => {
    const before = await graphFingerprint(neo4j.driver, neo4j.database);
    expect(before.nodes).toBeGreaterThan(100);
    const slots = stringSlots(schema);
    // The contract's string arguments, at least; the schema may add more.
    const names = slots.map((s) => s.field);
    for (const expected of ['department(name)', 'departments(nameContains)', 'district(name)', 'plan(id)', 'task(id)', 'search(text)', 'tasks(filter.touches)', 'tasks(filter.ledBy)', 'tasks(filter.supportedBy)', 'tasks(filter.plan)', 'tasks(filter.text)']) {
      expect(names).toContain(expected);
    }

    const cases = slots.flatMap((slot) => INJECTIONS.map((text) => ({ slot, text })));
    const failures: string[] = [];
    // A few at a time, like a scanner would.
    for (let i = 0; i < cases.length; i += 8) {
      await Promise.all(
        cases.slice(i, i + 8).map(async ({ slot, text }) => {
          const { query, variables } = slot.build(text);
          const reply = await gql(server.url, query, variables);
          const bad = codes(reply).filter((c) => c !== 'BAD_USER_INPUT');
          if (![200, 400].includes(reply.status) || bad.length) {
            failures.push(`${slot.field} ← ${JSON.stringify(text).slice(0, 40)}: HTTP ${reply.status} ${JSON.stringify(reply.body.errors?.map((e) => e.message))}`);
          }
        }),
      );
    }
    expect(failures).toEqual([]);

    // The same strings pasted into the query text as literals take the parser's path.
    for (const text of INJECTIONS.slice(0, 8)) {
      const literal = JSON.stringify(text);
      for (const query of [`{ district(name: ${literal}) { name } }`, `{ search(text: ${literal}) { __typename } }`, `{ tasks(filter: { ledBy: ${literal}, text: ${literal} }) { totalCount } }`]) {
        const reply = await gql(server.url, query);
        expect(codes(reply).filter((c) => c !== 'BAD_USER_INPUT'), query).toEqual([]);
      }
    }

    expect(await graphFingerprint(neo4j.driver, neo4j.database)).toEqual(before);
    await expectUnaffected();
  }, 600_000);
});
