/**
 * Traditional-Chinese detection and the Simplified copy extractors match on.
 * Quotes stay verbatim, so the Simplified copy must keep every character at the same
 * offset: conversion is applied character by character where a phrase rule would change length.
 */
import * as OpenCC from 'opencc-js';

/** The conversion: Taiwan-standard Traditional to mainland Simplified. */
const FROM = 'tw';
const TO = 'cn';

let toSimplified: ((text: string) => string) | undefined;
function converter(): (text: string) => string {
  toSimplified ??= OpenCC.Converter({ from: FROM, to: TO });
  return toSimplified;
}

/**
 * What text must contain for the conversion to change it: a rule (dictionary entry, from the same
 * dictionaries the converter's tries are built from) whose replacement differs from its key can
 * only apply where its key occurs, so where no such key's first code unit (one-unit keys) or first
 * two (longer keys) occur, the text converts to itself. Most lines of a Simplified document hold
 * none and need no trip through the converter.
 */
let changing: { single: Uint8Array; pairFirst: Uint8Array; pairs: Set<number> } | undefined;
function mayConvert(text: string): boolean {
  if (!changing) {
    const c = { single: new Uint8Array(0x10000), pairFirst: new Uint8Array(0x10000), pairs: new Set<number>() };
    for (const group of [OpenCC.Locale.from[FROM], OpenCC.Locale.to[TO]]) {
      for (const dict of group) {
        // Parsed as the converter parses it (opencc-js Trie.loadDict): "key value|key value" or [key, value] pairs.
        const rules = typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ')) : dict;
        for (const [key, value] of rules) {
          if (!key || key === value) continue;
          if (key.length === 1) c.single[key.charCodeAt(0)] = 1;
          else {
            c.pairFirst[key.charCodeAt(0)] = 1;
            c.pairs.add((key.charCodeAt(0) << 16) | key.charCodeAt(1));
          }
        }
      }
    }
    changing = c;
  }
  const { single, pairFirst, pairs } = changing;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (single[u] === 1) return true;
    if (pairFirst[u] === 1 && i + 1 < text.length && pairs.has((u << 16) | text.charCodeAt(i + 1))) return true;
  }
  return false;
}

const HAN = /\p{Script=Han}/u;
/** Han-ness of every BMP code unit, computed once with HAN itself: counting is then one array read per unit. */
let hanBmp: Uint8Array | undefined;
function hanTable(): Uint8Array {
  if (!hanBmp) {
    hanBmp = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) hanBmp[c] = HAN.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return hanBmp;
}
/** True when text holds any UTF-16 surrogate (a code point above U+FFFF, or a lone half). */
function hasSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}
/** The number of Han code points in text (what text.match(/\p{Script=Han}/gu).length counts), without building the match array. */
function countHan(text: string): number {
  const bmp = hanTable();
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) {
        if (HAN.test(String.fromCodePoint(cp))) n++;
        i++;
        continue;
      }
    }
    n += bmp[c];
  }
  return n;
}

/** Simplified text with exactly the same length (UTF-16 units) as the input. */
export function simplify(text: string): string {
  if (!mayConvert(text)) return text;
  const convert = converter();
  const whole = convert(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const c = convert(ch);
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

/**
 * 'traditional' when converting changes a notable share of the Han characters. A Simplified
 * document changes almost none (a few characters such as 著 / 于 may differ), a Traditional one
 * changes one in five or more.
 */
export function detectScript(lines: string[]): 'simplified' | 'traditional' {
  let han = 0;
  let changed = 0;
  const convert = converter();
  for (const line of lines) {
    if (!HAN.test(line)) continue;
    // Most lines of a Simplified document come back unchanged: count their Han characters without splitting.
    const simple = mayConvert(line) ? convert(line) : line;
    if (simple === line) {
      han += countHan(line);
      if (han > 20000) break;
      continue;
    }
    // Same length and no surrogates on either side: code points are code units, compared in place.
    if (simple.length === line.length && !hasSurrogate(line) && !hasSurrogate(simple)) {
      const bmp = hanTable();
      for (let i = 0; i < line.length; i++) {
        const c = line.charCodeAt(i);
        if (bmp[c] === 0) continue;
        han++;
        if (c !== simple.charCodeAt(i)) changed++;
      }
      if (han > 20000) break;
      continue;
    }
    const a = [...line];
    const b = [...simple];
    if (a.length !== b.length) {
      han += a.length;
      continue;
    }
    for (let i = 0; i < a.length; i++) {
      if (!HAN.test(a[i])) continue;
      han++;
      if (a[i] !== b[i]) changed++;
    }
    if (han > 20000) break;
  }
  return han > 0 && changed / han > 0.04 ? 'traditional' : 'simplified';
}
