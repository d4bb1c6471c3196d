/**
 * Unpacks what a .docx or .pdf would make its reader unpack, with a running cap, before the reader
 * runs: zlib's maxOutputLength stops inflating at the cap, so a bomb costs at most the cap, and
 * sizes a zip declares are not trusted. Throws UnpackLimitError with what was found.
 */
import { inflateRawSync, inflateSync, constants } from 'node:zlib';
import { mb, RATIO_FLOOR_BYTES, type ReadLimits } from './limits.ts';

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

  /** Inflates with output capped just past what is left; a longer output is over the limit by itself. */
  inflate(data: Uint8Array, raw: boolean): void {
    const maxOutputLength = Math.max(1, this.remaining + 1);
    let out: Buffer;
    try {
      out = (raw ? inflateRawSync : inflateSync)(data, { maxOutputLength, finishFlush: constants.Z_SYNC_FLUSH });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return this.add(maxOutputLength);
      return; // corrupt data: the reader reports it in its own words
    }
    this.add(out.length);
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

/**
 * A .pdf: every Flate-compressed stream but images (text extraction never decodes those): page
 * content, fonts, object streams. Other filters are left to the reader (they are rare and do not
 * compress like Flate).
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
    const dictionary = buf.subarray(Math.max(0, at - 400), at).toString('latin1');
    const open = dictionary.lastIndexOf('<<');
    const head = open >= 0 ? dictionary.slice(open) : dictionary;
    from = end + END_STREAM.length;
    if (!/\/FlateDecode|\/Fl\b/.test(head) || /\/Subtype\s*\/Image/.test(head)) continue;
    budget.inflate(buf.subarray(start, end), false);
  }
}
