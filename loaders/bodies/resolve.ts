/**
 * Written name → Body, relative to the plan's jurisdiction: in a district plan 区X is that district's body and
 * 市X its city's; 省X is the province's; 广州市X / 中共广州市委X name their division explicitly.
 */
import type { Division } from '../model.js';
import { allDivisions, isWithin, resolveDivision } from '../gazetteer/divisions.ts';
import { chainOf, childNamed, divisionAtStart, divisionNamedAtStart } from '../gazetteer/division-names.ts';
import {
  type Body,
  type BodyLevel,
  LEVEL_OF_MARKER,
  expandAbbreviations,
  expandZone,
  explicitBody,
  impliedLevel,
  isCollective,
  isKnownForm,
  isDepartmentInCharge,
  kindOfForm,
  isTownKind,
  kindBySuffix,
  lookupAt,
  namesOf,
  startsWithWord,
  wholeFormAt,
  wholeFormLevel,
} from '../gazetteer/departments.ts';

/** The divisions a plan's relative names point to. */
export interface Scope {
  own?: Division;
  /**
   * A plan whose area is no division (a cooperation zone) names its own bodies after its issuer:
   * "经济发展局" in a plan of 横琴粤澳深度合作区执行委员会 is 横琴粤澳深度合作区经济发展局.
   */
  organisation?: string;
  PROVINCE?: Division;
  CITY?: Division;
  DISTRICT?: Division;
}

export function scopeOf(jurisdiction: Division | undefined): Scope {
  return { own: jurisdiction, ...chainOf(jurisdiction) };
}

export type Resolution =
  | { status: 'body'; body: Body; prefix?: string }
  | { status: 'collective' }
  | { status: 'unresolved'; reason: string };

/** How the name starts: the division it points to, what follows, and the prefix string others in its list share. */
interface Prefixed {
  division?: Division;
  level: BodyLevel;
  rest: string;
  prefix: string;
}

function parsePrefix(name: string, scope: Scope): Prefixed | undefined {
  let text = name;
  let consumed = '';
  if (text.startsWith('中共')) {
    text = text.slice(2);
    consumed = '中共';
  }
  const atStart = divisionAtStart(text, scope.own);
  if (atStart && ['PROVINCE', 'CITY', 'DISTRICT'].includes(atStart.division.level)) {
    let division = atStart.division;
    let length = atStart.length;
    // 广州市花都区X: descend into the district the city name is followed by.
    const inner = divisionAtStart(text.slice(length), division);
    if (inner && inner.division.parentCode === division.code) {
      division = inner.division;
      length += inner.length;
    }
    return { division, level: division.level as BodyLevel, rest: text.slice(length), prefix: consumed + text.slice(0, length) };
  }
  // 市场监管局, 区域…, 市政局: the first character belongs to a word, it is no level marker.
  if (startsWithWord(text)) return undefined;
  const level = LEVEL_OF_MARKER.get(text[0]);
  // A county-level city's own plan (英德市) calls itself 市: 市发展改革局 is 英德市's, its prefecture is written out.
  if (level === 'CITY' && scope.own?.level === 'DISTRICT' && scope.own.name.endsWith('市')) {
    return { division: scope.own, level: 'DISTRICT', rest: text.slice(1), prefix: consumed + text[0] };
  }
  if (level) return { division: scope[level], level, rest: text.slice(1), prefix: consumed + text[0] };
  return undefined;
}

/** 公安局花都区分局 / 生态环境局花都分局: a city bureau's branch in one of its districts. */
function cityBranch(city: Division, rest: string): Body | undefined {
  const m = /^(.+?)(局|委)(.{1,6}?)分局$/.exec(rest);
  if (!m) return undefined;
  const district = childNamed(city, m[3]);
  if (!district) return undefined;
  const known = lookupAt(district, m[1] + '分局');
  if (known) return known;
  const cityBody = lookupAt(city, m[1] + m[2]);
  const base = cityBody?.name ?? namesOf(city).gov + expandAbbreviations(m[1] + m[2]);
  return { name: `${base}${m[3]}分局`, kind: 'department', level: 'DISTRICT', jurisdiction: district.code, aliases: [], source: 'fallback' };
}

/**
 * A town or street named as a responsible body (协同责任单位：…、温泉镇、江埔街道): its government, 镇人民政府 or
 * 街道办事处. Only towns inside the plan's own area count, so a stray name elsewhere in China is not taken.
 */
function townBody(name: string, scope: Scope): Body | undefined {
  const m = /^(.{1,8}?(镇|街道|乡))(人民政府|政府|办事处)?$/.exec(name);
  if (!m || !scope.own) return undefined;
  const town = resolveDivision(m[1], scope.own);
  if (!town || town.level !== 'TOWN' || town.name !== m[1] || !isWithin(town, scope.own)) return undefined;
  const chain = chainOf(town);
  const district = scope.DISTRICT && isWithin(town, scope.DISTRICT) ? scope.DISTRICT : chain.DISTRICT;
  // Towns of a city without districts (东莞市长安镇, 中山市小榄镇) carry the city's name.
  const parent = district ?? chain.CITY;
  const prefix = parent ? namesOf(parent).gov : '';
  const suffix = m[2] === '街道' ? '办事处' : '人民政府';
  return { name: prefix + town.name + suffix, kind: 'government', level: 'TOWN', jurisdiction: town.code, aliases: [town.name + suffix], source: 'gazetteer' };
}

/** Districts the gazetteer lists towns for (Guangdong's): elsewhere a named town cannot be checked. */
let districtsWithTowns: Set<string> | undefined;
function hasTownData(district: Division): boolean {
  if (!districtsWithTowns) {
    districtsWithTowns = new Set();
    for (const d of allDivisions()) if (d.level === 'TOWN' && d.parentCode) districtsWithTowns.add(d.parentCode);
  }
  return district.code !== undefined && districtsWithTowns.has(district.code);
}

/** Central agencies with local offices named after their place (海关, 海事局, 边检站, 税务局…). */
const VERTICAL = /^[\u4e00-\u9fa5]{2,4}(海关|海事局|出入境边防检查站|边检站|气象局|邮政管理局|通信管理局|调查队|监管局|监管分局)/;

/** Words every vertical office below has: most names have none, and skip the four patterns. */
const MAYBE_VERTICAL = /人行|银行|税务局|监管|银保监|证监|海关|海事局|气象局|邮政管理局|边检站|边防检查站|调查/;

/** The division a vertical office is named after: written in full or short (清远 → 清远市), or 市/区/省 for the plan's own. */
function placeOf(written: string, scope: Scope): Division | undefined {
  const level = LEVEL_OF_MARKER.get(written);
  if (level && written.length === 1) return scope[level];
  const named = divisionNamedAtStart(written, scope.own);
  if (!named) return undefined;
  if (named.length === written.length) return named.division;
  // 广州市花都区: the district the city name is followed by.
  const inner = divisionAtStart(written.slice(named.length), named.division);
  return inner && inner.division.parentCode === named.division.code && named.length + inner.length === written.length ? inner.division : undefined;
}

/**
 * Vertical (centrally managed) offices written with their place inside the name:
 *   人行清远市中心支行 / 中国人民银行清远市分行 / 人民银行市中心支行 → 中国人民银行<division><branch>;
 *   国家税务总局清远市税务局 → that city's tax bureau (the template's name);
 *   清远金融监管分局 / 国家金融监督管理总局清远监管分局 → 国家金融监督管理总局清远监管分局;
 *   清远海关, 清远市气象局 (as written, in the division named).
 * A relative place (人行市中心支行) in a plan whose city is unknown is an unresolved body.
 */
function verticalBody(name: string, scope: Scope): Body | undefined {
  if (!MAYBE_VERTICAL.test(name)) return undefined;
  const bank = /^(?:中国人民银行|人民银行|人行)(.{1,10}?)(分行|中心支行|支行|营业管理部)$/.exec(name);
  if (bank) {
    const place = placeOf(bank[1], scope);
    if (!place) return LEVEL_OF_MARKER.has(bank[1]) ? unresolvedBody(name, bank[1], 'bank') : undefined;
    // The place as written (人民银行长沙中心支行 is 中国人民银行长沙中心支行, a provincial capital's branch names no 市);
    // a bare marker (人民银行市中心支行) is the plan's own division, written out.
    const written = LEVEL_OF_MARKER.has(bank[1]) ? namesOf(place).gov : bank[1];
    return { name: `中国人民银行${written}${bank[2]}`, kind: 'bank', level: place.level as BodyLevel, jurisdiction: place.code, aliases: [], source: 'fallback' };
  }
  const tax = /^国家税务总局(.{1,12}?)税务局$/.exec(name);
  if (tax) {
    const place = placeOf(tax[1], scope);
    if (!place) return LEVEL_OF_MARKER.has(tax[1]) ? unresolvedBody(name, tax[1], 'department') : undefined;
    return lookupAt(place, '税务局');
  }
  const finance = /^(?:国家金融监督管理总局|金融监管总局)?(.{1,8}?)(?:金融)?监管分局$/.exec(name);
  if (finance && (name.startsWith('国家') || name.startsWith('金融') || name.includes('金融监管分局'))) {
    const place = placeOf(finance[1], scope);
    if (!place) return undefined;
    return { name: `国家金融监督管理总局${shortOf(place)}监管分局`, kind: 'department', level: place.level as BodyLevel, jurisdiction: place.code, aliases: [], source: 'fallback' };
  }
  // Before 2023: 东莞银保监分局 = 中国银行保险监督管理委员会东莞监管分局, 深圳银保监局 = …深圳监管局; 深圳证监局 =
  // 中国证券监督管理委员会深圳监管局.
  const regulator = /^(.{2,6}?)(银保监|证监)(分)?局$/.exec(name);
  if (regulator) {
    const place = placeOf(regulator[1], scope);
    const commission = regulator[2] === '证监' ? '中国证券监督管理委员会' : '中国银行保险监督管理委员会';
    if (place) return { name: `${commission}${shortOf(place)}监管${regulator[3] ?? ''}局`, kind: 'department', level: place.level as BodyLevel, jurisdiction: place.code, aliases: [], source: 'fallback' };
  }
  // 国家统计局清远调查队: the national statistics bureau's survey team in that division, named as written.
  const survey = /^国家统计局(.{2,8}?)调查(?:总)?队$/.exec(name);
  if (survey) {
    const place = placeOf(survey[1], scope);
    if (place) return { name, kind: 'department', level: place.level as BodyLevel, jurisdiction: place.code, aliases: [], source: 'fallback' };
  }
  const office = /^(.{2,8}?)(海关|海事局|气象局|邮政管理局|出入境边防检查站|边检站)$/.exec(name);
  if (office) {
    const place = placeOf(office[1], scope);
    if (!place) return undefined;
    // A division's own office has a template (清远市气象局); customs and the rest keep the written name.
    const template = place.level !== 'PROVINCE' || office[1] === place.name ? lookupAt(place, office[2]) : undefined;
    return template ?? { name, kind: 'department', level: place.level as BodyLevel, jurisdiction: place.code, aliases: [], source: 'fallback' };
  }
  return undefined;
}

/** 口岸物流办 → 口岸物流办公室: an office the gazetteer does not name, its 办 spelled out. */
function spellOffice(rest: string): string {
  return rest.length >= 3 && rest.endsWith('办') && !isKnownForm(rest) ? `${rest}公室` : rest;
}

/** 清远 for 清远市: the form vertical offices use. */
function shortOf(division: Division): string {
  return namesOf(division).short;
}

/**
 * A relative name whose division the plan does not know (区发展改革局 in a document whose district is unknown):
 * kept as written, abbreviations expanded, at the level its marker implies. The caller scopes it to the document.
 */
function unresolvedBody(written: string, marker: string, kind: Body['kind']): Body {
  const level = impliedLevel(marker)?.level;
  const rest = written.slice(written.indexOf(marker) + marker.length);
  const name = written.slice(0, written.length - rest.length) + spellOffice(expandAbbreviations(rest));
  return { name, kind, ...(level ? { level } : {}), aliases: [], source: 'fallback', resolved: false };
}

/**
 * A development zone's or new district's management committee: 管委会 / 管理委员会 after the zone's name.
 * Known zones (data) get their full name; others keep the written name with 管委会 spelled out.
 */
function committeeBody(name: string, scope: Scope, named = false): Body | undefined {
  const m = /^(.{2,20}?)(管委会|管理委员会)$/.exec(name);
  if (!m) return undefined;
  const known = explicitBody(name, scope) ?? explicitBody(m[1] + '管委会', scope) ?? explicitBody(m[1] + '管理委员会', scope);
  if (known) return known;
  // 花都经济开发区管委会 lies in 花都区, 清远高新区管委会 in 清远市: the division its name starts with, else the plan's own.
  const zone = /(开发区|高新区|经开区|综保区|保税区|新区|经济区|合作区|试验区|示范区|园区|产业园|片区|新城|城)$/;
  const place = divisionNamedAtStart(m[1], scope.own, (rest) => rest.length >= 2 && zone.test(rest));
  // In a list (区发展改革局、花都经济开发区管委会) only a zone named after its division stands without the list's prefix.
  if (named && !place) return undefined;
  const division = place?.division ?? scope.own;
  const level: BodyLevel = division?.level === 'DISTRICT' || division?.level === 'PROVINCE' ? division.level : 'CITY';
  return { name: expandZone(`${m[1]}管理委员会`), kind: 'government', level, jurisdiction: division?.code, aliases: [], source: 'fallback' };
}

/** A body the gazetteer does not name: the division's prefix plus the written name, abbreviations expanded. */
function fallback(p: Prefixed): Body | undefined {
  // 市委党史研究室: a party office (委…) whatever its ending.
  const party = p.rest.startsWith('委');
  const kind = party ? 'party' : kindBySuffix(p.rest);
  if (!p.division || !kind || p.rest.length < 2) return undefined;
  const names = namesOf(p.division);
  return {
    name: (party ? names.cpc : names.gov) + (/(管委会|管理委员会)$/.test(p.rest) ? expandZone(p.rest) : spellOffice(expandAbbreviations(p.rest))),
    kind: party ? 'party' : kind,
    level: p.level,
    jurisdiction: p.division.code,
    aliases: [],
    source: 'fallback',
  };
}

/** Only gazetteer or division hits: what prose (outside an allocation layout) may accept. */
function strict(name: string, scope: Scope, slips = false): Resolution | undefined {
  const explicit = explicitBody(name, scope);
  if (explicit) return { status: 'body', body: explicit };
  const vertical = verticalBody(name, scope);
  if (vertical) return { status: 'body', body: vertical };
  const wholeLevel = wholeFormLevel(name);
  if (wholeLevel) {
    const division = scope[wholeLevel];
    const body = division && wholeFormAt(division, name);
    if (body) return { status: 'body', body };
  }
  const town = townBody(name, scope);
  if (town) return { status: 'body', body: town };
  const p = parsePrefix(name, scope);
  if (p?.division) {
    const body = lookupAt(p.division, p.rest, { slips }) ?? (p.level === 'CITY' ? cityBranch(p.division, p.rest) : undefined);
    if (body) {
      // 省委编办、组织部: a party body passes 省委 on to the names after it.
      const prefix = p.rest.startsWith('委') && p.rest.length > 1 ? p.prefix + '委' : p.prefix;
      return { status: 'body', body, prefix };
    }
  }
  return undefined;
}

/** The unresolved body a marker-prefixed name makes (区财政局, 中共区委宣传部), with the prefix its list shares. */
function relativeUnresolved(p: Prefixed): Resolution | undefined {
  const party = p.rest.startsWith('委');
  // 市妇联, 市总工会: a form the gazetteer knows names a body whatever its ending.
  const kind = party ? 'party' : kindOfForm(p.rest) ?? kindBySuffix(p.rest) ?? (isDepartmentInCharge(p.rest) ? 'department' : undefined);
  if (!kind || (!party && p.rest.length < 2)) return undefined;
  const written = p.prefix + p.rest;
  const marker = p.prefix.replace(/^中共/, '');
  const body = unresolvedBody(written, marker, kind);
  // 区委宣传部、组织部: the party prefix passes on, as for resolved names.
  return { status: 'body', body, prefix: party && p.rest.length > 1 ? p.prefix + '委' : p.prefix };
}

export interface ResolveOptions {
  /** Prefix carried from the previous name of the same list (省 in 省发展改革委、教育厅). */
  groupPrefix?: string;
  /** Accept only gazetteer hits (prose), no fallback names. */
  strictOnly?: boolean;
}

/** Names that start or end with a bracket or a space: the only ones trimStrayBrackets changes. */
const STRAY = /^[\s〔【[「『《]|[\s〕】\]」』》]$/;

/**
 * A list item with the bracket of its list still on (市工业和信息化局〕, 【牵头单位 when a layout did not take the
 * bracket off): the name without brackets that are not its own (a name keeps 公安局（分局） whole).
 */
export function trimStrayBrackets(written: string): string {
  if (!STRAY.test(written)) return written;
  let name = written.trim();
  const opens = '〔【[「『《';
  const closes = '〕】]」』》';
  while (name && closes.includes(name[name.length - 1]) && !name.slice(0, -1).includes(opens[closes.indexOf(name[name.length - 1])])) name = name.slice(0, -1).trim();
  while (name && opens.includes(name[0]) && !name.slice(1).includes(closes[opens.indexOf(name[0])])) name = name.slice(1).trim();
  return name;
}

export function resolveName(written: string, scope: Scope, options: ResolveOptions = {}): Resolution {
  const name = trimStrayBrackets(written);
  if (!name) return { status: 'unresolved', reason: 'empty name' };
  if (isCollective(name)) return { status: 'collective' };
  // 市委组织部（市委人才办）, 市政府办公室（市金融工作局）: one office under its other name in brackets; the name
  // before the bracket is the body.
  const last = name[name.length - 1];
  const bracketed = last === '）' || last === ')' ? /^(.{3,}?)[（(]([^（）()]{2,})[）)]$/.exec(name) : null;
  if (bracketed && !explicitBody(name, scope)) {
    const head = resolveName(bracketed[1], scope, options);
    if (head.status === 'body') return head;
  }
  const own = strict(name, scope);
  const ownPrefix = parsePrefix(name, scope);
  if (own && (ownPrefix || !options.groupPrefix)) return own;
  const { groupPrefix } = options;
  const namedCommittee = !ownPrefix && groupPrefix && !options.strictOnly ? committeeBody(name, scope, true) : undefined;
  if (namedCommittee) return { status: 'body', body: namedCommittee };
  if (groupPrefix) {
    const candidates = [groupPrefix + name];
    if (groupPrefix.endsWith('委')) candidates.push(groupPrefix.slice(0, -1) + name);
    for (const candidate of candidates) {
      const hit = strict(candidate, scope, true);
      if (hit && hit.status === 'body') return { ...hit, prefix: groupPrefix };
    }
  }
  if (own) return own;
  // 团市委 in a plan whose city is unknown.
  const whole = options.strictOnly ? undefined : wholeFormLevel(name);
  if (whole && !scope[whole]) {
    const level = impliedLevel(name.replace(/^团/, ''))?.level ?? whole;
    return { status: 'body', body: { name, kind: 'other', level, aliases: [], source: 'fallback', resolved: false } };
  }
  // 炭步镇 / 新华街道办事处 in a plan whose area does not hold it (or is unknown): that town's government, but which
  // of the towns of that name is not known. A town takes no prefix from its list (区财政局、炭步镇).
  const namedTown = !ownPrefix && !options.strictOnly ? /^([\u4e00-\u9fa5]{2,6}?(镇|街道|乡))(人民政府|政府|办事处)?$/.exec(name) : null;
  if (namedTown && !isTownKind(namedTown[1]) && !isCollective(namedTown[1])) {
    const suffix = namedTown[2] === '街道' ? '办事处' : '人民政府';
    // A district plan whose towns the gazetteer does not list (outside Guangdong): the town is its own.
    const district = scope.own?.level === 'DISTRICT' && !hasTownData(scope.own) ? scope.own : undefined;
    if (district) {
      const name = namesOf(district).gov + namedTown[1] + suffix;
      return { status: 'body', body: { name, kind: 'government', level: 'TOWN', jurisdiction: district.code, aliases: [namedTown[1] + suffix], source: 'fallback' } };
    }
    return { status: 'body', body: { name: namedTown[1] + suffix, kind: 'government', level: 'TOWN', aliases: [], source: 'fallback', resolved: false } };
  }
  const kind = kindBySuffix(name);
  // A zone's management committee (大亚湾开发区管委会, 松山湖管委会) is written without a division prefix.
  const committee = !ownPrefix && !groupPrefix ? committeeBody(name, scope) : undefined;
  if (committee) return { status: 'body', body: committee };
  // A vertical agency's office named after its own place (汕头海关驻澄海办事处, 广州海关隶属机构) names itself
  // in full: keep it as written.
  if (!ownPrefix && !groupPrefix && kind && !options.strictOnly && VERTICAL.test(name) && !isKnownForm(name)) {
    return { status: 'body', body: { name, kind: 'department', aliases: [], source: 'fallback' } };
  }
  // National and central bodies (国家发展改革委, 中国人民银行…, 国务院…) and ministries written without a
  // province prefix (自然资源部) are nobody's local department: keep the name as written.
  if (!ownPrefix && !groupPrefix && kind && /^(国家|中国|中央|国务院|全国|中华人民共和国)|部$/.test(name)) {
    return options.strictOnly
      ? { status: 'unresolved', reason: `not in the gazetteer: ${name}` }
      : { status: 'body', body: { name, kind: kind === 'enterprise' || kind === 'bank' ? kind : 'department', aliases: [], source: 'fallback' } };
  }
  // A company or bank names itself in full: no division prefix to add.
  if (!ownPrefix && (kind === 'enterprise' || kind === 'bank')) {
    return options.strictOnly
      ? { status: 'unresolved', reason: `not in the gazetteer: ${name}` }
      : { status: 'body', body: { name, kind, aliases: [], source: 'fallback' } };
  }
  // 镇人民政府, 街道办事处 (no town named): some town's body, never resolvable to one.
  const town = !ownPrefix && !groupPrefix && !options.strictOnly && !startsWithWord(name) ? impliedLevel(name) : undefined;
  if (town?.level === 'TOWN' && name.length > town.marker.length + 1) {
    const rest = name.slice(town.marker.length);
    const kind = /^党(工)?委/.test(rest) ? 'party' : kindBySuffix(rest);
    if (kind && kind !== 'enterprise' && kind !== 'bank') return { status: 'body', body: unresolvedBody(name, town.marker, kind) };
  }
  // No prefix of its own: a body of the plan's own division (区 plan: 发展和改革局 = the district's).
  if (!ownPrefix && !groupPrefix && scope.own) {
    const body = lookupAt(scope.own, name);
    if (body) return { status: 'body', body };
    const built = !options.strictOnly && fallback({ division: scope.own, level: scope.own.level as BodyLevel, rest: name, prefix: '' });
    if (built) return { status: 'body', body: built };
  }
  if (!ownPrefix && !groupPrefix && !scope.own && scope.organisation && kind && !options.strictOnly && kind === 'department') {
    return { status: 'body', body: { name: scope.organisation + expandAbbreviations(name), kind, aliases: [], source: 'fallback' } };
  }
  // Prose in a plan whose division is unknown: a name the gazetteer knows at some level (市场监管局) is still a body.
  if (options.strictOnly && !ownPrefix && !groupPrefix && !scope.own && !scope.organisation && kind && isKnownForm(name)) {
    return { status: 'body', body: { name: expandAbbreviations(name), kind, aliases: [], source: 'fallback', resolved: false } };
  }
  if (options.strictOnly) return { status: 'unresolved', reason: `not in the gazetteer: ${name}` };
  const prefixed = ownPrefix ?? (groupPrefix ? parsePrefix(groupPrefix + name, scope) : undefined);
  if (prefixed && !prefixed.division) {
    // The plan does not say whose 区 this is: keep the body, unresolved, at the level 区 implies.
    const unresolved = relativeUnresolved(prefixed);
    if (unresolved) return unresolved;
    return { status: 'unresolved', reason: `not a body name: ${name}` };
  }
  // No prefix and no jurisdiction (财政局, 市场监管部门 in a plan whose issuer is unknown): the plan's own body, unresolved.
  const ownKind = kind ?? (isDepartmentInCharge(name) ? 'department' : undefined);
  if (!ownPrefix && !groupPrefix && !scope.own && !scope.organisation && (ownKind === 'department' || ownKind === 'government' || ownKind === 'party') && name.length >= 3) {
    return { status: 'body', body: { name: expandAbbreviations(name), kind: ownKind, aliases: [], source: 'fallback', resolved: false } };
  }
  const built = prefixed && fallback(prefixed);
  if (built) return { status: 'body', body: built, prefix: prefixed.prefix };
  return { status: 'unresolved', reason: `not a body name: ${name}` };
}
