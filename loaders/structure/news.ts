/**
 * A newspaper page holds several articles: each is its own Plan of kind news. An article starts
 * with its headline block (short lines before a dateline such as "广东建设报讯 记者…报道："),
 * runs until the next article's headline block, and stops at the page index (导读). A "链接"
 * sidebar goes with the page's lead article.
 */
import type { Paragraph } from '../model.ts';
import { matchHeading } from '../normalise/patterns.ts';
import { isPageFurniture, isWebByline } from '../normalise/furniture.ts';

export interface Article {
  title: string;
  titleParagraph: Paragraph;
  /** Other headline lines (kicker above, subtitle below), verbatim. */
  otherHeadlines: string[];
  paragraphs: Paragraph[];
}

const DATELINE = /^(?:\p{Script=Han}{2,12}报讯|本报讯|本报记者|新华社|中新社|人民网|南方网|记者[\p{Script=Han}、\s]{1,24}报道)/u;

export function isDateline(p: Paragraph): boolean {
  return p.kind === 'body' && (DATELINE.test(p.text) || /^.{0,16}报讯/u.test(p.text));
}

/** Headline-like: short, no sentence inside, not a caption or masthead furniture. */
function isHeadline(p: Paragraph): boolean {
  if (p.kind !== 'body') return false;
  const t = p.text;
  if (t.length > 70 || t.length < 4) return false;
  if (/。./u.test(t) || /[。]$/u.test(t)) return false;
  if (/^(扫一扫|关注|链接|相关链接)/u.test(t) || /(摄|图源[:：].*[）)])$/u.test(t)) return false;
  return true;
}

/** A document's number (粤府办〔2025〕5号) or a web page's 索引号/文号 row: an official document, not a report. */
const DOCUMENT_MARK = /[〔［\[（(]\d{4}[〕］\]）)]\s*\d{1,4}\s*号|^(?:索引号|文号|发文字号|发文机关|成文日期)[：:]/u;

export function looksLikeNewsPage(paragraphs: Paragraph[]): boolean {
  const datelines = paragraphs.filter(isDateline).length;
  const structural = paragraphs.filter((p) => {
    const h = matchHeading(p.text);
    return h && ['chapter', 'section', 'item'].includes(h.kind);
  }).length;
  if (structural >= 3) return false;
  if (datelines >= 1) return true;
  // A web article: a byline (来源：… 发布时间：…) under its headline near the top, and nothing of an official
  // document (no document number, no 附件, no allocation table).
  const top = paragraphs.slice(0, 12);
  return (
    top.some((p) => p.kind === 'body' && isWebByline(p.text)) &&
    !paragraphs.some((p) => p.kind === 'table-cell' || DOCUMENT_MARK.test(p.text) || matchHeading(p.text)?.kind === 'annex')
  );
}

export function splitArticles(paragraphs: Paragraph[]): Article[] {
  // Breadcrumbs, bylines, share widgets and the site footer are no part of any article.
  const body = paragraphs.filter((p) => !isPageFurniture(p.text));
  const datelines = body.map((p, i) => (isDateline(p) ? i : -1)).filter((i) => i >= 0);
  if (datelines.length === 0) {
    // A web article: its headline is the headline-like line right above its byline, else the first one.
    const byline = paragraphs.findIndex((p) => p.kind === 'body' && isWebByline(p.text));
    const above = byline > 0 ? paragraphs.slice(0, byline).filter((p) => !isPageFurniture(p.text) && isHeadline(p)) : [];
    const first = above[above.length - 1] ?? body.find(isHeadline) ?? body[0];
    if (!first) return [];
    return [{ title: first.original, titleParagraph: first, otherHeadlines: [], paragraphs: body }];
  }
  // Headline block of each article: headline paragraphs right before its dateline.
  const starts: number[] = [];
  let floor = 0;
  for (const d of datelines) {
    let s = d;
    while (s - 1 >= floor && isHeadline(body[s - 1]) && d - (s - 1) <= 4) s--;
    starts.push(s);
    floor = d + 1;
  }
  const articles: Article[] = [];
  let sidebar: Paragraph[] = [];
  for (let a = 0; a < starts.length; a++) {
    const end = a + 1 < starts.length ? starts[a + 1] : body.length;
    const own: Paragraph[] = [];
    let mode: 'article' | 'index' | 'sidebar' = 'article';
    for (let i = starts[a]; i < end; i++) {
      const p = body[i];
      if (/^[●•\s]*导\s*读$/u.test(p.text)) mode = 'index';
      else if (/^(?:相关)?链接$/u.test(p.text)) mode = 'sidebar';
      if (mode === 'article') own.push(p);
      else if (mode === 'sidebar') sidebar.push(p);
    }
    const headlines = body.slice(starts[a], datelines[a]);
    const { title, titleParagraph, others } = pickTitle(headlines, body[datelines[a]]);
    articles.push({ title, titleParagraph, otherHeadlines: others, paragraphs: own });
  }
  if (sidebar.length && articles.length) articles[0].paragraphs.push(...sidebar);
  return articles;
}

/**
 * Lines of a headline block that follow each other without a blank line are one headline wrapped
 * ("全省小区治理现场" / "推进会在深圳召开"). A markdown heading ("## …") is the main headline,
 * else the first one is.
 */
function pickTitle(block: Paragraph[], dateline: Paragraph): { title: string; titleParagraph: Paragraph; others: string[] } {
  if (block.length === 0) return { title: dateline.original.slice(0, 40), titleParagraph: dateline, others: [] };
  const groups: { paragraphs: Paragraph[]; text: string }[] = [];
  for (const p of block) {
    const last = groups[groups.length - 1];
    const prevEnd = last ? last.paragraphs[last.paragraphs.length - 1] : undefined;
    const prevLine = prevEnd ? prevEnd.segments[prevEnd.segments.length - 1].line : -10;
    if (last && p.line === prevLine + 1) {
      last.paragraphs.push(p);
      last.text += p.original;
    } else groups.push({ paragraphs: [p], text: p.original });
  }
  const main = groups.find((g) => g.paragraphs[0].markdownHeading) ?? groups[0];
  return {
    title: main.text,
    titleParagraph: main.paragraphs[0],
    others: groups.filter((g) => g !== main).map((g) => g.text),
  };
}
