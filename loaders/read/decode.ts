/** Bytes of a plain-text file → text: strict UTF-8 first (with or without BOM), else GB18030 (covers GBK/GB2312). */
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    // ignoreBOM: false (default) strips a UTF-8 BOM.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    const gb = iconv.decode(Buffer.from(bytes), 'gb18030');
    // Traditional Chinese from Hong Kong, Macau or Taiwan may come as Big5, which GB18030 also
    // "decodes" (into nonsense). The reading with more of the commonest characters wins.
    const big5 = iconv.decode(Buffer.from(bytes), 'big5');
    if (!big5.includes('\ufffd') && commonness(big5) > 2 * commonness(gb) + 5) return { text: big5, encoding: 'big5' };
    return { text: gb, encoding: 'gb18030' };
  }
}

/** Characters written the same in Simplified and Traditional and frequent in any official text. */
const COMMON = new Set('的一是在不了有人中大年和地上市省局工作部政府全加重目任方案日月及以其到行等');

function commonness(text: string): number {
  let n = 0;
  for (const ch of text.slice(0, 20000)) if (COMMON.has(ch)) n++;
  return n;
}

/**
 * True when decoded text is not text: NUL bytes, many control characters or replacement
 * characters (a binary file renamed .txt, or an encoding we could not guess).
 */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 20000);
  if (sample.length === 0) return false;
  let bad = 0;
  // Code units, not code points: the halves of a surrogate pair are never NUL, U+FFFD or control characters.
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0 || c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c)) bad++;
  }
  return bad / sample.length > 0.02;
}

/**
 * Lines of a text as an editor numbers them (\n, \r\n or \r). Form feeds (page breaks left by
 * PDF-to-text tools) stay inside their line so line numbers match the file; normalise treats them as blank.
 */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
