/**
 * The place a passage is about, for the measures it enumerates. A news article reports a
 * district's measures under a subheading that is just the place ("花都", then narrative, then
 * "一是…二是…三是…"), or opens the passage with the place as the subject of what it will do
 * ("董传辉表示，花都将以三个“万亩千亿”产业平台为引领…。一是打造临空数智港产业平台…"). Each
 * measure then lies in that place even when its own words do not repeat the name.
 *
 * Conservative on purpose: only enumerated measures at the top of a plan (refs 一是, 段18二是,
 * 第一) are given a subject, the passage is the loose text between the previous task and the
 * enumeration's first member, and a subject is either one place-only subheading or exactly
 * one place opening a clause with a verb of intent (将, 要, 计划, 力争).
 */
import type { Paragraph, PlanDraft, TaskDraft } from '../model.ts';
import { aligned, evidenceAt, verbatim } from '../text/provenance.ts';
import type { LocatedPlace } from './extract.ts';
import { findPlaceMentions, type MatchOptions, type PlaceMention } from '../gazetteer/place-mentions.ts';

const MEMBER = /([一二三四五六七八九十]+是|第[一二三四五六七八九十]+)$/;
const FIRST = /(一是|第一)$/;
/** Loose paragraphs read back from an enumeration (narrative, pull quotes) before giving up. */
const LOOKBACK = 6;
/** A subheading naming only a place: "花都", "南沙", "三、花都区", "（二）从化". */
const NUMBERING = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])?\s*/;
const INTENT_AFTER = /^(将|要|计划|力争)/;
const CLAUSE_START = /(^|[，。；：！？“])\s*$/;

function located(document: string, p: Paragraph, m: PlaceMention): LocatedPlace {
  const surface = aligned(p) ? verbatim(p, m.start, m.end) : m.surface;
  return { division: m.division, surface, evidence: evidenceAt(document, p, m.start, m.end) };
}

/** The place a short paragraph consists of, if that is all it says. */
function placeHeading(document: string, p: Paragraph, options: MatchOptions): LocatedPlace | undefined {
  const lead = NUMBERING.exec(p.text)![0].length;
  const text = p.text.slice(lead).trim();
  if (text.length < 2 || text.length > 12) return undefined;
  const mentions = findPlaceMentions(p.text, options);
  if (mentions.length !== 1) return undefined;
  const [m] = mentions;
  return m.start === lead && m.end === lead + text.length ? located(document, p, m) : undefined;
}

/** The one place that opens a clause of intent ("花都将以…", "2026年，南沙将以…"). */
function intentSubject(document: string, p: Paragraph, options: MatchOptions): LocatedPlace | undefined {
  const subjects = findPlaceMentions(p.text, options).filter(
    (m) => INTENT_AFTER.test(p.text.slice(m.end)) && CLAUSE_START.test(p.text.slice(Math.max(0, m.start - 2), m.start)),
  );
  const distinct = new Set(subjects.map((m) => m.division.id));
  return distinct.size === 1 ? located(document, p, subjects[0]) : undefined;
}

/** Consecutive top-level enumerated measures: a new group at each 一是/第一 or change of prefix. */
function enumerations(tasks: TaskDraft[]): TaskDraft[][] {
  const groups: TaskDraft[][] = [];
  let prefix: string | undefined;
  for (const t of tasks) {
    const m = MEMBER.exec(t.ref);
    if (!m) {
      prefix = undefined;
      continue;
    }
    const p = t.ref.slice(0, m.index);
    if (prefix === undefined || p !== prefix || FIRST.test(t.ref)) groups.push([]);
    prefix = p;
    groups[groups.length - 1].push(t);
  }
  return groups;
}

/** For each enumerated measure whose passage names its subject place: that place. */
export function passageSubjects(document: string, plan: PlanDraft, options: MatchOptions): Map<TaskDraft, LocatedPlace> {
  const out = new Map<TaskDraft, LocatedPlace>();
  const top = [...plan.tasks].sort((a, b) => a.evidence.line - b.evidence.line);
  for (const group of enumerations(top)) {
    const first = group[0];
    const before = top.filter((t) => t.evidence.line < first.evidence.line);
    const prevEnd = Math.max(0, ...before.map((t) => t.endLine ?? t.evidence.line));
    const passage = plan.looseParagraphs
      .filter((p) => p.line > prevEnd && p.line <= first.evidence.line)
      .sort((a, b) => a.line - b.line)
      .slice(-LOOKBACK);
    if (passage.length === 0) continue;
    let subject = intentSubject(document, passage[passage.length - 1], options);
    for (let k = passage.length - 1; k >= 0 && !subject; k--) subject = placeHeading(document, passage[k], options);
    if (!subject) continue;
    for (const t of group) out.set(t, subject);
  }
  return out;
}
