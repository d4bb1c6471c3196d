/**
 * Named works in plan text. Two shapes carry them:
 *  - a list: "机场集疏运系统：国内空侧捷运线路、…、花都大道（机场北进场路口至红棉大道段）扩建改造
 *    工程、新花大道等。" — items split at 、，；。 outside brackets, stripped of their label
 *    (X：), their leading verb (继续推进, 新建) and their tail (等项目);
 *  - a lead name: "中山大学附属仁济医院。项目总用地面积…" — a box paragraph that opens with the
 *    project's name as a sentence of its own, followed by its description (and investment).
 * An item is kept only when it names a concrete work (categories.ts), so "工作融合" or
 * "“粤菜师傅”工程" in the same lists are not projects.
 */
import { readFileSync } from 'node:fs';

const data = JSON.parse(readFileSync(new URL('../data/project-categories.json', import.meta.url), 'utf8')) as {
  leadingVerbs: string[];
  leadingAdverbs: string[];
  notConcrete: string[];
  notAName: string[];
};
const longestFirst = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
const LEADING = new RegExp(`^(?:(?:${longestFirst(data.leadingAdverbs)})*(?:${longestFirst(data.leadingVerbs)}))+`);
const NOT_A_NAME = new RegExp(`^(?:${longestFirst(data.notAName)})`);
/**
 * Words that anywhere in a name make it no work (notConcrete), a description's 的/为一体 and quotation marks, in one
 * regex: a name is scanned once for all of them rather than once per test.
 */
const NOT_A_WORK_INSIDE = new RegExp(`${data.notConcrete.join('|')}|的|为一体|[“”"]`);

export interface ItemSpan {
  /** Cleaned name (layout spaces removed). */
  name: string;
  /** Offset and length of the raw item in the text. */
  offset: number;
  length: number;
  /** List label in force ("机场改扩建", "新建", "中心镇试点"), if any. */
  label?: string;
  /** Items joined by 、 share a group; ，；。 and labels start a new one. */
  group: number;
  /** The raw item as written (before cleaning). */
  raw: string;
  /** cleanItem(raw), kept once asked for (itemName): one item is cleaned for several tests. */
  cleaned: string | undefined;
}

/** The item's name, cleaned (cleanItem), once per item. */
export function itemName(item: ItemSpan): string {
  return (item.cleaned ??= cleanItem(item.raw));
}

/** What a character does in a list: one table lookup per character instead of a chain of comparisons. */
const OPENS = 1, CLOSES = 2, LABEL = 3, ENUMERATES = 4, SEPARATES = 5, ENDS = 6;
const ROLE = new Uint8Array(0x10000);
for (const [chars, role] of [['（(〔[【「“', OPENS], ['）)〕]】」”', CLOSES], ['：:', LABEL], ['、', ENUMERATES], ['，,；;', SEPARATES], ['。！？', ENDS]] as const) {
  for (const ch of chars) ROLE[ch.charCodeAt(0)] = role;
}
/** 一二三四五六七八九十 or an ASCII digit. */
const isNumeral = (c: number) =>
  (c >= 0x30 && c <= 0x39) || c === 0x4e00 || c === 0x4e8c || c === 0x4e09 || c === 0x56db || c === 0x4e94 || c === 0x516d || c === 0x4e03 || c === 0x516b || c === 0x4e5d || c === 0x5341;
const FULL_STOP = 0x3002; // 。
const PHASE = 0x671f; // 期

/**
 * Brackets the text never closes before their sentence ends (a typo in the source): no brackets. One pass:
 * within a sentence, a close matches the innermost open still pending (all bracket kinds count alike);
 * opens still pending at the sentence's end (or the text's) are unclosed.
 */
function unclosedBrackets(text: string, from: number): Set<number> | undefined {
  let unclosed: Set<number> | undefined;
  const pending: number[] = [];
  for (let i = from; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : FULL_STOP;
    if (c === FULL_STOP) {
      if (!pending.length) continue;
      unclosed ??= new Set();
      for (const at of pending) unclosed.add(at);
      pending.length = 0;
      continue;
    }
    const role = ROLE[c];
    if (role === OPENS) pending.push(i);
    else if (role === CLOSES && pending.length) pending.pop();
  }
  return unclosed;
}

/**
 * Items of the lists in `text`. A label "X：" applies to the items after it until the sentence
 * ends. An enumeration comma between numerals (二、三期; 第四、五跑道) is not a separator.
 */
export function listItems(text: string): ItemSpan[] {
  const items: ItemSpan[] = [];
  let depth = 0;
  let start = 0;
  let label: string | undefined;
  let group = 0;
  // Read from the first open bracket on (none before it can be unclosed): most texts have few.
  let unclosed: Set<number> | undefined;
  let bracketsRead = false;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    let role: number;
    if (i < n) {
      role = ROLE[text.charCodeAt(i)];
      if (role === 0) continue;
      if (role === OPENS) {
        if (!bracketsRead) {
          unclosed = unclosedBrackets(text, i);
          bracketsRead = true;
        }
        if (!unclosed?.has(i)) depth++;
      } else if (role === CLOSES) depth = Math.max(0, depth - 1);
      if (depth > 0) continue;
    } else {
      role = ENDS; // the text's end closes the last item like a full stop
    }
    if (role === LABEL) {
      label = squeeze(text.slice(start, i)).replace(/^\d+[.．、]\s*/, '');
      start = i + 1;
      group++;
      continue;
    }
    if (role === ENUMERATES) {
      if (i > 0 && isNumeral(text.charCodeAt(i - 1)) && isNumeral(text.charCodeAt(i + 1))) continue;
      // "惠州太平岭核电一期、二期项目": phases of one project too.
      // "广州白云国际机场东四、西四指廊及连接楼工程": two wings of one work, not two items.
      // (Either shape before the 、 ends in a numeral or 期: other items are not sliced for the patterns.)
      const before = i > 0 ? text.charCodeAt(i - 1) : 0;
      if ((isNumeral(before) || before === PHASE) && /(?:[东西南北][一二三四五六七八九十\d]+|[一二三四五六七八九十\d]+期)$/.test(text.slice(Math.max(0, i - 4), i)) && /^(?:[东西南北][一二三四五六七八九十\d]+|[一二三四五六七八九十\d]+期)/.test(text.slice(i + 1))) continue;
    } else if (role !== SEPARATES && role !== ENDS) {
      continue; // a bracket
    }
    // An item ends here.
    const raw = text.slice(start, i);
    const name = raw.trim();
    if (name) items.push({ name, raw: name, offset: name.length === raw.length ? start : start + (raw.length - raw.trimStart().length), length: name.length, label, group, cleaned: undefined });
    start = i + 1;
    if (role !== ENUMERATES) group++;
    if (role === ENDS) label = undefined;
  }
  return items;
}

/** The name a box paragraph opens with ("狮岭皮革皮具跨境贸易小镇。立足花都…"), if short and whole. */
export function leadName(text: string): ItemSpan | undefined {
  // "中山大学附属仁济医院。…"; a numbered item may go on after a comma: "2．九江镇双创产业园，总投资8.5亿元".
  const m = /^\s*(?:\d+[.．、]\s*([^。，,；;：:、]{3,30})[。，,]|([^。，,；;：:、]{3,30})。)/.exec(text);
  if (!m) return undefined;
  const found = m[1] ?? m[2];
  const offset = text.indexOf(found);
  return { name: squeeze(found), raw: found, offset, length: found.length, group: -1, cleaned: undefined };
}

/** "继续推进红棉大道工程" → "红棉大道工程"; "新街大道等项目" → "新街大道"; layout spaces dropped. */
export function cleanItem(raw: string): string {
  let name = squeeze(raw)
    .replace(/^\d+[.．、]/, '')
    .replace(/^(?:以及|及|和|与|并)/, '');
  name = name.replace(LEADING, '');
  // The list's tail: "等项目", "等加快建设", "等 8个连片示范村建设".
  if (name.includes('等')) name = name.replace(/等[^（(）)]{0,16}$/, '');
  if (name.includes('项')) name = name.replace(/\d+项[^（(）)]*$/, '');
  // A note in brackets is not part of the name: "（花都汽车产业基地被省政府认定为…）".
  if (name.includes('（')) name = name.replace(/（[^）]*(?:被|认定|是指|简称|以下)[^）]*）|（[^）]{21,}）/g, '');
  // A count closing the list: "广乐高速生态隔离廊道四条生态带". (The classifier test first: the lookbehind
  // would otherwise be tried at every offset of every item.)
  if (COUNTED.test(name)) name = name.replace(/(?<=\S{3})[一二三四五六七八九十两\d]+[条个座项处所家][^（(]*$/, '');
  // "美丽乡村精品示范村——港头村": the designation, then the name.
  if (name.includes('——')) {
    const dash = name.split(/——/);
    if (dash.length === 2 && dash[1].length >= 2) name = dash[1];
  }
  return name.trim();
}
const COUNTED = /[条个座项处所家]/;

/** Not a work at all: a policy phrase, a quota, a description. */
export function isPolicyPhrase(name: string): boolean {
  const bare = name.includes('（') || name.includes('(') ? name.replace(/（[^）]*）|\([^)]*\)/g, '') : name;
  return (
    // (Also "…的中央商务区", "…为一体的重要基地": a description, not a name; and a quoted slogan.)
    NOT_A_WORK_INSIDE.test(bare) ||
    NOT_A_NAME.test(bare) ||
    (/^\d/.test(bare) && !/^\d+号线/.test(bare)) ||
    /[，。；]/.test(name)
  );
}

/** Layout spaces out, except between two Latin letters or digits. */
export function squeeze(text: string): string {
  if (!/\s/.test(text)) return text; // nothing to squeeze: most names and cells
  return text.replace(/\s+/g, ' ').trim().replace(/ (?![A-Za-z0-9])|(?<![A-Za-z0-9]) /g, '');
}

/** Investment as printed in a project's description: "总投资 30 亿元" → "30亿元", "25个亿", "约4.3亿元". */
export function investmentIn(text: string): string | undefined {
  if (!text.includes('投资')) return undefined; // every wording below says 投资
  const m = /(?:总投资|预计投资|计划投资|投资总额|估算投资|投资)\s*(约\s*)?(\d[\d.,]*)\s*(个亿|亿元|万元|亿)/.exec(text);
  return m ? squeeze(`${m[1] ?? ''}${m[2]}${m[3]}`) : undefined;
}
