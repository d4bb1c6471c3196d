/**
 * What one document may cost to read, so a hostile file fails with a clear error naming it before
 * anything is written (a 750 KB .docx unpacking to 300 MB took 3.85 GB in the loader and crashed
 * Neo4j's heap twice). Each is a documented setting (README "Configuration"), validated with the
 * variable's name:
 *   PLANGRAPH_MAX_FILE_MB           a file on disk (default 200)
 *   PLANGRAPH_MAX_UNPACKED_MB       what a .docx or .pdf unpacks to: XML parts, fonts, page
 *                                   content (images are not read) (default 200)
 *   PLANGRAPH_MAX_UNPACK_RATIO      unpacked size ÷ file size, once past 10 MB unpacked (default 100;
 *                                   real plans measure 3–20, zip bombs hundreds to millions)
 *   PLANGRAPH_MAX_DOCUMENT_CHARS    text of one document (default 30,000,000: twice the 50 MB test plan)
 *   PLANGRAPH_MAX_PARAGRAPH_CHARS   one line or paragraph (default 200,000)
 */
import { ConfigError } from '../../graph/config.ts';

export interface ReadLimits {
  maxFileBytes: number;
  maxUnpackedBytes: number;
  maxUnpackRatio: number;
  maxDocumentChars: number;
  maxParagraphChars: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxUnpackRatio: 100,
  maxDocumentChars: 30_000_000,
  maxParagraphChars: 200_000,
};

/** Below this much unpacked, the ratio is not checked (a tiny, very compressible part is no threat). */
export const RATIO_FLOOR_BYTES = 10 * 1024 * 1024;

const SETTINGS: { env: string; key: keyof ReadLimits; scale: number }[] = [
  { env: 'PLANGRAPH_MAX_FILE_MB', key: 'maxFileBytes', scale: 1024 * 1024 },
  { env: 'PLANGRAPH_MAX_UNPACKED_MB', key: 'maxUnpackedBytes', scale: 1024 * 1024 },
  { env: 'PLANGRAPH_MAX_UNPACK_RATIO', key: 'maxUnpackRatio', scale: 1 },
  { env: 'PLANGRAPH_MAX_DOCUMENT_CHARS', key: 'maxDocumentChars', scale: 1 },
  { env: 'PLANGRAPH_MAX_PARAGRAPH_CHARS', key: 'maxParagraphChars', scale: 1 },
];

export function readLimitsFromEnv(env: Record<string, string | undefined> = process.env): ReadLimits {
  const limits = { ...DEFAULT_READ_LIMITS };
  for (const { env: name, key, scale } of SETTINGS) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const n = Number(raw.trim());
    if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${name}="${raw}" must be a positive number.`);
    limits[key] = Math.round(n * scale);
  }
  return limits;
}

const MB = 1024 * 1024;
export const mb = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
