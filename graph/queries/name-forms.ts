/**
 * The forms an analyst writes a place in, turned into what the graph stores: Traditional
 * characters (花都區), the hierarchical full name (广东省广州市花都区, 广州市花都区), pinyin with or
 * without a level word (Huadu, Huadu District, huadu qu, Guangzhou), NBS codes in 2–12 digits.
 * Pure functions over the gazetteers (loaders/data/divisions.json, division-pinyin.json).
 */
import { readFileSync } from 'node:fs';
import type { Division, DivisionLevel } from '../../loaders/model.ts';
import { resolveName as resolveBodyName, scopeOf } from '../../loaders/bodies/resolve.ts';
import { allDivisions, divisionById, resolveDivision } from '../../loaders/gazetteer/divisions.ts';
import { departmentId, divisionId, trimDivisionCode } from '../../loaders/ids.ts';
import { simplify } from '../../loaders/read/script.ts';

const pinyinIndex = (): Record<string, string[]> => {
  pinyinKeys ??= (JSON.parse(readFileSync(new URL('../../loaders/data/division-pinyin.json', import.meta.url), 'utf8')) as { keys: Record<string, string[]> }).keys;
  return pinyinKeys;
};
let pinyinKeys: Record<string, string[]> | undefined;

/** English level words and the pinyin syllable a Chinese name ends with for them. */
const LEVEL_WORDS: [RegExp, string][] = [
  [/(district|qu)$/, 'qu'],
  [/(county|xian)$/, 'xian'],
  [/(city|municipality|shi)$/, 'shi'],
  [/(province|sheng)$/, 'sheng'],
  [/(town|zhen)$/, 'zhen'],
  [/(subdistrict|street|jiedao)$/, 'jiedao'],
];

/** Division codes a romanised name may mean: "Huadu", "Huadu District", "huadu qu" → 440114. */
export function pinyinCodes(name: string): string[] {
  const letters = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length < 2 || /[^\x00-\u024f\s'’-]/.test(name)) return [];
  const index = pinyinIndex();
  const keys = [letters];
  for (const [word, syllable] of LEVEL_WORDS) {
    if (word.test(letters)) {
      const stem = letters.replace(word, '');
      keys.push(stem + syllable, stem);
      break;
    }
  }
  for (const key of keys) if (index[key]) return index[key];
  return [];
}

export interface NameForms {
  /** The name as typed, then its Simplified form when that differs. */
  names: string[];
  /** The code as the graph stores it (trailing zero groups trimmed: 440100 → 4401). */
  code: string;
  /** District ids the gazetteer gives for the full name, Simplified name or pinyin. */
  ids: string[];
}

export function districtNameForms(typed: string): NameForms {
  const name = typed.trim();
  const simplified = simplify(name);
  const names = [...new Set([name, simplified])];
  const ids = new Set<string>();
  for (const n of names) {
    const d = resolveDivision(n);
    if (d) ids.add(d.id);
  }
  for (const code of pinyinCodes(name)) ids.add(divisionId(code));
  return { names, code: trimDivisionCode(name), ids: [...ids] };
}

/** The 6-digit GB/T 2260 code analysts use (4401 → 440100, 44 → 440000); towns keep their 9 digits. */
export function sixDigitCode(code: string | null | undefined): string | null {
  if (!code || !/^\d+$/.test(code)) return code ?? null;
  return code.length < 6 ? code.padEnd(6, '0') : code;
}

/** The 12-digit NBS statistical code (440114 → 440114000000). */
export function twelveDigitCode(code: string | null | undefined): string | null {
  return code && /^\d+$/.test(code) ? code.padEnd(12, '0') : null;
}

const bodyCache = new Map<string, string[]>();
const LEVEL_OF_MARKER: Record<string, DivisionLevel> = { 省: 'PROVINCE', 市: 'CITY', 区: 'DISTRICT', 县: 'DISTRICT' };

/**
 * Department ids a typed body name means, read the way a plan's own names are (loaders/bodies):
 * 广州市发改委 and 广东省发改委 name their division; 发改委 or 市发改委 with a jurisdiction
 * (广州市) are that division's; 省发改委 / 市发改委 / 区发改局 without one may be any province's,
 * city's or district's (the graph keeps those that exist). Traditional is read as Simplified.
 */
export function departmentIdsFor(typed: string, jurisdiction?: string | null): string[] {
  const key = `${typed}\u0000${jurisdiction ?? ''}`;
  const cached = bodyCache.get(key);
  if (cached) return cached;
  const ids = new Set<string>();
  const add = (written: string, division: Division | undefined) => {
    const r = resolveBodyName(written, scopeOf(division));
    // A fallback body is the written name kept as it is: not a body the gazetteer knows.
    const known = r.status === 'body' && r.body.source !== 'fallback';
    if (known) ids.add(departmentId(r.body.name));
    return known;
  };
  const within = jurisdiction?.trim() ? districtDivision(jurisdiction) : undefined;
  for (const written of new Set([typed.trim(), simplify(typed.trim())])) {
    if (!written) continue;
    if (within) {
      add(written, within);
      continue;
    }
    if (add(written, undefined)) continue;
    const level = LEVEL_OF_MARKER[written.replace(/^中共/, '')[0] ?? ''];
    if (level) for (const d of allDivisions()) if (d.level === level) add(written, d);
  }
  const out = [...ids].slice(0, 200);
  if (bodyCache.size > 500) bodyCache.clear();
  bodyCache.set(key, out);
  return out;
}

/** The gazetteer division a typed district name means (any form districtNameForms reads), if one. */
export function districtDivision(typed: string): Division | undefined {
  const [id] = districtNameForms(typed).ids;
  return id ? divisionById(id) : undefined;
}
