/**
 * Unpacks what a .docx or .pdf would make its reader unpack, with a running cap, before the reader
 * runs: zlib's maxOutputLength stops inflating at the cap, so a bomb costs at most the cap, and
 * sizes a zip declares are not trusted. Throws UnpackLimitError with what was found.
 */
import { inflateRawSync, inflateSync, constants } from 'node:zlib';
import type { ReadLimits } from '../../config/load.ts';
import { mb, RATIO_FLOOR_BYTES } from './limits.ts';

export class UnpackLimitError extends Error {
  override name = 'UnpackLimitError';
}

class Budget {
  total = 0;
  constructor(
    private readonly fileBytes: number,
    private readonly limits: ReadLimits,
  ) {}

  get remaining(): number {
    return this.limits.maxUnpackedBytes - this.total;
  }

  add(bytes: number): void {
    this.total += bytes;
    if (this.total > this.limits.maxUnpackedBytes) {
      throw new UnpackLimitError(`unpacks to more than ${mb(this.limits.maxUnpackedBytes)} (PLANGRAPH_MAX_UNPACKED_MB) from a ${mb(this.fileBytes)} file; a compression bomb or not a plan`);
    }
    if (this.total > RATIO_FLOOR_BYTES && this.total / this.fileBytes > this.limits.maxUnpackRatio) {
      throw new UnpackLimitError(
        `unpacks to more than ${Math.floor(this.total / this.fileBytes)} times its size (${mb(this.total)} from ${mb(this.fileBytes)}; PLANGRAPH_MAX_UNPACK_RATIO is ${this.limits.maxUnpackRatio}); a compression bomb or not a plan`,
      );
    }
  }

  /** Inflates with output capped just past what is left; a longer output is over the limit by itself. Undefined if corrupt. */
  inflate(data: Uint8Array, raw: boolean): Buffer | undefined {
    const maxOutputLength = Math.max(1, this.remaining + 1);
    let out: Buffer;
    try {
      out = (raw ? inflateRawSync : inflateSync)(data, { maxOutputLength, finishFlush: constants.Z_SYNC_FLUSH });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') this.add(maxOutputLength);
      return undefined; // corrupt data: the reader reports it in its own words
    }
    this.add(out.length);
    return out;
  }
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;

/** A .docx (zip): every part the reader reads (images are skipped by the reader, so here too). */
export function checkZip(bytes: Uint8Array, limits: ReadLimits): void {
  const budget = new Budget(bytes.length, limits);
  // End of central directory: the last 22 bytes, or up to 64 KB earlier with a comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return; // not a zip the reader can open: it says so itself
  const entries = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  for (let n = 0; n < entries && at + 46 <= bytes.length && u32(bytes, at) === 0x02014b50; n++) {
    const method = u16(bytes, at + 10);
    const compressed = u32(bytes, at + 20);
    const declared = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const local = u32(bytes, at + 42);
    const name = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8');
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (/^word\/media\//.test(name) || name.endsWith('/')) continue;
    if (declared === 0xffffffff || compressed === 0xffffffff) throw new UnpackLimitError(`part "${name}" is larger than 4 GB (zip64); a compression bomb or not a plan`);
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) continue;
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const data = bytes.subarray(start, Math.min(bytes.length, start + compressed));
    if (method === 0) budget.add(data.length);
    else if (method === 8) budget.inflate(data, true);
  }
}

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
/** How far before "stream" its dictionary is looked for (a stream dictionary is a few hundred bytes). */
const DICTIONARY_WINDOW = 2000;

/**
 * A .pdf: every stream but images (text extraction never decodes those) through its filter chain,
 * each stage's output counted: page content, fonts, object streams. A chain of Flate stages
 * ([/FlateDecode /FlateDecode], a bomb inside a bomb) and the text encodings in front of Flate
 * (ASCIIHex, ASCII85) are decoded here, so the cap holds whatever the chain. LZW and image codecs
 * end the check of that stream: the reader decodes them itself (LZW's expansion per code is bounded,
 * unlike Flate's, and PDF writers have not produced it for twenty years).
 */
export function checkPdf(bytes: Uint8Array, limits: ReadLimits): void {
  const budget = new Budget(bytes.length, limits);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let from = 0;
  for (;;) {
    const at = buf.indexOf(STREAM, from);
    if (at < 0) return;
    from = at + STREAM.length;
    if (at >= 3 && buf.subarray(at - 3, at).toString('latin1') === 'end') continue; // "endstream"
    let start = from;
    if (buf[start] === 0x0d) start++;
    if (buf[start] !== 0x0a) continue; // "stream" as a word inside something else
    start++;
    const end = buf.indexOf(END_STREAM, start);
    if (end < 0) return;
    from = end + END_STREAM.length;
    // The stream's dictionary: from its object's "obj" (a nested << >>, such as /DecodeParms,
    // must not hide the /Filter before it).
    const window = buf.subarray(Math.max(0, at - DICTIONARY_WINDOW), at).toString('latin1');
    const obj = window.lastIndexOf('obj');
    const head = obj >= 0 ? window.slice(obj) : window;
    if (/\/Subtype\s*\/Image/.test(head)) continue;
    decodeChain(budget, buf.subarray(start, end), filtersOf(head));
  }
}

/** The stream's filters in decoding order: `/Filter /A` or `/Filter [/A /B]`. */
function filtersOf(dictionary: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dictionary);
  return m ? [...m[1]!.matchAll(/\/([A-Za-z0-9]+)/g)].map((n) => n[1]!) : [];
}

function decodeChain(budget: Budget, data: Buffer, filters: string[]): void {
  let bytes: Buffer | undefined = data;
  for (const filter of filters) {
    if (filter === 'FlateDecode' || filter === 'Fl') bytes = budget.inflate(bytes, false);
    else if (filter === 'ASCIIHexDecode' || filter === 'AHx') bytes = counted(budget, asciiHex(bytes));
    else if (filter === 'ASCII85Decode' || filter === 'A85') bytes = counted(budget, ascii85(bytes));
    else if (filter === 'RunLengthDecode' || filter === 'RL') bytes = runLength(budget, bytes);
    else return; // LZW, image codecs: left to the reader
    if (!bytes) return;
  }
}

function counted(budget: Budget, bytes: Buffer): Buffer {
  budget.add(bytes.length);
  return bytes;
}

/** ASCIIHexDecode: hex digits up to ">", whitespace ignored, an odd last digit followed by 0. At most half its input. */
function asciiHex(data: Buffer): Buffer {
  const end = data.indexOf(0x3e); // ">"
  const digits = data.subarray(0, end < 0 ? data.length : end).toString('latin1').replace(/[^0-9A-Fa-f]/g, '');
  return Buffer.from(digits.length % 2 ? `${digits}0` : digits, 'hex');
}

/** ASCII85Decode: groups of five characters "!".."u" to four bytes, "z" for four zeros, up to "~>". */
function ascii85(data: Buffer): Buffer {
  let text = data.toString('latin1').replace(/\s+/g, '');
  if (text.startsWith('<~')) text = text.slice(2);
  const end = text.indexOf('~>');
  if (end >= 0) text = text.slice(0, end);
  const out: number[] = [];
  let group: number[] = [];
  const flush = (n: number) => {
    let value = 0;
    for (let i = 0; i < 5; i++) value = value * 85 + (group[i] ?? 84);
    for (let i = 0; i < n; i++) out.push((value >>> (24 - 8 * i)) & 0xff);
    group = [];
  };
  for (const ch of text) {
    if (ch === 'z' && group.length === 0) out.push(0, 0, 0, 0);
    else {
      const c = ch.charCodeAt(0) - 33;
      if (c < 0 || c > 84) continue;
      group.push(c);
      if (group.length === 5) flush(4);
    }
  }
  if (group.length > 1) flush(group.length - 1);
  return Buffer.from(out);
}

/** RunLengthDecode, counted as it grows (a run multiplies a byte by up to 128). */
function runLength(budget: Budget, data: Buffer): Buffer {
  const chunks: Buffer[] = [];
  for (let i = 0; i < data.length; ) {
    const n = data[i]!;
    if (n === 128) break;
    const chunk = n < 128 ? data.subarray(i + 1, i + 2 + n) : Buffer.alloc(257 - n, data[i + 1] ?? 0);
    i += n < 128 ? n + 2 : 2;
    budget.add(chunk.length);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
