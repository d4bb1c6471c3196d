/**
 * The PlanGraph guide Neo4j Browser opens on (graph/neo4j-server/plangraph-guide.html): every
 * runnable query in it runs on the seeds without error, and its flagship Cypher names exactly the
 * bodies the GraphQL API's district(name: "花都区") { leadingDepartments } names.
 */
import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { BROWSER_GUIDE } from '../../graph/local/launcher.ts';
import { useSeededApi } from './api.harness.ts';

const api = useSeededApi();

const unescape = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const guide = readFileSync(BROWSER_GUIDE, 'utf8');
const runnable = [...guide.matchAll(/<pre class="pre-scrollable code runnable">([\s\S]*?)<\/pre>/g)].map((m) => unescape(m[1]!));

describe('the PlanGraph guide for Neo4j Browser', () => {
  it('has the model, the flagship question and at least a dozen queries', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(12);
    for (const label of ['Plan', 'Task', 'Department', 'District', 'Goal', 'Project']) expect(guide).toContain(`<td>${label}</td>`);
    for (const type of ['LEADS', 'SUPPORTS', 'LOCATED_IN', 'TARGETS', 'PART_OF', 'ISSUED_BY', 'GOVERNS']) expect(guide).toContain(`<code>${type}</code>`);
  });

  it('every query runs on the seeds', async () => {
    for (const query of runnable) {
      const result = await api.driver.executeQuery(query, {}, { database: api.database, routing: neo4j.routing.READ }).catch((err: Error) => err);
      expect(result instanceof Error ? `${result.message}\n${query}` : 'ok').toBe('ok');
    }
  });

  it('its flagship Cypher names the bodies the API names', async () => {
    const flagship = runnable.find((q) => q.includes('MATCH (dept:Department)-[r:LEADS]->(t)'))!;
    const cypher = await api.driver.executeQuery(flagship, {}, { database: api.database, routing: neo4j.routing.READ });
    const viaCypher = cypher.records.map((r) => `${r.get('body')} ${r.get('tasks')}`).sort();
    const answer = await api.query('{ district(name: "花都区") { leadingDepartments { department { name } tasks { id } } } }');
    const viaApi = answer.district.leadingDepartments.map((g: any) => `${g.department.name} ${g.tasks.length}`).sort();
    expect(viaApi.length).toBeGreaterThan(0);
    expect(viaCypher).toEqual(viaApi);
  });
});
