/**
 * Command-line options, read with Node's own parser (node:util parseArgs): each command declares
 * its options and gets them back typed. What parseArgs leaves to us is the wording: a usage error
 * names the option as the user typed it (`--verbose`, `-o`), so each command can say it in its
 * own voice and exit 2, as the commands have always done.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    /** `unknown`: no such option; `missing`: a value option without its value. */
    readonly kind: 'unknown' | 'missing',
    /** As typed: `--out`, `-o`. */
    readonly option: string,
  ) {
    super(kind === 'unknown' ? `unknown option ${option}` : `${option} needs a value`);
  }
}

type Values<O extends Options> = {
  [K in keyof O]?: O[K] extends { type: 'string' } ? string : boolean;
};

/**
 * The options and positional arguments of `args`. Throws UsageError for an option not in
 * `options` or a value option given no value (`--out` at the end, `--out=`). `--` ends the options.
 */
export function commandArgs<O extends Options>(args: string[], options: O): { values: Values<O>; positionals: string[] } {
  const parsed = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (!spec) throw new UsageError('unknown', token.rawName);
    if (spec.type === 'string' && (token.value === undefined || token.value === '')) throw new UsageError('missing', token.rawName);
  }
  return { values: parsed.values as Values<O>, positionals: parsed.positionals };
}
