/**
 * Every `extensions.code` the API sends, in one place: clients branch on these strings, so they
 * never change. Those Apollo also has (`ApolloServerErrorCode`) have Apollo's values
 * (error-codes.test.ts checks it); the ones marked "Apollo's" only Apollo sends, and are here so
 * the list is whole. The README's "Error codes" table lists the same codes in the same order.
 */
export const ErrorCode = {
  /** 400 (200 from a resolver: an unknown name; 413: a body over PLANGRAPH_MAX_BODY_KB): the caller's input is wrong or over a limit; the message says how to fix it. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** 400: the HTTP request is not a GraphQL request (a body that is not JSON, a wrong content type). */
  BAD_REQUEST: 'BAD_REQUEST',
  /** 400: Apollo's, for a query that does not fit the schema. */
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** 400: Apollo's, for a query that is not GraphQL. */
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  /** 400: Apollo's, for a document with several operations and no (or an unknown) operationName. */
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  /** 200: Apollo's, for a persisted-query hash the server does not hold: send the query with it. */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** 400: a persisted query's sha256Hash is not the hash of the query sent with it. */
  PERSISTED_QUERY_HASH_MISMATCH: 'PERSISTED_QUERY_HASH_MISMATCH',
  /** 403: a mutation without the admin token, or a browser origin not in PLANGRAPH_CORS_ORIGINS. */
  FORBIDDEN: 'FORBIDDEN',
  /** 404: no such path (or GraphiQL asset). */
  NOT_FOUND: 'NOT_FOUND',
  /** 400: a read needs more memory in Neo4j than one transaction may use (db.memory.transaction.max). */
  QUERY_TOO_LARGE: 'QUERY_TOO_LARGE',
  /** 400: a read ran past PLANGRAPH_QUERY_TIMEOUT_MS. */
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  /** 503 with Retry-After: Neo4j's shared transaction memory is full or the connection pool is busy. */
  SERVER_BUSY: 'SERVER_BUSY',
  /** 503 with Retry-After: Neo4j does not answer; the server keeps running. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** 500: anything unexpected; the answer carries a reference, the details are in the server log. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
