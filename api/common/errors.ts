/** Errors the API reports to callers, with the codes clients branch on. */
import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-codes.ts';

/** The caller asked for something that does not exist or is out of bounds; the message says how to fix it. */
export function badUserInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...extensions } });
}
