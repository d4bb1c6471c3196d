/**
 * Finds the places a piece of plan text is in or about: gazetteer divisions by full name or
 * safe short form, and zones (named areas defined in text). Precision first: a name that
 * opens a facility (白云机场), a road (花都大道), a body (花都区人民政府), a slogan (美丽广州)
 * or a responsibility clause (广州市牵头) is not a place mention.
 */
import { readFileSync } from 'node:fs';
import type { Division } from '../model.ts';
import { allDivisions, chooseDivision, isWithin, parentOf } from './gazetteer.ts';

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

const GENERIC_COUNTY = /^(新城|老城|城[东西南北中]|[东西南北中]城|市中|[东西南北中]|郊|矿|新|开发|高新)区$/;
const index = new Map<string, NameEntry[]>();
// Longest name starting with each two characters: most positions in a text start no name
// at all, and those that do need not try every length up to the longest name in China.
const longestByPrefix = new Map<string, number>();
for (const d of allDivisions()) {
  const add = (name: string, kind: NameKind) => {
    if (name.length < 2) return;
    // A common-word short form (南海, 光明) is trusted only in the plan of that very place.
    if (blocked.has(name)) kind = kind === 'full' ? kind : 'homeAlias';
    if (blocked.has(name) && kind === 'full') return;
    const list = index.get(name) ?? [];
    list.push({ division: d, kind });
    index.set(name, list);
    const prefix = name.slice(0, 2);
    longestByPrefix.set(prefix, Math.max(longestByPrefix.get(prefix) ?? 0, name.length));
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

const isHan = (c: string | undefined) => !!c && /[\u3400-\u9fff]/.test(c);
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
  return qualified || !isHan(text[start - 1]) || !isHan(text[end]);
}

/** The province a division lies in. */
function ancestryTop(d?: Division): Division | undefined {
  let top = d;
  for (let p = d && parentOf(d); p; p = parentOf(p)) top = p;
  return top?.level === 'PROVINCE' ? top : undefined;
}

/** True when the words after a place name make it the opening of a body's name. */
function opensBodyName(after: string): boolean {
  let run = '';
  for (const c of after) {
    if (!isHan(c) || run.length >= 16) break;
    run += c;
  }
  for (let k = 0; k < run.length; k++) {
    const suffix = rules.bodySuffixes.words.find((w) => run.startsWith(w, k));
    if (!suffix) continue;
    const around = run.slice(Math.max(0, k - 1), k + suffix.length + 1);
    if (rules.notBodyWords.words.some((w) => around.includes(w))) continue;
    const head = run.slice(0, k);
    if (rules.sentenceWords.words.some((w) => head.includes(w))) return false;
    if (rules.sentenceStartWords.words.some((w) => head.startsWith(w))) return false;
    return true;
  }
  return false;
}

/** Spans of responsibility clauses: （X牵头；Y按职责分工负责）, 牵头单位：…, whose names are bodies. */
function responsibilitySpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/[（(][^（()）]*[）)]/g)) {
    if (/牵头|负责|参与|配合|协同|责任单位/.test(m[0])) spans.push([m.index!, m.index! + m[0].length]);
  }
  for (const m of text.matchAll(/(牵头|责任|配合|参与|协同|协办|主办)(单位|部门)[：:]|部门分工[：:]/g)) {
    const end = text.indexOf('。', m.index!);
    spans.push([m.index!, end < 0 ? text.length : end]);
  }
  return spans;
}

interface Candidate { entries: NameEntry[]; zone?: Division; length: number }

/** The longest zone or gazetteer name starting at i whose entries may be used here. */
/** Zone names by first character, built once per text: most positions start none of them. */
type ZoneNames = Map<string, { name: string; zone: Division }[]>;
function zoneNames(zones: Division[]): ZoneNames {
  const byFirst: ZoneNames = new Map();
  for (const zone of zones) {
    for (const name of [zone.name, ...zone.aliases]) {
      if (name.length < 2) continue;
      const list = byFirst.get(name[0]) ?? [];
      list.push({ name, zone });
      byFirst.set(name[0], list);
    }
  }
  return byFirst;
}

function longestAt(text: string, i: number, zones: ZoneNames, scope?: Division, home?: Division): Candidate | undefined {
  let best: Candidate | undefined;
  for (const { name: n, zone: z } of zones.get(text[i]) ?? []) {
    if (text.startsWith(n, i) && (!best || n.length > best.length)) best = { entries: [], zone: z, length: n.length };
  }
  for (let len = Math.min(longestByPrefix.get(text.substr(i, 2)) ?? 0, text.length - i); len >= 2; len--) {
    if (best && best.length >= len) break;
    const entries = index.get(text.substr(i, len))?.filter(
      (e) =>
        (e.kind !== 'townStem' || (scope && isWithin(e.division, scope))) &&
        (e.kind !== 'homeAlias' || (home && (e.division.id === home.id || isWithin(home, e.division)))),
    );
    if (entries && entries.length > 0) return { entries, length: len };
  }
  return best;
}

/** Every place mention in `text`, in order, after context rules. */
export function findPlaceMentions(text: string, options: MatchOptions = {}): PlaceMention[] {
  const { jurisdiction, zones = [] } = options;
  const zoneIndex = zoneNames(zones);
  const scope = stemScope(jurisdiction);
  const city = cityScope(jurisdiction);
  const excluded = responsibilitySpans(text);
  const found: PlaceMention[] = [];
  let i = 0;
  while (i < text.length) {
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
    if (opensBodyName(after) || (/^[）)]/.test(after) && opensBodyName(after.slice(1)))) {
      let from = start;
      while (found.length > 0 && /^[、和及]$/.test(text.slice(found[found.length - 1].end, from))) from = found.pop()!.start;
      continue;
    }
    // 美丽广州都市圈 is still about the zone; 美丽广州 alone is a campaign, not the city.
    if (cand.zone) {
      found.push({ division: cand.zone, start, end, surface });
      continue;
    }
    if (rules.sloganBefore.words.some((w) => before.endsWith(w))) continue;
    if (!isHan(text[end]) && sloganBefore.test(text.slice(Math.max(0, start - 8), start))) continue;
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
    if (/城[市区]$/.test(surface) && isHan(text[start - 1]) && !(prev && prev.end === start && isWithin(chosen, prev.division))) continue;
    // Places in other provinces are rarer in a plan than words that contain their names
    // (“新乡贤”, 罗浮山县镇村, 2项城市道路): trust them at a list boundary or after a qualifier.
    const province = ancestryTop(jurisdiction);
    if (province && !isWithin(chosen, province) && chosen.level !== 'PROVINCE') {
      const qualified = !!prev && prev.end === start && isWithin(chosen, prev.division);
      const listed = !isHan(text[end]) || /^[等和与及]/.test(text[end] ?? '');
      if (!qualified) {
        if (/城市$/.test(surface)) continue;
        if (entry.kind === 'alias' && !listed) continue;
        if (entry.kind === 'full' && chosen.level === 'DISTRICT' && isHan(text[start - 1]) && !/[、和与及]/.test(text[start - 1])) continue;
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
    if ((entry.kind === 'alias' || entry.kind === 'homeAlias') && countingWord.test(surface) && isHan(text[end])) {
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
