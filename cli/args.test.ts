import { describe, expect, it } from 'vitest';
import { commandArgs, UsageError } from './args.ts';

const options = { out: { type: 'string', short: 'o' }, json: { type: 'boolean' } } as const;

describe('commandArgs', () => {
  it('reads `plangraph extract seeds --out graph.json --json` as the command declares it', () => {
    expect(commandArgs(['seeds', '--out', 'graph.json', '--json'], options)).toEqual({ values: { out: 'graph.json', json: true }, positionals: ['seeds'] });
    expect(commandArgs(['-o', 'g.json', 'a.txt', 'b.txt'], options)).toEqual({ values: { out: 'g.json' }, positionals: ['a.txt', 'b.txt'] });
    expect(commandArgs(['--out=g.json', '--', '--not-an-option.txt'], options)).toEqual({ values: { out: 'g.json' }, positionals: ['--not-an-option.txt'] });
  });

  it('names an unknown option as typed, and a value option without a value', () => {
    expect(() => commandArgs(['seeds', '--verbose'], options)).toThrow(new UsageError('unknown', '--verbose'));
    expect(() => commandArgs(['seeds', '--verbose'], options)).toThrow('unknown option --verbose');
    expect(() => commandArgs(['seeds', '-o'], options)).toThrow('-o needs a value');
    expect(() => commandArgs(['--out=', 'seeds'], options)).toThrow('--out needs a value');
  });
});
