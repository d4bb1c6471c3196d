/**
 * The README's example queries and their answers, read from README.md itself, and a comparison
 * that allows what the README trims: `…` in an array (more elements follow), in an object (more
 * fields), inside a string (text left out: the pieces must appear in order). Everything written
 * out must match the real answer: keys, values, order, array lengths where nothing is trimmed.
 */
import { readFileSync } from 'node:fs';

export interface ReadmeExample {
  /** The heading line above it, for messages. */
  title: string;
  query: string;
  answer: unknown;
}

const MORE = '\u0000…';

/** Every ```graphql block directly followed by a ```json block in the README, in order. */
export function readmeExamples(file: string): ReadmeExample[] {
  const text = readFileSync(file, 'utf8');
  const out: ReadmeExample[] = [];
  const block = /```graphql\n([\s\S]*?)```\s*\n```json\n([\s\S]*?)```/g;
  for (const m of text.matchAll(block)) {
    const before = text.slice(0, m.index);
    const title = before.slice(before.lastIndexOf('\n**') + 1).split('\n')[0]!.trim();
    out.push({ title, query: m[1]!, answer: parseTrimmed(m[2]!) });
  }
  return out;
}

/** JSON with `…` standing for left-out elements or fields, as the README writes it. */
export function parseTrimmed(text: string): unknown {
  let out = '';
  const stack: string[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') stack.push(ch);
    else if (ch === ']' || ch === '}') stack.pop();
    else if (ch === '…') {
      const marker = JSON.stringify(MORE); // escaped: a raw NUL is not allowed in JSON text
      out += stack.at(-1) === '{' ? `${marker}: true` : marker;
      continue;
    }
    out += ch;
  }
  return JSON.parse(out);
}

/** Differences between what the README shows and the actual answer ([] when it holds). */
export function differences(shown: unknown, actual: unknown, path = '$'): string[] {
  if (typeof shown === 'string' && shown.includes('…')) {
    if (typeof actual !== 'string') return [`${path}: README shows text, answer is ${JSON.stringify(actual)}`];
    const pieces = shown.split('…');
    let at = 0;
    for (const [i, piece] of pieces.entries()) {
      const found = i === 0 ? (actual.startsWith(piece) ? 0 : -1) : actual.indexOf(piece, at);
      if (found < 0) return [`${path}: README "${shown}" is not a shortening of "${actual}"`];
      at = found + piece.length;
    }
    return [];
  }
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual)) return [`${path}: README shows a list, answer is ${JSON.stringify(actual)}`];
    const trimmed = shown.includes(MORE);
    const items = shown.filter((x) => x !== MORE);
    if (trimmed ? actual.length < items.length : actual.length !== items.length) {
      return [`${path}: README shows ${items.length}${trimmed ? '+' : ''} elements, answer has ${actual.length}`];
    }
    return items.flatMap((item, i) => differences(item, actual[i], `${path}[${i}]`));
  }
  if (shown && typeof shown === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return [`${path}: README shows an object, answer is ${JSON.stringify(actual)}`];
    const entries = Object.entries(shown).filter(([k]) => k !== MORE);
    const missing = !(MORE in shown) ? Object.keys(actual).filter((k) => !(k in shown)).map((k) => `${path}.${k}: in the answer, not in the README`) : [];
    return [...missing, ...entries.flatMap(([k, v]) => (k in actual ? differences(v, (actual as Record<string, unknown>)[k], `${path}.${k}`) : [`${path}.${k}: not in the answer`]))];
  }
  return shown === actual ? [] : [`${path}: README shows ${JSON.stringify(shown)}, answer is ${JSON.stringify(actual)}`];
}
