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

export { DocumentError } from './errors.ts';
export { simplify, detectScript } from './script.ts';

export const SUPPORTED_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf'];

export async function readDocument(path: string): Promise<SourceText> {
  const document = basename(path);
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new DocumentError(document, 'is a folder, not a document');
    bytes = await readFile(path);
  } catch (err) {
    if (err instanceof DocumentError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new DocumentError(document, code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(err)})`, { cause: err });
  }
  return decodeDocument(document, bytes);
}

/** Decodes bytes already in memory; `document` is the file name (its extension picks the format). */
export async function decodeDocument(document: string, bytes: Uint8Array): Promise<SourceText> {
  if (bytes.length === 0) throw new DocumentError(document, 'file is empty');
  const ext = extname(document).toLowerCase();
  let lines: string[];
  let encoding: string;
  try {
    if (ext === '.pdf') {
      if (!startsWith(bytes, '%PDF')) throw new DocumentError(document, 'not a PDF file (no %PDF header)');
      lines = await pdfToLines(bytes);
      encoding = 'pdf';
    } else if (ext === '.docx') {
      if (!startsWith(bytes, 'PK')) throw new DocumentError(document, 'not a .docx file (not a zip package)');
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
    const msg = err instanceof Error ? err.message : String(err);
    throw new DocumentError(document, `cannot read ${ext.slice(1) || 'file'}: ${msg}`, { cause: err });
  }
  if (!lines.some((l) => /\p{Script=Han}|[A-Za-z]{3}/u.test(l))) {
    throw new DocumentError(document, 'no readable text (empty, or a scanned image without a text layer)');
  }
  return { document, lines, encoding, script: detectScript(lines) };
}

function startsWith(bytes: Uint8Array, magic: string): boolean {
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic.charCodeAt(i)) return false;
  return true;
}
