/**
 * Titles of tasks: the short sentence a lead-phrase paragraph opens with, the words after a
 * heading's numbering, and the key annex items are matched on.
 */

/** Lead phrase: "积极培育新兴绿色低碳产业。高标准建设…" → "积极培育新兴绿色低碳产业". */
export function leadPhrase(text: string): string | undefined {
  const t = text.replace(/^(?:——|—|●|■|◆|▲)\s*/u, '');
  const m = /^([^。！？；;：:]{2,40}?)。/u.exec(t);
  if (!m) return undefined;
  const phrase = m[1].trim();
  const rest = t.slice(m[0].length).trim();
  if (rest.length < 4) return undefined; // a one-sentence paragraph is prose, not a titled paragraph
  if (phrase.length > 30) return undefined;
  if (/^[\d０-９]/u.test(phrase) || /^(?:到|截至|截止|至|其中|注|同时|此外|另外|因此|目前)/u.test(phrase)) return undefined;
  if (/[“”"]$/u.test(phrase) && !/[“"]/u.test(phrase.slice(0, -1))) return undefined;
  // Quotes and brackets must close inside the phrase, or the 。 was inside them.
  if (count(phrase, '“') !== count(phrase, '”') || count(phrase, '（') + count(phrase, '(') !== count(phrase, '）') + count(phrase, ')')) return undefined;
  const commas = phrase.split(/[，,]/u);
  if (commas.length > 2) return undefined;
  // "遵循规律，立足省情。" is a titled principle; "2027年,美丽广州建设成效显著。" is prose.
  if (commas.length === 2 && (phrase.length > 12 || commas.some((c) => c.length > 8))) return undefined;
  return phrase;
}

/** How often the one character `ch` occurs in `s` (counted in place: asked six times per paragraph). */
function count(s: string, ch: string): number {
  const c = ch.charCodeAt(0);
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === c) n++;
  return n;
}

/**
 * Title of a numbered heading from the text after its numbering: the words up to the first
 * full stop ("深化农村集体经营性建设用地入市改革。在狮山镇…"), or a label before a colon
 * ("教育设施：扩大…"), else the whole rest if short.
 */
export function headingTitle(rest: string): string {
  const r = rest.trim();
  const stop = /^([^。！？]{1,60}?)[。！？]/u.exec(r);
  const colon = /^([^，。：:]{1,15})[：:]/u.exec(r);
  if (colon && (!stop || colon[1].length < stop[1].length)) return colon[1].trim();
  if (stop) {
    const sentence = stop[1].trim();
    // "西樵山国家5A级旅游景区提升工程，总投资12亿元，位于西樵镇。": the name before the details.
    const first = /^([^，,]{4,30})[，,]/u.exec(sentence);
    const after = first ? sentence.slice(first[1].length) : '';
    // "潭江新会段碧道建设工程，建设碧道45公里": a named work, then what it builds.
    const named = first && /(?:工程|项目|设施|基地|园区|产业园|中心|平台|示范带|公园|碧道|绿道)$/u.test(first[1]) && /\d/u.test(after);
    const details = (first && /^[，,]\s*(?:总投资|投资|位于|涉及|占地|用地|建筑面积|建设规模|规划|计划投资)/u.test(after)) || named;
    return first && (sentence.length > 20 || details) ? first[1] : sentence;
  }
  if (r.length <= 60) return r.replace(/[；;，,]$/u, '');
  const comma = /^([^，,；;]{4,60})[，,；;]/u.exec(r);
  return comma ? comma[1] : r.slice(0, 60);
}

/** Key for matching titles across main text and annex: no punctuation, spaces or markup. */
export function titleKey(title: string): string {
  return title.replace(/[\s\u3000\p{P}\p{S}]/gu, '');
}

// The quote cut lives with the other provenance helpers; tasks.ts still imports it from here.
export { shortQuote } from '../text/provenance.ts';
