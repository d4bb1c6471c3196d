/**
 * Bodies a news article names (the meeting's organiser, banks, enterprises): a news page assigns no task, so these
 * become Department nodes with MENTIONS from the article. Only names that stand on their own are taken: explicit
 * gazetteer bodies, company and bank names, and government bodies written with their full division name. Party
 * committees are left out: in news they are nearly always part of a person's title (花都区委常委).
 */
import type { Paragraph } from '../model.js';
import { divisionAtStart } from '../gazetteer/division-names.ts';
import { type Body, explicitBody, explicitNames } from '../gazetteer/departments.ts';
import { type Scope, resolveName } from './resolve.js';

export interface BodyMention {
  body: Body;
  surface: string;
  offset: number;
}

const HAN = '[\\u4e00-\\u9fa5]';
// 之江七彩云（广州）科技服务有限公司: Han characters with an optional bracketed place inside.
const COMPANY = new RegExp(`(?:${HAN}|[（(]${HAN}{1,6}[）)]){2,24}?(?:股份有限公司|有限责任公司|有限公司)`, 'g');
const BANK_BRANCH = new RegExp(`(?:中国|国家)${HAN}{2,10}?银行(${HAN}{2,5}?(?:省|市))分行`, 'g');
// "国家开发银行广东省分行和深圳市分行": the second branch shares the bank's name.
const NEXT_BRANCH = new RegExp(`^(?:和|及|、)(${HAN}{2,5}?(?:省|市))分行`);
const PERSON_TITLE = /^(党组|党委|副|主席|主任|书记|常委|局长|厅长|部长|处长|科长|一级|二级|三级|四级|调研员|巡视员|委员|院长|行长|董事长|总经理|负责人|新闻发言人|相关负责|有关负责|领导)/;
const CREDIT = /(图源|来源|供图|图片|摄影)[：:]?$/;
const VERB_HEAD = /^(?:会上|会议|座谈会上|其中|同时|以及|包括|由|与|和|及|在|对|向|是|为)/;

export function bodyMentions(p: Paragraph, scope: Scope): BodyMention[] {
  const text = p.text;
  const found: BodyMention[] = [];
  const taken: [number, number][] = [];
  const add = (body: Body, offset: number, surface: string) => {
    // A person's employer (深圳市政协副主席, 南沙区政府党组成员) or a credit (图源：广州市生态环境局) is no actor.
    const after = text.slice(offset + surface.length).replace(/^[（(][^）)]{0,6}[）)]/, '');
    if (PERSON_TITLE.test(after) || CREDIT.test(text.slice(Math.max(0, offset - 4), offset))) return;
    if (taken.some(([a, b]) => offset < b && offset + surface.length > a)) return;
    taken.push([offset, offset + surface.length]);
    found.push({ body, surface, offset });
  };

  for (const name of explicitNames()) {
    if (name.length < 4) continue;
    if (!text.includes(name)) continue;
    // A relative alias (省通信管理局) names the body only in a document of its own division.
    const body = explicitBody(name, scope);
    if (!body) continue;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) add(body, at, name);
  }
  for (const m of text.matchAll(BANK_BRANCH)) {
    add({ name: m[0], kind: 'bank', aliases: [], source: 'fallback' }, m.index!, m[0]);
    const bank = m[0].slice(0, m[0].length - m[1].length - 2);
    const next = NEXT_BRANCH.exec(text.slice(m.index! + m[0].length));
    if (next) {
      const name = `${bank}${next[1]}分行`;
      const at = m.index! + m[0].length + next[0].indexOf(next[1]);
      add(explicitBody(name, scope) ?? { name, kind: 'bank', aliases: [], source: 'fallback' }, at, `${next[1]}分行`);
    }
  }
  for (const m of text.matchAll(COMPANY)) {
    const head = m[0].match(VERB_HEAD)?.[0].length ?? 0;
    const name = m[0].slice(head);
    add(explicitBody(name, scope) ?? { name, kind: 'enterprise', aliases: [], source: 'fallback' }, m.index! + head, name);
  }
  // Government bodies written with their division: 广东省住房和城乡建设厅, 花都区人民政府.
  for (let i = 0; i < text.length; i++) {
    const start = divisionAtStart(text, scope.own, i, i + 12);
    if (!start) continue;
    for (let end = Math.min(text.length, i + 24); end > i + start.length + 1; end--) {
      const surface = text.slice(i, end);
      const r = resolveName(surface, scope, { strictOnly: true });
      if (r.status !== 'body' || r.body.kind === 'party') continue;
      // A bare division name (花都区) is a place, not its government.
      if (r.body.kind === 'government' && !/(政府|办公室|办公厅)$/.test(surface)) continue;
      add(r.body, i, surface);
      i = end - 1;
      break;
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}
