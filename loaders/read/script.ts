/**
 * Traditional-Chinese detection and the Simplified copy extractors match on.
 * Quotes stay verbatim, so the Simplified copy must keep every character at the same
 * offset: conversion is applied character by character where a phrase rule would change length.
 */
import * as OpenCC from 'opencc-js';

let toSimplified: ((text: string) => string) | undefined;
function converter(): (text: string) => string {
  toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return toSimplified;
}

const HAN = /\p{Script=Han}/u;
const HAN_ALL = /\p{Script=Han}/gu;

/** Simplified text with exactly the same length (UTF-16 units) as the input. */
export function simplify(text: string): string {
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
    const simple = convert(line);
    // Most lines of a Simplified document come back unchanged: count their Han characters without splitting.
    if (simple === line) {
      han += line.match(HAN_ALL)!.length;
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
