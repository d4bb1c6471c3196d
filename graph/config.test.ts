import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, connectionFromEnv, connectionFromFile, serverConfig } from './config.ts';
import { resolveConnection } from './connection.ts';

describe('connectionFromEnv', () => {
  it('is undefined without NEO4J_URI, so the local connection file applies', () => {
    expect(connectionFromEnv({ NEO4J_PASSWORD: 'whatever1' })).toBeUndefined();
  });

  it('reads URI, user (default neo4j), password and database', () => {
    expect(connectionFromEnv({ NEO4J_URI: 'neo4j+s://db.example.org', NEO4J_PASSWORD: 'secret-pw', NEO4J_DATABASE: 'plans-2025' })).toEqual({
      uri: 'neo4j+s://db.example.org',
      user: 'neo4j',
      password: 'secret-pw',
      database: 'plans-2025',
      source: 'environment',
    });
  });

  it('names the variable and the problem', () => {
    expect(() => connectionFromEnv({ NEO4J_URI: 'http://127.0.0.1:7474', NEO4J_PASSWORD: 'x' })).toThrow(/NEO4J_URI .*scheme "http"/);
    expect(() => connectionFromEnv({ NEO4J_URI: '127.0.0.1:7687', NEO4J_PASSWORD: 'x' })).toThrow(ConfigError);
    expect(() => connectionFromEnv({ NEO4J_URI: 'bolt://127.0.0.1:7687' })).toThrow(/NEO4J_PASSWORD is not/);
    expect(() => connectionFromEnv({ NEO4J_URI: 'bolt://h', NEO4J_PASSWORD: 'p', NEO4J_DATABASE: 'my_db' })).toThrow(/NEO4J_DATABASE "my_db"/);
  });
});

describe('serverConfig', () => {
  it('defaults to 127.0.0.1:4000', () => {
    expect(serverConfig({})).toEqual({ host: '127.0.0.1', port: 4000 });
  });
  it('rejects a PORT that is not a port', () => {
    expect(() => serverConfig({ PORT: '4000x' })).toThrow(/PORT "4000x" is not a port number/);
    expect(() => serverConfig({ PORT: '70000' })).toThrow(/PORT 70000 is out of range/);
    expect(serverConfig({ HOST: '0.0.0.0', PORT: '8080' })).toEqual({ host: '0.0.0.0', port: 8080 });
  });
});

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
