/**
 * The "touches" rule of docs/contract/graph-model.md computed a second, independent way, to check the API's
 * answers against: the raw edges are read with plain MATCHes (no rule logic in Cypher) and the
 * rule is applied in JavaScript task by task, the way the contract words it ("a task touches A
 * when something in its scope …"), where graph/queries/touches.ts works outwards from the area.
 * Expectations then follow the loaded graph, so they hold whatever the loaders extract.
 */
import neo4j, { type Driver } from 'neo4j-driver';

export interface TouchOptions {
  includeDescendants: boolean;
  includeEnclosing: boolean;
}

export interface Responsibility {
  department: string;
  role: 'LEAD' | 'SUPPORT';
  task: string;
}

export interface GraphWalk {
  /** Every task id. */
  tasks: string[];
  /** Plan id of each task (through its PART_OF chain). */
  planOf: Map<string, string>;
  /** Ids of the tasks touching `area` under `options`. */
  touching(area: string, options: TouchOptions): Set<string>;
  /** Why a task touches (for messages): the rule and what matched. */
  reasons(area: string, options: TouchOptions, task: string): string[];
  /** `department role task` for each LEADS (and SUPPORTS when asked) of the tasks touching `area`. */
  responsibilities(area: string, options: TouchOptions & { includeSupporting: boolean }): Set<string>;
  /** District ids strictly inside `area` (LOCATED_IN, any depth). */
  inside(area: string): Set<string>;
  /** Members a zone lists (member -LOCATED_IN-> zone). */
  zoneMembers(zone: string): string[];
}

export const responsibilityKey = (r: Responsibility): string => `${r.department} ${r.role} ${r.task}`;

function multiMap(): Map<string, Set<string>> & { add(k: string, v: string): void; of(k: string): Set<string> } {
  const m = new Map<string, Set<string>>() as Map<string, Set<string>> & { add(k: string, v: string): void; of(k: string): Set<string> };
  m.add = (k, v) => {
    let s = m.get(k);
    if (!s) m.set(k, (s = new Set()));
    s.add(v);
  };
  m.of = (k) => m.get(k) ?? new Set();
  return m;
}

/** Reads the edges the rule needs and returns the walk. */
export async function readGraphWalk(driver: Driver, database?: string): Promise<GraphWalk> {
  const rows = async (cypher: string) =>
    (await driver.executeQuery(cypher, {}, { database, routing: neo4j.routing.READ })).records.map((r) => r.toObject() as Record<string, any>);

  const tasks = (await rows('MATCH (t:Task) RETURN t.id AS id')).map((r) => r.id as string);
  const taskParent = new Map<string, string>();
  const topPlan = new Map<string, string>();
  const children = multiMap();
  for (const r of await rows('MATCH (c:Task)-[:PART_OF]->(p) WHERE p:Task OR p:Plan RETURN c.id AS c, p.id AS p, p:Plan AS isPlan')) {
    if (r.isPlan) topPlan.set(r.c, r.p);
    else {
      taskParent.set(r.c, r.p);
      children.add(r.p, r.c);
    }
  }
  const projectsOf = multiMap(); // task → projects PART_OF it
  for (const r of await rows('MATCH (x:Project)-[:PART_OF]->(t:Task) RETURN x.id AS x, t.id AS t')) projectsOf.add(r.t, r.x);
  const locatedIn = multiMap(); // task / project / district → districts
  for (const r of await rows('MATCH (x)-[:LOCATED_IN]->(d:District) RETURN x.id AS x, d.id AS d')) locatedIn.add(r.x, r.d);
  const level = new Map<string, string>();
  for (const r of await rows('MATCH (d:District) RETURN d.id AS id, d.level AS level')) level.set(r.id, String(r.level ?? '').toUpperCase());
  const governs = multiMap();
  for (const r of await rows('MATCH (p:Plan)-[:GOVERNS]->(d:District) RETURN p.id AS p, d.id AS d')) governs.add(r.p, r.d);
  const assignments: Responsibility[] = (
    await rows('MATCH (b:Department)-[r:LEADS|SUPPORTS]->(t:Task) RETURN b.id AS department, type(r) AS type, t.id AS task')
  ).map((r) => ({ department: r.department, role: r.type === 'LEADS' ? 'LEAD' : 'SUPPORT', task: r.task }));

  const ancestors = (t: string): string[] => {
    const out: string[] = [];
    for (let p = taskParent.get(t); p && !out.includes(p); p = taskParent.get(p)) out.push(p);
    return out;
  };
  const descendants = (t: string): string[] => {
    const out: string[] = [];
    const queue = [...children.of(t)];
    while (queue.length) {
      const c = queue.shift()!;
      if (out.includes(c)) continue;
      out.push(c);
      queue.push(...children.of(c));
    }
    return out;
  };
  const planOf = new Map<string, string>();
  for (const t of tasks) {
    const top = [t, ...ancestors(t)].at(-1)!;
    const plan = topPlan.get(top);
    if (plan) planOf.set(t, plan);
  }
  // The scope of a task: itself, its ancestors, its descendants (PART_OF, any depth); the
  // projects PART_OF it or its descendants are structural descendants too.
  const scopePlaces = new Map<string, Map<string, string>>(); // task → place → what in scope is there
  for (const t of tasks) {
    const places = new Map<string, string>();
    const down = [t, ...descendants(t)];
    for (const x of [...down, ...ancestors(t), ...down.flatMap((d) => [...projectsOf.of(d)])]) {
      for (const d of locatedIn.of(x)) if (!places.has(d)) places.set(d, x);
    }
    scopePlaces.set(t, places);
  }
  const districtsLocatedIn = multiMap(); // district → districts directly in it (zone → members)
  for (const [x, ds] of locatedIn) if (level.has(x)) for (const d of ds) districtsLocatedIn.add(d, x);
  const closure = (start: string, next: (x: string) => Iterable<string>): Set<string> => {
    const seen = new Set<string>();
    const queue = [...next(start)];
    while (queue.length) {
      const x = queue.shift()!;
      if (seen.has(x)) continue;
      seen.add(x);
      queue.push(...next(x));
    }
    return seen;
  };
  const inside = (a: string) => closure(a, (x) => districtsLocatedIn.of(x));
  const containing = (a: string) => closure(a, (x) => (level.has(x) ? locatedIn.of(x) : []));
  const zoneMembers = (z: string) => [...districtsLocatedIn.of(z)];

  function reasons(area: string, options: TouchOptions, task: string): string[] {
    const inner = new Set([area, ...(options.includeDescendants ? inside(area) : [])]);
    const above = options.includeEnclosing ? containing(area) : new Set<string>();
    const out: string[] = [];
    for (const [place, via] of scopePlaces.get(task) ?? []) {
      if (inner.has(place)) out.push(`1: ${via} LOCATED_IN ${place}`);
      else if (level.get(place) === 'ZONE' && zoneMembers(place).some((m) => inner.has(m))) out.push(`1 (zone): ${via} LOCATED_IN ${place}`);
      else if (above.has(place)) out.push(`3: ${via} LOCATED_IN ${place}`);
    }
    const plan = planOf.get(task);
    for (const g of plan ? governs.of(plan) : []) {
      if (inner.has(g)) out.push(`2: ${plan} GOVERNS ${g}`);
      else if (above.has(g)) out.push(`3: ${plan} GOVERNS ${g}`);
    }
    return out;
  }

  const touching = (area: string, options: TouchOptions) => new Set(tasks.filter((t) => reasons(area, options, t).length > 0));

  return {
    tasks,
    planOf,
    touching,
    reasons,
    inside,
    zoneMembers,
    responsibilities(area, options) {
      const touched = touching(area, options);
      return new Set(
        assignments.filter((a) => touched.has(a.task) && (a.role === 'LEAD' || options.includeSupporting)).map(responsibilityKey),
      );
    },
  };
}
