/**
 * Document numbers (文号): "花府办〔2026〕5号", "粤府〔2021〕22号", "穗府办函〔2024〕3号",
 * "穗花府办〔2023〕1号", "鞍立政发〔2019〕3号". The characters before the year bracket start with a
 * division's abbreviation (loaders/data/division-abbreviations.json); what follows is the
 * issuing office's own short form (府办, 政发, 发改, …), which says nothing about the place.
 */
import { readFileSync } from 'node:fs';
import type { Division } from '../../model.ts';
import { divisionById, isWithin } from '../../gazetteer/divisions.ts';

interface AbbreviationData {
  home: string;
  provinces: Record<string, string>;
  cities: Record<string, Record<string, string>>;
  districts: Record<string, Record<string, string>>;
  prefixes: Record<string, string>;
  notDivisions: string[];
}

const data = JSON.parse(readFileSync(new URL('../../data/division-abbreviations.json', import.meta.url), 'utf8')) as AbbreviationData;

interface Entry {
  code: string;
  /** 0 whole prefix, 1 province, 2 city, 3 district: a tie in length goes to the smaller. */
  rank: number;
}
/** Abbreviation → entries, any level, for the first position. */
const standalone = new Map<string, Entry[]>();
const add = (key: string, e: Entry) => standalone.set(key, [...(standalone.get(key) ?? []), e]);
for (const [k, code] of Object.entries(data.prefixes)) add(k, { code, rank: 0 });
for (const [k, code] of Object.entries(data.provinces)) add(k, { code, rank: 1 });
for (const byCity of Object.values(data.cities)) for (const [k, code] of Object.entries(byCity)) add(k, { code, rank: 2 });
for (const byDistrict of Object.values(data.districts)) for (const [k, code] of Object.entries(byDistrict)) add(k, { code, rank: 3 });
const longest = Math.max(...[...standalone.keys()].map((k) => k.length));

export const HOME_PROVINCE = data.home;

/** One document number: the text, its division prefix and the divisions that prefix may stand for. */
export interface DocNumber {
  text: string;
  /** The abbreviation read, e.g. "穗花" or "花". */
  abbreviation: string;
  /** Divisions it may mean, best first; several when the abbreviation alone is ambiguous (南: 南沙区, 南山区, 南海区). */
  options: Division[];
}

/** 〔2026〕 [2026] （2026） 【2026】 ［2026］ with the issuing prefix before and the serial after. */
export const DOC_NUMBER = /(\p{Script=Han}{1,10})\s*[〔［[（(【]\s*((?:19|20)\d\d)\s*[〕］\]）)】]\s*第?\s*(\d{1,5})\s*号/u;

/** The divisions a document-number prefix names, e.g. "穗花府办" → [花都区]. */
export function divisionsOfPrefix(prefix: string): { abbreviation: string; options: Division[] } | undefined {
  if (data.notDivisions.some((p) => prefix.startsWith(p))) return undefined;
  let best: { key: string; entries: Entry[] } | undefined;
  for (let len = Math.min(longest, prefix.length); len >= 1; len--) {
    // Something must follow a division's abbreviation (府, 政发, 发改); a whole prefix (云府) may be all.
    const entries = standalone.get(prefix.slice(0, len))?.filter((e) => e.rank === 0 || len < prefix.length);
    if (entries?.length) {
      best = { key: prefix.slice(0, len), entries };
      break;
    }
  }
  if (!best) return undefined;
  const top = Math.min(...best.entries.map((e) => e.rank));
  const chosen = best.entries.filter((e) => e.rank === top);
  let options = chosen.map((e) => divisionById(e.code)).filter((d): d is Division => !!d);
  let abbreviation = best.key;
  // Two levels: a city's abbreviation then one of its districts' (穗花府办, 深南府, 鞍立政发).
  if (options.length === 1 && options[0].level === 'CITY') {
    const rest = prefix.slice(best.key.length);
    const byDistrict = data.districts[options[0].code!];
    if (byDistrict) {
      for (let len = Math.min(3, rest.length - 1); len >= 1; len--) {
        const code = byDistrict[rest.slice(0, len)];
        const d = code ? divisionById(code) : undefined;
        if (d) {
          options = [d];
          abbreviation += rest.slice(0, len);
          break;
        }
      }
    }
  }
  // The home province first among equals (an analyst's plans are mostly Guangdong's).
  const home = divisionById(HOME_PROVINCE);
  if (home) options.sort((a, b) => Number(isWithin(b, home)) - Number(isWithin(a, home)));
  return options.length ? { abbreviation, options } : undefined;
}

/**
 * A document number at the start of `text` (a line of its own, a 文号 row's value). Numbers
 * inside a sentence are citations of other documents, so the caller passes only such positions.
 */
export function readDocNumber(text: string): DocNumber | undefined {
  const m = DOC_NUMBER.exec(text);
  if (!m || m.index !== 0) return undefined;
  const found = divisionsOfPrefix(m[1]);
  return found ? { text: m[0], ...found } : undefined;
}
