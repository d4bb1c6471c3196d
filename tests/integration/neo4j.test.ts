/**
 * The Neo4j under every integration test is a real Neo4j 5.26 with auth on, PlanGraph's schema
 * applied, Chinese full-text search working and (when it has HTTP) Neo4j Browser served.
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { openDriver } from '../../graph/connection.ts';
import { applySchema, awaitSearchIndex, constraintName, FULLTEXT_INDEXES, LABELS } from '../../graph/schema.ts';
import { GRAPH_STATE_LABEL } from '../../graph/write/version.ts';
import { useNeo4j } from '../support/neo4j.ts';

describe('test Neo4j', () => {
  const db = useNeo4j();

  it('is Neo4j 5.26', async () => {
    const { records } = await db.driver.executeQuery(
      'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition',
      {},
      { database: db.database },
    );
    expect(records[0]!.get('name')).toBe('Neo4j Kernel');
    expect(records[0]!.get('version')).toMatch(/^5\.26\./);
    expect(db.connection.version).toMatch(/^5\.26\./);
  });

  it('has a uniqueness constraint on id for every label, also after applying the schema again', async () => {
    await applySchema(db.driver, db.database);
    const { records } = await db.driver.executeQuery(
      "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' RETURN name, labelsOrTypes[0] AS label, properties",
      {},
      { database: db.database },
    );
    const byLabel = new Map(records.map((r) => [r.get('label') as string, r]));
    for (const label of [...LABELS, GRAPH_STATE_LABEL]) {
      const c = byLabel.get(label);
      expect(c, `constraint for ${label}`).toBeDefined();
      expect(c!.get('name')).toBe(constraintName(label));
      expect(c!.get('properties')).toEqual(['id']);
    }
    await db.driver.executeQuery("CREATE (:Department {id: 'dept:广州市教育局', name: '广州市教育局'})", {}, { database: db.database });
    await expect(
      db.driver.executeQuery("CREATE (:Department {id: 'dept:广州市教育局', name: '重复'})", {}, { database: db.database }),
    ).rejects.toMatchObject({ code: 'Neo.ClientError.Schema.ConstraintValidationFailed' });
  });

  it('finds Chinese text through the cjk full-text index, across labels and aliases', async () => {
    await db.driver.executeQuery(
      `CREATE (:Task {id: 't1', title: '推进花都区城乡融合发展', text: '加快狮岭镇皮革皮具产业转型升级，建设时尚小镇。'})
       CREATE (:Department {id: 'dept:广东省发展和改革委员会', name: '广东省发展和改革委员会', aliasText: '省发展改革委 省发改委'})
       CREATE (:Task {id: 't2', title: '完善综合交通网络', text: '建设广州北站综合交通枢纽。'})`,
      {},
      { database: db.database },
    );
    await awaitSearchIndex(db.driver, db.database); // the index is eventually consistent
    // Every full-text index (tasks have one of their own), as graph/queries/search.ts asks them.
    const search = async (q: string) => {
      const { records } = await db.driver.executeQuery(
        FULLTEXT_INDEXES.map((i) => `CALL db.index.fulltext.queryNodes('${i.name}', $q) YIELD node RETURN node.id AS id`).join(' UNION '),
        { q },
        { database: db.database },
      );
      return records.map((r) => r.get('id') as string);
    };
    expect(await search('狮岭')).toEqual(['t1']); // a word inside the text, no spaces in Chinese
    expect(await search('花都区')).toEqual(['t1']);
    expect(await search('发改委')).toEqual(['dept:广东省发展和改革委员会']); // an alias only
    expect(await search('枢纽')).toEqual(['t2']);
    expect(await search('深圳')).toEqual([]);
  });

  it('has auth on: a wrong password is rejected', async () => {
    const c = db.connection;
    await expect(openDriver({ ...c, password: `${c.password}-wrong`, source: 'test' })).rejects.toThrow(/rejected user "neo4j"/);
    const anonymous = neo4j.driver(c.uri, neo4j.auth.basic(c.user, ''), { connectionTimeout: 10_000 });
    try {
      await expect(anonymous.verifyConnectivity()).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
    } finally {
      await anonymous.close();
    }
  });

  it('serves Neo4j Browser over HTTP', async (ctx) => {
    const c = db.connection;
    if (!c.browserUrl) ctx.skip(`NEO4J_URI given without an HTTP address (mode ${c.mode})`);
    const res = await fetch(c.browserUrl!);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<title>Neo4j Browser</title>');
    // The discovery document Browser reads to find Bolt names this very server.
    const discovery = (await (await fetch(c.httpUrl!, { headers: { accept: 'application/json' } })).json()) as Record<string, string>;
    expect(discovery.neo4j_version).toMatch(/^5\.26\./);
    expect(discovery.bolt_direct).toBe(c.uri.replace('neo4j://', 'bolt://'));
  });
});
