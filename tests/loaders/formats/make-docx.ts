/**
 * Writes plan-sample.docx: a minimal Word document (paragraphs, a heading style and a
 * task-allocation table) to check that .docx input keeps table rows as tab-separated lines.
 * Uses jszip (mammoth's own dependency). Run: npx tsx tests/loaders/formats/make-docx.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
const cell = (text: string) => `<w:tc><w:p><w:r><w:t>${esc(text)}</w:t></w:r></w:p></w:tc>`;
const row = (cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;

const body = [
  p('广州市白云区推进城市更新工作方案（2024—2026年）'),
  p('一、工作目标'),
  p('到2026年，全区完成旧村改造项目8个，新增公共服务设施面积20万平方米。'),
  p('二、重点任务'),
  p('（一）加快旧村全面改造。推进陈田村、萧岗村改造项目建设。'),
  `<w:tbl>${row(['序号', '重点任务', '牵头单位', '配合单位'])}${row(['1', '加快旧村全面改造', '区住房城乡建设局', '区财政局、京溪街道'])}</w:tbl>`,
].join('');

const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;

const zip = new JSZip();
// A fixed date on every entry: the same bytes on every run.
const date = new Date('2024-01-01T00:00:00Z');
zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`, { date, createFolders: false });
zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`, { date, createFolders: false });
zip.file('word/document.xml', documentXml, { date, createFolders: false });
const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
writeFileSync(fileURLToPath(new URL('./plan-sample.docx', import.meta.url)), bytes);
