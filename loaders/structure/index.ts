/**
 * structure: Paragraph[] → PlanDraft[]. A plan document gives one PlanDraft with its task tree
 * (headings, lead phrases, boxes, annex items matched to main-text tasks); a newspaper page
 * gives one PlanDraft of kind news per article. Metadata the text does not state comes from the
 * manifest entry.
 */
import type { ManifestEntry, Paragraph, PlanDraft, SourceText } from '../model.ts';
import { buildTasks } from './tasks.ts';
import { matchAnnexItems } from './annex.ts';
import { readMetadata, levelOf } from './metadata.ts';
import { resolveJurisdiction } from './jurisdiction/index.ts';
import { looksLikeNewsPage, splitArticles } from './news.ts';
import { shortQuote } from '../text/provenance.ts';
import { enumeratedTasks } from './enumeration.ts';
import { reportedTasks } from './reported.ts';

export { leadPhrase, headingTitle, titleKey } from './titles.ts';
export { readPeriod, divisionsAtStart, levelOf } from './metadata.ts';

export function structure(source: SourceText, paragraphs: Paragraph[], manifest?: ManifestEntry): PlanDraft[] {
  const news = manifest?.kind ? manifest.kind === 'news' : looksLikeNewsPage(paragraphs);
  return news ? structureNews(source, paragraphs, manifest) : [structurePlan(source, paragraphs, manifest)];
}

function structurePlan(source: SourceText, paragraphs: Paragraph[], manifest?: ManifestEntry): PlanDraft {
  const fallback = source.document.replace(/\.[^.]+$/, '');
  const meta = readMetadata(paragraphs, manifest, fallback);
  const tree = buildTasks(paragraphs, { document: source.document, tasks: true, bodyStart: meta.bodyStart });
  matchAnnexItems(tree.tasks, tree.simplifiedTitles);
  const first = meta.titleParagraph ?? paragraphs.find((p) => p.kind === 'body') ?? paragraphs[0];
  const lastLine = paragraphs.length ? lastLineOf(paragraphs[paragraphs.length - 1]) : 1;
  return {
    key: '',
    title: meta.title,
    kind: 'plan',
    issuer: meta.issuer,
    jurisdiction: meta.jurisdiction,
    jurisdictionCode: meta.jurisdictionCode,
    jurisdictionEvidence: meta.jurisdictionEvidence,
    level: meta.level,
    periodStart: meta.periodStart,
    periodEnd: meta.periodEnd,
    evidence: { document: source.document, line: first?.line ?? 1, quote: shortQuote(first?.original ?? meta.title) },
    tasks: tree.tasks,
    endLine: lastLine,
    looseParagraphs: tree.loose,
    footnotes: tree.footnotes,
  };
}

function structureNews(source: SourceText, paragraphs: Paragraph[], manifest?: ManifestEntry): PlanDraft[] {
  const articles = splitArticles(paragraphs.filter((p) => p.kind !== 'footnote'));
  return articles.map((a, i) => {
    // A headline is the article's title ("广东《政府工作报告》重点工作部门分工确定" is 广东省's).
    // Its kicker and subtitle are headlines too ("广东省住建厅召开…" over "政银企协同探索…").
    const previousEnd = i > 0 ? articles[i - 1].titleParagraph.line : 0;
    const kickers = paragraphs.filter((p) => p.line > previousEnd && p.line < a.titleParagraph.line + 3 && p !== a.titleParagraph && a.otherHeadlines.includes(p.original));
    const place = resolveJurisdiction({ paragraphs: [a.titleParagraph, ...a.paragraphs], title: a.titleParagraph.text, titleParagraph: a.titleParagraph, manifest, headlines: kickers });
    const jurisdiction = place.name;
    const nextStart = articles[i + 1]?.paragraphs[0]?.line;
    // A 链接 sidebar printed after the next article may belong to this one: its lines still count.
    const own = a.paragraphs;
    // The measures an article reports ("一是…二是…") are its tasks; narrative stays loose.
    const enumerated = enumeratedTasks(own, source.document);
    // A reported division of work (由X牵头，Y配合; a reprinted allocation table): its clauses and rows are tasks too.
    const reported = reportedTasks(enumerated.loose, source.document);
    const measures = { tasks: [...enumerated.tasks, ...reported.tasks], loose: reported.loose };
    return {
      key: `article-${i + 1}`,
      title: a.title,
      kind: 'news' as const,
      issuer: manifest?.issuer,
      jurisdiction,
      jurisdictionCode: place.division?.code,
      jurisdictionEvidence: place.evidence,
      level: manifest?.level ?? place.level ?? levelOf(jurisdiction),
      periodStart: manifest?.periodStart,
      periodEnd: manifest?.periodEnd,
      evidence: { document: source.document, line: a.titleParagraph.line, quote: shortQuote(a.titleParagraph.original) },
      tasks: measures.tasks,
      endLine: Math.max(a.titleParagraph.line, ...own.map(lastLineOf)),
      publisher: manifest?.publisher,
      otherHeadlines: a.otherHeadlines,
      looseParagraphs: measures.loose,
      footnotes: paragraphs.filter((p) => p.kind === 'footnote' && own.length > 0 && p.line >= own[0].line && (!nextStart || p.line < nextStart)),
    };
  });
}

function lastLineOf(p: Paragraph): number {
  return p.segments[p.segments.length - 1]?.line ?? p.line;
}
