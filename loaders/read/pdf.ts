/**
 * .pdf → lines with pdfjs-dist (legacy build for Node). CMaps and standard fonts come from the
 * installed package (never a CDN), so CID-keyed Chinese fonts (UniGB-UCS2-H, Adobe-GB1) extract.
 * Text items are grouped into lines by their baseline y, ordered by x; pages are separated by
 * a form-feed line so a page-end line never silently glues to the next page's first line.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { TextLimitError } from './text-limit.ts';

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));

interface Item { str: string; x: number; y: number; width: number; height: number }

/** Stops with a TextLimitError once the text passes `maxChars` (pages are not read past it). */
export async function pdfToLines(bytes: Uint8Array, maxChars = Infinity): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  });
  const doc = await task.promise;
  const lines: string[] = [];
  let chars = 0;
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items as unknown[]) {
        const item = it as { str?: string; transform?: number[]; width?: number; height?: number };
        if (typeof item.str !== 'string' || !item.transform) continue;
        if (item.str === '') continue;
        items.push({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width ?? 0, height: Math.abs(item.height ?? item.transform[3] ?? 0) });
      }
      for (const line of groupIntoLines(items)) {
        chars += line.length;
        lines.push(line);
      }
      if (chars > maxChars) {
        throw new TextLimitError(`holds more than ${maxChars.toLocaleString('en')} characters of text by page ${p} of ${doc.numPages} (PLANGRAPH_MAX_DOCUMENT_CHARS); split it`);
      }
      // A form feed between pages, as pdftotext writes: normalise reads it as a page boundary (running headers).
      if (p < doc.numPages) lines.push('\f');
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return lines;
}

/** Items whose baselines lie within half a glyph height are one line; a visible gap becomes a space. */
export function groupIntoLines(items: Item[]): string[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    const tolerance = Math.max(2, (item.height || 10) * 0.5);
    if (row && Math.abs(row[0].y - item.y) <= tolerance) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    let line = '';
    let end: number | undefined;
    for (const item of row) {
      const gap = end === undefined ? 0 : item.x - end;
      const em = item.height || 10;
      if (end !== undefined && gap > em * 0.8) line += gap > em * 3 ? '\t' : ' ';
      line += item.str;
      end = item.x + item.width;
    }
    return line;
  });
}
