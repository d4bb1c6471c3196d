/**
 * Weighing the clues. Two clues agree when one division lies inside the other (a 穗府办 number and
 * a 花都区 title agree: the plan is Huadu's, issued in Guangzhou). A division's support is, tier by
 * tier (explicit, title, body), the weight of the clues that agree with it; the strongest tier
 * decides, so one explicit clue outweighs any number of body mentions. Among divisions with equal
 * support (a chain: 广东省 ⊃ 广州市 ⊃ 花都区), the deepest one the document's own words state wins;
 * a page's rows, a credit code (where the issuer happens to be registered) and body words never
 * make it more specific than what the document says in so many words.
 */
import type { Division } from '../../model.ts';
import { divisionById, isWithin } from '../../gazetteer/divisions.ts';
import type { Clue } from './clues.ts';
import { HOME_PROVINCE } from './doc-number.ts';
import { LEVEL_DEPTH } from '../../vocabulary.ts';

function agree(a: Division, b: Division): boolean {
  return isWithin(a, b) || isWithin(b, a);
}

/** An ambiguous abbreviation (南: 南沙区, 南山区, 南海区) takes the meaning the other clues agree with. */
function settle(clues: Clue[]): (Clue & { division: Division })[] {
  const sure = clues.filter((c) => c.options.length === 1);
  const home = divisionById(HOME_PROVINCE);
  const out: (Clue & { division: Division })[] = [];
  for (const c of clues) {
    if (c.options.length === 1) {
      out.push({ ...c, division: c.options[0] });
      continue;
    }
    const backed = c.options
      .map((d) => ({ d, w: sure.reduce((s, o) => s + (agree(o.options[0], d) ? o.weight : 0), 0) }))
      .filter((x) => x.w > 0)
      .sort((a, b) => b.w - a.w || LEVEL_DEPTH[b.d.level] - LEVEL_DEPTH[a.d.level]);
    const inHome = home ? c.options.filter((d) => isWithin(d, home)) : [];
    const pick = backed[0]?.d ?? (inHome.length === 1 ? inHome[0] : undefined);
    if (pick) out.push({ ...c, division: pick });
  }
  return out;
}

const OWN_WORDS = new Set(['manifest', 'header', 'issuer', 'signature', 'docNumber', 'title']);

export interface Verdict {
  division: Division;
  /** The clues naming it or a division it lies in, strongest first. */
  support: (Clue & { division: Division })[];
  /** Clues as strong pointed at a division that does not agree with it (a tie between two places). */
  contested: boolean;
}

export function weigh(clues: Clue[]): Verdict | undefined {
  const settled = settle(clues);
  if (settled.length === 0) return undefined;
  const candidates = new Map<string, Division>();
  for (const c of settled) candidates.set(c.division.id, c.division);
  const score = (d: Division) => {
    const s = [0, 0, 0];
    for (const c of settled) if (agree(c.division, d)) s[2 - c.tier] += c.weight;
    return s;
  };
  const scored = [...candidates.values()].map((d) => ({ d, s: score(d) }));
  const cmp = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  const best = scored.reduce((m, x) => (cmp(x.s, m.s) > 0 ? x : m)).s;
  const top = scored.filter((x) => cmp(x.s, best) === 0).map((x) => x.d);
  // Who may make the answer more specific: the document's own words (header, notice, signature,
  // number, title) when it has any — a district site reposting a city's notice shows the district
  // in its 发布机构 and 索引号 rows, but the notice is the city's; else the page's rows; else anything.
  const own = settled.some((c) => OWN_WORDS.has(c.kind));
  const rows = settled.some((c) => c.kind === 'metadataRow');
  const refines = (kind: string) => (own ? OWN_WORDS.has(kind) : rows ? kind === 'metadataRow' : true);
  const namedBy = (d: Division) => settled.some((c) => c.division.id === d.id && refines(c.kind));
  const named = top.filter(namedBy);
  const pool = named.length ? named : top;
  const division = pool.reduce((m, d) => (LEVEL_DEPTH[d.level] > LEVEL_DEPTH[m.level] ? d : m));
  // The reasons: clues naming it or a division it lies in (a 穗府办 number for a 花都区 plan), not ones naming a part of it.
  const support = settled.filter((c) => isWithin(division, c.division)).sort((a, b) => b.tier - a.tier || b.weight - a.weight || a.line - b.line);
  const contested = top.some((d) => !agree(d, division));
  return { division, support, contested };
}
