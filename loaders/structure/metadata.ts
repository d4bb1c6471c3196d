/**
 * Plan metadata read from the text: title (notice "X关于印发Y的通知", a title line, "《Y》印发"),
 * issuer (notice, signature line before a date, "X印发《…》" clause, else the body a signature,
 * header or 发布机构 row names), jurisdiction and level (every clue weighed: jurisdiction/), period
 * (2021—2035; 十四五 = 2021-2025). The manifest fills what the text does not say; its
 * jurisdiction overrides the text's.
 */
import type { ManifestEntry, Paragraph, PlanDraft } from '../model.ts';
import { matchHeading } from '../normalise/patterns.ts';
import { titleKey } from './titles.ts';
import { shortQuote } from '../text/provenance.ts';
import { leadingDivision, resolveJurisdiction, type JurisdictionEvidence } from './jurisdiction/index.ts';

export interface PlanMetadata {
  title: string;
  titleParagraph?: Paragraph;
  /** Index of the first paragraph after the title line (the plan's own text). */
  bodyStart: number;
  issuer?: string;
  jurisdiction?: string;
  jurisdictionCode?: string;
  jurisdictionEvidence: JurisdictionEvidence[];
  level?: PlanDraft['level'];
  periodStart?: number;
  periodEnd?: number;
}

const ORG_SUFFIX = '(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|管理委员会|局|厅|委|部|署)';
const PLAN_WORD = /(规划|纲要|方案|计划|意见|办法|措施|要点|行动|规定|细则|指引|通知|决定)/u;

/** The issuer may be missing: a page prints "关于印发X的通知" and states the issuer elsewhere (发布机构, the signature). */
const NOTICE = new RegExp(`^(\\p{Script=Han}{2,40}?${ORG_SUFFIX})?关于印发(.{2,80}?)的通知$`, 'u');

export function readMetadata(paragraphs: Paragraph[], manifest: ManifestEntry | undefined, fallbackTitle: string): PlanMetadata {
  const head = paragraphs.slice(0, 60).filter((p) => p.kind === 'body');
  const firstHeading = head.findIndex((p) => isStructural(p));
  const preamble = firstHeading >= 0 ? head.slice(0, firstHeading) : head.slice(0, 30);

  let title: string | undefined;
  let titleParagraph: Paragraph | undefined;
  let issuer: string | undefined;
  let noticeKey: string | undefined;

  // 1. Notice: "广州市人民政府关于印发美丽广州建设规划纲要(2025—2035年)的通知", "关于印发…的通知".
  for (const p of preamble) {
    const m = p.text.includes('关于印发') ? (NOTICE.exec(p.text) ?? jointNotice(p.text)) : null;
    if (m) {
      issuer = m[1];
      noticeKey = titleKey(m[2]);
      title = orig(p, m[2]).replace(/^《|》$/gu, '');
      titleParagraph = p;
      break;
    }
  }
  // 2. The plan's own title line (preferred as evidence when it repeats the notice's title).
  for (let i = 0; i < preamble.length; i++) {
    const p = preamble[i];
    // "附件：2025年重点工作任务分工方案": the annex's title is the plan's.
    const annex = /^附件\s*[\d一二三四五六七八九十]*\s*[：:]\s*/u.exec(p.text)?.[0].length ?? 0;
    const text = p.text.slice(annex);
    if (!isTitleLine(text)) continue;
    if (noticeKey && titleKey(text) !== noticeKey) continue;
    let t = p.original.slice(annex);
    const next = preamble[i + 1];
    // "广东省新型城镇化规划" + "(2021—2035 年)" on the next line.
    if (!title && next && /^[（(]\s*(?:19|20)\d\d\s*[—–\-－~～至到]+\s*(?:19|20)\d\d\s*年?\s*[）)]$/u.test(next.text)) t += next.original;
    title = title ?? t;
    titleParagraph = p;
    break;
  }
  // 3. "《美丽广州建设规划纲要(2025—2035年)》印发" or a 《…规划》 named in the opening prose.
  if (!title) {
    for (const p of preamble.slice(0, 8)) {
      const m = /《([^《》]{4,80}?(?:规划|纲要|方案|计划|意见|办法|措施))》/u.exec(p.text);
      if (m && (/印发/u.test(p.text) || p.text.length < 60)) {
        title = orig(p, m[1]);
        titleParagraph = p;
        break;
      }
    }
  }
  if (!issuer) issuer = labelledIssuer(paragraphs.slice(0, 60)) ?? findIssuer(preamble.length ? preamble : head);

  const text = { title: title ? squeeze(title) : undefined };
  let finalTitle = text.title ?? manifest?.title ?? fallbackTitle;
  // Same words as the manifest's title: keep the manifest's canonical form (full-width brackets, no stray spaces).
  if (text.title && manifest?.title && titleKey(text.title) === titleKey(manifest.title)) finalTitle = manifest.title;

  const simpleTitle = titleParagraph && title ? simplifiedOf(titleParagraph, title) : finalTitle;
  const issuerParagraph = issuer ? head.find((p) => p.text.includes(issuer!)) : undefined;
  const place = resolveJurisdiction({
    paragraphs,
    // Only a title read from a line is a clue with a line (the manifest's or a file name is not).
    title: titleParagraph ? simpleTitle : undefined,
    titleParagraph,
    manifest,
    line: titleParagraph?.line ?? head[0]?.line,
    issuer: issuer ? { name: issuer, paragraph: issuerParagraph } : undefined,
  });
  issuer ??= place.issuer;
  const period = readPeriod(simpleTitle) ?? readPeriod(finalTitle) ?? periodInProse(head);

  return {
    title: finalTitle,
    titleParagraph,
    bodyStart: titleParagraph ? paragraphs.indexOf(titleParagraph) + 1 : 0,
    issuer: issuer ?? manifest?.issuer,
    jurisdiction: place.name ?? manifest?.jurisdiction,
    jurisdictionCode: place.division?.code,
    jurisdictionEvidence: place.evidence,
    level: manifest?.level ?? place.level ?? levelOf(manifest?.jurisdiction), // the manifest overrides the text
    periodStart: period?.[0] ?? manifest?.periodStart,
    periodEnd: period?.[1] ?? manifest?.periodEnd,
  };
}

const JOINT_ORG = new RegExp(`^\\p{Script=Han}{2,30}?${ORG_SUFFIX}$`, 'u');

/** "中共清远市委 清远市人民政府关于印发《…》的通知": several bodies; the government is the issuer. */
function jointNotice(text: string): [string, string, string] | null {
  const at = text.indexOf('关于印发');
  if (at < 4 || at > 80) return null;
  const names = text.slice(0, at).trim().split(/[\s\u3000、，,]+/u);
  const rest = /^关于印发(.{2,80}?)的通知$/u.exec(text.slice(at));
  if (!rest || names.length < 2 || names.length > 4 || !names.every((n) => JOINT_ORG.test(n) || /^中共\p{Script=Han}{2,12}委$/u.test(n))) return null;
  const government = names.find((n) => /人民政府(?:办公室|办公厅)?$/u.test(n)) ?? names[names.length - 1];
  return [text, government, rest[1]];
}

function isStructural(p: Paragraph): boolean {
  const h = matchHeading(p.text);
  return !!h && ['part', 'chapter', 'section', 'item', 'subitem', 'preface', 'toc'].includes(h.kind);
}

function isTitleLine(text: string): boolean {
  return text.length >= 6 && text.length <= 70 && !/[。；，,>›»]/u.test(text) && PLAN_WORD.test(text) && !/^(关于|根据|为)/u.test(text) && !/印发$/u.test(text);
}

/** "发布单位：株洲市人民政府办公室", a 政府信息公开 page's "发布机构：\t东莞市人民政府办公室" row. */
function labelledIssuer(paragraphs: Paragraph[]): string | undefined {
  const label = new RegExp(`(?:^|[\\s\\u3000\\t])(?:发布单位|发布机构|发文单位|发文机关|发文机构|印发单位)[：:][\\s\\u3000\\t]*(\\p{Script=Han}{2,30}?${ORG_SUFFIX})(?=$|[\\s\\u3000\\t，,；;])`, 'u');
  for (const p of paragraphs) {
    if (/[>›»]|当前位置|所在位置/u.test(p.text)) continue; // a breadcrumb is navigation
    const m = label.exec(p.text);
    if (m) return m[1];
  }
  return undefined;
}

const SIGNATURE = new RegExp(`^\\p{Script=Han}{2,30}${ORG_SUFFIX}$`, 'u');
const ISSUING_CLAUSE = /(\p{Script=Han}{2,20}?(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|委员会))(?:正式|近日|日前)?印发《/u;

function findIssuer(paragraphs: Paragraph[]): string | undefined {
  // Signature: an organisation alone on a line, then the date.
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    const p = paragraphs[i];
    const next = paragraphs[i + 1].text;
    if (/^(?:\d{4}|[〇零一二三四五六七八九]{4})年/u.test(next) && SIGNATURE.test(p.text)) return p.text;
  }
  // Clause: "广州市人民政府正式印发《…》". (The pattern tries every offset of a text: only texts holding 印发《 are read.)
  for (const p of paragraphs) {
    const m = p.text.includes('印发《') ? ISSUING_CLAUSE.exec(p.text) : null;
    if (m) return m[1].replace(/^(?:近日|日前|近期|今年|最近)/u, '');
  }
  return undefined;
}

export interface PlaceAtStart {
  name: string;
  level: NonNullable<PlanDraft['level']>;
}

/**
 * "广州市花都区人民政府" → 花都区 (DISTRICT); "广东省新型城镇化规划" → 广东省; "美丽广州…" → none;
 * "广东省推进城市更新…" → 广东省 (only names the gazetteer knows: 推进城市 is none).
 */
export function divisionsAtStart(text: string): PlaceAtStart | undefined {
  const at = leadingDivision(text);
  if (!at || !at.sure || at.division.level === 'ZONE') return undefined;
  return { name: at.division.name, level: at.division.level };
}

export function levelOf(name: string | undefined): PlanDraft['level'] {
  if (!name) return undefined;
  if (/(省|自治区)$/u.test(name)) return 'PROVINCE';
  if (/市$/u.test(name)) return 'CITY';
  if (/(区|县)$/u.test(name)) return 'DISTRICT';
  if (/(镇|街道|乡)$/u.test(name)) return 'TOWN';
  if (/村$/u.test(name)) return 'VILLAGE';
  return undefined;
}

const FIVE_YEAR: Record<string, number> = { 十一: 2006, 十二: 2011, 十三: 2016, 十四: 2021, 十五: 2026, 十六: 2031 };

export function readPeriod(text: string): [number, number] | undefined {
  const range = /((?:19|20)\d\d)\s*年?\s*[—–\-－~～至到]+\s*((?:19|20)\d\d)/u.exec(text);
  if (range) return [Number(range[1]), Number(range[2])];
  const fy = /(?:“|")?(十[一二三四五六])五(?:”|")?|第(十[一二三四五六])个五年/u.exec(text);
  if (fy) {
    const start = FIVE_YEAR[fy[1] ?? fy[2]];
    if (start) return [start, start + 4];
  }
  // An annual document (2019年工作要点, 广东省2018年…工作方案, 2024年民生实事工作分工方案) is the plan of that one year.
  // Not a horizon (到2035年, 面向2030年, 2035年远景目标) nor a deadline (2025年底前).
  const annual = /(?<![\d到至面向])((?:19|20)\d\d)\s*年(?!\s*(?:远景|底|末|前|以前|[—–\-－~～至到]))/u.exec(text);
  if (annual && !/(?:到|至|面向)\s*$/u.test(text.slice(0, annual.index))) return [Number(annual[1]), Number(annual[1])];
  return undefined;
}

function periodInProse(paragraphs: Paragraph[]): [number, number] | undefined {
  for (const p of paragraphs.slice(0, 20)) {
    const m = /规划(?:期|期限|范围期限)为?\s*((?:19|20)\d\d)\s*年?\s*[—–\-－~～至到]+\s*((?:19|20)\d\d)/u.exec(p.text);
    if (m) return [Number(m[1]), Number(m[2])];
  }
  return undefined;
}

/** Verbatim slice of a paragraph for a piece of its Simplified text. */
function orig(p: Paragraph, simplified: string): string {
  const at = p.text.indexOf(simplified);
  return at >= 0 ? p.original.slice(at, at + simplified.length) : simplified;
}

function simplifiedOf(p: Paragraph | undefined, original: string): string {
  if (!p) return original;
  const at = p.original.indexOf(original);
  return at >= 0 ? p.text.slice(at, at + original.length) : original;
}

/** "广东省新型城镇化规划(2021—2035 年)" → no blanks next to Chinese characters. */
function squeeze(title: string): string {
  return title.replace(/\s+(?=[\p{Script=Han}（）()—])|(?<=[\p{Script=Han}（）()—])\s+/gu, '').trim();
}

export { shortQuote };
