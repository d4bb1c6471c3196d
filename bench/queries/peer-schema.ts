/**
 * The peer: @neo4j/graphql 7 over the same graph, type definitions matching our labels,
 * relationship types and directions (docs/contract/graph-model.md). Where the model needs more than a
 * relationship hop, it gets what @neo4j/graphql offers for that, a @cypher field:
 *  - Task.plan: the Plan reached over PART_OF at any depth;
 *  - District.ledTouchingTasks / touchingTasks / touchingTaskCount / leadingBodies: the "touches" rule
 *    (graph/queries/touches.ts over the writer's TOUCHES edges, the same Cypher PlanGraph runs), with offset/first arguments;
 *  - Query.search: the same full-text query as graph/queries/search.ts (the @fulltext
 *    directive cannot span six labels of one index nor rank names above texts).
 * The schema is read-only (no mutations), as PlanGraph's is.
 */
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { FULLTEXT_HITS } from '../../graph/queries/search.ts';
import { touchedTasks } from '../../graph/queries/touches.ts';

/** The touches rule for `this` (an area), descendants included, enclosing areas not: PlanGraph's defaults. */
const touches = `
WITH this AS a
CALL (a) {
${touchedTasks({ includeDescendants: true, includeEnclosing: false })}
  RETURN t
}`;

const escape = (cypher: string) => cypher.replaceAll('\\', '\\\\').replaceAll('"""', '\\"""');

const searchCypher = `
CALL () {
${FULLTEXT_HITS}
}
WITH node, score, coalesce(node.name, node.title, '') AS name
WITH node, score,
  CASE
    WHEN name = $text OR $text IN coalesce(node.aliases, []) OR node.code = $text THEN 0
    WHEN name STARTS WITH $text THEN 1
    WHEN name CONTAINS $text OR any(a IN coalesce(node.aliases, []) WHERE a CONTAINS $text) THEN 2
    ELSE 3
  END AS tier
ORDER BY tier, score DESC, size(coalesce(node.name, node.title, '')), node.id
LIMIT $first
RETURN node`;

export const peerTypeDefs = /* GraphQL */ `
extend schema @mutation(operations: [])

type Evidence @relationshipProperties {
  document: String
  line: Int
  quote: String
  surface: String
}

type Plan @node {
  id: ID!
  title: String!
  kind: String
  document: String
  line: Int
  quote: String
  periodStart: Int
  periodEnd: Int
  issuer: [Department!]! @relationship(type: "ISSUED_BY", direction: OUT, properties: "Evidence")
  jurisdiction: [District!]! @relationship(type: "GOVERNS", direction: OUT, properties: "Evidence")
  goals: [Goal!]! @relationship(type: "PART_OF", direction: IN, properties: "Evidence")
}

type Goal @node {
  id: ID!
  name: String!
  unit: String
  targetYear: Int
  targetValue: String
  document: String
  line: Int
  quote: String
  plan: [Plan!]! @relationship(type: "PART_OF", direction: OUT, properties: "Evidence")
  targetedBy: [Task!]! @relationship(type: "TARGETS", direction: IN, properties: "Evidence")
}

type Task @node {
  id: ID!
  ref: String
  title: String!
  text: String
  document: String
  line: Int
  quote: String
  plan: Plan @cypher(statement: """
MATCH (this)-[:PART_OF*1..]->(p:Plan)
RETURN p LIMIT 1""", columnName: "p")
  parent: [Task!]! @relationship(type: "PART_OF", direction: OUT, properties: "Evidence")
  children: [Task!]! @relationship(type: "PART_OF", direction: IN, properties: "Evidence")
  leaders: [Department!]! @relationship(type: "LEADS", direction: IN, properties: "Evidence")
  supporters: [Department!]! @relationship(type: "SUPPORTS", direction: IN, properties: "Evidence")
  districts: [District!]! @relationship(type: "LOCATED_IN", direction: OUT, properties: "Evidence")
  goals: [Goal!]! @relationship(type: "TARGETS", direction: OUT, properties: "Evidence")
}

type Department @node {
  id: ID!
  name: String!
  aliases: [String!]
  leads: [Task!]! @relationship(type: "LEADS", direction: OUT, properties: "Evidence")
  supports: [Task!]! @relationship(type: "SUPPORTS", direction: OUT, properties: "Evidence")
}

type District @node {
  id: ID!
  name: String!
  aliases: [String!]
  code: String
  level: String
  parent: [District!]! @relationship(type: "LOCATED_IN", direction: OUT, properties: "Evidence")
  children: [District!]! @relationship(type: "LOCATED_IN", direction: IN, properties: "Evidence")
  ledTouchingTasks: [Task!]! @cypher(statement: """
${escape(touches)}
WITH t WHERE EXISTS { (:Department)-[:LEADS]->(t) }
OPTIONAL MATCH (t)-[:PART_OF*1..]->(p:Plan)
WITH t, p ORDER BY p.title, t.line, t.id
RETURN t""", columnName: "t")
  ledTouchingTaskPage(first: Int!): [Task!]! @cypher(statement: """
${escape(touches)}
WITH t WHERE EXISTS { (:Department)-[:LEADS]->(t) }
OPTIONAL MATCH (t)-[:PART_OF*1..]->(p:Plan)
WITH t, p ORDER BY p.title, t.line, t.id
LIMIT $first
RETURN t""", columnName: "t")
  leadingBodies(first: Int!): [Department!]! @cypher(statement: """
${escape(touches)}
MATCH (d:Department)-[:LEADS]->(t)
WITH d, count(DISTINCT t) AS n
ORDER BY n DESC, d.name, d.id
LIMIT $first
RETURN d""", columnName: "d")
  touchingTasks(offset: Int!, first: Int!): [Task!]! @cypher(statement: """
${escape(touches)}
OPTIONAL MATCH (t)-[:PART_OF*1..]->(p:Plan)
WITH t, p ORDER BY p.title, t.line, t.id
SKIP $offset LIMIT $first
RETURN t""", columnName: "t")
  touchingTaskCount: Int! @cypher(statement: """
${escape(touches)}
RETURN count(t) AS n""", columnName: "n")
}

type Project @node {
  id: ID!
  name: String!
  category: String
  districts: [District!]! @relationship(type: "LOCATED_IN", direction: OUT, properties: "Evidence")
}

union SearchHit = Plan | Goal | Task | Department | District | Project

type Query {
  search(text: String!, lucene: String!, first: Int!): [SearchHit!]! @cypher(statement: """
${escape(searchCypher)}""", columnName: "node")
}
`;

export async function buildPeerSchema(driver: Driver): Promise<GraphQLSchema> {
  const neo = new Neo4jGraphQL({
    typeDefs: peerTypeDefs,
    driver,
    features: {},
  });
  return neo.getSchema();
}
