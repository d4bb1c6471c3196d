/** .docx → lines through mammoth's HTML (keeps tables as rows, which raw text would scatter cell by cell). */
import mammoth from 'mammoth';
import { htmlToLines } from './html.ts';

export async function docxToLines(bytes: Uint8Array): Promise<string[]> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return htmlToLines(value);
}
