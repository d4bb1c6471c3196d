/**
 * Clues to whose document this is, each with the line and text it was read from: the header,
 * notice, signature, document number and title here; a web page's information rows in rows.ts;
 * the body in body.ts. Every reader looks at a bounded window (the head and tail of the
 * document, a few hundred characters of body around 全区/我区…), never the whole text with a
 * costly pattern.
 */
import type { Division, Paragraph } from '../../model.ts';
import { shortQuote } from '../../text/provenance.ts';
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

export function clue(kind: EvidenceKind, options: Division[], p: Paragraph, issuer?: string, weight?: number): Clue {
  const w = WEIGHT[kind];
  return { kind, tier: w.tier, weight: weight ?? w.weight, options, line: p.line, quote: shortQuote(p.original), issuer };
}

export const ORG_SUFFIX = '(?:人民政府办公厅|人民政府办公室|人民政府|政府办公室|政府办|办公厅|办公室|管理委员会|委员会|行政公署|市委|省委|区委|县委|局|厅|委|部|署|办)';
const ORG = new RegExp(`^\\p{Script=Han}{2,30}?${ORG_SUFFIX}$`, 'u');
const DATE = /^(?:(?:19|20)\d\d|[〇○零一二][〇○零一二三四五六七八九]{3})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日/u;
/** A date alone, as under a signature, or the closing "2026年2月26日印发" (a table cell's "2025年12月31日前" is not one). */
export const DATE_LINE = new RegExp(`${DATE.source}[\\s\\u3000]*(?:[（(][^）)]{2,12}[）)]|印发)?$`, 'u');
export const SPACES = /[\s\u3000]+/gu;

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

/**
 * "广州市花都区人民政府办公室关于印发…的通知", "中共清远市委 清远市人民政府关于…的实施意见",
 * "X印发《…》的通知", or the body's name on the line above "关于…".
 */
export function noticeClues(head: Paragraph[]): Clue[] {
  const out: Clue[] = [];
  head.forEach((p, i) => {
    // The body's name on a line of its own over "关于印发…的通知" (a title block set on two lines).
    const next = head[i + 1]?.text.trimStart();
    if (next?.startsWith('关于') && p.text.length <= 40) {
      const name = p.text.replace(SPACES, '');
      const place = NOTICE_ORG.test(name) ? leadingDivision(name) : undefined;
      if (place) out.push(clue('issuer', place.options, p, name));
    }
  });
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

