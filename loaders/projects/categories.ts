/**
 * Project categories and concreteness (data: loaders/data/project-categories.json).
 */
import { readFileSync } from 'node:fs';

interface Category { category: string; titleWords: string[]; keywords: string[] }
const data = JSON.parse(readFileSync(new URL('../data/project-categories.json', import.meta.url), 'utf8')) as {
  categories: Category[];
  villageKeywords: string[];
  workWords: string[];
  genericModifiers: string[];
  properNameKeywords: string[];
  designationKeywords: string[];
  designationThemes: string[];
  placeBoundKeywords: string[];
};
const THEMES = new RegExp(`(?:${[...data.designationThemes, ...data.genericModifiers].sort((a, b) => b.length - a.length).join('|')})`, 'g');
/** A road or route code: G106, S267线, X284, Y748. */
const ROUTE_CODE = /(?:^|[^A-Za-z])[GSXY]\d{2,4}/;
/** Ends like a work: …改造工程, …改扩建, …二期. */
const WORK_END = /(工程|项目|改建|改造|扩建|重建|建设|[一二三四五六七八九十\d]期)$/;
const GENERIC = new RegExp(`^(?:${[...data.genericModifiers].sort((a, b) => b.length - a.length).join('|')})*$`);
/** A village as a pilot site: 港头村, 梯面镇埔岭村, 新华街三华村 (not "西坑村美丽宜居连片示范乡村"). */
const VILLAGE = /^(?:[^村镇街]{2,4}(?:镇|街道|街))?[^村镇街]{1,4}村$/;

/** Category named by a box title or list label ("综合交通重点项目" → 交通), if any. */
export function categoryOfTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  // Asked once per paragraph about its box's and section's titles: remembered per title. Bounded.
  let category = titleMemo.get(title);
  if (category === undefined) {
    if (titleMemo.size > 10000) titleMemo.clear();
    category = data.categories.find((c) => c.titleWords.some((w) => title.includes(w)))?.category ?? null;
    titleMemo.set(title, category);
  }
  return category ?? undefined;
}
const titleMemo = new Map<string, string | null>();

/** The name without its bracketed notes: （…）, (…), 〔…〕. */
function withoutBrackets(name: string): string {
  // Most names have none: they are returned as they are, not scanned by the pattern.
  return name.includes('（') || name.includes('(') || name.includes('〔') ? name.replace(/（[^）]*）|\([^)]*\)|〔[^〕]*〕/g, '') : name;
}

/** Where in the name (brackets ignored) the last category keyword ends, and its category. */
type Keyword = { category: string; start: number; end: number } | undefined;
// The same candidate name is asked about several times (category, concreteness, designation);
// scanning every keyword of every category each time was a top cost of extraction. Bounded.
const keywordMemo = new Map<string, Keyword | null>();
function lastKeyword(name: string): Keyword {
  let found = keywordMemo.get(name);
  if (found === undefined) {
    if (keywordMemo.size > 50000) keywordMemo.clear();
    found = scanLastKeyword(name) ?? null;
    keywordMemo.set(name, found);
  }
  return found ?? undefined;
}

/**
 * Keywords by their last character, in data order (category, then keyword): the last keyword is found by
 * walking back from the name's end, instead of searching the name for every keyword.
 */
const KEYWORDS_ENDING = new Map<number, { category: string; keyword: string }[]>();
for (const c of data.categories) {
  for (const keyword of c.keywords) {
    const last = keyword.charCodeAt(keyword.length - 1);
    const list = KEYWORDS_ENDING.get(last) ?? [];
    list.push({ category: c.category, keyword });
    KEYWORDS_ENDING.set(last, list);
  }
}

function scanLastKeyword(name: string): Keyword {
  const bare = withoutBrackets(name);
  // The keyword ending furthest right; of those ending there, the longest (the first listed on a tie).
  for (let end = bare.length; end > 0; end--) {
    const list = KEYWORDS_ENDING.get(bare.charCodeAt(end - 1));
    if (!list) continue;
    let best: { category: string; keyword: string } | undefined;
    for (const k of list) {
      if (k.keyword.length > end || (best && k.keyword.length <= best.keyword.length)) continue;
      if (bare.startsWith(k.keyword, end - k.keyword.length)) best = k;
    }
    if (best) return { category: best.category, start: end - best.keyword.length, end };
  }
  return undefined;
}

/** Category from the name's own keywords (…医院 → 医疗, …大道 → 交通). */
export function categoryOfName(name: string): string | undefined {
  return lastKeyword(name)?.category ?? (ROUTE_CODE.test(name) ? '交通' : undefined);
}

/**
 * A concrete work: the name contains a keyword of some category and, after the last one, only
 * work words (工程, 建设, 二期 …) or nothing. "广州北站商务区" yes; "城市排水防涝能力" no.
 * Villages count only in boxes about villages.
 */
export function isConcreteName(name: string, villageContext: boolean): boolean {
  const bare = withoutBrackets(name);
  if (villageContext && VILLAGE.test(bare)) return true;
  const k = lastKeyword(name);
  if (!k || ROUTE_CODE.test(bare)) return ROUTE_CODE.test(bare) || false;
  // The part before the keyword must name something: 智能停车场, 公共图书馆 do not.
  const keyword = bare.slice(k.start, k.end);
  const before = bare.slice(0, k.start);
  // A code after the keyword names one line of its kind: 有轨电车X6支.
  const coded = /^[A-Z]\d+/.test(bare.slice(k.end));
  if (GENERIC.test(before) && !data.properNameKeywords.includes(keyword) && !coded) return false;
  // "国道G321线黄村—大涡段改造工程": a work's name may qualify its keyword before the work word.
  if (WORK_END.test(bare)) return true;
  let tail = bare.slice(k.end);
  for (let changed = true; changed && tail; ) {
    changed = false;
    for (const w of data.workWords) {
      if (tail.startsWith(w)) { tail = tail.slice(w.length); changed = true; }
    }
    // …线, …段, 西延线, and tram branches named by code: 有轨电车X6支.
    const ext = /^(?:[一二三四五六七八九十\d]+期|[东西南北]延线?|[东西南北]?段|线|枢纽|延长线|改造工程|拓宽改造工程|完善工程|[A-Z]\d+(?:\+[A-Z]\d+)*支线?|[\u4e00-\u9fa5]{1,3}段)/.exec(tail);
    if (ext) { tail = tail.slice(ext[0].length); changed = true; }
  }
  return tail.length === 0;
}

/**
 * A bare designation: the name's last keyword is a designation (示范区, 试验区, 社区) and what comes before it is
 * only theme words (临空经济示范区, 城乡融合发展试验区, 完整社区). A place in the name makes it one particular
 * area, which the caller checks; an own name (深河产业共建示范区, 粤桂合作特别试验区) does too.
 */
export function isDesignation(name: string): boolean {
  const k = lastKeyword(name);
  if (!k) return false;
  const bare = withoutBrackets(name);
  const keyword = bare.slice(k.start, k.end);
  if (data.placeBoundKeywords.some((d) => keyword.endsWith(d))) return true;
  if (!data.designationKeywords.some((d) => keyword.endsWith(d))) return false;
  return bare.slice(0, k.start).replace(THEMES, '').length === 0;
}

/** The name has an own part before its kind (南沙科学城, 广佛江珠城际), not only theme words (综合性公园, 城际铁路). */
export function hasOwnName(name: string): boolean {
  const k = lastKeyword(name);
  if (!k) return false;
  const bare = withoutBrackets(name);
  return bare.slice(0, k.start).replace(THEMES, '').replace(/[性的新老大小]/g, '').length >= 2;
}
