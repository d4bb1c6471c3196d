/**
 * Finds the places a piece of plan text is in or about: gazetteer divisions by full name or
 * safe short form, and zones (named areas defined in text). Precision first: a name that
 * opens a facility (白云机场), a road (花都大道), a body (花都区人民政府), a slogan (美丽广州)
 * or a responsibility clause (广州市牵头) is not a place mention. Shared by the extractors that
 * read places (places: tasks' LOCATED_IN; projects: where a project is).
 */
import { readFileSync } from 'node:fs';
import type { Division } from '../model.ts';
import { allDivisions, chooseDivision, isWithin, parentOf } from './divisions.ts';

/** How a name denotes its division; decides where it may be trusted. */
type NameKind = 'full' | 'alias' | 'streetAlias' | 'townStem' | 'homeAlias';
interface NameEntry { division: Division; kind: NameKind }

export interface PlaceMention {
  division: Division;
  /** Offsets into the matched text, [start, end). */
  start: number;
  end: number;
  surface: string;
}

export interface MatchOptions {
  /** The plan's governed area: resolves ambiguous names, licenses bare town names (狮岭 in the Huadu plan). */
  jurisdiction?: Division;
  /** Zones known to this document (defined in its text or known from elsewhere). */
  zones?: Division[];
}

interface Rules {
  blockedAliases: { names: string[] };
  facilityAfter: { words: string[] };
  facilityAfterExceptions: { words: string[] };
  bodySuffixes: { words: string[] };
  notBodyWords: { words: string[] };
  sentenceWords: { words: string[] };
  sentenceStartWords: { words: string[] };
  responsibilityAfter: { words: string[] };
  sloganBefore: { words: string[] };
  directionAfter: { words: string[] };
  sloganPattern: { before: string };
  countingWordAliases: { pattern: string; areaAfter: string[] };
}
const rules = JSON.parse(readFileSync(new URL('../data/place-rules.json', import.meta.url), 'utf8')) as Rules;
const blocked = new Set(rules.blockedAliases.names);
const sloganBefore = new RegExp(rules.sloganPattern.before);
const countingWord = new RegExp(rules.countingWordAliases.pattern);
// Slogan words (one or two characters) tested against the two characters before a name.
const sloganUnits = new Set(rules.sloganBefore.words.filter((w) => w.length === 1).map((w) => w.charCodeAt(0)));
const sloganPairs = new Set(rules.sloganBefore.words.filter((w) => w.length === 2));
if (rules.sloganBefore.words.some((w) => w.length < 1 || w.length > 2)) throw new Error('place-rules: sloganBefore words must be one or two characters');

const GENERIC_COUNTY = /^(新城|老城|城[东西南北中]|[东西南北中]城|市中|[东西南北中]|郊|矿|新|开发|高新)区$/;
/**
 * Gazetteer names in a trie over UTF-16 code units, built once: at each offset of a text the
 * matcher walks forward only while some name continues, so the (many) positions that start no
 * name cost one array read, and those that do never build a substring per candidate length.
 */
class TrieNode {
  next: Map<number, TrieNode> | undefined = undefined;
  /** Entries of the name ending here; `gated` when some need the plan's context (townStem, homeAlias). */
  entries: NameEntry[] | undefined = undefined;
  gated = false;
}
/**
 * The trie's first level, compact so a scan stays in cache beside the rest of the pipeline: a
 * code unit's slot (0: no name starts with it), the trie node of each slot, and per slot 64
 * bits saying which second code units (mod 64) some name continues with. Most offsets of a
 * text start no name; these two reads rule nearly all of them out.
 */
const firstSlot = new Uint16Array(0x10000);
const roots: TrieNode[] = [];
const slotOf = (c: number): number => {
  if (firstSlot[c] === 0) {
    roots.push(new TrieNode());
    firstSlot[c] = roots.length;
  }
  return firstSlot[c] - 1;
};
/** The first two code units of every name in the trie: the source of secondBits and of the scan's pair filter. */
const pairs: [number, number][] = [];
/** True when some gazetteer name may start with the code units a, b (a set bit may be another second's). */
function mayStartName(a: number, b: number): boolean {
  const slot = firstSlot[a];
  return slot !== 0 && (secondBits[(slot - 1) * 2 + ((b >> 5) & 1)] & (1 << (b & 31))) !== 0;
}
for (const d of allDivisions()) {
  const add = (name: string, kind: NameKind) => {
    if (name.length < 2) return;
    // A common-word short form (南海, 光明) is trusted only in the plan of that very place.
    if (blocked.has(name)) kind = kind === 'full' ? kind : 'homeAlias';
    if (blocked.has(name) && kind === 'full') return;
    const slot = slotOf(name.charCodeAt(0));
    pairs.push([name.charCodeAt(0), name.charCodeAt(1)]);
    let node = roots[slot];
    for (let k = 1; k < name.length; k++) {
      const c = name.charCodeAt(k);
      node.next ??= new Map();
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = new TrieNode()));
      node = child;
    }
    (node.entries ??= []).push({ division: d, kind });
    if (kind === 'townStem' || kind === 'homeAlias') node.gated = true;
  };
  // Town-level units not named 镇/乡/街道 are often generic words (开发区, 保税区, 工业园区);
  // so are some county names elsewhere (新城区, 市中区, 南县).
  const genericCounty = d.level === 'DISTRICT' && !d.code?.startsWith('44') && (d.name.length <= 2 || GENERIC_COUNTY.test(d.name));
  if ((d.level !== 'TOWN' || /(镇|乡|街道)$/.test(d.name)) && !genericCounty) add(d.name, 'full');
  for (const a of d.aliases) {
    if (d.level !== 'TOWN') add(a, 'alias');
    else if (a.endsWith('街') && d.name.endsWith('街道')) add(a, 'streetAlias');
    // Bare stems of 街道 (花城, 新华, 秀全) are slogans, agencies and people far too often.
    else if (/[镇乡]$/.test(d.name)) add(a, 'townStem');
  }
}

/**
 * The trie below the first level, flattened once it is built: node k's children are
 * childCode/childNode[childStart[k] … childStart[k + 1]), sorted by code unit. Most nodes have
 * one or two children, read by a short scan of a typed array instead of a Map lookup per unit.
 */
const flatNodes: TrieNode[] = [];
const indexOf = new Map<TrieNode, number>();
for (const root of roots) indexOf.set(root, flatNodes.push(root) - 1);
for (let k = 0; k < flatNodes.length; k++) {
  for (const child of flatNodes[k].next?.values() ?? []) indexOf.set(child, flatNodes.push(child) - 1);
}
const childStart = new Int32Array(flatNodes.length + 1);
let childCount = 0;
for (let k = 0; k < flatNodes.length; k++) {
  childStart[k] = childCount;
  childCount += flatNodes[k].next?.size ?? 0;
}
childStart[flatNodes.length] = childCount;
const childCode = new Uint16Array(childCount);
const childNode = new Int32Array(childCount);
for (let k = 0; k < flatNodes.length; k++) {
  const kids = [...(flatNodes[k].next ?? new Map<number, TrieNode>())].sort((a, b) => a[0] - b[0]);
  kids.forEach(([c, child], n) => {
    childCode[childStart[k] + n] = c;
    childNode[childStart[k] + n] = indexOf.get(child)!;
  });
}
// The maps only served the build.
for (const n of flatNodes) n.next = undefined;
/** Node k's child on code unit c, or -1. */
function childOf(k: number, c: number): number {
  let lo = childStart[k];
  let hi = childStart[k + 1];
  // Binary search narrows the wide nodes (a first character's seconds); a scan finishes.
  while (hi - lo > 8) {
    const mid = (lo + hi) >> 1;
    if (childCode[mid] < c) lo = mid + 1;
    else hi = mid + 1;
  }
  for (; lo < hi; lo++) {
    const code = childCode[lo];
    if (code === c) return childNode[lo];
    if (code > c) return -1;
  }
  return -1;
}

const secondBits = new Int32Array(roots.length * 2);
for (const [first, second] of pairs) secondBits[(firstSlot[first] - 1) * 2 + ((second >> 5) & 1)] |= 1 << (second & 31);

/**
 * The scan's filter: one bit per hash of a name's first two code units, 16 KB so it stays in
 * the first-level cache (the 128 KB slot table does not). About 6% of a plan's offsets pass it;
 * longestAt then tests them exactly. Each zone list gets a copy with its zones' pairs added.
 */
const pairHash = (a: number, b: number) => ((a << 5) ^ b) & 0x1ffff;
const gazetteerPairBits = new Int32Array(0x20000 >> 5);
const addPair = (bits: Int32Array, a: number, b: number) => {
  const h = pairHash(a, b);
  bits[h >> 5] |= 1 << (h & 31);
};
for (const [first, second] of pairs) addPair(gazetteerPairBits, first, second);

const isHanCode = (c: number) => c >= 0x3400 && c <= 0x9fff;
/** A Han character at text[k] (none before the start or past the end). */
const hanAt = (text: string, k: number) => isHanCode(text.charCodeAt(k));
const startsWithAny = (s: string, words: string[]) => words.find((w) => s.startsWith(w));

/** The district a town stem must lie in to be trusted: the jurisdiction if it is a district or town. */
function stemScope(jurisdiction?: Division): Division | undefined {
  if (!jurisdiction) return undefined;
  if (jurisdiction.level === 'DISTRICT') return jurisdiction;
  if (jurisdiction.level === 'TOWN') return parentOf(jurisdiction);
  return undefined;
}

/** The city whose districts a plan may name by bare short form (花都, 从化 in a Guangzhou plan). */
function cityScope(jurisdiction?: Division): Division | undefined {
  for (let d = jurisdiction; d; d = parentOf(d)) if (d.level === 'CITY') return d;
  return undefined;
}

/**
 * A district short form from outside the plan's city is trusted only where it stands as a
 * name: at a list or clause boundary (清城、清新、佛冈) or after its city (清远清城). Inside a
 * run of text it is usually part of another word (广清城际, 资源城乡, 紫霞山庄).
 */
function standsAlone(text: string, start: number, end: number, qualified: boolean): boolean {
  return qualified || !hanAt(text, start - 1) || !hanAt(text, end);
}

/** The province a division lies in. */
function ancestryTop(d?: Division): Division | undefined {
  let top = d;
  for (let p = d && parentOf(d); p; p = parentOf(p)) top = p;
  return top?.level === 'PROVINCE' ? top : undefined;
}

/** Body suffixes by first code unit, in rule order: at each offset only those that can start there are tried. */
const bodySuffixesByFirst = new Map<number, string[]>();
for (const w of rules.bodySuffixes.words) {
  const list = bodySuffixesByFirst.get(w.charCodeAt(0)) ?? [];
  list.push(w);
  bodySuffixesByFirst.set(w.charCodeAt(0), list);
}
const bodySuffixFirst = new Uint8Array(0x10000);
for (const c of bodySuffixesByFirst.keys()) bodySuffixFirst[c] = 1;
/** Han characters read after a name when looking for a body suffix (the 16 after it; 15 past a closing bracket). */
const BODY_RUN = 16;

/** True when the words after a place name (text from `from`, at most `limit` Han characters) make it the opening of a body's name. */
function opensBodyName(text: string, from: number, limit = BODY_RUN): boolean {
  let to = from;
  while (to < text.length && to - from < limit && isHanCode(text.charCodeAt(to))) to++;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (bodySuffixFirst[c] === 0) continue;
    const candidates = bodySuffixesByFirst.get(c)!;
    let suffix: string | undefined;
    for (const w of candidates) {
      if (k + w.length <= to && text.startsWith(w, k)) {
        suffix = w;
        break;
      }
    }
    if (!suffix) continue;
    const run = text.slice(from, to);
    const at = k - from;
    const around = run.slice(Math.max(0, at - 1), at + suffix.length + 1);
    if (rules.notBodyWords.words.some((w) => around.includes(w))) continue;
    const head = run.slice(0, at);
    if (rules.sentenceWords.words.some((w) => head.includes(w))) return false;
    if (rules.sentenceStartWords.words.some((w) => head.startsWith(w))) return false;
    return true;
  }
  return false;
}

/** Spans of responsibility clauses: （X牵头；Y按职责分工负责）, 牵头单位：…, whose names are bodies. */
function responsibilitySpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  // Both patterns need a bracket or a colon; most paragraphs have neither, and skip the scans.
  let bracket = false;
  let colon = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0xff08 || c === 0x28) bracket = true;
    else if (c === 0xff1a || c === 0x3a) colon = true;
  }
  if (bracket) {
    for (const m of text.matchAll(/[（(][^（()）]*[）)]/g)) {
      if (/牵头|负责|参与|配合|协同|责任单位/.test(m[0])) spans.push([m.index!, m.index! + m[0].length]);
    }
  }
  if (!colon) return spans;
  for (const m of text.matchAll(/(牵头|责任|配合|参与|协同|协办|主办)(单位|部门)[：:]|部门分工[：:]/g)) {
    const end = text.indexOf('。', m.index!);
    spans.push([m.index!, end < 0 ? text.length : end]);
  }
  return spans;
}

interface Candidate { entries: NameEntry[]; zone?: Division; length: number }

/** Zone names by first code unit, built once per zone list: most positions start none of them. */
interface ZoneNames {
  byFirst: Map<number, { name: string; zone: Division }[]>;
  /** 1 where some zone name starts with that code unit: the common miss costs no hashing. */
  starts: Uint8Array | undefined;
  /** The scan's pair filter: the gazetteer's with these zones' names added. */
  pairBits: Int32Array;
  size: number;
}
const noZones: ZoneNames = { byFirst: new Map(), starts: undefined, pairBits: gazetteerPairBits, size: 0 };
// Callers pass the same zone list for every paragraph of a plan; index it once per list.
const zoneIndexes = new WeakMap<Division[], ZoneNames>();
function zoneNames(zones: Division[]): ZoneNames {
  if (zones.length === 0) return noZones;
  const cached = zoneIndexes.get(zones);
  if (cached && cached.size === zones.length) return cached;
  const byFirst: ZoneNames['byFirst'] = new Map();
  const starts = new Uint8Array(0x10000);
  const pairBits = gazetteerPairBits.slice();
  for (const zone of zones) {
    for (const name of [zone.name, ...zone.aliases]) {
      if (name.length < 2) continue;
      const c = name.charCodeAt(0);
      const list = byFirst.get(c) ?? [];
      list.push({ name, zone });
      byFirst.set(c, list);
      starts[c] = 1;
      addPair(pairBits, c, name.charCodeAt(1));
    }
  }
  const names = { byFirst, starts, pairBits, size: zones.length };
  zoneIndexes.set(zones, names);
  return names;
}

/** Lengths of the gazetteer names starting at an offset, shortest first (reused: no allocation per offset). */
const ends: TrieNode[] = [];
const endLengths: number[] = [];

/** The longest zone or gazetteer name starting at i whose entries may be used here. */
function longestAt(text: string, i: number, zones: ZoneNames, scope?: Division, home?: Division): Candidate | undefined {
  const first = text.charCodeAt(i);
  let best: Candidate | undefined;
  if (zones.starts !== undefined && zones.starts[first] === 1) {
    for (const { name: n, zone: z } of zones.byFirst.get(first)!) {
      if (text.startsWith(n, i) && (!best || n.length > best.length)) best = { entries: [], zone: z, length: n.length };
    }
  }
  if (!mayStartName(first, text.charCodeAt(i + 1))) return best;
  let node = firstSlot[first] - 1;
  let count = 0;
  for (let j = i + 1; j < text.length; j++) {
    node = childOf(node, text.charCodeAt(j));
    if (node < 0) break;
    const here = flatNodes[node];
    if (here.entries) {
      ends[count] = here;
      endLengths[count++] = j + 1 - i;
    }
  }
  for (let k = count - 1; k >= 0; k--) {
    const len = endLengths[k];
    if (best && best.length >= len) break;
    const end = ends[k];
    const entries = !end.gated
      ? end.entries!
      : end.entries!.filter(
          (e) =>
            (e.kind !== 'townStem' || (scope && isWithin(e.division, scope))) &&
            (e.kind !== 'homeAlias' || (home && (e.division.id === home.id || isWithin(home, e.division)))),
        );
    if (entries.length > 0) return { entries, length: len };
  }
  return best;
}

/**
 * The first offset from i where a gazetteer or zone name may start (text.length if none). A
 * small function of its own: the scan over every code unit of a text optimises as a tight loop.
 */
function nextCandidateStart(text: string, i: number, pairBits: Int32Array): number {
  const n = text.length;
  let code = i < n ? text.charCodeAt(i) : 0;
  for (; i < n; i++) {
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    const h = pairHash(code, next);
    if ((pairBits[h >> 5] & (1 << (h & 31))) !== 0) return i;
    code = next;
  }
  return n;
}

/** Every place mention in `text`, in order, after context rules. */
export function findPlaceMentions(text: string, options: MatchOptions = {}): PlaceMention[] {
  const { jurisdiction, zones = [] } = options;
  const zoneIndex = zoneNames(zones);
  const scope = stemScope(jurisdiction);
  const city = cityScope(jurisdiction);
  const province = ancestryTop(jurisdiction);
  const excluded = responsibilitySpans(text);
  const found: PlaceMention[] = [];
  let i = 0;
  const pairBits = zoneIndex.pairBits;
  while (i < text.length) {
    i = nextCandidateStart(text, i, pairBits);
    if (i >= text.length) break;
    const cand = longestAt(text, i, zoneIndex, scope, jurisdiction);
    if (!cand) {
      i++;
      continue;
    }
    const start = i;
    const end = i + cand.length;
    i = end;
    const surface = text.slice(start, end);
    if (excluded.some(([s, e]) => start >= s && start < e)) continue;
    const before = text.slice(Math.max(0, start - 2), start);
    const after = text.slice(end, end + 16);
    if (startsWithAny(after, rules.responsibilityAfter.words)) continue;
    // 广州市生态环境局, （广州）科技服务有限公司; and 广东省、广州市住房城乡建设部门 names bodies all along.
    const close = text.charCodeAt(end);
    if (opensBodyName(text, end) || ((close === 0xff09 || close === 0x29) && opensBodyName(text, end + 1, BODY_RUN - 1))) {
      let from = start;
      while (found.length > 0 && /^[、和及]$/.test(text.slice(found[found.length - 1].end, from))) from = found.pop()!.start;
      continue;
    }
    // 美丽广州都市圈 is still about the zone; 美丽广州 alone is a campaign, not the city.
    if (cand.zone) {
      found.push({ division: cand.zone, start, end, surface });
      continue;
    }
    if (sloganPairs.has(before) || (before.length > 0 && sloganUnits.has(before.charCodeAt(before.length - 1)))) continue;
    if (!hanAt(text, end) && sloganBefore.test(text.slice(Math.max(0, start - 8), start))) continue;
    // “花漾花都”, “幸福美丽花都”, “投资花都”: a name closing a quoted brand is the brand.
    if (text[end] === '”' && /“[\u3400-\u9fff]{2,6}$/.test(text.slice(Math.max(0, start - 7), start))) continue;
    const short = cand.entries.every((e) => e.kind === 'alias' || e.kind === 'townStem' || e.kind === 'homeAlias');
    if (short) {
      if (startsWithAny(after, rules.facilityAfter.words) && !startsWithAny(after, rules.facilityAfterExceptions.words)) {
        // 广州白云国际机场: the city in front of a facility's name is part of that name.
        const prev = found[found.length - 1];
        if (prev && prev.end === start) found.pop();
        continue;
      }
      if (/[东南西北]$/.test(surface) && startsWithAny(after, rules.directionAfter.words)) continue;
      // 广州北—佛山西, 广州东站: a city plus one direction is a station's name.
      if (/^[东南西北](站|$|[^\u3400-\u9fff])/.test(after)) continue;
      if (cand.entries.some((e) => e.kind === 'townStem') && before.endsWith('“') && after.startsWith('”')) continue;
    }
    // A qualifier right before (佛山市顺德区龙江镇) or the jurisdiction picks among same-named towns.
    const prev = found[found.length - 1];
    const qualifier = prev && text.slice(prev.end, start).length <= 1 ? prev.division : undefined;
    const divisions = cand.entries.map((e) => e.division);
    const chosen =
      (qualifier && qualifier.level !== 'ZONE' ? chooseDivision(surface, divisions, qualifier) : undefined) ??
      chooseDivision(surface, divisions, jurisdiction);
    if (!chosen) continue;
    const entry = cand.entries.find((e) => e.division === chosen)!;
    // 东方市场, 中山区域: the name runs into an ordinary word. 沿海城市, 新兴城市: 海城市 and 兴城市 are
    // county names only where they stand as a name (after a qualifier or a boundary).
    if ((surface.endsWith('市') && text[end] === '场') || (surface.endsWith('区') && text[end] === '域')) continue;
    if (/城[市区]$/.test(surface) && hanAt(text, start - 1) && !(prev && prev.end === start && isWithin(chosen, prev.division))) continue;
    // Places in other provinces are rarer in a plan than words that contain their names
    // (“新乡贤”, 罗浮山县镇村, 2项城市道路): trust them at a list boundary or after a qualifier.
    if (province && !isWithin(chosen, province) && chosen.level !== 'PROVINCE') {
      const qualified = !!prev && prev.end === start && isWithin(chosen, prev.division);
      const listed = !hanAt(text, end) || /^[等和与及]/.test(text[end] ?? '');
      if (!qualified) {
        if (/城市$/.test(surface)) continue;
        if (entry.kind === 'alias' && !listed) continue;
        if (entry.kind === 'full' && chosen.level === 'DISTRICT' && hanAt(text, start - 1) && !/[、和与及]/.test(text[start - 1])) continue;
      }
    }
    // Short forms of districts outside the plan's city, and of other provinces, must stand alone.
    const foreignProvince = chosen.level === 'PROVINCE' && !(jurisdiction && isWithin(jurisdiction, chosen));
    if (entry.kind === 'alias' && (chosen.level === 'DISTRICT' || foreignProvince)) {
      const local = city && isWithin(chosen, city);
      const qualified = !!prev && prev.end === start && prev.division.level === 'CITY' && isWithin(chosen, prev.division);
      if (!local && !standsAlone(text, start, end, qualified)) continue;
    }
    // “三水统筹” counts waters; 花都、三水两区 and 佛山三水 name the district.
    if ((entry.kind === 'alias' || entry.kind === 'homeAlias') && countingWord.test(surface) && hanAt(text, end)) {
      const joined = !!prev && /^[、—－\-和与及]?$/.test(text.slice(prev.end, start));
      if (!joined && !startsWithAny(after, rules.countingWordAliases.areaAfter)) continue;
    }
    // 新华街 alone could be a street in any city: trust it only near the plan or a qualifier.
    if (entry.kind === 'streetAlias') {
      const near = (qualifier && isWithin(chosen, qualifier)) || (jurisdiction && isWithin(chosen, jurisdiction));
      if (!near) continue;
    }
    // 花都区新华街道: the district only qualifies the street; keep the most specific place.
    if (prev && prev.end === start && prev.division.level !== 'ZONE' && isWithin(chosen, prev.division)) found.pop();
    found.push({ division: chosen, start, end, surface });
  }
  return dropResponsibleLists(text, found);
}

/** 广州市、佛山市牵头: a run of names ending in a responsibility word names bodies. */
function dropResponsibleLists(text: string, mentions: PlaceMention[]): PlaceMention[] {
  const keep = mentions.map(() => true);
  let runStart = 0;
  for (let k = 0; k < mentions.length; k++) {
    const next = mentions[k + 1];
    const joined = next && /^(、|，|,|和|及|与)?$/.test(text.slice(mentions[k].end, next.start));
    if (joined) continue;
    const after = text.slice(mentions[k].end, mentions[k].end + 8);
    if (/^(人民政府|政府)?(等)?(牵头|负责|参与|配合)/.test(after)) for (let r = runStart; r <= k; r++) keep[r] = false;
    runStart = k + 1;
  }
  return mentions.filter((_, k) => keep[k]);
}
