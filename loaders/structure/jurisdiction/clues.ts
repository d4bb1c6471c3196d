/**
 * Clues to whose document this is, each with the line and text it was read from. Every reader
 * looks at a bounded window (the head and tail of the document, a few hundred characters of
 * body around 全区/我区…), never the whole text with a costly pattern.
 */
import type { Division, Paragraph } from '../../model.ts';
import { shortQuote } from '../titles.ts';
import { divisionOfCode } from './credit-code.ts';
import { DOC_NUMBER, readDocNumber } from './doc-number.ts';
import { leadingDivision } from './leading.ts';

export type EvidenceKind = 'manifest' | 'header' | 'signature' | 'issuer' | 'docNumber' | 'creditCode' | 'metadataRow' | 'title' | 'body';
export type Tier = 0 | 1 | 2; // 2 explicit (who issued it, under which number), 1 the title, 0 the body

export interface Clue {
  kind: EvidenceKind;
  tier: Tier;
  weight: number;
  /** Divisions the clue may mean (more than one only for an ambiguous abbreviation). */
  options: Division[];
  line: number;
  quote: string;
  /** The issuing body the clue names, when it names one (signature, header, 发布机构 row, notice). */
  issuer?: string;
}

export const WEIGHT: Record<EvidenceKind, { tier: Tier; weight: number }> = {
  manifest: { tier: 2, weight: 100 },
  header: { tier: 2, weight: 10 },
  signature: { tier: 2, weight: 9 },
  issuer: { tier: 2, weight: 9 },
  metadataRow: { tier: 2, weight: 8 },
  docNumber: { tier: 2, weight: 8 },
  creditCode: { tier: 2, weight: 6 },
  title: { tier: 1, weight: 6 },
  body: { tier: 0, weight: 1 },
};

function clue(kind: EvidenceKind, options: Division[], p: Paragraph, issuer?: string, weight?: number): Clue {
  const w = WEIGHT[kind];
  return { kind, tier: w.tier, weight: weight ?? w.weight, options, line: p.line, quote: shortQuote(p.original), issuer };
}

export const ORG_SUFFIX = '(?:人民政府办公厅|人民政府办公室|人民政府|政府办公室|政府办|办公厅|办公室|管理委员会|委员会|行政公署|市委|省委|区委|县委|局|厅|委|部|署|办)';
const ORG = new RegExp(`^\\p{Script=Han}{2,30}?${ORG_SUFFIX}$`, 'u');
const DATE = /^(?:(?:19|20)\d\d|[〇○零一二][〇○零一二三四五六七八九]{3})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日/u;
/** A date alone, as under a signature, or the closing "2026年2月26日印发" (a table cell's "2025年12月31日前" is not one). */
const DATE_LINE = new RegExp(`${DATE.source}[\\s\\u3000]*(?:[（(][^）)]{2,12}[）)]|印发)?$`, 'u');
const SPACES = /[\s\u3000]+/gu;

function squeezed(p: Paragraph): string {
  return p.text.replace(SPACES, '');
}

/** "广州市花都区人民政府办公室文件", "中 共 清 远 市 委 文 件", "广州市人民政府令 第123号". */
export function headerClues(head: Paragraph[]): Clue[] {
  const out: Clue[] = [];
  for (const p of head) {
    if (p.text.length > 40 || !(p.text.includes('件') || p.text.includes('令'))) continue;
    const t = squeezed(p);
    const m = /^(\p{Script=Han}{2,30})文件$/u.exec(t) ?? /^(\p{Script=Han}{2,30}?人民政府)令(?:第\d{1,4}号)?$/u.exec(t);
    const at = m ? leadingDivision(m[1]) : undefined;
    if (m && at) out.push(clue('header', at.options, p, new RegExp(`${ORG_SUFFIX}$`, 'u').test(m[1]) ? m[1] : undefined));
  }
  return out;
}

/**
 * A body's name alone on a line with the date on the next ("广州市花都区人民政府办公室" /
 * "2026年2月26日"), or both on one line; joint signatures name each body ("中共清远市委 清远市人民政府").
 */
export function signatureClues(window: Paragraph[]): Clue[] {
  const out: Clue[] = [];
  for (let i = 0; i < window.length; i++) {
    const p = window[i];
    if (p.text.length > 60) continue;
    let names: string[] | undefined;
    const oneLine = /^(.{2,50}?)[\s\u3000]+((?:19|20)\d\d\s*年.*)$/u.exec(p.text.trim());
    if (oneLine && DATE_LINE.test(oneLine[2])) names = oneLine[1].trim().split(SPACES);
    else if (window[i + 1] && DATE_LINE.test(window[i + 1].text.trim()) && window[i + 1].line - p.line <= 3) names = p.text.trim().split(SPACES);
    if (!names || !names.every((n) => ORG.test(n))) continue;
    const places = names.map((n) => leadingDivision(n)).filter((x) => !!x);
    if (places.length === 0) continue;
    out.push(clue('signature', places[0]!.options, p, issuerOf(names)));
  }
  return out;
}

/** Of a joint signature or notice, the government (the body that answers for the plan), else the first. */
function issuerOf(names: string[]): string {
  return names.find((n) => /(人民政府|办公室|办公厅)$/u.test(n) && !/^中共/u.test(n)) ?? names[0];
}

const NOTICE_ORG = new RegExp(`^\\p{Script=Han}{2,30}?${ORG_SUFFIX}$`, 'u');

/** "广州市花都区人民政府办公室关于印发…的通知", "中共清远市委 清远市人民政府关于…的实施意见", "X印发《…》的通知". */
export function noticeClues(head: Paragraph[]): Clue[] {
  const out: Clue[] = [];
  for (const p of head) {
    // "X关于印发…", "X关于…的意见", or "上海市人民政府印发《…》的通知".
    const about = p.text.indexOf('关于');
    const issued = p.text.indexOf('印发');
    const at = about >= 0 && (issued < 0 || about < issued) ? about : issued;
    if (at < 2 || at > 70 || p.text.length > 200) continue;
    const names = p.text.slice(0, at).trim().split(/[\s\u3000、，,]+/u).filter(Boolean);
    if (names.length > 4 || !names.every((n) => NOTICE_ORG.test(n))) continue;
    const place = names.map((n) => leadingDivision(n)).find((x) => !!x);
    if (place) out.push(clue('issuer', place.options, p, issuerOf(names)));
  }
  return out;
}

const LABELS = ['索引号', '统一社会信用代码', '信用代码', '发布机构', '发布机关', '发文机关', '发文机构', '发文单位', '发布单位', '印发单位', '制发机关', '来源', '信息来源', '文章来源', '文号', '发文字号', '发文文号', '文件编号', '文件字号'];
/** Labels as pages space them out ("文  号"); longest first so 信息来源 is not read as 来源. */
const ROW_LABELS = [...LABELS].sort((a, b) => b.length - a.length).map((l) => [...l].join('[ \\u3000]*')).join('|');
const labelOf = (written: string) => written.replace(/[ \u3000]/gu, '');
const ROW = new RegExp(`(${ROW_LABELS})[\\s\\u3000]*[：:][\\s\\u3000]*([^\\s\\u3000：:|｜]*(?:[（(][^）)]{1,12}[）)])?)`, 'gu');
const LABEL_ALONE = new RegExp(`^(?:[•·\\-*]\\s*)?(${ROW_LABELS})[\\s\\u3000]*[：:]?$`, 'u');

/**
 * A government page's information rows: 发布机构 / 来源 name the body, 文号 the number, 索引号
 * often the issuer's credit code; several rows may share a line, or a label may stand on its
 * own line with its value on the next. Breadcrumbs (首页 > …) are navigation, never evidence.
 */
export function metadataRowClues(window: Paragraph[]): Clue[] {
  const out: Clue[] = [];
  for (let i = 0; i < window.length; i++) {
    const p = window[i];
    if (p.text.length > 200 || /[>›»]|当前位置|所在位置/u.test(p.text)) continue;
    const rows: [string, string][] = [];
    const alone = LABEL_ALONE.exec(p.text.trim());
    if (p.text.includes('\t')) {
      // A table row (tab-separated, Markdown pipes): a label cell, then its value cell.
      const cells = p.text.split('\t').map((c) => c.trim());
      cells.forEach((c, k) => {
        const label = LABEL_ALONE.exec(c)?.[1];
        if (label && cells[k + 1]) rows.push([labelOf(label), cells[k + 1]]);
      });
      if (rows.length) {
        for (const [label, value] of rows) {
          const c = rowClue(label, value, p);
          if (c) out.push(c);
        }
        continue;
      }
    }
    if (alone && window[i + 1]) rows.push([labelOf(alone[1]), window[i + 1].text.trim()]);
    else if (p.text.includes('：') || p.text.includes(':')) {
      for (const m of p.text.matchAll(ROW)) {
        // Rows may run together when a copy lost its line breaks, but 数据来源 in a table note is no row.
        const label = labelOf(m[1]);
        if (label === '来源' && m.index! > 0 && /[\p{Script=Han}]/u.test(p.text[m.index! - 1])) continue;
        rows.push([label, m[2]]);
      }
    }
    for (const [label, value] of rows) {
      const c = rowClue(label, value, alone ? window[i + 1] : p);
      if (c) out.push(c);
    }
  }
  return out;
}

function rowClue(label: string, value: string, p: Paragraph): Clue | undefined {
  if (!value) return undefined;
  if (label === '索引号' || label.endsWith('信用代码')) {
    const code = divisionOfCode(value);
    return code ? clue('creditCode', [code.division], p) : undefined;
  }
  if (/号$/u.test(label)) {
    const n = readDocNumber(value.replace(SPACES, ''));
    return n ? clue('docNumber', n.options, p) : undefined;
  }
  const body = value.replace(/[（(][^）)]*[）)]$/u, '');
  const at = leadingDivision(body);
  if (!at) return undefined;
  const named = new RegExp(`${ORG_SUFFIX}$`, 'u').test(body);
  // "来源：广州日报" is a paper, not an issuer: only a body's name counts in full.
  return named || label !== '来源' ? clue('metadataRow', at.options, p, named ? body : undefined) : undefined;
}

/**
 * The document's own number: a line that is the number (perhaps with 签发人 after it), or a
 * short line ending in it ("关于印发…的通知 常政发〔2023〕1号"). Numbers in a sentence or in
 * brackets cite other documents (根据《…》(粤府〔2021〕13号)).
 */
export function docNumberClues(head: Paragraph[]): Clue[] {
  const out: Clue[] = [];
  for (const p of head) {
    if (p.text.length > 120 || !p.text.includes('号')) continue;
    const t = p.text.trim();
    let n = readDocNumber(t.replace(SPACES, ''));
    if (!n) {
      const m = DOC_NUMBER.exec(t);
      const before = m ? t.slice(0, m.index) : '';
      if (m && m.index + m[0].length === t.length && /[\s\u3000]$/u.test(before) && !/[（(]/u.test(before.slice(-3))) n = readDocNumber(m[0].replace(SPACES, ''));
      // "…的通知【花府办〔2022〕6号】": a title line carrying its number.
      const tagged = !n ? /[【[［]\s*(\p{Script=Han}{1,10}\s*[〔［[（(]\s*(?:19|20)\d\d\s*[〕］\]）)]\s*第?\s*\d{1,5}\s*号)\s*[】\]］]$/u.exec(t) : null;
      if (tagged) n = readDocNumber(tagged[1].replace(SPACES, ''));
    }
    if (n) out.push(clue('docNumber', n.options, p));
  }
  return out;
}

/** The title (a plan's title line, a news headline) starting with a division. */
export function titleClues(title: string, p: Paragraph | undefined, fallbackLine: number): Clue[] {
  // "2024年花都区…工作要点", "《花都区…方案》": the division follows a year or a quotation mark.
  const at = leadingDivision(title.replace(SPACES, '').replace(/^(?:关于(?:印发)?)?[《〈“"]?(?:(?:19|20)\d\d年(?:度)?)?/u, ''));
  if (!at) return [];
  const where = p ?? ({ line: fallbackLine, original: title } as Paragraph);
  return [clue('title', at.options, where)];
}

/** An issuer read by other means ("广州市人民政府正式印发《…》"), starting with a division. */
export function issuerClues(name: string, p: Paragraph): Clue[] {
  const at = leadingDivision(name);
  return at ? [clue('issuer', at.options, p, name)] : [];
}

/** "区府办", "市政府办公室": a government office named by level only. */
export function isRelativeOffice(name: string): boolean {
  return RELATIVE_OFFICE.test(name);
}

const RELATIVE_OFFICE = /^([省市区县])(?:人民政府办公厅|人民政府办公室|政府办公厅|政府办公室|政府办|府办|人民政府|政府)$/u;

/**
 * An issuer named relative to the plan's own division: a signature or 发布机构 row "区府办",
 * "市政府办公室". Its full name needs the jurisdiction the other clues give.
 */
export function relativeIssuer(window: Paragraph[]): { level: string; office: string } | undefined {
  for (let i = 0; i < window.length; i++) {
    const t = window[i].text.trim();
    const row = /^(?:发布机构|发文机关|发文机构|发文单位|发布单位)[\s\u3000]*[：:]?[\s\u3000]*(\S{2,8})$/u.exec(t)?.[1];
    const signed = !row && t.length <= 8 && window[i + 1] && DATE_LINE.test(window[i + 1].text.trim()) ? t : undefined;
    const alone = !row && LABEL_ALONE.test(t) && window[i + 1] ? window[i + 1].text.trim() : undefined;
    const m = RELATIVE_OFFICE.exec(row ?? signed ?? alone ?? '');
    if (m) return { level: m[1], office: /府办|办公/u.test(m[0]) ? 'office' : 'government' };
  }
  return undefined;
}

const LEVEL_OF_TOKEN: Record<string, Division['level']> = { 区: 'DISTRICT', 县: 'DISTRICT', 市: 'CITY', 省: 'PROVINCE' };
const SELF_REFERENCE = /[全我本]([区县市省])/gu;
const NAME = /\p{Script=Han}{2,8}?(?:自治区|省|市|区|县)/gu;
const BODY_PARAGRAPHS = 200;
const BODY_CHARS = 40_000;

/**
 * The body's own words. A plan says 我区 / 全区 of its own district (全市 of its city, 全省 of its
 * province) far more than of any other level: the commonest such word gives the level, and the
 * division of that level the body names most — more so within 40 characters of the word
 * ("花都区…全区各镇街") — is the body's candidate. Reads the first 200 paragraphs (40,000
 * characters) at most.
 */
export function bodyClues(paragraphs: Paragraph[]): Clue[] {
  const tokens: Record<string, number> = {};
  const seen = new Map<string, { division: Division; count: number; near: number; first: Paragraph; firstNear?: Paragraph }>();
  const memo = new Map<string, Division | null>();
  let chars = 0;
  for (const p of paragraphs.slice(0, BODY_PARAGRAPHS)) {
    if ((chars += p.text.length) > BODY_CHARS) break;
    const t = p.text;
    const near: [number, Division['level']][] = [];
    for (const m of t.matchAll(SELF_REFERENCE)) {
      const level = LEVEL_OF_TOKEN[m[1]];
      tokens[level] = (tokens[level] ?? 0) + 1;
      near.push([m.index!, level]);
    }
    for (const m of t.matchAll(NAME)) {
      const d = divisionEnding(m[0], memo);
      if (!d) continue;
      const entry = seen.get(d.id) ?? { division: d, count: 0, near: 0, first: p };
      entry.count++;
      if (near.some(([at, level]) => level === d.level && Math.abs(at - m.index!) <= 40)) {
        entry.near++;
        entry.firstNear ??= p;
      }
      seen.set(d.id, entry);
    }
  }
  const level = (Object.entries(tokens).sort((a, b) => b[1] - a[1])[0] ?? [])[0];
  if (!level) return [];
  const ranked = [...seen.values()].filter((e) => e.division.level === level && (e.near > 0 || e.count >= 3)).sort((a, b) => b.near * 3 + b.count - (a.near * 3 + a.count));
  const best = ranked[0];
  if (!best) return [];
  // A runner-up that holds its own (two districts of a joint plan) leaves the body undecided.
  const second = ranked[1];
  if (second && second.near * 3 + second.count >= 0.8 * (best.near * 3 + best.count)) return [];
  return [clue('body', [best.division], best.firstNear ?? best.first, undefined, Math.min(5, 1 + best.near + Math.floor(best.count / 5)))];
}

/** The division a run of characters ends with ("推动花都区" → 花都区), or none. */
function divisionEnding(run: string, memo: Map<string, Division | null>): Division | undefined {
  const have = memo.get(run);
  if (have !== undefined) return have ?? undefined;
  let found: Division | null = null;
  for (let s = 0; s <= run.length - 2 && !found; s++) {
    const at = leadingDivision(run.slice(s));
    if (at && at.sure && at.start + at.surface.length === run.length - s) found = at.division;
  }
  memo.set(run, found);
  return found ?? undefined;
}
