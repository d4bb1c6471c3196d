import { describe, expect, it } from 'vitest';
import { ARRAY_DELIMITER, emptyListStatements, importArguments, toCsvFiles } from './csv.ts';
import { cypherLiteral, toCypherStatements } from './cypher.ts';
import { toGraphml } from './graphml.ts';
import { toJson } from './json.ts';
import type { ExportGraph } from './model.ts';

/** A small graph with what real plans hold: CJK text, quotes, commas, line breaks, integers and floats, lists, an empty list. */
const graph: ExportGraph = {
  scope: { kind: 'graph', records: true },
  nodes: [
    { id: 'plan:huadu', labels: ['Plan'], properties: { id: 'plan:huadu', title: '花都区"十四五"规划', periodStart: 2021n, document: 'huadu.txt' } },
    {
      id: 'plan:huadu/一',
      labels: ['Task'],
      properties: { id: 'plan:huadu/一', title: '一、推进产业, 升级', text: '第一行\n第二行 "引号"', line: 12n, document: 'huadu.txt' },
    },
    { id: 'div:440114', labels: ['District'], properties: { id: 'div:440114', name: '花都区', aliases: ['花都', '花都區'], code: '440114', line: 3 } },
    { id: 'div:440114001', labels: ['District'], properties: { id: 'div:440114001', name: '新华街道', aliases: [], code: '440114001', line: 4.5 } },
  ],
  relationships: [
    { type: 'PART_OF', start: 'plan:huadu/一', end: 'plan:huadu', properties: { document: 'huadu.txt' } },
    { type: 'LOCATED_IN', start: 'plan:huadu/一', end: 'div:440114', properties: { document: 'huadu.txt', line: 12n, quote: '在花都区' } },
    { type: 'LOCATED_IN', start: 'div:440114001', end: 'div:440114', properties: { source: 'gazetteer' } },
  ],
};

describe('CSV for neo4j-admin import', () => {
  const files = toCsvFiles(graph);
  const file = (name: string) => files.find((f) => f.name === name)!;

  it('writes one file per label and per type, with typed headers', () => {
    expect(files.map((f) => f.name).sort()).toEqual(['nodes-District.csv', 'nodes-Plan.csv', 'nodes-Task.csv', 'relationships-LOCATED_IN.csv', 'relationships-PART_OF.csv']);
    expect(file('nodes-Task.csv').text.split('\n')[0]).toBe('id:ID,:LABEL,document:string,line:long,text:string,title:string');
    expect(file('nodes-District.csv').text.split('\n')[0]).toBe('id:ID,:LABEL,aliases:string[],code:string,line:double,name:string');
    expect(file('relationships-LOCATED_IN.csv').text.split('\n')[0]).toBe(':START_ID,:END_ID,:TYPE,document:string,line:long,quote:string,source:string');
  });

  it('quotes text (quotes doubled, line breaks kept), joins lists with U+001F, leaves missing properties empty', () => {
    const task = file('nodes-Task.csv').text;
    expect(task).toContain('"plan:huadu/一","Task","huadu.txt",12,"第一行\n第二行 ""引号""","一、推进产业, 升级"');
    expect(file('nodes-District.csv').text).toContain(`"div:440114","District","花都${ARRAY_DELIMITER}花都區","440114",3,"花都区"`);
    expect(file('relationships-LOCATED_IN.csv').text).toContain('"div:440114001","div:440114","LOCATED_IN",,,,"gazetteer"');
  });

  it('splits a label whose property changes type into files with one type per column', () => {
    const mixed: ExportGraph = {
      ...graph,
      nodes: [
        { id: 'a', labels: ['Goal'], properties: { id: 'a', targetValue: 75n } },
        { id: 'b', labels: ['Goal'], properties: { id: 'b', targetValue: '75%' } },
      ],
      relationships: [],
    };
    const split = toCsvFiles(mixed);
    expect(split.map((f) => f.text.split('\n')[0]).sort()).toEqual(['id:ID,:LABEL,targetValue:long', 'id:ID,:LABEL,targetValue:string']);
  });

  it('names the database before the file lists (they take several values each) and sets empty lists afterwards', () => {
    const args = importArguments(files, '/tmp/x');
    expect(args.slice(0, 4)).toEqual(['database', 'import', 'full', 'neo4j']);
    expect(args).toContain('--nodes=/tmp/x/nodes-Task.csv');
    expect(args).toContain('--array-delimiter=U+001F');
    const fixes = emptyListStatements(graph);
    expect(fixes[0]).toMatch(/^CREATE CONSTRAINT/);
    expect(fixes.slice(0, -2).every((s) => s.startsWith('CREATE CONSTRAINT'))).toBe(true);
    expect(fixes.at(-2)).toBe('CALL db.awaitIndexes(300)');
    expect(fixes.slice(-1)).toEqual(["UNWIND ['div:440114001'] AS id MATCH (n:District {id: id}) SET n.aliases = []"]);
  });
});

describe('Cypher', () => {
  it('keeps integers and floats apart and escapes text', () => {
    expect(cypherLiteral(12n, '')).toBe('12');
    expect(cypherLiteral(12, '')).toBe('12.0');
    expect(cypherLiteral(4.5, '')).toBe('4.5');
    expect(cypherLiteral("它's\n\\", '')).toBe("'它\\'s\\n\\\\'");
    expect(cypherLiteral(['花都', '花都區'], '')).toBe("['花都', '花都區']");
  });

  it('creates constraints, then nodes by label, then relationships matched by label and id', () => {
    const statements = toCypherStatements(graph);
    expect(statements[0]).toMatch(/^CREATE CONSTRAINT district_id_unique IF NOT EXISTS FOR \(n:District\) REQUIRE n.id IS UNIQUE/);
    expect(statements.some((s) => s.includes('CREATE (n:Task)') && s.includes("line: 12,"))).toBe(true);
    expect(statements.some((s) => s.includes('MATCH (a:District {id: row.s})') && s.includes('CREATE (a)-[r:LOCATED_IN]->(b)'))).toBe(true);
  });
});

describe('GraphML', () => {
  const xml = toGraphml(graph);
  it('types keys, escapes markup, writes lists as JSON and a display label', () => {
    expect(xml).toContain('attr.name="line" attr.type="string"'); // long on some nodes, double on others
    expect(xml).toContain('attr.name="periodStart" attr.type="long"');
    expect(xml).toContain('花都区&quot;十四五&quot;规划');
    expect(xml).toContain('[&quot;花都&quot;,&quot;花都區&quot;]');
    expect(xml.match(/<node /g)).toHaveLength(4);
    expect(xml.match(/<edge /g)).toHaveLength(3);
  });
  it('refuses a control character XML cannot carry, naming the node', () => {
    const bad: ExportGraph = { ...graph, nodes: [{ id: 'x', labels: ['Task'], properties: { id: 'x', title: 'ok', text: 'a\u0001b' } }], relationships: [] };
    expect(() => toGraphml(bad)).toThrow(/node x, property "text"/);
  });
});

describe('JSON', () => {
  it('has the loaders\' shape with integers as numbers', () => {
    const body = JSON.parse(toJson(graph));
    expect(body.nodes[1].properties.line).toBe(12);
    expect(body.relationships[0]).toEqual({ type: 'PART_OF', start: 'plan:huadu/一', end: 'plan:huadu', properties: { document: 'huadu.txt' } });
  });
});
