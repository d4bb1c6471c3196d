/** The command line's own setting: PLANGRAPH_DEBUG (any value) prints a failed command's whole error, stack included. */
import { processEnv, type Env } from './env.ts';

export function debugErrors(env: Env = processEnv()): boolean {
  return Boolean(env.PLANGRAPH_DEBUG);
}
