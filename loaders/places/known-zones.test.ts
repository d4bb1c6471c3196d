import { describe, expect, it } from 'vitest';
import type { ExtractContext, PlanDraft, TaskDraft } from '../model.ts';
import { resolveDivision } from '../gazetteer/divisions.ts';
import { findPlaceMentions } from '../gazetteer/place-mentions.ts';
import { extractPlaces } from './index.ts';
import { knownZoneFragment, knownZones, zoneAtStart } from './known-zones.ts';

const zone = (name: string) => knownZones.find((z) => z.name === name)!;

/** A plan with one task whose text is `text` (the structure stage is not under test here). */
function context(title: string, text: string, jurisdiction?: string): ExtractContext {
  const line = 5;
  const task: TaskDraft = {
    kind: 'item', ref: '一', title: text.slice(0, 20), text, children: [],
    paragraphs: [{ text, original: text, line, segments: [{ offset: 0, line }], kind: 'body' }],
    evidence: { document: 'z.txt', line, quote: text },
  };
  const plan: PlanDraft = { key: '', title, kind: 'plan', evidence: { document: 'z.txt', line: 1, quote: title }, tasks: [task], looseParagraphs: [], footnotes: [] };
  return {
    source: { document: 'z.txt', lines: [], encoding: 'utf-8', script: 'simplified' }, plan, planId: 'plan:z',
    taskId: (ref) => `plan:z/${ref}`, jurisdiction: jurisdiction ? resolveDivision(jurisdiction) : undefined,
  };
}

describe('known zones with members (loaders/data/zones.json)', () => {
  it('lists the nine Guangdong cities, 香港 and 澳门 as members of 粤港澳大湾区, as gazetteer facts', () => {
    const f = knownZoneFragment(zone('粤港澳大湾区'));
    const members = f.relationships.filter((r) => r.end === 'zone:粤港澳大湾区');
    expect(members.map((r) => r.start).sort()).toEqual(
      ['div:4401', 'div:4403', 'div:4404', 'div:4406', 'div:4407', 'div:4412', 'div:4413', 'div:4419', 'div:4420', 'div:81', 'div:82'].sort(),
    );
    expect(members.every((r) => JSON.stringify(r.properties) === '{"source":"gazetteer"}')).toBe(true);
    expect(f.nodes.find((n) => n.id === 'zone:粤港澳大湾区')?.properties).toMatchObject({ level: 'ZONE', source: 'gazetteer' });
  });

  it('reads 珠三角 in “强化珠三角城市群辐射带动作用” (provincial plan line 317) as 珠江三角洲, whose members are its cities', () => {
    const m = findPlaceMentions('强化珠三角城市群辐射带动作用。', { zones: knownZones });
    expect(m.map((x) => x.division.id)).toEqual(['zone:珠江三角洲']);
    const members = knownZoneFragment(zone('珠江三角洲')).relationships.filter((r) => r.end === 'zone:珠江三角洲');
    expect(members).toHaveLength(9);
    expect(members.some((r) => r.start === 'div:81')).toBe(false);
  });

  it('puts 横琴粤澳深度合作区 in 珠海市香洲区, with 横琴镇 its ground', () => {
    const f = knownZoneFragment(zone('横琴粤澳深度合作区'));
    expect(f.relationships).toContainEqual({ type: 'LOCATED_IN', start: 'zone:横琴粤澳深度合作区', end: 'div:440402', properties: { source: 'gazetteer' } });
    expect(f.relationships).toContainEqual({ type: 'LOCATED_IN', start: 'div:440402104', end: 'zone:横琴粤澳深度合作区', properties: { source: 'gazetteer' } });
    expect(f.relationships).toContainEqual({ type: 'LOCATED_IN', start: 'div:440402', end: 'div:4404', properties: { source: 'gazetteer' } });
  });

  it('gives a plan titled “横琴粤澳深度合作区促进文旅会展商贸产业发展实施方案” the zone as jurisdiction', () => {
    expect(zoneAtStart('横琴粤澳深度合作区促进文旅会展商贸产业发展实施方案（2024—2026年）')?.zone.id).toBe('zone:横琴粤澳深度合作区');
    const f = extractPlaces(context('横琴粤澳深度合作区促进文旅会展商贸产业发展实施方案（2024—2026年）', '培育品牌展会。'));
    expect(f.relationships.find((r) => r.type === 'GOVERNS')).toMatchObject({ start: 'plan:z', end: 'zone:横琴粤澳深度合作区', properties: { line: 1 } });
    expect(zoneAtStart('珠海市香洲区老旧小区改造提升实施方案')).toBeUndefined();
  });

  it('locates “高水平建设美丽南沙新区” (Beautiful Guangzhou plan line 274) in 南沙新区 and the 南沙区 it covers', () => {
    const f = extractPlaces(context('美丽广州建设规划纲要', '高水平建设美丽南沙新区。', '广州市'));
    const located = f.relationships.filter((r) => r.type === 'LOCATED_IN' && r.start === 'plan:z/一');
    expect(located.map((r) => r.end).sort()).toEqual(['div:440115', 'zone:南沙新区']);
    expect(located.every((r) => r.properties.line === 5 && r.properties.surface === '南沙新区')).toBe(true);
    // 南沙新区 is the zone's name, not an alias of the district.
    expect(f.nodes.find((n) => n.id === 'div:440115')?.properties.aliases).not.toContain('南沙新区');
    expect(f.relationships).toContainEqual({ type: 'LOCATED_IN', start: 'div:440115', end: 'zone:南沙新区', properties: { source: 'gazetteer' } });
  });

  it('reads “推进大亚湾石化区扩能升级” (Huizhou plan line 24) as 大亚湾经济技术开发区, but not its 管委会', () => {
    expect(findPlaceMentions('1.推进大亚湾石化区扩能升级。', { zones: knownZones }).map((m) => m.division.id)).toEqual(['zone:大亚湾经济技术开发区']);
    expect(findPlaceMentions('责任单位：市发展改革局、市工业和信息化局，大亚湾开发区管委会', { zones: knownZones })).toEqual([]);
  });
});
