/** .docx → lines through mammoth's HTML (keeps tables as rows, which raw text would scatter cell by cell). */
import mammoth from 'mammoth';
import { htmlToLines } from './html.ts';

export async function docxToLines(bytes: Uint8Array): Promise<string[]> {
  // Images are not text: left unread (mammoth would otherwise inline each as a base64 data URI).
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) });
  return htmlToLines(value);
}
