import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../model.ts';
import { resolveDivision } from '../gazetteer/divisions.ts';
import { findZoneDefinitions, parseMemberList } from './index.ts';

const guangdong = resolveDivision('广东省')!;
const para = (text: string, line: number, kind: Paragraph['kind'] = 'body'): Paragraph => ({
  text, original: text, line, segments: [{ offset: 0, line }], kind,
});

describe('zones defined in text', () => {
  it('reads 广清接合片区 and its members from the provincial plan’s 专栏9 (line 814)', () => {
    const line = '广清接合片区：包括广州市增城区、花都区、从化区，清远市清城区、清新区、佛冈县、英德市连樟样板区。';
    const [def] = findZoneDefinitions([para(line, 814)], guangdong);
    expect(def.zone).toMatchObject({ id: 'zone:广清接合片区', name: '广清接合片区', level: 'ZONE' });
    expect(def.members.map((m) => m.name)).toEqual(['增城区', '花都区', '从化区', '清城区', '清新区', '佛冈县', '英德市']);
    expect(def.paragraph.line).toBe(814);
  });

  it('reads a footnote’s 范围包括 and stops where coverage beyond the zone begins (line 329)', () => {
    const line =
      '广州都市圈范围包括广州、佛山全域，肇庆端州区、鼎湖区（含新区）、高要区、高新区、四会市，清远清城区、清新区、佛冈县，有关任务举措涵盖清远英德市和云浮、韶关都市区部分。';
    const [def] = findZoneDefinitions([para(line, 329, 'footnote')], guangdong);
    expect(def.zone.id).toBe('zone:广州都市圈');
    // 高新区 is no division; 英德市, 云浮, 韶关 are only "covered by tasks", not members.
    expect(def.members.map((m) => m.name)).toEqual(['广州市', '佛山市', '端州区', '鼎湖区', '高要区', '四会市', '清城区', '清新区', '佛冈县']);
  });

  it('ends the list at a clause about another area (汕潮揭都市圈, line 347)', () => {
    const [def] = findZoneDefinitions([para('汕潮揭都市圈范围包括汕头、潮州、揭阳三市全域，梅州都市区为联动发展区。', 347, 'footnote')], guangdong);
    expect(def.members.map((m) => m.name)).toEqual(['汕头市', '潮州市', '揭阳市']);
  });

  it('parses a member list where a city sets the context for bare district names', () => {
    expect(parseMemberList('珠海、中山、江门、阳江四市').map((m) => m.id)).toEqual(['div:4404', 'div:4420', 'div:4407', 'div:4417']);
  });

  it('does not take a sentence that lists things other than places as a zone', () => {
    const line = '采用“集中为主，分散为辅”的原则，构建包括新华污水处理系统、炭步污水处理系统等在内的完整污水处理系统。';
    expect(findZoneDefinitions([para(line, 2060)], resolveDivision('花都区'))).toEqual([]);
  });
});
