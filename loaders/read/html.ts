/**
 * HTML → lines: every block element starts a new line, the cells of a table row are joined by a
 * tab (so a task-allocation table stays one row per line; a cell merged down from the row above,
 * rowspan, leaves an empty cell so the columns stay aligned), scripts/styles/head and site
 * furniture (nav bars, breadcrumbs, share/print tools, footers) are dropped.
 *
 * Lines of an .html file are placed at the source line where their text starts, so `line` is the
 * line a user sees in the file (view-source, an editor). Where a page puts several blocks on one
 * source line (minified markup), each later block takes the next free line: numbers stay in
 * reading order and never fall before the true line.
 */
import { parse, NodeType, type HTMLElement, type Node } from 'node-html-parser';

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'blockquote', 'pre', 'figure',
  'figcaption', 'center', 'form', 'fieldset', 'address', 'hr', 'caption',
]);
const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg', 'iframe', 'object', 'nav', 'select', 'button']);
/** class/id words of government-site furniture around the document text. */
const CHROME = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|position|location|footer|foot|share|toolbar|tools|related|xgwj|xglj|copyright|sidebar|topbar|skip)(?:$|[\s_-])/i;

/** A line of text and the offset in the HTML where its first character is. */
export interface HtmlBlock {
  text: string;
  offset: number;
}

export function htmlBlocks(html: string): HtmlBlock[] {
  // Doctype and comments are not content; blanked (not cut) so offsets keep pointing at the source.
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  html = html.replace(/<!doctype[^>]*>/gi, blank).replace(/<!--[\s\S]*?-->/g, blank);
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  const blocks: HtmlBlock[] = [];
  let current = '';
  let start = -1;
  const flush = () => {
    const line = current.replace(/[ \t\u00a0]+$/u, '').replace(/^[ \u00a0]+/u, '').replace(/ {2,}/g, ' ');
    if (line.trim() !== '') blocks.push({ text: line, offset: start });
    current = '';
    start = -1;
  };
  const addText = (node: Node) => {
    const raw = (node as unknown as { rawText: string }).rawText;
    const text = (node as unknown as { text: string }).text.replace(/[\r\n\t ]+/g, ' ');
    if (start < 0 && text.trim() !== '') start = node.range[0] + (raw.length - raw.replace(/^\s+/, '').length);
    current += text;
  };
  const walk = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) return addText(node);
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const el = node as HTMLElement;
    const tag = el.rawTagName?.toLowerCase() ?? '';
    if (SKIP.has(tag) || isChrome(el)) return;
    if (tag === 'br') return flush();
    if (tag === 'table' && !isLayoutTable(el)) {
      flush();
      for (const row of tableRows(el)) blocks.push(row);
      return;
    }
    const block = BLOCK.has(tag) || tag === 'td' || tag === 'th';
    if (block) flush();
    for (const child of el.childNodes) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks;
}

/** Lines in reading order, one per block (Word documents: the n-th paragraph or table row). */
export function htmlToLines(html: string): string[] {
  return htmlBlocks(html).map((b) => b.text);
}

/** Lines placed at the source line of the HTML file where each block's text starts (blank between). */
export function htmlToSourceLines(html: string): string[] {
  const startOfLine: number[] = [0];
  for (let i = 0; i < html.length; i++) if (html.charCodeAt(i) === 10) startOfLine.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = startOfLine.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (startOfLine[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo; // 0-based
  };
  const lines: string[] = [];
  for (const b of htmlBlocks(html)) {
    const at = Math.max(lineOf(Math.max(0, b.offset)), lines.length);
    while (lines.length < at) lines.push('');
    lines.push(b.text);
  }
  return lines;
}

function isChrome(el: HTMLElement): boolean {
  const tag = el.rawTagName?.toLowerCase();
  if (tag === 'footer') return true;
  if (tag === 'html' || tag === 'body' || tag === 'main' || tag === 'article') return false;
  const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return words.trim() !== '' && CHROME.test(words);
}

/** A table used for page layout (a cell holding a whole article or another table), not data. */
function isLayoutTable(table: HTMLElement): boolean {
  for (const cell of table.querySelectorAll('td, th')) {
    if (cell.querySelector('table')) return true;
    if (cell.text.replace(/\s+/g, '').length > 300) return true;
  }
  return false;
}

/** Rows of a data table as tab-joined cells; a cell spanning rows below leaves those rows an empty cell there. */
function tableRows(table: HTMLElement): HtmlBlock[] {
  const out: HtmlBlock[] = [];
  /** Rows still covered by a rowspan, per column. */
  const covered: number[] = [];
  for (const tr of table.querySelectorAll('tr')) {
    // Rows of nested tables belong to their own table (layout tables are walked as blocks instead).
    if (tr.closest('table') !== table) continue;
    const cells: string[] = [];
    let start = -1;
    let col = 0;
    const skipCovered = () => {
      while ((covered[col] ?? 0) > 0) {
        covered[col]--;
        cells.push('');
        col++;
      }
    };
    for (const cell of tr.childNodes) {
      if (cell.nodeType !== NodeType.ELEMENT_NODE) continue;
      const el = cell as HTMLElement;
      const tag = el.rawTagName?.toLowerCase();
      if (tag !== 'td' && tag !== 'th') continue;
      skipCovered();
      const { text, offset } = cellText(el);
      if (start < 0 && offset >= 0) start = offset;
      const span = Math.max(1, Number(el.getAttribute('colspan')) || 1);
      const down = Math.max(1, Number(el.getAttribute('rowspan')) || 1);
      cells.push(text);
      for (let k = 0; k < span; k++) {
        if (k > 0) cells.push('');
        if (down > 1) covered[col + k] = down - 1;
      }
      col += span;
    }
    skipCovered();
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    if (cells.some((c) => c !== '')) out.push({ text: cells.join('\t'), offset: start >= 0 ? start : tr.range[0] });
  }
  return out;
}

/** A cell's text on one line (its paragraphs and <br>s joined by a blank), and where it starts. */
function cellText(cell: HTMLElement): { text: string; offset: number } {
  let text = '';
  let offset = -1;
  const walk = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      const raw = (node as unknown as { rawText: string }).rawText;
      const t = (node as unknown as { text: string }).text.replace(/[\r\n\t ]+/g, ' ');
      if (offset < 0 && t.trim() !== '') offset = node.range[0] + (raw.length - raw.replace(/^\s+/, '').length);
      text += t;
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const el = node as HTMLElement;
    const tag = el.rawTagName?.toLowerCase() ?? '';
    if (SKIP.has(tag)) return;
    if (tag === 'br' || BLOCK.has(tag)) text += ' ';
    for (const child of el.childNodes) walk(child);
    if (BLOCK.has(tag)) text += ' ';
  };
  walk(cell);
  return { text: text.replace(/[\s\u00a0]+/gu, ' ').trim(), offset };
}
