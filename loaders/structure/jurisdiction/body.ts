/** The body's own words about its division (全区, 我区 next to the name; how often it is named). */
import type { Division, Paragraph } from '../../model.ts';
import { aligned, lineAt, shortQuote } from '../../text/provenance.ts';
import { clue, type Clue } from './clues.ts';
import { leadingDivision } from './leading.ts';

const LEVEL_OF_TOKEN: Record<string, Division['level']> = { 区: 'DISTRICT', 县: 'DISTRICT', 市: 'CITY', 省: 'PROVINCE' };
const SELF_REFERENCE = /[全我本]([区县市省])/gu;
const NAME = /\p{Script=Han}{2,8}?(?:自治区|省|市|区|县)/gu;
const BODY_PARAGRAPHS = 200;
const BODY_CHARS = 40_000;

/**
 * The body's own words. A plan says 我区 / 全区 of its own district (全市 of its city, 全省 of its
 * province) far more than of any other level: the commonest such word gives the level, and the
 * division of that level the body names most — more so within 40 characters of the word
 * ("花都区…全区各镇街") — is the body's candidate. The level alone is still worth knowing when no
 * name can be settled (区发展改革局 is then a district's body). Reads the first 200 paragraphs
 * (40,000 characters) at most.
 */
export function readBody(paragraphs: Paragraph[]): { clues: Clue[]; level?: Division['level'] } {
  const tokens: Record<string, number> = {};
  const seen = new Map<string, { division: Division; count: number; near: number; first: Mention; firstNear?: Mention }>();
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
      const at = { p, offset: m.index! };
      const entry = seen.get(d.id) ?? { division: d, count: 0, near: 0, first: at };
      entry.count++;
      if (near.some(([at, level]) => level === d.level && Math.abs(at - m.index!) <= 40)) {
        entry.near++;
        entry.firstNear ??= at;
      }
      seen.set(d.id, entry);
    }
  }
  const level = (Object.entries(tokens).sort((a, b) => b[1] - a[1])[0] ?? [])[0] as Division['level'] | undefined;
  if (!level) return { clues: [] };
  const ofLevel = [...seen.values()].filter((e) => e.division.level === level);
  // Named beside 全市/我市, or often, or the only division of that level the body names at all.
  const ranked = ofLevel.filter((e) => e.near > 0 || e.count >= 3 || ofLevel.length === 1).sort((a, b) => b.near * 3 + b.count - (a.near * 3 + a.count));
  const best = ranked[0];
  if (!best) return { clues: [], level };
  // A runner-up that holds its own (two districts of a joint plan) leaves the body undecided.
  const second = ranked[1];
  if (second && second.near * 3 + second.count >= 0.8 * (best.near * 3 + best.count)) return { clues: [], level };
  const weight = Math.min(5, 1 + best.near + Math.floor(best.count / 5));
  return { level, clues: [{ ...clue('body', [best.division], best.firstNear?.p ?? best.first.p, undefined, weight), ...sentenceOf(best.firstNear ?? best.first) }] };
}

interface Mention {
  p: Paragraph;
  offset: number;
}

/** The sentence holding a mention, from its line: a long paragraph's opening may not name the division at all. */
function sentenceOf({ p, offset }: Mention): { line: number; quote: string } {
  if (!aligned(p)) return { line: p.line, quote: shortQuote(p.original) };
  const start = Math.max(p.text.lastIndexOf('。', offset), p.text.lastIndexOf('；', offset)) + 1;
  return { line: lineAt(p, start), quote: shortQuote(p.original.slice(start)) };
}

/** The division a run of characters ends with ("推动花都区" → 花都区), or none. */
function divisionEnding(run: string, memo: Map<string, Division | null>): Division | undefined {
  const have = memo.get(run);
  if (have !== undefined) return have ?? undefined;
  let found: Division | null = null;
  for (let s = 0; s <= run.length - 2 && !found; s++) {
    const at = leadingDivision(run.slice(s));
    // Two characters inside running text are a word's tail more often than a county (示范县 is not 范县).
    if (at && at.sure && at.surface.length >= 3 && at.start + at.surface.length === run.length - s) found = at.division;
  }
  memo.set(run, found);
  return found ?? undefined;
}

