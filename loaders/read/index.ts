/**
 * read: a file on disk → SourceText (decoded lines, format, script).
 * Formats by extension: .txt/.md/.text (UTF-8 strict, else GB18030), .html/.htm, .docx, .pdf.
 * Anything unreadable (missing, empty, binary, corrupt) is a DocumentError naming the file.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { SourceText } from '../model.ts';
import { decodeText, looksBinary, splitLines } from './decode.ts';
import { htmlToSourceLines } from './html.ts';
import { docxToLines } from './docx.ts';
import { pdfToLines } from './pdf.ts';
import { detectScript } from './script.ts';
import { DocumentError } from './errors.ts';
import { readLimitsFromEnv, type ReadLimits } from '../../config/load.ts';
import { mb } from './limits.ts';
import { checkPdf, checkZip, UnpackLimitError } from './unpack.ts';
import { TextLimitError } from './text-limit.ts';

export { DocumentError } from './errors.ts';
export { simplify, detectScript } from './script.ts';

export const SUPPORTED_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf'];

export async function readDocument(path: string, limits: ReadLimits = readLimitsFromEnv()): Promise<SourceText> {
  const document = basename(path);
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new DocumentError(document, 'is a folder, not a document');
    if (info.size > limits.maxFileBytes) {
      throw new DocumentError(document, `is ${mb(info.size)}, more than the ${mb(limits.maxFileBytes)} a document may be (PLANGRAPH_MAX_FILE_MB)`);
    }
    bytes = await readFile(path);
  } catch (err) {
    if (err instanceof DocumentError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new DocumentError(document, code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(err)})`, { cause: err });
  }
  return decodeDocument(document, bytes, limits);
}

/** Decodes bytes already in memory; `document` is the file name (its extension picks the format). */
export async function decodeDocument(document: string, bytes: Uint8Array, limits: ReadLimits = readLimitsFromEnv()): Promise<SourceText> {
  if (bytes.length === 0) throw new DocumentError(document, 'file is empty');
  const ext = extname(document).toLowerCase();
  let lines: string[];
  let encoding: string;
  try {
    if (ext === '.pdf') {
      if (!startsWith(bytes, '%PDF')) throw new DocumentError(document, 'not a PDF file (no %PDF header)');
      checkPdf(bytes, limits);
      lines = await pdfToLines(bytes, limits.maxDocumentChars);
      encoding = 'pdf';
    } else if (ext === '.docx') {
      if (!startsWith(bytes, 'PK')) throw new DocumentError(document, 'not a .docx file (not a zip package)');
      checkZip(bytes, limits);
      lines = await docxToLines(bytes);
      encoding = 'docx';
    } else if (ext === '.html' || ext === '.htm') {
      const decoded = decodeText(bytes);
      if (looksBinary(decoded.text)) throw new DocumentError(document, 'binary content, not HTML text');
      lines = htmlToSourceLines(decoded.text);
      encoding = 'html';
    } else if (ext === '.doc') {
      throw new DocumentError(document, 'legacy Word .doc is not supported; save it as .docx');
    } else {
      if (ext !== '' && !SUPPORTED_EXTENSIONS.includes(ext)) {
        throw new DocumentError(document, `unsupported file type "${ext}" (supported: ${SUPPORTED_EXTENSIONS.join(' ')})`);
      }
      const decoded = decodeText(bytes);
      if (looksBinary(decoded.text)) throw new DocumentError(document, 'binary content, not a text document');
      lines = splitLines(decoded.text);
      encoding = decoded.encoding;
    }
  } catch (err) {
    if (err instanceof DocumentError) throw err;
    if (err instanceof UnpackLimitError || err instanceof TextLimitError) throw new DocumentError(document, err.message);
    const msg = err instanceof Error ? err.message : String(err);
    throw new DocumentError(document, `cannot read ${ext.slice(1) || 'file'}: ${msg}`, { cause: err });
  }
  const tooMuch = textLimitProblem(lines, limits);
  if (tooMuch) throw new DocumentError(document, tooMuch);
  if (!lines.some((l) => /\p{Script=Han}|[A-Za-z]{3}/u.test(l))) {
    throw new DocumentError(document, 'no readable text (empty, or a scanned image without a text layer)');
  }
  return { document, lines, encoding, script: detectScript(lines) };
}

/** A document's text and its longest paragraph against their limits; the problem, or undefined. */
export function textLimitProblem(lines: string[], limits: ReadLimits): string | undefined {
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    const length = lines[i]!.length;
    total += length;
    if (length > limits.maxParagraphChars) {
      return `line ${i + 1} is ${length.toLocaleString('en')} characters long, more than a paragraph may be (PLANGRAPH_MAX_PARAGRAPH_CHARS ${limits.maxParagraphChars.toLocaleString('en')}); not a plan's text`;
    }
  }
  if (total > limits.maxDocumentChars) {
    return `holds ${total.toLocaleString('en')} characters of text, more than a document may (PLANGRAPH_MAX_DOCUMENT_CHARS ${limits.maxDocumentChars.toLocaleString('en')}); split it`;
  }
  return undefined;
}

function startsWith(bytes: Uint8Array, magic: string): boolean {
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic.charCodeAt(i)) return false;
  return true;
}
