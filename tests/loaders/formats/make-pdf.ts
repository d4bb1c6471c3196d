/**
 * Writes plan-sample.pdf: a two-page PDF whose Chinese text uses the non-embedded CID font
 * STSong-Light (tests/support/cid-pdf.ts), the case that extracts nothing unless pdfjs-dist
 * finds its packed CMaps. Page 1 ends mid-sentence and carries a "— 1 —" page number,
 * so the reader and normaliser are exercised together. Run: npx tsx tests/loaders/formats/make-pdf.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cidFontPdf, showText } from '../../support/cid-pdf.ts';

const pages: string[][] = [
  ['广州市花都区城市更新三年行动方案（2024—2026年）', '一、工作目标', '到2026年，全区完成城中村改造项目12个，新华街、', '— 1 —'],
  ['秀全街老旧小区改造全面完成。', '二、重点任务', '（一）推进城中村改造。加快推进田美村改造。', '牵头单位：区住房城乡建设局'],
];

const pageContents = pages.map((lines) => lines.map((l, i) => showText(12, 72, 760 - i * 24, l)).join('\n'));
writeFileSync(fileURLToPath(new URL('./plan-sample.pdf', import.meta.url)), cidFontPdf(pageContents));
