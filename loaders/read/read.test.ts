import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeDocument, DocumentError, readDocument } from './index.ts';
import { decodeText, looksBinary } from './decode.ts';
import { htmlToLines, htmlToSourceLines } from './html.ts';
import { detectScript, simplify } from './script.ts';

const fixture = (name: string) => new URL(`../../tests/fixtures/${name}`, import.meta.url).pathname;
const format = (name: string) => new URL(`../../tests/loaders/formats/${name}`, import.meta.url).pathname;

describe('decodeText', () => {
  it('reads strict UTF-8 and strips a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('第一章 发展基础', 'utf8')]);
    expect(decodeText(bytes)).toEqual({ text: '第一章 发展基础', encoding: 'utf-8' });
  });
  it('falls back to GB18030 when the bytes are not UTF-8', () => {
    const line = '牵头单位：佛山市自然资源局南海分局　责任单位：区农业农村局';
    expect(decodeText(iconv.encode(line, 'gb18030'))).toEqual({ text: line, encoding: 'gb18030' });
  });
  it('flags binary content', () => {
    expect(looksBinary('\u0000\u0001\u0002abc\u0003\u0004')).toBe(true);
    expect(looksBinary('第一节 全面深化户籍制度改革\n')).toBe(false);
  });
});

describe('readDocument', () => {
  it('decodes the GB18030 Nanhai fixture', async () => {
    const s = await readDocument(fixture('nanhai-urban-rural-integration-2023-2025.txt'));
    expect(s.encoding).toBe('gb18030');
    expect(s.script).toBe('simplified');
    expect(s.lines).toContain('　　牵头单位：佛山市自然资源局南海分局　责任单位：区农业农村局、区财政局，各镇（街道）');
  });
  it('detects the Traditional Xiangzhou fixture and keeps its lines verbatim', async () => {
    const s = await readDocument(fixture('xiangzhou-old-communities-2024-2026.txt'));
    expect(s.script).toBe('traditional');
    expect(s.lines[0]).toBe('珠海市香洲區人民政府關於印發珠海市香洲區老舊小區改造提升實施方案（2024—2026年）的通知');
  });
  it('turns HTML blocks into lines and table rows into tab-separated lines', async () => {
    const s = await readDocument(fixture('conghua-rural-revitalisation-belt-2024-2026.html'));
    expect(s.encoding).toBe('html');
    expect(s.lines).toContain('牵头责任单位：区农业农村局；协同责任单位：区水务局、区文化广电旅游体育局、温泉镇、良口镇');
    expect(s.lines).toContain('1\t流溪河碧道（温泉段）\t温泉镇\t3.5');
    expect(s.lines.some((l) => /DOCTYPE|<p>/i.test(l))).toBe(false);
  });
  it('reads .docx through mammoth with table rows kept whole', async () => {
    const s = await readDocument(format('plan-sample.docx'));
    expect(s.encoding).toBe('docx');
    expect(s.lines).toContain('（一）加快旧村全面改造。推进陈田村、萧岗村改造项目建设。');
    expect(s.lines).toContain('1\t加快旧村全面改造\t区住房城乡建设局\t区财政局、京溪街道');
  });
  it('extracts Chinese from a PDF with a non-embedded CID font through the packaged CMaps', async () => {
    const s = await readDocument(format('plan-sample.pdf'));
    expect(s.encoding).toBe('pdf');
    expect(s.lines).toContain('到2026年，全区完成城中村改造项目12个，新华街、');
    expect(s.lines).toContain('— 1 —');
    expect(s.lines).toContain('秀全街老旧小区改造全面完成。');
  });
  it('names the file and the problem for unreadable input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plangraph-read-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0, 4]));
    writeFileSync(join(dir, 'broken.pdf'), 'not a pdf at all');
    writeFileSync(join(dir, 'broken.docx'), 'PK but not really a zip');
    await expect(readDocument(join(dir, 'empty.txt'))).rejects.toThrow('empty.txt: file is empty');
    await expect(readDocument(join(dir, 'image.txt'))).rejects.toThrow(/image\.txt: binary content/);
    await expect(readDocument(join(dir, 'broken.pdf'))).rejects.toThrow(/broken\.pdf: not a PDF/);
    await expect(readDocument(join(dir, 'broken.docx'))).rejects.toThrow(/broken\.docx: cannot read docx/);
    await expect(readDocument(join(dir, 'missing.txt'))).rejects.toThrow('missing.txt: file not found');
    await expect(decodeDocument('plan.xls', Buffer.from('abc'))).rejects.toBeInstanceOf(DocumentError);
  });
});

describe('script', () => {
  it('simplifies Traditional text without changing its length', () => {
    const line = '部門分工：區住房和城鄉建設局牽頭，區財政局、區民政局配合。';
    const s = simplify(line);
    expect(s).toBe('部门分工：区住房和城乡建设局牵头，区财政局、区民政局配合。');
    expect(s.length).toBe(line.length);
  });
  it('tells Simplified from Traditional', () => {
    expect(detectScript(['第一章　總體要求', '推進水電氣管網改造。對拱北街道、吉大街道實施整體改造'])).toBe('traditional');
    expect(detectScript(['第一章 发展基础', '推动居住证制度扩面提质。加强广州、深圳、佛山、东莞等城市'])).toBe('simplified');
  });
});

describe('htmlToLines', () => {
  it('breaks on <br> and block elements, drops scripts', () => {
    expect(htmlToLines('<div>一、工作目标<br>到2026年，建成示范带5条。<script>x()</script></div><p>二、重点任务</p>')).toEqual([
      '一、工作目标',
      '到2026年，建成示范带5条。',
      '二、重点任务',
    ]);
  });
});

describe('htmlToSourceLines', () => {
  it('puts each block on the line of the .html file where its text starts, blank lines between', () => {
    const html = ['<html><body>', '<div class="nav"><a>首页</a> &gt; <a>政务公开</a></div>', '<p>一、工作目标</p>', '', '<p>&nbsp;&nbsp;到2026年，建成', '示范带5条。</p>', '<div class="footer">主办单位：东莞市人民政府办公室</div>', '</body></html>'].join('\n');
    expect(htmlToSourceLines(html)).toEqual(['', '', '一、工作目标', '', '到2026年，建成 示范带5条。']);
  });
  it('gives later blocks on one source line the next free line (minified pages)', () => {
    expect(htmlToSourceLines('<p>一、工作目标</p><p>二、重点任务</p>\n<p>三、保障措施</p>')).toEqual(['一、工作目标', '二、重点任务', '三、保障措施']);
  });
  it('leaves an empty cell under a rowspan so the columns stay aligned', () => {
    const html = '<table><tr><td>序号</td><td>类别</td><td>重点任务</td><td>牵头单位</td></tr>' +
      '<tr><td>1</td><td rowspan="2">推进转型</td><td>分行业推进数字化转型</td><td>市工业和信息化局</td></tr>' +
      '<tr><td>2</td><td>建设工业互联网平台体系</td><td>市工业和信息化局</td></tr></table>';
    expect(htmlToLines(html)).toEqual(['序号\t类别\t重点任务\t牵头单位', '1\t推进转型\t分行业推进数字化转型\t市工业和信息化局', '2\t\t建设工业互联网平台体系\t市工业和信息化局']);
  });
  it('reads a layout table (a cell holding the whole article) as blocks, not one row', () => {
    const body = '<p>一、重点任务</p><p>' + '推进城中村改造，完善公共服务设施。'.repeat(20) + '</p>';
    expect(htmlToLines(`<table><tr><td>${body}</td></tr></table>`)[0]).toBe('一、重点任务');
  });
});

describe('Big5', () => {
  it('reads Traditional Chinese saved as Big5 (GB18030 would give nonsense)', () => {
    const line = '牽頭單位：經濟發展局；配合單位：城市規劃和建設局、商事服務局。各工作機構要加強協調，確保方案目標任務全面落實到位。';
    expect(decodeText(iconv.encode(line, 'big5'))).toEqual({ text: line, encoding: 'big5' });
  });
});
