/**
 * The departments gazetteer (loaders/data/departments.json): per-level templates that name a province's, city's
 * or district's bodies, explicit bodies with fixed names, collective phrases, and suffix → kind rules.
 */
import { readFileSync } from 'node:fs';
import type { Division, DivisionLevel } from '../model.js';
import { chainOf, shortName } from './division-names.ts';

export type BodyKind = 'party' | 'government' | 'department' | 'enterprise' | 'bank' | "people's-congress" | 'other';
export type BodyLevel = Extract<DivisionLevel, 'PROVINCE' | 'CITY' | 'DISTRICT'>;
/** COUNTY only on an unresolved body written 县X: a resolved county's bodies are DISTRICT, like its division. */
export type BodyDivisionLevel = BodyLevel | 'TOWN' | 'COUNTY';

/** A responsible body as resolved: canonical full name, kind, and the division it belongs to. */
export interface Body {
  name: string;
  kind: BodyKind;
  level?: BodyDivisionLevel;
  /** Division code (44, 4401, 440114) when known. */
  jurisdiction?: string;
  /** Names the gazetteer knows for it (the written surfaces are added by the caller). */
  aliases: string[];
  /** gazetteer: named by a template or explicit entry; fallback: built from the written name. */
  source: 'gazetteer' | 'fallback';
  /**
   * false: a relative name (区财政局) in a document whose district, city… is not known. Its name is the written
   * one, its level the one the marker implies, and it is that document's own node (loaders/ids.ts). Absent: resolved.
   */
  resolved?: false;
}

interface Template {
  name: string;
  forms: string[];
  kind: BodyKind;
}

interface ExplicitBody {
  name: string;
  aliases: string[];
  kind: BodyKind;
  level: BodyLevel;
  jurisdiction: string;
}

interface DepartmentsFile {
  levelMarkers: Record<BodyLevel, string[]>;
  wholeForms: Record<BodyLevel, Record<string, string>>;
  templates: Record<BodyLevel, Template[]>;
  cityOverrides: Record<string, Partial<Record<BodyLevel, Template[]>>>;
  bodies: ExplicitBody[];
  /** Written words that start with a level marker without being one (市场监管局 is not 市 + 场监管局). */
  notMarkers: string[];
  /** Words ending in 镇/街道 that name a kind of place, not one town (特色小镇, 中心镇). */
  notTowns: string;
  /** The level a relative name's marker implies when its division is unknown (县 → COUNTY, 街道 → TOWN). */
  impliedLevels: Record<string, BodyDivisionLevel>;
  kindBySuffix: [string, BodyKind][];
  abbreviations: { pairs: [string, string][] };
}

const data = JSON.parse(
  readFileSync(new URL('../data/departments.json', import.meta.url), 'utf8'),
) as DepartmentsFile;

/** loaders/data/collective-phrases.json: shared with the list splitter (loaders/bodies/phrases.ts), which keeps each phrase whole. */
interface CollectiveFile {
  phrases: string[];
  pieces: string[];
  patterns: string[];
}
const collective = JSON.parse(readFileSync(new URL('../data/collective-phrases.json', import.meta.url), 'utf8')) as CollectiveFile;
const collectiveWhole = new Set([...collective.phrases, ...collective.pieces].map((p) => p.replace(/\(/g, '（').replace(/\)/g, '）')));
const collectivePatterns = collective.patterns.map((p) => new RegExp(p));
/** The collective patterns as one alternation (one scan per name, not one per pattern); numbered back-references would break it. */
const anyCollective = collective.patterns.some((p) => /\\[1-9]/.test(p)) ? undefined : new RegExp(collective.patterns.map((p) => `(?:${p})`).join('|'));
/** The notMarkers as one alternation: parsePrefix asks for every name it reads. */
const notMarker = new RegExp(data.notMarkers.map((p) => `(?:${p})`).join('|'));
const explicitByAlias = new Map<string, ExplicitBody>();
for (const body of data.bodies) for (const n of [body.name, ...body.aliases]) explicitByAlias.set(n, body);
/** Sorted once: bodyMentions reads the list for every paragraph. */
const explicitNamesLongestFirst: readonly string[] = [...explicitByAlias.keys()].sort((a, b) => b.length - a.length);

export const LEVEL_OF_MARKER = new Map<string, BodyLevel>(
  (Object.entries(data.levelMarkers) as [BodyLevel, string[]][]).flatMap(([level, ms]) => ms.map((m) => [m, level] as [string, BodyLevel])),
);

/** Placeholder values for a division: 广州市花都区 is {gov} of 花都区, 中共广州市花都区 its {cpc}. */
export function namesOf(division: Division): Record<string, string> {
  const chain = chainOf(division);
  const city = division.level === 'DISTRICT' ? chain.CITY?.name ?? '' : division.level === 'CITY' ? division.name : '';
  // A city's districts carry the city's name (广州市花都区发展和改革局); counties and county-level cities do not
  // (惠东县发展和改革局, 英德市发展和改革局).
  const carriesCity = division.level === 'DISTRICT' && division.name.endsWith('区') && city && city !== division.name;
  const gov = carriesCity ? city + division.name : division.name;
  return {
    gov,
    cpc: `中共${gov}`,
    name: division.name,
    short: shortName(division),
    city,
    province: chain.PROVINCE?.name ?? '',
  };
}

function fill(template: string, division: Division): string {
  const names = namesOf(division);
  return template.replace(/\{(\w+)\}/g, (_, key: string) => names[key] ?? '');
}

/** A level's templates (a city's overrides first) with the lookups lookupAt makes, each keeping the first template in order. */
interface TemplateIndex {
  byForm: Map<string, Template>;
  /** Non-party templates by the stem of a form (生态环境 for 生态环境局). */
  byStem: Map<string, Template>;
  government?: Template;
}
const templateIndexes = new Map<string, TemplateIndex>();

function templatesFor(level: BodyLevel, division: Division): TemplateIndex {
  const cityCode = level === 'CITY' ? division.code : level === 'DISTRICT' ? division.parentCode : undefined;
  const overrides = (cityCode && data.cityOverrides[cityCode]?.[level]) || [];
  const key = `${level}|${overrides.length ? cityCode : ''}`;
  let index = templateIndexes.get(key);
  if (!index) {
    index = { byForm: new Map(), byStem: new Map() };
    for (const t of [...overrides, ...data.templates[level]]) {
      for (const f of t.forms) if (!index.byForm.has(f)) index.byForm.set(f, t);
      if (t.kind !== 'party') for (const f of t.forms) if (!index.byStem.has(stemOf(f))) index.byStem.set(stemOf(f), t);
      if (t.kind === 'government') index.government ??= t;
    }
    templateIndexes.set(key, index);
  }
  return index;
}

function levelOf(division: Division): BodyLevel | undefined {
  const l = division.level;
  return l === 'PROVINCE' || l === 'CITY' || l === 'DISTRICT' ? l : undefined;
}

/**
 * Bodies built from a template, per template and division: a plan names the same few bodies over and
 * over, and filling a template's placeholders is the costly part. Keyed by everything the body is
 * built from (the division's code, name, level and parent; the body's level).
 */
const fromTemplates = new WeakMap<Template, Map<string, Body>>();

function fromTemplate(t: Template, division: Division, level: BodyLevel): Body {
  let built = fromTemplates.get(t);
  if (!built) fromTemplates.set(t, (built = new Map()));
  const key = `${division.code}|${division.name}|${division.level}|${division.parentCode}|${level}`;
  let body = built.get(key);
  if (!body) built.set(key, (body = buildFromTemplate(t, division, level)));
  // A copy: callers own the body they get.
  return { ...body, aliases: [...body.aliases] };
}

function buildFromTemplate(t: Template, division: Division, level: BodyLevel): Body {
  const marker = data.levelMarkers[level][0];
  const names = namesOf(division);
  // Province bodies are written 省X in the province's own plans; all levels are written <division>X by outsiders.
  const aliases = t.forms.map((f) => names.gov + f);
  if (level === 'PROVINCE') aliases.push(...t.forms.map((f) => marker + f));
  return { name: fill(t.name, division), kind: t.kind, level, jurisdiction: division.code, aliases, source: 'gazetteer' };
}

/** Strip the body-type suffix: 生态环境局 → 生态环境, so 市生态环境部门 finds the bureau. */
function stemOf(form: string): string {
  return form.replace(/(委员会|分局|厅|局|委|办)$/, '');
}

/**
 * The body of `division` written `rest` after its level marker (省|发展改革委 → rest 发展改革委).
 * Also: X部门 (the department in charge of X), and (with `slips`, inside a list of the division's own bodies)
 * the slip of writing a ministry (民政部) for a province's department (民政厅) or a city's bureau (民政局).
 */
export function lookupAt(division: Division, rest: string, options: { slips?: boolean } = {}): Body | undefined {
  const level = levelOf(division);
  if (!level) return undefined;
  const templates = templatesFor(level, division);
  const exact = templates.byForm.get(rest);
  if (exact) return fromTemplate(exact, division, level);
  if (rest === '') return fromTemplate(templates.government!, division, level);
  if (rest.endsWith('部门') && rest.length > 2) {
    const byStem = templates.byStem.get(rest.slice(0, -2));
    if (byStem) return fromTemplate(byStem, division, level);
  }
  if (options.slips && rest.endsWith('部') && !rest.startsWith('委')) {
    const replacement = level === 'PROVINCE' ? '厅' : '局';
    const slip = templates.byForm.get(rest.slice(0, -1) + replacement);
    if (slip) return fromTemplate(slip, division, level);
  }
  return undefined;
}

/** Every form some level's templates know (发展改革局, 市场监管局, 委宣传部): a body name even without its division. */
let knownForms: Map<string, BodyKind> | undefined;
function formKinds(): Map<string, BodyKind> {
  if (!knownForms) {
    knownForms = new Map();
    for (const level of Object.keys(data.templates) as BodyLevel[]) for (const t of data.templates[level]) for (const f of t.forms) if (!knownForms.has(f)) knownForms.set(f, t.kind);
  }
  return knownForms;
}
export function isKnownForm(rest: string): boolean {
  return rest.length >= 3 && formKinds().has(rest);
}

/** 市场监管部门 → 市场监管 is the stem of a known form (市场监管局): the department in charge, whatever level. */
let knownStems: Set<string> | undefined;
export function isDepartmentInCharge(written: string): boolean {
  if (!written.endsWith('部门') || written.length < 4) return false;
  if (!knownStems) {
    knownStems = new Set();
    for (const f of formKinds().keys()) knownStems.add(stemOf(f));
  }
  return knownStems.has(written.slice(0, -2));
}

/** The kind of the body a form names at some level (妇联 → other, 总工会 → other), even with no telling suffix. */
export function kindOfForm(rest: string): BodyKind | undefined {
  return formKinds().get(rest);
}

/** 团省委 / 团市委 / 团区委: written with the level marker inside the name. */
export function wholeFormAt(division: Division, written: string): Body | undefined {
  const level = levelOf(division);
  const template = level && Object.hasOwn(data.wholeForms[level], written) ? data.wholeForms[level][written] : undefined;
  if (!level || !template) return undefined;
  return { name: fill(template, division), kind: 'other', level, jurisdiction: division.code, aliases: [], source: 'gazetteer' };
}

/** Whole form → the first level that has it. */
const wholeFormLevels = new Map<string, BodyLevel>();
for (const l of Object.keys(data.wholeForms) as BodyLevel[]) for (const w of Object.keys(data.wholeForms[l])) if (!wholeFormLevels.has(w)) wholeFormLevels.set(w, l);

export function wholeFormLevel(written: string): BodyLevel | undefined {
  return wholeFormLevels.get(written);
}

/**
 * An explicit body by one of its names. An alias that starts with a level marker (省通信管理局, 市城投集团) is
 * relative: it names that body only in a document whose division at that level is the body's own (`within`: the
 * plan's province, city… by level). Elsewhere, or when the document's division is not known, it is no match, and
 * the name resolves like any relative name (a Zhejiang plan's 省通信管理局 is 浙江省通信管理局).
 */
export function explicitBody(written: string, within?: Partial<Record<BodyLevel, Division>>): Body | undefined {
  const e = explicitByAlias.get(written);
  if (!e) return undefined;
  const level = isRelativeAlias(written) ? LEVEL_OF_MARKER.get(written[0]) : undefined;
  if (level && within?.[level]?.code !== relativeHome(e, level)) return undefined;
  return { name: e.name, kind: e.kind, level: e.level, jurisdiction: e.jurisdiction, aliases: [...e.aliases], source: 'gazetteer' };
}

/** 省通信管理局: written with a level marker as its first character (not 市场监管局, whose 市 is part of a word). */
function isRelativeAlias(written: string): boolean {
  return LEVEL_OF_MARKER.has(written[0]) && !startsWithWord(written);
}

/** The code of the division at `level` that an explicit body belongs to (44 for a PROVINCE body of 4401…). */
function relativeHome(body: ExplicitBody, level: BodyLevel): string | undefined {
  const length = level === 'PROVINCE' ? 2 : level === 'CITY' ? 4 : 6;
  return body.jurisdiction.length >= length ? body.jurisdiction.slice(0, length) : undefined;
}

export function isCollective(written: string): boolean {
  if (collectiveWhole.has(written.includes('(') || written.includes(')') ? written.replace(/\(/g, '（').replace(/\)/g, '）') : written)) return true;
  return anyCollective ? anyCollective.test(written) : collectivePatterns.some((p) => p.test(written));
}

const notTowns = new RegExp(data.notTowns);
const MARKER_FIRST = '省市区县乡镇';

/** True for 特色小镇, 中心镇…: a kind of town, never one town's government. */
export function isTownKind(name: string): boolean {
  return notTowns.test(name);
}

/** True when the name's first character is part of a word (市场, 区域, 市政局), not a level marker. */
export function startsWithWord(written: string): boolean {
  // Every notMarkers word starts with a level or town marker: most names are decided by their first character.
  return MARKER_FIRST.includes(written[0]) && notMarker.test(written);
}

/** The level a relative name's marker implies (省 PROVINCE … 县 COUNTY, 镇/街道/乡 TOWN), longest marker first. */
export function impliedLevel(written: string): { marker: string; level: BodyDivisionLevel } | undefined {
  let best: { marker: string; level: BodyDivisionLevel } | undefined;
  for (const [marker, level] of Object.entries(data.impliedLevels)) {
    if (written.startsWith(marker) && (!best || marker.length > best.marker.length)) best = { marker, level };
  }
  return best;
}

/**
 * A zone committee's canonical name: 管委会 spelled out, the zone's own name as written (清远高新区管委会 →
 * 清远高新区管理委员会). A zone's short name is not expanded: 高新区 is 高新技术产业开发区 in one place and
 * 高新技术开发区 or 高新技术产业园区 in another, 经开区 经济技术开发区 or 经济开发区, so a spelled-out name would be
 * a guess the text does not make. Zones the gazetteer knows (explicit bodies) get their official name instead.
 */
export function expandZone(name: string): string {
  return name.replace(/管委会$/, '管理委员会');
}

/** The suffix rules by their last character, in rule order (only those can end a name); none if a rule is empty. */
const suffixesByLast = data.kindBySuffix.some(([suffix]) => suffix === '') ? undefined : new Map<number, [string, BodyKind][]>();
for (const rule of suffixesByLast ? data.kindBySuffix : []) {
  const last = rule[0].charCodeAt(rule[0].length - 1);
  const rules = suffixesByLast!.get(last) ?? [];
  rules.push(rule);
  suffixesByLast!.set(last, rules);
}

/** Kind from the name's ending (有限公司 → enterprise, 分行 → bank, 局 → department); undefined when it names no body. */
export function kindBySuffix(name: string): BodyKind | undefined {
  const rules = suffixesByLast ? suffixesByLast.get(name.charCodeAt(name.length - 1)) : data.kindBySuffix;
  return rules?.find(([suffix]) => name.endsWith(suffix))?.[1];
}

/**
 * Canonical spelling of a name the gazetteer does not know. Only whole abbreviations are expanded (发展改革委 →
 * 发展和改革委员会): inside a longer name the written words are often the official ones (住房城乡建设和水利局).
 */
export function expandAbbreviations(name: string): string {
  for (const [short, full] of data.abbreviations.pairs) if (name === short) return full;
  return name;
}


/** Names and aliases of the explicit bodies (banks, enterprises, vertical agencies), longest first. */
export function explicitNames(): readonly string[] {
  return explicitNamesLongestFirst;
}
