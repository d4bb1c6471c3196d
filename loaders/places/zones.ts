/**
 * Zones defined in a document's text: a named area spanning several divisions, e.g.
 *   "广清接合片区：包括广州市增城区、花都区、从化区，清远市清城区、清新区、佛冈县、英德市连樟样板区。"
 *   "^② 广州都市圈范围包括广州、佛山全域，肇庆端州区、鼎湖区（含新区）、…，有关任务举措涵盖…"
 * Each becomes a District of level ZONE (id zone:<name>) whose members lie in it.
 */
import type { Division, Paragraph } from '../model.ts';
import { isWithin, resolveDivision } from '../gazetteer/divisions.ts';
import { zoneId } from '../ids.ts';

export interface ZoneDefinition {
  zone: Division;
  members: Division[];
  /** The defining paragraph and the offset where the definition starts. */
  paragraph: Paragraph;
  offset: number;
}

/** Words a zone's name ends with; a name without one is not taken as a zone (precision). */
const ZONE_SUFFIX = '(?:都市圈|城市群|经济圈|片区|接合区|合作区|试验区|示范区|经济区|经济带|湾区|地区|区域|核心区|都市区|生活圈)';
/** "<name>范围包括…", "<name>：包括…", "<name>包括…", "<name>是指…". */
const DEFINITION = new RegExp(
  `([\\u4e00-\\u9fa5（）()—-]{2,16}?${ZONE_SUFFIX})(?:的)?(?:范围)?(?:[：:]\\s*)?(?:包括|包含|涵盖|是指|指)[：:]?`,
  'g',
);
/** What every DEFINITION match contains, without its lazy name scan: paragraphs lacking it skip the scan at every offset. */
const DEFINITION_CUE = new RegExp(`${ZONE_SUFFIX}(?:的)?(?:范围)?(?:[：:]\\s*)?(?:包括|包含|涵盖|是指|指)`);
/** Every DEFINITION_CUE match ends in one of these verbs; a search for them is cheaper than the cue's alternation at every offset. */
const hasDefinitionVerb = (text: string) => text.includes('指') || text.includes('包括') || text.includes('包含') || text.includes('涵盖');
/** Clause openers after which the list no longer names members (有关任务举措涵盖…, 梅州都市区为联动发展区). */
const LIST_END = /[。；;]|有关|涵盖|辐射|联动|带动|延伸|以及周边/;

/** Items like "佛山全域", "四市", "鼎湖区（含新区）" reduced to their place name. */
function cleanItem(item: string): string {
  return item
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/(全域|全境|部分|[一二两三四五六七八九十]+(个)?(地级)?市(全域)?)$/, '')
    .replace(/^(和|及|与|以及)/, '')
    .trim();
}

/**
 * Parse a member list: "广州市增城区、花都区、从化区，清远市清城区、…" — a city in front sets the
 * context for the bare district names after it. Items naming no division (高新区) are skipped.
 */
export function parseMemberList(list: string, within?: Division): Division[] {
  const members: Division[] = [];
  let context: Division | undefined;
  for (const raw of list.split(/[、，,和及与]/)) {
    // "梅州都市区为联动发展区": a clause about another area ends the member list.
    if (/为|作为|是/.test(raw)) break;
    const item = cleanItem(raw);
    if (item.length < 2) continue;
    let found = resolveDivision(item, context ?? within);
    // "肇庆端州区": a leading city or alias, then a place inside it. Keep the more specific one.
    if (!found || item.length > found.name.length + 2) {
      for (let k = Math.min(item.length - 2, 5); k >= 2; k--) {
        const head = resolveDivision(item.slice(0, k), within);
        if (!head) continue;
        const tail = resolveDivision(item.slice(k), head);
        if (tail && isWithin(tail, head) && tail.id !== head.id) {
          found = tail;
          context = head;
          break;
        }
        if (!tail && cleanItem(item.slice(k)).length >= 2) {
          // "英德市连樟样板区": the city stands for a part of it; the part is not a division.
          found = head;
          break;
        }
      }
    }
    if (!found) continue;
    if (found.level === 'CITY' || found.level === 'PROVINCE') context = found;
    if (!members.some((m) => m.id === found!.id)) members.push(found);
  }
  return members;
}

/** The zone name as written, without leading words that belong to the sentence. */
function cleanName(name: string): string {
  return name.replace(/^(其中|即|以|将|把|对|在|与|和|及|全省|我省|国家城乡融合发展试验区)/, '').replace(/^[（(—-]+/, '');
}

/** Zone definitions in a set of paragraphs (body text, footnotes, boxes). At least two members. */
export function findZoneDefinitions(paragraphs: Paragraph[], within?: Division): ZoneDefinition[] {
  const out: ZoneDefinition[] = [];
  for (const p of paragraphs) {
    if (!hasDefinitionVerb(p.text) || !DEFINITION_CUE.test(p.text)) continue;
    for (const m of p.text.matchAll(DEFINITION)) {
      const name = cleanName(m[1]);
      if (name.length < 3 || resolveDivision(name, within)) continue;
      const listStart = m.index! + m[0].length;
      const rest = p.text.slice(listStart);
      const stop = rest.search(LIST_END);
      const list = stop < 0 ? rest : rest.slice(0, stop);
      const members = parseMemberList(list, within);
      if (members.length < 2) continue;
      const offset = m.index! + m[0].indexOf(name);
      const zone: Division = { id: zoneId(name), name, level: 'ZONE', aliases: [] };
      const existing = out.find((z) => z.zone.id === zone.id);
      if (existing) continue;
      out.push({ zone, members, paragraph: p, offset });
    }
  }
  return out;
}
