import { describe, expect, it } from 'vitest';
import { docxBomb, docxOf, pdfBomb, pdfOf } from '../../tests/fixtures/hostile/bombs.ts';
import { decodeDocument } from './index.ts';
import { DEFAULT_READ_LIMITS } from '../../config/load.ts';

describe('read limits', () => {
  it('reads an honest .docx whole: "（一）推进花都区城乡融合发展，区发展改革局牵头，区农业农村局配合。"', async () => {
    const source = await decodeDocument('fine.docx', await docxOf(30));
    expect(source.lines[0]).toBe('花都区城乡融合发展工作方案');
    expect(source.lines.filter((l) => l === '（一）推进花都区城乡融合发展，区发展改革局牵头，区农业农村局配合。')).toHaveLength(30);
  });

  it('refuses a .docx bomb and a .pdf bomb by what they unpack to, naming the file, before their readers run', async () => {
    await expect(decodeDocument('bomb.docx', await docxBomb(40), { ...DEFAULT_READ_LIMITS, maxUnpackedBytes: 20 * 1024 * 1024 })).rejects.toThrow(
      /^bomb\.docx: unpacks to more than 20 MB \(PLANGRAPH_MAX_UNPACKED_MB\) from a [\d.]+ MB file; a compression bomb or not a plan$/,
    );
    await expect(decodeDocument('bomb.pdf', await pdfBomb(40), { ...DEFAULT_READ_LIMITS, maxUnpackedBytes: 20 * 1024 * 1024 })).rejects.toThrow(/^bomb\.pdf: unpacks to more than 20 MB/);
    await expect(decodeDocument('ratio.docx', await docxBomb(15))).rejects.toThrow(/^ratio\.docx: unpacks to more than \d+ times its size/);
  });

  it('measures a .pdf through its whole filter chain: a Flate bomb inside Flate, behind ASCIIHex or ASCII85', async () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxUnpackedBytes: 20 * 1024 * 1024 };
    for (const chain of [['FlateDecode', 'FlateDecode'], ['ASCIIHexDecode', 'FlateDecode'], ['ASCII85Decode', 'FlateDecode', 'FlateDecode']]) {
      await expect(decodeDocument('chain.pdf', await pdfBomb(40, chain), limits), chain.join(' ')).rejects.toThrow(/^chain\.pdf: unpacks to more than 20 MB/);
    }
  });

  it('reads an honest .pdf whose page is encoded [/ASCII85Decode /FlateDecode]: "(Huadu district plan) Tj"', async () => {
    const source = await decodeDocument('honest.pdf', pdfOf('BT /F1 12 Tf 72 720 Td (Huadu district plan) Tj ET\n', ['ASCII85Decode', 'FlateDecode']));
    expect(source.lines).toContain('Huadu district plan');
  });

  it('refuses a line longer than a paragraph may be, and more text than a document may hold', async () => {
    const text = Buffer.from(`花都区工作方案\n${'推进建设'.repeat(60)}\n`, 'utf8');
    await expect(decodeDocument('long-line.txt', text, { ...DEFAULT_READ_LIMITS, maxParagraphChars: 100 })).rejects.toThrow(
      /^long-line\.txt: line 2 is 240 characters long, more than a paragraph may be \(PLANGRAPH_MAX_PARAGRAPH_CHARS 100\)/,
    );
    await expect(decodeDocument('much.txt', text, { ...DEFAULT_READ_LIMITS, maxDocumentChars: 200 })).rejects.toThrow(/^much\.txt: holds 247 characters of text, more than a document may \(PLANGRAPH_MAX_DOCUMENT_CHARS 200\)/);
  });
});
