/**
 * The administrative divisions bodies hang off (province → city → district/county), by name: a view of the
 * one division gazetteer (divisions.ts). Bodies are named after these, so towns are left out here.
 * As in the data file, a municipality's districts (北京市朝阳区) and a province's directly administered
 * county-level cities (济源市) hang off the province: NBS's placeholder cities (市辖区, 省直辖县级行政区划)
 * and areas (441900 东莞市) are not divisions.
 */
import type { Division } from '../model.ts';
import { allDivisions, isWithin, parentOf } from './divisions.ts';

/** Provinces, cities and districts/counties, gazetteer order. */
const named = allDivisions().filter((d) => d.level === 'PROVINCE' || d.level === 'CITY' || d.level === 'DISTRICT');
/** Full names (no aliases) → divisions carrying them. */
const byName = new Map<string, Division[]>();
for (const division of named) {
  const list = byName.get(division.name) ?? [];
  list.push(division);
  byName.set(division.name, list);
}

/**
 * Full names in a trie over code units: divisionAtStart walks it while some name continues instead of
 * slicing and looking up every length up to the longest name in China.
 */
interface NameNode { next: Map<number, NameNode>; name?: string }
const names: NameNode = { next: new Map() };
for (const name of byName.keys()) {
  let node = names;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    let child = node.next.get(c);
    if (!child) node.next.set(c, (child = { next: new Map() }));
    node = child;
  }
  node.name = name;
}
/** 1 where some full name starts with that code unit: most offsets bodyMentions tries start none. */
const nameFirst = new Uint8Array(0x10000);
for (const c of names.next.keys()) nameFirst[c] = 1;
/** Divisions by parent code (provinces under undefined), in data order. */
const childrenOf = new Map<string | undefined, Division[]>();
for (const d of named) {
  const siblings = childrenOf.get(d.parentCode) ?? [];
  siblings.push(d);
  childrenOf.set(d.parentCode, siblings);
}

/** Division names repeat across China (白云区 in 广州 and 贵阳): prefer one inside `near`, then inside its ancestors. */
function pick(candidates: Division[], near?: Division): Division {
  for (let d: Division | undefined = near; d; d = parentOf(d)) {
    const inside = candidates.find((c) => isWithin(c, d!));
    if (inside) return inside;
  }
  return candidates[0];
}

/** The division whose full name (花都区, 广州市, 广东省) is exactly `name`. */
export function divisionByName(name: string, near?: Division): Division | undefined {
  const candidates = byName.get(name);
  return candidates?.length ? pick(candidates, near) : undefined;
}

/** Short name a document may write before 分局 (花都 for 花都区); provinces and cities keep their suffix off too. */
export function shortName(division: Division): string {
  const short = division.name.replace(/(省|市|自治州|地区|盟|区|县|自治县|旗)$/, '');
  return short.length >= 2 ? short : division.name;
}

/**
 * Longest division full name at the start of `text`, e.g. "广州市花都区发展和改革局" → 广州市 (length 3);
 * or at `from` within text, ending by `to` (what text.slice(from, to) would give, without the slice).
 */
export function divisionAtStart(text: string, near?: Division, from = 0, to = text.length): { division: Division; length: number } | undefined {
  const end = Math.min(to, text.length);
  if (from >= end || nameFirst[text.charCodeAt(from)] === 0) return undefined;
  let longest: string | undefined;
  let node: NameNode | undefined = names;
  for (let k = from; k < end && node; k++) {
    node = node.next.get(text.charCodeAt(k));
    if (node?.name !== undefined && k > from) longest = node.name;
  }
  return longest === undefined ? undefined : { division: divisionByName(longest, near)!, length: longest.length };
}

/** A child of `parent` named `name` or written by its short name (花都 → 花都区). */
export function childNamed(parent: Division, name: string): Division | undefined {
  const exact = divisionByName(name, parent);
  if (exact && exact.parentCode === parent.code) return exact;
  for (const d of childrenOf.get(parent.code) ?? []) if (shortName(d) === name) return d;
  return undefined;
}

/** The province, city and district a division lies in (whichever apply). */
export function chainOf(division: Division | undefined): Partial<Record<'PROVINCE' | 'CITY' | 'DISTRICT', Division>> {
  const chain: Partial<Record<'PROVINCE' | 'CITY' | 'DISTRICT', Division>> = {};
  for (let d = division; d; d = parentOf(d)) {
    if (d.level === 'PROVINCE' || d.level === 'CITY' || d.level === 'DISTRICT') chain[d.level] ??= d;
  }
  // Municipalities (北京市): their districts hang off the province, which is the city too.
  if (!chain.CITY && chain.DISTRICT && chain.PROVINCE && chain.DISTRICT.parentCode === chain.PROVINCE.code) chain.CITY = chain.PROVINCE;
  return chain;
}

/** Divisions by short name (花都 → 花都区, 清远 → 清远市), built on first use. */
let byShort: Map<string, Division[]> | undefined;

/**
 * The division a name starts with, written in full (清远市高新区) or short (花都经济开发区, 清远海关): full names
 * first, then short names of 2–4 characters, longest first, preferring one near `near`. A short name only counts
 * when `accept` (if given) takes what follows it, so 南沙开发区 is 南沙 + 开发区 and not some division 南沙开.
 */
export function divisionNamedAtStart(text: string, near?: Division, accept?: (rest: string) => boolean): { division: Division; length: number } | undefined {
  const full = divisionAtStart(text, near);
  if (full && (!accept || accept(text.slice(full.length)))) return full;
  if (!byShort) {
    byShort = new Map();
    for (const d of named) {
      const short = shortName(d);
      if (short === d.name) continue;
      const list = byShort.get(short) ?? [];
      list.push(d);
      byShort.set(short, list);
    }
  }
  for (let length = Math.min(4, text.length); length >= 2; length--) {
    const candidates = byShort.get(text.slice(0, length));
    if (candidates?.length && (!accept || accept(text.slice(length)))) return { division: pick(candidates, near), length };
  }
  return undefined;
}
