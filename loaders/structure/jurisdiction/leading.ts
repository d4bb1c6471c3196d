/**
 * The divisions a name starts with, read against the gazetteer rather than by suffix shape:
 * "广州市花都区人民政府办公室" → 花都区, "广东省推进城市更新…" → 广东省 (推进城市 is no division),
 * "中共清远市委 清远市人民政府关于…" → 清远市, "广东《政府工作报告》…" → 广东省.
 * Only names the gazetteer knows count; a standalone start may be a province, city or
 * county-level full name, or a province or city short form (广东, 广州); below a division its
 * own children may follow in full or short form (广州花都 → 花都区).
 */
import type { Division } from '../../model.ts';
import { divisionById, namesIndex, isWithin } from '../../gazetteer/divisions.ts';
import { HOME_PROVINCE } from './doc-number.ts';
import { LEVEL_DEPTH } from '../../vocabulary.ts';

export interface LeadingDivision {
  /** The most specific division the text starts with. */
  division: Division;
  /** The text it was read from, e.g. "广州市花都区". */
  surface: string;
  /** Where the surface starts in the text (after a 中共 / 中国共产党 prefix). */
  start: number;
  /**
   * Every division the text may mean, `division` first: more than one when a name alone is
   * shared (白云区 in 广州市 and in 贵阳市); `division` is then the home province's, if one is.
   */
  options: Division[];
  /** False when the name is shared and none of its namesakes lies in the home province: the text alone cannot say which. */
  sure: boolean;
}

const PARTY = /^(?:中共|中国共产党)/u;
/** The province whose divisions a shared name means when nothing else says (as for abbreviations). */
const home = divisionById(HOME_PROVINCE);
const MAX_NAME = 12;
const TOP_LEVELS = new Set(['PROVINCE', 'CITY', 'DISTRICT']);

/** Candidates for the name text[from, from+len) inside `parent` (or standalone when none). */
function named(name: string, parent: Division | undefined): Division[] {
  const found = namesIndex().get(name);
  if (!found) return [];
  // Below a division: its counties in full or short form (广州花都); towns only in full (人民街 is no 人民政府).
  if (parent) return found.filter((d) => d.id !== parent.id && d.level !== 'ZONE' && isWithin(d, parent) && (d.level === 'CITY' || d.level === 'DISTRICT' || d.name === name));
  return found.filter((d) => {
    if (!TOP_LEVELS.has(d.level)) return false;
    // 汕尾市城区, 郊区: a two-character district alone is a word (泾县 is not)
    if (d.name === name) return d.level !== 'DISTRICT' || name.length >= 3 || name.endsWith('县');
    return d.level === 'PROVINCE' || d.level === 'CITY'; // 广东, 广州; 花都 alone could be anything
  });
}

/**
 * The longest chain of divisions at the start of `text` (up to four levels). Ambiguous standalone
 * names (two counties called 城关区) give no answer unless a parent came first.
 */
export function leadingDivision(text: string): LeadingDivision | undefined {
  const party = PARTY.exec(text);
  const start = party ? party[0].length : 0;
  let pos = start;
  let current: Division | undefined;
  let shared: Division[] = [];
  let sure = true;
  for (let depth = 0; depth < 4 && pos < text.length; depth++) {
    let matched: { d: Division; len: number; tied: Division[] } | undefined;
    for (let len = Math.min(MAX_NAME, text.length - pos); len >= 2; len--) {
      const options = named(text.slice(pos, pos + len), current);
      if (options.length === 0) continue;
      // Same full name twice (a city and its namesake county-level city): the higher level.
      const full = options.filter((d) => d.name === text.slice(pos, pos + len));
      const pool = full.length ? full : options;
      const tied = pool.filter((d) => rank(d) === Math.min(...pool.map(rank)));
      if (tied.length > 1 && (current || depth > 0)) break;
      const inHome = home ? tied.filter((d) => isWithin(d, home)) : [];
      matched = { d: inHome.length === 1 ? inHome[0] : tied[0], len, tied };
      sure = tied.length === 1 || inHome.length === 1;
      break;
    }
    if (!matched) break;
    current = matched.d;
    pos += matched.len;
    shared = matched.tied.length > 1 ? [current, ...matched.tied.filter((d) => d.id !== current!.id)] : [];
    // A shared name goes no deeper: its children would depend on which one it is.
    if (shared.length) break;
  }
  return current ? { division: current, surface: text.slice(start, pos), start, options: shared.length ? shared : [current], sure } : undefined;
}

// Zones never reach here (named() leaves them out), so depth ranks by level alone.
function rank(d: Division): number {
  return LEVEL_DEPTH[d.level];
}
