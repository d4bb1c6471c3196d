/**
 * What loading may cost, from the environment, each validated with the variable's name:
 *   - one document's read (loaders/read/limits.ts has why: a hostile file must fail before anything
 *     is written):
 *     PLANGRAPH_MAX_FILE_MB           a file on disk (default 200)
 *     PLANGRAPH_MAX_UNPACKED_MB       what a .docx or .pdf unpacks to: XML parts, fonts, page
 *                                     content (images are not read) (default 200)
 *     PLANGRAPH_MAX_UNPACK_RATIO      unpacked size ÷ file size, once past 10 MB unpacked (default 100;
 *                                     real plans measure 3–20, zip bombs hundreds to millions)
 *     PLANGRAPH_MAX_DOCUMENT_CHARS    text of one document (default 30,000,000: twice the 50 MB test plan)
 *     PLANGRAPH_MAX_PARAGRAPH_CHARS   one line or paragraph (default 200,000)
 *   - one group's write: PLANGRAPH_WRITE_TIMEOUT_MS (graph/write/deadline.ts).
 */
import { ConfigError, processEnv, type Env, type EnvName } from './env.ts';
import { milliseconds } from './values.ts';

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

const READ_SETTINGS: { env: EnvName; key: keyof ReadLimits; scale: number }[] = [
  { env: 'PLANGRAPH_MAX_FILE_MB', key: 'maxFileBytes', scale: 1024 * 1024 },
  { env: 'PLANGRAPH_MAX_UNPACKED_MB', key: 'maxUnpackedBytes', scale: 1024 * 1024 },
  { env: 'PLANGRAPH_MAX_UNPACK_RATIO', key: 'maxUnpackRatio', scale: 1 },
  { env: 'PLANGRAPH_MAX_DOCUMENT_CHARS', key: 'maxDocumentChars', scale: 1 },
  { env: 'PLANGRAPH_MAX_PARAGRAPH_CHARS', key: 'maxParagraphChars', scale: 1 },
];

export function readLimitsFromEnv(env: Env = processEnv()): ReadLimits {
  const limits = { ...DEFAULT_READ_LIMITS };
  for (const { env: name, key, scale } of READ_SETTINGS) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const n = Number(raw.trim());
    if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${name}="${raw}" must be a positive number.`);
    limits[key] = Math.round(n * scale);
  }
  return limits;
}

/** PLANGRAPH_WRITE_TIMEOUT_MS: how long one group's write transaction may take (default 5 minutes). */
export const DEFAULT_WRITE_TIMEOUT_MS = 300_000;

export function writeTimeoutFromEnv(env: Env = processEnv()): number {
  return milliseconds(env, 'PLANGRAPH_WRITE_TIMEOUT_MS', DEFAULT_WRITE_TIMEOUT_MS);
}
