/**
 * Written name → Body, relative to the plan's jurisdiction: in a district plan 区X is that district's body and
 * 市X its city's; 省X is the province's; 广州市X / 中共广州市委X name their division explicitly.
 */
import type { Division } from '../model.js';
import { resolveDivision } from '../places/index.ts';
import { chainOf, childNamed, divisionAtStart, isWithin } from './divisions.js';
import {
  type Body,
  type BodyLevel,
  LEVEL_OF_MARKER,
  expandAbbreviations,
  explicitBody,
  isCollective,
  kindBySuffix,
  lookupAt,
  namesOf,
  wholeFormAt,
  wholeFormLevel,
} from './gazetteer.js';

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

/** Central agencies with local offices named after their place (海关, 海事局, 边检站, 税务局…). */
const VERTICAL = /^[\u4e00-\u9fa5]{2,4}(海关|海事局|出入境边防检查站|边检站|气象局|邮政管理局|通信管理局|调查队|监管局|监管分局)/;

/**
 * A development zone's or new district's management committee: 管委会 / 管理委员会 after the zone's name.
 * Known zones (data) get their full name; others keep the written name with 管委会 spelled out.
 */
function committeeBody(name: string, scope: Scope): Body | undefined {
  const m = /^(.{2,20}?)(管委会|管理委员会)$/.exec(name);
  if (!m) return undefined;
  const known = explicitBody(name) ?? explicitBody(m[1] + '管委会') ?? explicitBody(m[1] + '管理委员会');
  if (known) return known;
  return { name: `${m[1]}管理委员会`, kind: 'government', level: scope.own?.level === 'DISTRICT' ? 'DISTRICT' : 'CITY', jurisdiction: scope.own?.code, aliases: [], source: 'fallback' };
}

/** A body the gazetteer does not name: the division's prefix plus the written name, abbreviations expanded. */
function fallback(p: Prefixed): Body | undefined {
  const kind = kindBySuffix(p.rest);
  if (!p.division || !kind || p.rest.length < 2) return undefined;
  const names = namesOf(p.division);
  const party = p.rest.startsWith('委');
  return {
    name: (party ? names.cpc : names.gov) + expandAbbreviations(p.rest),
    kind: party ? 'party' : kind,
    level: p.level,
    jurisdiction: p.division.code,
    aliases: [],
    source: 'fallback',
  };
}

/** Only gazetteer or division hits: what prose (outside an allocation layout) may accept. */
function strict(name: string, scope: Scope, slips = false): Resolution | undefined {
  const explicit = explicitBody(name);
  if (explicit) return { status: 'body', body: explicit };
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

export interface ResolveOptions {
  /** Prefix carried from the previous name of the same list (省 in 省发展改革委、教育厅). */
  groupPrefix?: string;
  /** Accept only gazetteer hits (prose), no fallback names. */
  strictOnly?: boolean;
}

export function resolveName(written: string, scope: Scope, options: ResolveOptions = {}): Resolution {
  const name = written;
  if (!name) return { status: 'unresolved', reason: 'empty name' };
  if (isCollective(name)) return { status: 'collective' };
  const own = strict(name, scope);
  const ownPrefix = parsePrefix(name, scope);
  if (own && (ownPrefix || !options.groupPrefix)) return own;
  const { groupPrefix } = options;
  if (groupPrefix) {
    const candidates = [groupPrefix + name];
    if (groupPrefix.endsWith('委')) candidates.push(groupPrefix.slice(0, -1) + name);
    for (const candidate of candidates) {
      const hit = strict(candidate, scope, true);
      if (hit && hit.status === 'body') return { ...hit, prefix: groupPrefix };
    }
  }
  if (own) return own;
  const kind = kindBySuffix(name);
  // A zone's management committee (大亚湾开发区管委会, 松山湖管委会) is written without a division prefix.
  const committee = !ownPrefix && !groupPrefix ? committeeBody(name, scope) : undefined;
  if (committee) return { status: 'body', body: committee };
  // A vertical agency's office named after its own place (汕头海关驻澄海办事处, 广州海关隶属机构) names itself
  // in full: keep it as written.
  if (!ownPrefix && !groupPrefix && kind && !options.strictOnly && VERTICAL.test(name)) {
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
  if (options.strictOnly) return { status: 'unresolved', reason: `not in the gazetteer: ${name}` };
  const prefixed = ownPrefix ?? (groupPrefix ? parsePrefix(groupPrefix + name, scope) : undefined);
  if (prefixed && !prefixed.division) {
    return { status: 'unresolved', reason: `${name}: the plan's jurisdiction has no ${prefixed.level.toLowerCase()} for "${prefixed.prefix}"` };
  }
  const built = prefixed && fallback(prefixed);
  if (built) return { status: 'body', body: built, prefix: prefixed.prefix };
  return { status: 'unresolved', reason: `not a body name: ${name}` };
}
