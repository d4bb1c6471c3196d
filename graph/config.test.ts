import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectionFromFile } from './config.ts';
import { resolveConnection } from './connection.ts';

describe('connection file', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plangraph-config-test-'));

  it('falls back to .neo4j/connection.json written by "plangraph neo4j start"', async () => {
    writeFileSync(
      path.join(dir, 'connection.json'),
      JSON.stringify({ uri: 'bolt://127.0.0.1:7999', user: 'neo4j', password: 'generated-pw', browserUrl: 'http://127.0.0.1:7998/browser/' }),
    );
    const conn = await resolveConnection({ PLANGRAPH_NEO4J_HOME: dir });
    expect(conn).toMatchObject({ uri: 'bolt://127.0.0.1:7999', password: 'generated-pw', browserUrl: 'http://127.0.0.1:7998/browser/' });
    // NEO4J_URI wins over the file.
    const env = await resolveConnection({ PLANGRAPH_NEO4J_HOME: dir, NEO4J_URI: 'bolt://other:7687', NEO4J_PASSWORD: 'pw-other' });
    expect(env.uri).toBe('bolt://other:7687');
  });

  it('says what to run when there is neither', async () => {
    await expect(resolveConnection({ PLANGRAPH_NEO4J_HOME: path.join(dir, 'none') })).rejects.toThrow(/npx plangraph neo4j start/);
  });

  it('names a broken file', () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{"uri": "bolt://x"');
    expect(() => connectionFromFile(file, {})).toThrow(/broken\.json is not valid JSON/);
    writeFileSync(file, '{"uri": "bolt://x", "user": "neo4j"}');
    expect(() => connectionFromFile(file, {})).toThrow(/has no "password"/);
  });
});
