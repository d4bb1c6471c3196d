/**
 * The scale benchmark's traffic: a fixed list of parameters per kind, read from the loaded
 * graph (every province, city and district; the 200 busiest bodies; 200 words of task titles),
 * and per question a fixed sequence drawn from its list with Zipf-skewed ranks (rank r asked
 * in proportion to 1/r), so a few parameters come often and most rarely, as real traffic does,
 * and the response cache hits what such traffic lets it hit. Seeded: every server, every run
 * sees the same sequence.
 */
import type { Driver } from 'neo4j-driver';
import { prng } from '../corpus/generate.ts';

export interface Parameters {
  areas: string[];
  bodies: string[];
  words: string[];
}

export const BUSIEST_BODIES = 200;
export const SEARCH_WORDS = 200;

/** A seeded shuffle (Fisher-Yates). */
function shuffled<T>(items: T[], seed: number): T[] {
  const rand = prng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Areas in a seeded order (so the skew does not always favour the largest area), bodies by
 * how many tasks they lead, words by how many task titles hold them.
 */
export async function readParameters(driver: Driver, database: string | undefined, seed: number): Promise<Parameters> {
  const rows = async (cypher: string) => (await driver.executeQuery(cypher, {}, { database })).records.map((r) => r.toObject() as Record<string, any>);
  const areas = (
    await rows(`MATCH (d:District) WHERE d.level IN ['PROVINCE', 'CITY', 'DISTRICT'] AND d.id STARTS WITH 'div:44'
                WITH d.name AS name ORDER BY name RETURN collect(DISTINCT name) AS names`)
  )[0].names as string[];
  const bodies = (
    await rows(`MATCH (d:Department) WITH d, COUNT { (d)-[:LEADS]->() } AS led WHERE led > 0
                RETURN d.name AS name ORDER BY led DESC, name LIMIT ${BUSIEST_BODIES}`)
  ).map((r) => r.name as string);
  const titles = (await rows('MATCH (t:Task) RETURN t.title AS title')).map((r) => String(r.title ?? ''));
  const counts = new Map<string, number>();
  for (const title of titles) {
    const seen = new Set<string>();
    for (const run of title.match(/[\u4e00-\u9fa5]{4,}/g) ?? []) {
      for (let i = 0; i + 4 <= run.length; i++) seen.add(run.slice(i, i + 4));
    }
    for (const w of seen) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const words = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, SEARCH_WORDS).map(([w]) => w);
  return { areas: shuffled(areas, seed), bodies, words };
}

/** `length` draws from `list` with P(rank r) ∝ 1/r. */
export function zipfSequence<T>(list: T[], length: number, seed: number): T[] {
  if (list.length === 0) throw new Error('zipfSequence: empty list');
  const cdf: number[] = [];
  let sum = 0;
  for (let r = 1; r <= list.length; r++) cdf.push((sum += 1 / r));
  const rand = prng(seed);
  const out: T[] = [];
  for (let i = 0; i < length; i++) {
    const x = rand() * sum;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    out.push(list[lo]);
  }
  return out;
}
