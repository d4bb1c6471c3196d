import { describe, expect, it } from 'vitest';
import { ConfigError } from './env.ts';
import { connectionFromEnv, serverConfig, transactionMemory } from './neo4j.ts';

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

describe('transactionMemory', () => {
  it('takes PLANGRAPH_NEO4J_TX_MEMORY as a Neo4j memory size and names the variable when it is not one', () => {
    expect(transactionMemory(undefined, {})).toBe('256m');
    expect(transactionMemory(undefined, { PLANGRAPH_NEO4J_TX_MEMORY: ' 1G ' })).toBe('1g');
    expect(() => transactionMemory(undefined, { PLANGRAPH_NEO4J_TX_MEMORY: 'lots' })).toThrow(/^PLANGRAPH_NEO4J_TX_MEMORY="lots" is not a memory size/);
  });
});
