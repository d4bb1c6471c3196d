/**
 * Projects: named, concrete works listed in 专栏 boxes (and their sub-items) and in "X、Y等项目"
 * lists of the main text, each PART_OF the task that lists it, LOCATED_IN the division its name
 * states. A project's id is its name without spaces or punctuation, so the same work named in two
 * plans is one node.
 */
import type { Division, ExtractContext, Extractor, GraphFragment, GraphNode, GraphRelationship, Paragraph, TaskDraft } from '../model.ts';
import { resolveDivision } from '../gazetteer/divisions.ts';
import { divisionNodes } from '../gazetteer/district-nodes.ts';
import { findPlaceMentions, type PlaceMention } from '../gazetteer/place-mentions.ts';
import { categoryOfName, categoryOfTitle, hasOwnName, isConcreteName, isDesignation } from './categories.ts';
import { type ItemSpan, cleanItem, investmentIn, isPolicyPhrase, itemName, leadName, listItems } from './items.ts';
import { tableProjects } from './table.ts';
import { lineAt, shortQuote, verbatim } from '../text/provenance.ts';
import { projectId } from '../ids.ts';
import { LEVEL_DEPTH } from '../vocabulary.ts';

export { listItems, leadName, cleanItem, investmentIn } from './items.ts';


/** A project found in a task's text, before it becomes nodes and edges. */
export interface ProjectMention {
  name: string;
  category?: string;
  label?: string;
  investment?: string;
  /** Where the text says the project is ("位于西樵镇", a 建设地点 column), as written. */
  place?: string;
  taskRef: string;
  line: number;
  quote: string;
  /** Listed in a 专栏 box or a project table: the fullest description, so the node's own evidence. */
  listed?: boolean;
}

export const extractProjects: Extractor = (ctx: ExtractContext): GraphFragment => {
  const document = ctx.source.document;
  const mentions = projectMentions(ctx.plan.tasks, ctx.jurisdiction);
  // A news article reports works it names with their place ("实地观摩了花都平龙新时代社区"); it lists no tasks
  // to hang them on, so the article MENTIONS them.
  const reported: ProjectMention[] = [];
  if (ctx.plan.kind === 'news') {
    const taken = new Set(mentions.map((m) => projectId(m.name)));
    const visit = (t: TaskDraft) => { reported.push(...newsMentions(t.paragraphs, ctx.jurisdiction, t.ref)); t.children.forEach(visit); };
    ctx.plan.tasks.forEach(visit);
    reported.push(...newsMentions(ctx.plan.looseParagraphs, ctx.jurisdiction));
    for (let i = reported.length - 1; i >= 0; i--) if (taken.has(projectId(reported[i].name))) reported.splice(i, 1);
  }
  const nodes = new Map<string, GraphNode>();
  const relationships: GraphRelationship[] = [];
  const edges = new Set<string>();
  const edge = (type: GraphRelationship['type'], start: string, end: string, properties: GraphRelationship['properties']) => {
    const key = `${type}|${start}|${end}`;
    if (edges.has(key)) return;
    edges.add(key);
    relationships.push({ type, start, end, properties });
  };

  // One work named with and without its work word in the same plan ("会城街道污水处理厂三期扩建" in the text,
  // "…三期扩建工程" in the box) is one project, under the fuller name.
  const all = [...mentions, ...reported];
  const bare = (name: string) => projectId(name).replace(/(建设)?(工程|项目)$/, '');
  const fullest = new Map<string, string>();
  for (const m of all) {
    const k = bare(m.name);
    const prev = fullest.get(k);
    if (!prev || m.name.length > prev.length) fullest.set(k, m.name);
  }
  for (const m of all) m.name = fullest.get(bare(m.name)) ?? m.name;
  // The node takes its evidence from the box that lists the work, when one does; edges keep every mention.
  all.sort((a, b) => Number(!!b.listed) - Number(!!a.listed));
  for (const m of all) {
    const id = projectId(m.name);
    const evidence = { document, line: m.line, quote: m.quote };
    const existing = nodes.get(id);
    if (!existing) {
      const properties: GraphNode['properties'] = { id, name: m.name, ...evidence };
      if (m.category) properties.category = m.category;
      if (m.investment) properties.investment = m.investment;
      nodes.set(id, { id, labels: ['Project'], properties });
    } else {
      if (!existing.properties.category && m.category) existing.properties.category = m.category;
      if (!existing.properties.investment && m.investment) existing.properties.investment = m.investment;
    }
    if (m.taskRef) edge('PART_OF', id, ctx.taskId(m.taskRef), evidence);
    else edge('MENTIONS', ctx.planId, id, evidence);
    const place = (m.place ? resolveDivision(m.place, ctx.jurisdiction) : undefined) ?? placeOf(m.name, ctx.jurisdiction);
    if (place) {
      edge('LOCATED_IN', id, place.id, evidence);
      const fragment = divisionNodes(place);
      for (const n of fragment.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
      for (const r of fragment.relationships) edge(r.type, r.start, r.end, r.properties);
    }
  }
  return { nodes: [...nodes.values()], relationships };
};

/**
 * Works a news article names with their place: the longest tail of a clause that opens with a place and names a
 * concrete work (花都平龙新时代社区). Only place-led names, so a report's generic words are never works.
 */
export function newsMentions(paragraphs: Paragraph[], jurisdiction?: Division, taskRef = ''): ProjectMention[] {
  const out: ProjectMention[] = [];
  for (const p of paragraphs) {
    for (const item of listItems(p.text)) {
      const raw = item.raw.replace(/[“”"]/g, '');
      for (let i = 0; i + 4 <= raw.length; i++) {
        const candidate = squeezeName(raw.slice(i));
        // The name's own words first; the places in it cost the most to read.
        if (isPolicyPhrase(candidate) || !isConcreteName(candidate, false)) continue;
        const places = findPlaceMentions(candidate, { jurisdiction });
        if (!places.length || places[0].start !== 0 || isDivisionName(candidate, jurisdiction)) continue;
        if (isDesignation(candidate) && places[0].end === candidate.length) continue;
        out.push({
          name: candidate,
          category: categoryOfName(candidate),
          taskRef,
          line: lineAt(p, item.offset + i),
          quote: quoteAt(p, item.offset, item.length),
        });
        break;
      }
    }
  }
  return out;
}

function squeezeName(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Every project mention in the plan's tasks, in reading order. */
export function projectMentions(tasks: TaskDraft[], jurisdiction?: Division): ProjectMention[] {
  const out: ProjectMention[] = [];
  const walk = (task: TaskDraft, box: TaskDraft | undefined) => {
    const inBox = task.kind === 'box' ? task : box;
    // A box's sub-heading ("航空交通", "综合及专科医院建设") labels the paragraphs after it.
    let heading: string | undefined;
    for (const row of tableProjects(task.paragraphs)) {
      out.push({
        name: relativeName(row.name, jurisdiction),
        category: categoryOfTitle(row.category) ?? categoryOfName(row.name) ?? categoryOfTitle(inBox?.title),
        investment: row.investment,
        place: row.place,
        taskRef: task.ref,
        listed: true,
        line: lineAt(row.paragraph, row.offset),
        quote: quoteAt(row.paragraph, 0, row.paragraph.text.length).replace(/\t+/g, ' '),
      });
    }
    for (const p of task.paragraphs) {
      if (p.text.includes('\t')) continue;
      const text = p.text.trim();
      if (inBox && text.length <= 20 && !/[。，；：:、,;]/.test(text) && p.line !== task.evidence.line) {
        // "美丽乡村精品示范村——港头村": a designation heading naming its one project.
        const [designation, named] = text.split('——');
        heading = designation;
        if (named) out.push(...inParagraph({ ...p, text: ' '.repeat(text.length - named.length - 1) + named + '。' }, task, inBox, heading, jurisdiction));
        continue;
      }
      out.push(...inParagraph(p, task, inBox, heading, jurisdiction));
    }
    for (const child of task.children) walk(child, inBox);
  };
  for (const t of tasks) walk(t, undefined);
  return out;
}

/** What a mention found in one paragraph needs besides its item: where it was found and under which titles. */
interface Site {
  p: Paragraph;
  task: TaskDraft;
  box: TaskDraft | undefined;
  heading: string | undefined;
  jurisdiction: Division | undefined;
  villageContext: boolean;
  found: ProjectMention[];
}

/**
 * One mention of the work `written` names. (A module function over the paragraph's Site, not a closure made per
 * paragraph: tsx names every closure it makes, which cost more than the mentions on the seeds.)
 */
function addMention(site: Site, item: ItemSpan, written: string, context: string): void {
  const { p, task, box, heading, jurisdiction, villageContext } = site;
  // "深圳自动化集装箱码头建设": the work, not the act of building it.
  // A box prints its items as named (广州北站二、三期站房建设); running text names the act.
  const work = !box && written.endsWith('建设') ? written.replace(/(规划)?建设$/, '') : undefined;
  const name = work !== undefined && isConcreteName(work, villageContext) ? work : written;
  const full = relativeName(name, jurisdiction);
  // "临空经济示范区", "完整社区": a kind of designation, not one named place.
  if (isDesignation(full) && !statesPlace(full, jurisdiction)) return;
  const titleCategory = box ? (categoryOfTitle(box.title) ?? categoryOfTitle(heading)) : undefined;
  const sectionCategory = box ? undefined : categoryOfTitle(task.title);
  site.found.push({
    name: full,
    // The name's own keyword is the most specific (碧道 → 生态 in a box of village projects);
    // a village or a name without one takes the box's, the list label's or the section's.
    category: categoryOfName(full) ?? titleCategory ?? categoryOfTitle(item.label) ?? sectionCategory,
    label: item.label ?? heading,
    investment: investmentIn(context),
    taskRef: task.ref,
    listed: box !== undefined,
    line: lineAt(p, item.offset),
    quote: quoteAt(p, item.offset, Math.max(item.length, 1)),
  });
}

function inParagraph(p: Paragraph, task: TaskDraft, box: TaskDraft | undefined, heading: string | undefined, jurisdiction?: Division): ProjectMention[] {
  const found: ProjectMention[] = [];
  // A village is a pilot site only where a box about villages lists it.
  const villageContext = box !== undefined && /村|乡村/.test(`${box.title}${task.title}${heading ?? ''}`);
  const site: Site = { p, task, box, heading, jurisdiction, villageContext, found };

  // A box paragraph that opens with the project's own name: "花都区人民医院新院。总用地面积…".
  const lead = box ? leadName(p.text) : undefined;
  const leadWork = lead && cleanItem(lead.name);
  if (lead && leadWork && !isPolicyPhrase(leadWork) && isConcreteName(leadWork, villageContext)) {
    addMention(site, lead, leadWork, p.text);
    // addMention adds nothing for a designation (临空经济示范区): then there is no work to place.
    const stated = found.length > 0 ? /位于([^，。；,;]{2,12}?)(?:[，。；,;]|$)/.exec(p.text.slice(lead.offset + lead.length)) : null;
    if (stated) found[found.length - 1].place = stated[1];
    return found;
  }

  const items = listItems(p.text);
  const projectBox = box !== undefined && /项目|工程/.test(box.title);
  // The items of one list are consecutive (listItems numbers its groups in reading order).
  for (let first = 0, next = 0; first < items.length; first = next) {
    while (next < items.length && items[next].group === items[first].group) next++;
    const list = items.slice(first, next);
    // A box of key projects lists nothing but works. Elsewhere only an explicit enumeration
    // counts: "X、Y等项目", a labelled list ("市县试点：A、B、C"), or, in a box, three or more.
    // "…等方式", "…等措施" list ways of working, not works.
    const tail = list[list.length - 1].raw;
    const etc = tail.includes('等');
    if (etc && /等(?:方式|措施|手段|形式|途径|领域|产业|行业|业态|活动|工作|机制)/.test(tail)) continue;
    const explicit = list.length >= 2 && etc;
    const labelled = list[0].label !== undefined && list.length >= 2;
    // "加快中海壳牌惠州三期乙烯项目、埃克森美孚惠州化工综合体二期项目建设": a list holding a named project
    // is a list of projects.
    // (A named work's name ends in 目 or 程, so an item without either is not cleaned for this.)
    const named = list.some((it) => (it.raw.includes('目') || it.raw.includes('程')) && isNamedWork(workName(it), jurisdiction));
    // "加快广佛江珠城际、佛山地铁3号线南海段建设": a list an action opens and 建设 closes is a list of works.
    const framed = list.length >= 2 && /^\s*(?:加快|推进|推动|加快推进|积极推进|规划建设|启动|实施)/.test(list[0].raw) && /建设$/.test(tail.replace(/\s+/g, ''));
    if (!named && !framed && !projectBox && !explicit && !(box && (labelled || list.length >= 3))) {
      // "建设清水塘工业遗址公园", "推动犁市镇中心卫生院扩建": one work an action names, led by its place.
      for (const it of list) {
        const name = placeLedWork(it, jurisdiction);
        if (name) addMention(site, it, name, it.raw);
      }
      continue;
    }
    if (list[0].label && /定位|目标|方向|思路|范围|原则/.test(list[0].label)) continue;
    for (let n = 0; n < list.length; n++) {
      const it = list[n];
      // "有轨电车 X6 支、X9+X9 支": a bare code after a coded item is another line of the same kind.
      const previous = n > 0 ? itemName(list[n - 1]) : '';
      const kind = /^(.+?)[A-Z]\d+(?:\+[A-Z]\d+)*支线?$/.exec(previous)?.[1];
      if (kind && /^[A-Z]\d+(?:\+[A-Z]\d+)*支线?$/.test(itemName(it))) {
        addMention(site, it, kind + itemName(it), it.raw);
        continue;
      }
      const whole = workName(it);
      if (framed && !named && !projectBox && !explicit && !box) {
        // Only works with a name of their own: 广佛江珠城际 yes, 城际铁路 or 体育公园 no.
        const name = whole.replace(/(规划)?建设$/, '');
        if (name.length >= 3 && !isPolicyPhrase(name) && isConcreteName(name, false) && hasOwnName(name) && !isDesignation(name) && !isDivisionName(name, jurisdiction)) addMention(site, it, name, it.raw);
        continue;
      }
      if (isNamedWork(whole, jurisdiction)) {
        // "深汕合作区供水工程和深圳市新丰江水库引水工程": two named works joined by 和.
        const halves = whole.split('和');
        const both = halves.length === 2 && halves.every((h) => isNamedWork(h, jurisdiction) || isConcreteName(h, villageContext));
        for (const name of both ? halves : [whole]) addMention(site, it, name, it.raw);
        continue;
      }
      for (const name of splitPair(itemName(it), villageContext)) {
        if (name.length < 3 || name.length > 45 || isPolicyPhrase(name) || !isConcreteName(name, villageContext)) continue;
        if (isDivisionName(name, jurisdiction)) continue;
        addMention(site, it, name, it.raw);
      }
    }
  }
  return found;
}

/**
 * The work an action clause names, when the action opens the clause ("建设花坪镇圩镇综合停车场") and the work's
 * name opens with a place: a concrete work of that place, not a kind of facility.
 */
function placeLedWork(item: ItemSpan, jurisdiction?: Division): string | undefined {
  const raw = item.raw;
  const text = /\s/.test(raw) ? raw.replace(/\s+/g, '') : raw;
  if (!/^(?:加快|积极|大力|重点|着力|全力|持续)?(?:建设|新建|规划建设|推动|推进|实施|打造|启动|谋划|改造)/.test(text)) return undefined;
  const name = workName(item).replace(/(建设|项目建设)$/, '');
  if (name === text || name.length < 5 || name.length > 30 || isPolicyPhrase(name) || !isConcreteName(name, false)) return undefined;
  // (The tests on the name's own words come before the places in it, which cost the most to read.)
  if (ACTION_INSIDE.test(name)) return undefined;
  // Routes, bases and designated zones named in passing are too loose to be one work here.
  if (/(线路|合作区|示范区|试验区|基地)$/.test(name.replace(/（[^）]*）$/, ''))) return undefined;
  const places = placeMentions(name, jurisdiction);
  // "福田区中医院新院区": the mention matcher reads a name opening with a district as a body's; its full
  // division name still says where the work is.
  const placeLed = (places.length > 0 && places[0].start === 0 && places[0].end < name.length - 2) || fullNamePrefix(name, jurisdiction) !== undefined;
  if (!placeLed || isDivisionName(name, jurisdiction)) return undefined;
  return name;
}

/** A verb inside a name means the "name" is a clause: "梯面镇社工站打造省民政厅…示范项目". */
const ACTION_INSIDE = /打造|推动|推进|实施|开展|争取|创建|建成|完成|支持|便利|促进|带动/;

/** An item's name without the work it is in: "埃克森美孚惠州化工综合体二期项目建设" → "…二期项目". */
function workName(item: ItemSpan): string {
  const name = itemName(item);
  // (Only a name ending in 建设 has the tail: the end-anchored pattern is not tried at every offset of the rest.)
  return name.endsWith('建设') ? name.replace(/(项目|工程)(规划)?建设$/, '$1') : name;
}

/**
 * A project named as such ("…项目", "…工程") with something that makes it one particular work: a place in its
 * name (惠州, 大泽镇) or a phase (三期, 二期).
 */
function isNamedWork(name: string, jurisdiction?: Division): boolean {
  if (name.length < 5 || name.length > 40 || isPolicyPhrase(name) || !/(项目|工程)$/.test(name)) return false;
  const head = name.replace(/(建设)?(项目|工程)$/, '');
  // "梯面镇社工站打造省民政厅…示范项目": a sentence with a verb in it, not a name.
  if (head.length < 4 || ACTION_INSIDE.test(head)) return false;
  return /[一二三四五六七八九十\d]期/.test(name) || statesPlace(head, jurisdiction);
}

/** The name holds a place: a division, its short form, or a zone. */
function statesPlace(name: string, jurisdiction?: Division): boolean {
  return placeMentions(name, jurisdiction).length > 0 || fullNamePrefix(name, jurisdiction) !== undefined;
}

/** "红棉大道和机场北进场路": two works joined by 和, when both halves name one. */
function splitPair(name: string, villageContext: boolean): string[] {
  if (!name.includes('和')) return [name];
  const parts = name.split('和');
  if (parts.length === 2 && parts.every((p) => p.length >= 3 && isConcreteName(p, villageContext))) return parts;
  // "南沙副中心和空港经济区": a pair whose halves are not both works is not one work either.
  return parts.length > 1 ? [] : [name];
}

/** 梯面镇 or 珠海市斗门区 in a list of pilots is a place, not a work. */
function isDivisionName(name: string, jurisdiction?: Division): boolean {
  // The suffix first: most names end otherwise, and the mention matcher is the dearer test.
  if (!/[省市区县镇乡街道]$/.test(name)) return false;
  const m = placeMentions(name, jurisdiction);
  return m.length > 0 && m[m.length - 1].end === name.length && m[0].start === 0;
}

/**
 * The places a name holds, as the mention matcher reads them. One name is asked about by several tests (led by
 * a place? a division's name? where is it?), so the answers are kept for the plan's jurisdiction. Bounded.
 */
function placeMentions(name: string, jurisdiction?: Division): PlaceMention[] {
  if (mentionMemo.jurisdiction !== jurisdiction || mentionMemo.byName.size > 20000) mentionMemo = { jurisdiction, byName: new Map() };
  let found = mentionMemo.byName.get(name);
  if (!found) {
    found = findPlaceMentions(name, { jurisdiction });
    mentionMemo.byName.set(name, found);
  }
  return found;
}
let mentionMemo: { jurisdiction?: Division; byName: Map<string, PlaceMention[]> } = { byName: new Map() };

/** 区第二人民医院 in a district plan is that district's: 花都区第二人民医院. */
function relativeName(name: string, jurisdiction?: Division): string {
  if (!jurisdiction) return name;
  if (jurisdiction.level === 'DISTRICT' && /^区(?!域)/.test(name)) return jurisdiction.name + name.slice(1);
  if (jurisdiction.level === 'CITY' && /^市(?!场|民|政)/.test(name)) return jurisdiction.name + name.slice(1);
  return name;
}

/** The most specific division the project's name states (狮岭镇, 花都区), if any. */
function placeOf(name: string, jurisdiction?: Division): Division | undefined {
  // A bracketed section or route ("（花都区边界—山前旅游大道）", "（延长至三水区芦苞大道）") names
  // the ends of a work, not where it is; a bracketed place alone ("（广州）") does say where.
  const own = name.replace(/（[^）]*[—\-–至、][^）]*）|\([^)]*[—\-–至、][^)]*\)/g, '');
  const mentions = placeMentions(own, jurisdiction);
  let best: Division | undefined;
  for (const m of mentions) {
    if (!best || LEVEL_DEPTH[m.division.level] > LEVEL_DEPTH[best.level]) best = m.division;
  }
  // A line between two places (广州经清远至永州铁路) is in neither.
  if (/至|经/.test(own) && new Set(mentions.map((m) => m.division.id)).size > 1) return undefined;
  return best ?? fullNamePrefix(own, jurisdiction);
}

/**
 * A name opening with a division's full name ("花都区第二人民医院", "广州市妇女儿童医疗中心") is
 * in it, though the mention matcher reads such a name as a body's and skips it.
 */
function fullNamePrefix(name: string, jurisdiction?: Division): Division | undefined {
  for (let n = Math.min(12, name.length - 2); n >= 2; n--) {
    const head = name.slice(0, n);
    if (!/(省|市|区|县|镇|乡|街道)$/.test(head)) continue;
    const d = resolveDivision(head, jurisdiction);
    if (d && (d.name === head || head.endsWith(d.name))) return d;
  }
  return undefined;
}

function quoteAt(p: Paragraph, offset: number, length: number): string {
  return shortQuote(verbatim(p, offset, offset + length));
}
