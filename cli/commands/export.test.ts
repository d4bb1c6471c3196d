import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from './export.ts';

/** Usage mistakes are refused (exit 2) before any connection is made: no Neo4j needed here. */
describe('plangraph export usage', () => {
  afterEach(() => vi.restoreAllMocks());

  async function refused(args: string[]): Promise<string> {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    expect(await run(args)).toBe(2);
    return errors.join('\n');
  }

  it('names the formats when given another', async () => {
    expect(await refused(['--format', 'xml'])).toMatch(/--format xml: expected one of graphml, csv, json, cypher/);
  });
  it('wants --district for the touch options', async () => {
    expect(await refused(['--include-enclosing'])).toMatch(/need --district/);
  });
  it('will not write a folder of CSV files to stdout', async () => {
    expect(await refused(['--format', 'csv', '--out', '-'])).toMatch(/csv is a folder/);
  });
  it('refuses unknown options with the usage', async () => {
    expect(await refused(['--everything'])).toMatch(/Unknown option '--everything'[\s\S]*usage: plangraph export/);
  });
  it('prints its help', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    expect(await run(['--help'])).toBe(0);
    expect(lines.join('\n')).toMatch(/neo4j-admin database import/);
  });
});
