/**
 * Writes plan-sample.pdf: a two-page PDF whose Chinese text uses the non-embedded CID font
 * STSong-Light with the UniGB-UCS2-H CMap, exactly the case that extracts nothing unless
 * pdfjs-dist finds its packed CMaps. Page 1 ends mid-sentence and carries a "— 1 —" page number,
 * so the reader and normaliser are exercised together. Run: npx tsx tests/loaders/formats/make-pdf.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pages: string[][] = [
  ['广州市花都区城市更新三年行动方案（2024—2026年）', '一、工作目标', '到2026年，全区完成城中村改造项目12个，新华街、', '— 1 —'],
  ['秀全街老旧小区改造全面完成。', '二、重点任务', '（一）推进城中村改造。加快推进田美村改造。', '牵头单位：区住房城乡建设局'],
];

const ucs2 = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
const objects: string[] = [];
const add = (body: string) => objects.push(body) ;
add('<< /Type /Catalog /Pages 2 0 R >>');
add(''); // pages, filled below
add('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>');
add('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 >>');
add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>');
const kids: string[] = [];
for (const lines of pages) {
  const content = lines.map((l, i) => `BT /F1 12 Tf 72 ${760 - i * 24} Td <${ucs2(l)}> Tj ET`).join('\n');
  add(`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`);
  const contentRef = objects.length;
  add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentRef} 0 R >>`);
  kids.push(`${objects.length} 0 R`);
}
objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`;

let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
const offsets: number[] = [];
objects.forEach((body, i) => {
  offsets.push(Buffer.byteLength(pdf, 'latin1'));
  pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
});
const xref = Buffer.byteLength(pdf, 'latin1');
pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
writeFileSync(fileURLToPath(new URL('./plan-sample.pdf', import.meta.url)), Buffer.from(pdf, 'latin1'));
