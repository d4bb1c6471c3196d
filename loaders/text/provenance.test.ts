import { describe, expect, it } from 'vitest';
import type { SourceText } from '../model.ts';
import { normalise } from '../normalise/index.ts';
import { QUOTE_MAX, aligned, clip, evidenceAt, lineAt, plainQuote, quoteWindow, shortQuote, verbatim, verbatimText } from './provenance.ts';

const src = (lines: string[], script: SourceText['script'] = 'simplified'): SourceText => ({ document: 't.txt', lines, encoding: 'utf-8', script });

describe('lineAt', () => {
  // A PDF's hard wraps, joined into one paragraph: each character still knows its source line.
  const [p] = normalise(src([
    '综合实力迈上新台阶。经济规模和效益双提升，2020 年全',
    '区实现地区生产总值 1682.15 亿元，“十三五”期间年均增长',
    '6.5%。地方一般公共预算收入 84.92 亿元，年均增长 3.3%。',
  ]));
  it('gives the line a wrapped paragraph\'s character was printed on', () => {
    expect(p.text).toContain('2020 年全区实现');
    expect(lineAt(p, 0)).toBe(1);
    expect(lineAt(p, p.text.indexOf('区实现'))).toBe(2);
    expect(lineAt(p, p.text.indexOf('地方一般公共预算'))).toBe(3);
  });
});

describe('verbatim text of a Traditional source', () => {
  const [p] = normalise(src(['部門分工：區住房和城鄉建設局牽頭，區財政局配合。'], 'traditional'));
  it('quotes the script as written at the offsets found in the Simplified copy', () => {
    const at = p.text.indexOf('区财政局');
    expect(aligned(p)).toBe(true);
    expect(verbatim(p, at, at + 4)).toBe('區財政局');
    expect(verbatimText(p)).toBe('部門分工：區住房和城鄉建設局牽頭，區財政局配合。');
  });
  it('falls back to the Simplified copy when the lengths differ', () => {
    const q = { text: '区财政局配合。', original: '區財政局**配合**。' };
    expect(aligned(q)).toBe(false);
    expect(verbatim(q, 0, 4)).toBe('区财政局');
  });
});

describe('quote cut', () => {
  const long = '加快建设广州北部增长极，'.repeat(15);
  it('cuts to QUOTE_MAX characters and keeps shorter text whole', () => {
    expect(long.length).toBeGreaterThan(QUOTE_MAX);
    expect(clip(long)).toBe(long.slice(0, QUOTE_MAX));
    expect(clip('区财政局配合。')).toBe('区财政局配合。');
    expect(shortQuote('　 区财政局配合。 ')).toBe('区财政局配合。');
  });
  it('takes markdown bold out: "**农业转移人口全面融入城市。**"', () => {
    expect(plainQuote(' **农业转移人口全面融入城市。** ')).toBe('农业转移人口全面融入城市。');
  });
  it('cuts a long passage to a window that ends with the match, or opens 40 characters before a long one', () => {
    expect(quoteWindow(0, 100, 90, 95)).toEqual([0, 100]);
    expect(quoteWindow(0, 300, 150, 154)).toEqual([34, 154]);
    expect(quoteWindow(100, 300, 110, 114)).toEqual([100, 220]);
    // a match longer than 80 characters: its opening is kept, 40 characters of lead-in before it
    expect(quoteWindow(0, 300, 100, 250)).toEqual([60, 180]);
  });
});

describe('evidenceAt', () => {
  const [p] = normalise(src([
    '推进花都区、从化区乡村振兴示范带建设，以示范带串联镇村。支持',
    '白云区打造空港经济区。',
  ]));
  it('quotes the sentence holding the match, with its closing mark, on the line it starts', () => {
    const at = p.text.indexOf('白云区');
    expect(lineAt(p, at)).toBe(2);
    expect(evidenceAt('plan.txt', p, at, at + 3)).toEqual({ document: 'plan.txt', line: 1, quote: '支持白云区打造空港经济区。' });
  });
});
