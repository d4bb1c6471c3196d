/**
 * Whose document is this? Collects every clue a real copy carries — the header (X人民政府文件),
 * the notice (X关于印发…), the signature, the document number (花府办〔2026〕5号), a web page's
 * 发布机构/文号/索引号 rows (the 索引号 often holds the issuer's credit code), the title or
 * headline, and the body's own words (全区, 我区 next to the name) — and weighs them
 * (weigh.ts). A manifest's jurisdiction overrides them all. The reasons are kept as evidence.
 */
import type { Division, ManifestEntry, Paragraph, PlanDraft } from '../../model.ts';
import { isWithin, resolveDivision } from '../../gazetteer/divisions.ts';
import { simplify } from '../../read/index.ts';
import { docNumberClues, headerClues, issuerClues, noticeClues, signatureClues, titleClues, type Clue, type EvidenceKind } from './clues.ts';
import { addresseeLevel, metadataRowClues, relativeIssuer } from './rows.ts';
import { readBody } from './body.ts';
import { weigh } from './weigh.ts';
import { leadingDivision } from './leading.ts';

export type { EvidenceKind } from './clues.ts';
export { leadingDivision } from './leading.ts';
export { divisionsOfPrefix, readDocNumber } from './doc-number.ts';
export { divisionOfCode } from './credit-code.ts';

/** One reason for a plan's jurisdiction: where it was read and what kind of clue it is. */
export interface JurisdictionEvidence {
  /** 1-based source line; 0 for the manifest, which has no line. */
  line: number;
  quote: string;
  kind: EvidenceKind;
}

export interface JurisdictionReading {
  division?: Division;
  /** The division's canonical name (花都区), or the manifest's name when the gazetteer lacks it. */
  name?: string;
  level?: PlanDraft['level'];
  evidence: JurisdictionEvidence[];
  /** The issuing body the strongest clues name (signature, header, 发布机构 row, notice), as written (区府办 stays relative). */
  issuer?: string;
}

export interface JurisdictionInput {
  /** The plan's paragraphs (a news article's own). */
  paragraphs: Paragraph[];
  /** Title as read, in the document's script. */
  title?: string;
  titleParagraph?: Paragraph;
  manifest?: ManifestEntry;
  /** Plan line to cite for a title that has no paragraph of its own. */
  line?: number;
  /** A news article's other headlines (kicker, subtitle): title clues too. */
  headlines?: Paragraph[];
  /** An issuer read by other means (an "X正式印发《…》" clause): its name and the paragraph saying it. */
  issuer?: { name: string; paragraph?: Paragraph };
}

const HEAD = 60;
const SIGNATURE_HEAD = 40;
const TAIL = 15;
const MAX_EVIDENCE = 8;

export function resolveJurisdiction(input: JurisdictionInput): JurisdictionReading {
  const body = input.paragraphs.filter((p) => p.kind !== 'footnote');
  const head = body.slice(0, HEAD);
  // The closing lines, wherever the head ends (a short document's signature may lie between the two).
  const tail = body.slice(Math.max(SIGNATURE_HEAD, body.length - TAIL));
  const edges = [...head, ...tail.filter((p) => !head.includes(p))];
  const clues: Clue[] = [
    ...headerClues(head),
    ...noticeClues(head.slice(0, 30)),
    ...signatureClues(head.slice(0, SIGNATURE_HEAD)),
    ...signatureClues(tail),
    ...docNumberClues(head.slice(0, 30)),
    ...metadataRowClues(edges),
    ...(input.title ? titleClues(simplify(input.title), input.titleParagraph, input.line ?? 1) : []),
    ...(input.headlines ?? []).flatMap((h) => titleClues(h.text, h, h.line)),
  ];
  // A headline on a line another clue already read (the notice) adds nothing.
  clues.push(...headlineClues(head.slice(0, 20), input.titleParagraph).filter((h) => !clues.some((c) => c.line === h.line)));
  // An issuer the metadata reader found elsewhere (an "X正式印发《…》" clause) is a clue of its own; on a line already read it adds nothing.
  const issuerAt = input.issuer?.paragraph;
  if (issuerAt && !clues.some((c) => c.line === issuerAt.line)) clues.push(...issuerClues(simplify(input.issuer!.name), issuerAt));
  const issuer = issuerOf(clues);
  const manifestName = input.manifest?.jurisdiction;
  if (manifestName) {
    const division = resolveDivision(simplify(manifestName)) ?? namesakeOf(simplify(manifestName), clues);
    const agreeing = division ? weighAgainst(clues, division) : [];
    return {
      division,
      name: division?.name ?? manifestName,
      level: levelOf(division) ?? input.manifest?.level,
      evidence: [{ line: 0, quote: `manifest: ${manifestName}`, kind: 'manifest' as const }, ...agreeing].slice(0, MAX_EVIDENCE),
      issuer,
    };
  }
  const relative = issuer ? undefined : relativeIssuer(edges);
  let verdict = weigh(clues);
  // The body is read only when the rest leaves the question open: it is the weakest clue and the costliest to read.
  let read: ReturnType<typeof readBody> | undefined;
  if (!verdict || verdict.contested) {
    read = readBody(body);
    verdict = weigh([...clues, ...read.clues]);
  }
  // No division, but its level: a "区府办" signature, an addressee "区政府各部门：", or the body's 全区/我区.
  if (!verdict) {
    const said = relative?.level ?? addresseeLevel(head.slice(0, 30));
    return { evidence: [], issuer: issuer ?? relative?.surface, level: said ? LEVEL_OF_OFFICE[said] : levelOf(read?.level) };
  }
  return {
    division: verdict.division,
    name: verdict.division.name,
    level: levelOf(verdict.division),
    evidence: dedupe(verdict.support.map(({ line, quote, kind }) => ({ line, quote, kind }))).slice(0, MAX_EVIDENCE),
    issuer: issuer ?? relative?.surface,
  };
}

/**
 * A page's headline (an <h1>, a Markdown "# …", the first line) when the plan's title is another line: a news
 * page titled "广东《政府工作报告》重点工作部门分工确定" reports 广东省's plan. A site's name
 * ("…人民政府网", "…新闻网") is navigation, not a headline.
 */
function headlineClues(head: Paragraph[], titleParagraph: Paragraph | undefined): Clue[] {
  // A marked heading, or the page's first line when it reads as one (short, no sentence punctuation).
  const h = head.find((p, i) => (p.markdownHeading || i === 0) && p !== titleParagraph && p.text.length >= 8 && p.text.length <= 60 && !/[。；，,：:]/u.test(p.text));
  if (!h || /(?:网|门户|首页)$/u.test(h.text) || /首页|当前位置/u.test(h.text)) return [];
  return titleClues(h.text, h, h.line);
}

/** A manifest's name two divisions share (白云区): the one the text agrees with, else the home province's. */
function namesakeOf(name: string, clues: Clue[]): Division | undefined {
  const at = leadingDivision(name);
  if (!at || at.surface !== name) return undefined;
  // Only clues that name one division can tell namesakes apart (the title "白云区…" names both).
  const backed = at.options.find((d) => clues.some((c) => c.options.length === 1 && (isWithin(c.options[0], d) || isWithin(d, c.options[0]))));
  return backed ?? (at.sure ? at.division : undefined);
}

/** The text clues that agree with a division the manifest fixed (one inside the other). */
function weighAgainst(clues: Clue[], division: Division): JurisdictionEvidence[] {
  const agreeing = clues.filter((c) => c.options.some((d) => isWithin(d, division) || isWithin(division, d)));
  agreeing.sort((a, b) => b.tier - a.tier || b.weight - a.weight || a.line - b.line);
  return dedupe(agreeing.map(({ line, quote, kind }) => ({ line, quote, kind })));
}

function dedupe(list: JurisdictionEvidence[]): JurisdictionEvidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.kind}\u0000${e.line}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

/** The body the strongest issuer-naming clue states, e.g. 广州市花都区人民政府办公室 from a signature. */
function issuerOf(clues: Clue[]): string | undefined {
  const order: EvidenceKind[] = ['signature', 'issuer', 'header', 'metadataRow'];
  for (const kind of order) {
    const c = clues.find((x) => x.kind === kind && x.issuer);
    if (c) return c.issuer;
  }
  return undefined;
}

const LEVEL_OF_OFFICE: Record<string, PlanDraft['level']> = { 省: 'PROVINCE', 市: 'CITY', 区: 'DISTRICT', 县: 'DISTRICT' };
function levelOf(d: Division | Division['level'] | undefined): PlanDraft['level'] {
  const level = typeof d === 'string' ? d : d?.level;
  return level === 'ZONE' ? undefined : level;
}
