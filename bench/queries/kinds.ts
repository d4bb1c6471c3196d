/**
 * The servers the query benchmark compares (bench/queries/serve.ts runs one of them). Apart from
 * serve.ts, which starts a server when imported.
 */
export type ServerKind = 'graphql' | 'graphqlNoCache' | 'driver' | 'peer';
export const SERVER_KINDS: ServerKind[] = ['graphql', 'graphqlNoCache', 'driver', 'peer'];
