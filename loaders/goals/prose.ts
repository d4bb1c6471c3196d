/**
 * Quantified goals stated in prose: "到2035年，…PM2.5年均浓度低于19微克/立方米，力争达到15微克/
 * 立方米左右", "到 2025 年，常住人口城镇化率达到 77%，城镇常住人口 10150 万人".
 *
 * A target year opens a scope (到/至/力争到 YYYY 年 …, or a paragraph that opens "2035年，");
 * inside it each clause is tried against two shapes:
 *   <indicator><verb or comparator><number><unit>[以上/左右…]   常住人口城镇化率达到 77%
 *   <indicator><number><unit>                                  城镇常住人口 10150 万人
 * and only a clause that ends there counts, so "易涝积水点达到100%消除" or "建成15分钟健身圈"
 * (a number inside a description) are not goals. A clause with a verb but no indicator of its
 * own ("力争达到15微克/立方米左右") is the stretch target of the goal just before it.
 */
import { UNITS_LONGEST_FIRST, joinPieces } from './indicator.ts';

export interface ProseGoal {
  name: string;
  targetYear: number;
  /** As printed, with its comparator and qualifier: "77", "低于19", "2.6以上", "2.3左右". */
  targetValue: string;
  unit?: string;
  /** A stretch target stated right after ("力争达到15微克/立方米左右"). */
  aspiration?: string;
  /** Offset of the clause in the paragraph text, and the clause verbatim. */
  offset: number;
  quote: string;
}

const VERBS = [
  '力争达到', '累计达到', '累计达', '提高到', '提高至', '提升到', '提升至', '增加到', '增加至', '增长到', '增至',
  '降低到', '降低至', '下降到', '下降至', '降至', '减少到', '控制在', '保持在', '稳定在', '达到', '达',
  '不低于', '不高于', '不少于', '不超过', '低于', '高于', '超过', '突破', '超',
];
/** Comparators are part of the value (低于19 is not 19); plain verbs are not (达到 77 is 77). */
const COMPARATORS = new Set(['不低于', '不高于', '不少于', '不超过', '低于', '高于', '超过', '突破', '超']);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const UNIT = UNITS_LONGEST_FIRST.map(esc).join('|');
const NUMBER = String.raw`(约)?(\d[\d.]*(?:[—\-～~]\d[\d.]*)?)(万|亿|千)?(${UNIT})?(以上|以下|左右|以内)?`;
const WITH_VERB = new RegExp(String.raw`^(.*?)(${VERBS.map(esc).join('|')})${NUMBER}$`);
const BARE = new RegExp(String.raw`^(.{2,30}?)(约)?(\d[\d.]*(?:[—\-～~]\d[\d.]*)?)(万|亿|千)?(${UNIT})(以上|以下|左右)?$`);
/** An action with its count before the object: 建成 7800 公里碧道, 新增 1—2个农产品地理标志产品. */
const COUNT_FIRST = new RegExp(String.raw`^(.{0,6}?)(建成|新建|新增|建设|打造|培育|创建|开工改造|改造|完成|筹集|筹建|引进|建立|打通|新造|遴选|推动|形成|带动|促进|吸纳)(?:全省|全市|全区|全县)?(约)?(\d[\d.]*(?:[—\-～~]\d[\d.]*)?)(万|亿|千)?(${UNIT})(以上|左右)?(.{2,24})$`);
/** Counts of people an effort reaches (带动60万人以上实现就业创业): the verb names the goal with its object. */
const REACH = /^(带动|促进|吸纳)$/;
/** Words that open a clause about the scope or the effort, not the indicator's name. */
const LEAD = /^(年内|力争|确保|努力|争取|并且|并|且|使|其中|全省|全市|全区|全县|我省|我市|我区|基本|累计)+/;
/** A name that starts with an action is a description of work, not an indicator. */
const ACTION = /^(实现|带动|促进|推动|形成|吸引|支持|推进|加快|提供|落实|惠及|串联|辐射|覆盖|服务)/;

/** Reports of what is already done, in an implementation plan's task text. */
const PAST = /已经|已(?:实现|完成|建成|达到|累计)|目前|截至|现有|现已|共有|同比/;
/** Money a plan sets aside (每年安排不少于5亿元) is a means, not a goal: only with a stated year does it count. */
const FUNDING = /资金|财政|安排|奖励|补贴|补助/;
/** Verbs that make a bare "X N个" clause a target when no year is stated. */
const IMPLICIT_VERB = /^(.{0,8}?)(新增|新建|建成|建设|打通|培育|引进|完成|改造|创建|打造|新造|遴选|实现)/;

// 到2025年, 至2027年底, 力争在2026年前; and a deadline alone: "2025年底前完成镇区道路“白改黑”20公里".
const YEAR_MARK = /(?:(?:到|(?<!截)至|力争在)\s*((?:19|20)\d{2})\s*年(?:底|末)?(?:前)?|(?<![\d—\-－~～])((?:19|20)\d{2})\s*年(?:底|末)?前)/g;
/** A five-year plan period ("十四五"期间, “十四五”时期, 十四五末) ends in a known year: 十四五 → 2025. */
const PERIOD_MARK = /[“"]?十([一二三四五六七八九])五[”"]?(?:期间|时期|末)/g;
const PERIOD_DIGIT = '一二三四五六七八九';
const periodEnd = (digit: string) => 1980 + 5 * (PERIOD_DIGIT.indexOf(digit) + 1) + 25;
const YEAR_LEAD = /^\s*((?:19|20)\d{2})\s*年(?:底|末)?[，,]/;

/**
 * Goals in one paragraph's text. `minYear`: years before it are past results ("2020年…达到38%"),
 * not targets — the plan's first year.
 */
export function proseGoals(text: string, minYear: number, defaultYear?: number): ProseGoal[] {
  const goals: ProseGoal[] = [];
  // Every goal shape holds a number in ASCII digits: a paragraph without one states none.
  if (!/\d/.test(text)) return goals;
  const lead = YEAR_LEAD.exec(text);
  const paragraphYear = lead && Number(lead[1]) >= minYear ? Number(lead[1]) : undefined;
  let sentenceYear: number | undefined;
  for (const sentence of pieces(text, SENTENCE_END)) {
    // "其中，新开工公租房11.83万套": a sentence opening 其中 breaks down the one before, in its scope.
    let year = /^\s*其中/.test(sentence.text) ? sentenceYear ?? paragraphYear : paragraphYear;
    // An implementation plan's task text sets targets for the plan's period without restating the year
    // ("打通断头路15条，新增公共停车泊位1万个"); a report of what is done already is no target.
    const implicit = year === undefined && defaultYear !== undefined && !PAST.test(sentence.text);
    let previous: ProseGoal | undefined;
    for (const clause of pieces(sentence.text, CLAUSE_END)) {
      const offset = sentence.offset + clause.offset;
      let body = clause.text;
      YEAR_MARK.lastIndex = 0;
      let mark: RegExpExecArray | null;
      let cut = -1;
      while ((mark = YEAR_MARK.exec(body))) {
        const y = Number(mark[1] ?? mark[2]);
        if (y >= minYear) { year = y; cut = mark.index + mark[0].length; }
      }
      PERIOD_MARK.lastIndex = 0;
      while ((mark = PERIOD_MARK.exec(body))) {
        const end = periodEnd(mark[1]);
        if (end >= minYear && mark.index + mark[0].length > cut) { year = end; cut = mark.index + mark[0].length; }
      }
      if (cut >= 0) body = body.slice(cut);
      // (Only a sentence's first clause can open with its year.)
      const leadYear = clause.offset === 0 ? YEAR_LEAD.exec(clause.text + '，') : null;
      if (leadYear && Number(leadYear[1]) >= minYear) { year = Number(leadYear[1]); continue; }
      sentenceYear = year;
      if (year === undefined && implicit) {
        // Only a clause shaped like a target (a count or a level to reach), never a bare "X N个".
        const c = joinPieces([body]);
        if (FUNDING.test(c) || (!COUNT_FIRST.test(c) && !WITH_VERB.test(c) && !IMPLICIT_VERB.test(c))) continue;
      }
      const goalYear = year ?? (implicit ? defaultYear : undefined);
      if (goalYear === undefined) continue;
      const goalsHere = clauseGoals(body, clause.text, offset, goalYear);
      if (goalsHere) {
        goals.push(...goalsHere);
        previous = undefined;
        continue;
      }
      const shared = sharedVerbList(body);
      if (shared) {
        for (const item of shared) {
          const quote = item.quote.trim();
          goals.push({ name: item.name, targetYear: goalYear, targetValue: item.value, unit: item.unit, offset: offset + Math.max(0, clause.text.indexOf(quote)), quote });
        }
        previous = undefined;
        continue;
      }
      const found = matchClause(joinPieces([body]));
      if (!found) { previous = undefined; continue; }
      if (!found.name) {
        if (previous && found.verb) previous.aspiration = clause.text.trim();
        continue;
      }
      previous = { name: found.name, targetYear: goalYear, targetValue: found.value, unit: found.unit, offset, quote: clause.text.trim() };
      goals.push(previous);
    }
  }
  return goals;
}

/**
 * Two goals in one clause joined by 、, each with its own verb: "大亚湾石化区炼油能力达到3200万吨/年、乙烯产能
 * 达到370万吨/年". Undefined unless every piece is a goal of its own.
 */
function clauseGoals(body: string, clauseText: string, offset: number, year: number): ProseGoal[] | undefined {
  if (!body.includes('、')) return undefined;
  const parts = body.split('、');
  const out: ProseGoal[] = [];
  for (const part of parts) {
    const found = matchClause(joinPieces([part]));
    if (!found?.name || !found.verb) return undefined;
    const quote = part.trim();
    out.push({ name: found.name, targetYear: year, targetValue: found.value, unit: found.unit, offset: offset + Math.max(0, clauseText.indexOf(quote)), quote });
  }
  return out;
}

/**
 * One verb shared by a list of counts: "新增约30万个公办幼儿园学位、370万个左右公办义务教育学位、30万个
 * 左右公办普通高中学位" is three goals, each named by the verb and its own object.
 */
function sharedVerbList(body: string): { name: string; value: string; unit?: string; quote: string }[] | undefined {
  if (!body.includes('、')) return undefined;
  const parts = body.split('、');
  const first = COUNT_FIRST.exec(joinPieces([parts[0]]));
  if (!first) return undefined;
  const verb = first[2];
  const out: { name: string; value: string; unit?: string; quote: string }[] = [];
  for (const [i, part] of parts.entries()) {
    const found = matchClause(i === 0 ? joinPieces([part]) : verb + joinPieces([part]));
    if (!found?.name || found.verb) return undefined;
    out.push({ name: found.name, value: found.value, unit: found.unit, quote: part });
  }
  return out;
}

function matchClause(c: string): { name: string; value: string; unit?: string; verb?: string } | undefined {
  const v = WITH_VERB.exec(c);
  if (v) {
    const [, rawName, verb, about, num, mag, unit, qualifier] = v;
    const name = cleanName(rawName);
    if (name === undefined) return undefined;
    const value = `${COMPARATORS.has(verb) ? verb : ''}${about ?? ''}${num}${qualifier ?? ''}`;
    return { name, value, unit: (mag ?? '') + (unit ?? '') || undefined, verb };
  }
  const f = COUNT_FIRST.exec(c);
  if (f) {
    const [, scope, verb, about, num, mag, unit, qualifier, rawObject] = f;
    const object = REACH.test(verb) ? rawObject.replace(/^实现/, '') : rawObject;
    if (REACH.test(verb)) {
      // 带动 is an action word in a name, but "带动<count><object>" is a quantified goal.
      if (/\d/.test(object) || !/^(人|万人|人次|万人次|户|万户)$/.test(unit)) return undefined;
      return { name: verb + object, value: `${about ?? ''}${num}${qualifier ?? ''}`, unit: (mag ?? '') + unit };
    }
    // "推动1.3万家规模以上工业企业数字化转型": the action is the goal, named by verb and object.
    const named = verb === '推动' || verb === '形成';
    const name = named ? verb + object : cleanName(scope + verb + object);
    // "建成15分钟健身圈": a duration describes the object, it is not a count of it.
    if (!name || /\d/.test(object) || /^(分钟|小时|天|年)$/.test(unit)) return undefined;
    return { name: named ? name : cleanName(verb + object) || name, value: `${about ?? ''}${num}${qualifier ?? ''}`, unit: (mag ?? '') + unit };
  }
  const b = BARE.exec(c);
  if (b) {
    const [, rawName, about, num, mag, unit, qualifier] = b;
    const name = cleanName(rawName);
    if (!name) return undefined;
    return { name, value: `${about ?? ''}${num}${qualifier ?? ''}`, unit: (mag ?? '') + unit };
  }
  return undefined;
}

/** "" for a clause with no indicator of its own; undefined when the text is not a name. */
function cleanName(raw: string): string | undefined {
  // "4.引进航运金融…机构20家以上": the item's number is no part of the indicator's name.
  const name = raw.replace(/^\s*\d{1,3}[.、．](?!\d)\s*/u, '').replace(LEAD, '').trim();
  if (!name) return '';
  if (name.length < 2 || name.length > 40) return undefined;
  if (ACTION.test(name) || /\d{4}年/.test(name)) return undefined;
  return name;
}

const SENTENCE_END = /[。！？!?]/g;
const CLAUSE_END = /[，；;：:]|,(?!\d)/g;

/** The non-blank pieces of `text` between matches of `separator` (a global regex). */
function pieces(text: string, separator: RegExp): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  separator.lastIndex = 0;
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = separator.exec(text))) {
    addPiece(out, text, from, m.index);
    from = m.index + m[0].length;
  }
  addPiece(out, text, from, text.length);
  return out;
}

// Not a closure inside pieces: the loader runs through tsx, which names every closure it
// creates (esbuild keepNames), and pieces runs for every sentence of every plan.
function addPiece(out: { text: string; offset: number }[], text: string, from: number, to: number): void {
  const piece = text.slice(from, to);
  if (piece.trim()) out.push({ text: piece, offset: from });
}
