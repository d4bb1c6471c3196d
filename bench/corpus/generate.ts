/**
 * Synthetic benchmark corpus: N plan documents made from the seed plans' own structure,
 * each a different district's or city's plan, over every city, district and town of Guangdong
 * (names of places varied, chapters sampled, figures perturbed). Deterministic: the same seed number always yields the same files.
 *
 *   node bin/run-ts.js bench/corpus/generate.ts --out /tmp/corpus --count 500 --seed 42
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const seedsDir = join(here, '..', '..', 'seeds');

interface District { name: string; short: string; towns: string[] }
interface City { city: string; short: string; districts: District[] }
const places = JSON.parse(readFileSync(join(here, 'places.json'), 'utf8')) as {
  cities: City[];
  huadu: { city: string; cityShort: string; name: string; short: string; towns: string[] };
};

/** A row of loaders/data/divisions.json: [code, name, level, parent code, aliases]. */
type DivisionRow = [string, string, string, string | null, string[]];

/**
 * Every city of Guangdong with every district or county and every town or street in it, from
 * the loaders' own gazetteer (loaders/data/divisions.json), so a large corpus spreads over the
 * whole province as its real plans do: 21 cities, 122 districts, 1,757 towns, and with them the
 * bodies of each (a district plan's 区发展改革局 is that district's). Cities without districts
 * (东莞, 中山: towns directly under the city) have no district plans.
 */
export function guangdongCities(): City[] {
  const rows = (JSON.parse(readFileSync(join(here, '..', '..', 'loaders', 'data', 'divisions.json'), 'utf8')) as { divisions: DivisionRow[] }).divisions.filter(
    ([code]) => code.startsWith('44'),
  );
  const short = (r: DivisionRow) => r[4].find((a) => a.length >= 2 && r[1].startsWith(a)) ?? r[1].replace(/(市|区|县|自治县)$/, '');
  const towns = new Map<string, string[]>();
  for (const r of rows) if (r[2] === 'TOWN' && r[3]) towns.set(r[3], [...(towns.get(r[3]) ?? []), r[1]]);
  return rows
    .filter((r) => r[2] === 'CITY')
    .map((c) => ({
      city: c[1],
      short: short(c),
      districts: rows
        .filter((d) => d[2] === 'DISTRICT' && d[3] === c[0] && (towns.get(d[0])?.length ?? 0) > 0)
        .map((d) => ({ name: d[1], short: short(d), towns: towns.get(d[0])! })),
    }))
    .filter((c) => c.districts.length > 0);
}

/** mulberry32: small, fast, good enough to pick chapters and perturb numbers reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const templates = [
  { file: 'huadu-14th-five-year-plan.txt', level: 'district', chapter: /^\s*第[一二三四五六七八九十]+章/ },
  { file: 'beautiful-guangzhou-plan-2025-2035.txt', level: 'city', chapter: /^\s*[一二三四五六七八九十]+、/ },
  { file: 'guangdong-new-urbanisation-plan-2021-2035.txt', level: 'province', chapter: /^\s*第[一二三四五六七八九十]+章/ },
] as const;

/** Splits a template into its front matter and its chapters (by the template's chapter heading). */
function chapters(text: string, heading: RegExp): { front: string[]; parts: string[][] } {
  const lines = text.split('\n');
  const front: string[] = [];
  const parts: string[][] = [];
  for (const line of lines) {
    if (heading.test(line)) parts.push([line]);
    else if (parts.length) parts[parts.length - 1].push(line);
    else front.push(line);
  }
  return { front, parts };
}

function replaceAll(text: string, pairs: [string, string][]): string {
  for (const [from, to] of pairs) text = text.split(from).join(to);
  return text;
}

export interface SyntheticDocument { file: string; text: string }

export function generateCorpus(count: number, seed: number): SyntheticDocument[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const loaded = templates.map((t) => ({ ...t, ...chapters(readFileSync(join(seedsDir, t.file), 'utf8'), t.chapter) }));
  const cities = guangdongCities();
  const docs: SyntheticDocument[] = [];
  for (let i = 0; i < count; i++) {
    const t = loaded[i % loaded.length];
    const city = pick(cities);
    const district = pick(city.districts);
    // Keep every chapter with probability 0.6 (at least two), in order: plans vary in length.
    let kept = t.parts.filter(() => rand() < 0.6);
    if (kept.length < 2) kept = t.parts.slice(0, 2);
    const h = places.huadu;
    const townPairs: [string, string][] = h.towns.map((town) => [town, pick(district.towns)]);
    const text = replaceAll([...t.front, ...kept.flat()].join('\n'), [
      ...townPairs,
      [h.name, district.name],
      [h.short, district.short],
      ...(t.level === 'province' ? [] : ([[h.city, city.city], [h.cityShort, city.short]] as [string, string][])),
    ]).replace(/(\d+(?:\.\d+)?)(%|万|亿|公里|平方公里)/g, (_m, n: string, unit: string) => {
      const v = Number(n) * (0.8 + rand() * 0.4);
      return `${n.includes('.') ? v.toFixed(1) : Math.round(v)}${unit}`;
    });
    const slug = `${String(i).padStart(4, '0')}-${t.level}-${district.short}`;
    docs.push({ file: `${slug}.txt`, text });
  }
  return docs;
}

export function writeCorpus(outDir: string, count: number, seed: number): { files: string[]; bytes: number } {
  mkdirSync(outDir, { recursive: true });
  let bytes = 0;
  const files = generateCorpus(count, seed).map((d) => {
    const path = join(outDir, d.file);
    writeFileSync(path, d.text);
    bytes += Buffer.byteLength(d.text);
    return path;
  });
  return { files, bytes };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const { files, bytes } = writeCorpus(arg('out', '/tmp/plangraph-corpus'), Number(arg('count', '500')), Number(arg('seed', '42')));
  console.log(`wrote ${files.length} documents, ${(bytes / 1e6).toFixed(1)} MB`);
}
