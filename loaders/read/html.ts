/**
 * HTML → lines: every block element starts a new line, table cells of a row are joined by a tab
 * (so a task-allocation table stays one row per line), scripts/styles/head are dropped.
 */
import { parse, NodeType, type HTMLElement, type Node } from 'node-html-parser';

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'blockquote', 'pre', 'figure',
  'figcaption', 'center', 'form', 'fieldset', 'address', 'hr', 'caption',
]);
const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg', 'iframe', 'object']);

export function htmlToLines(html: string): string[] {
  // Doctype and comments are not content (the parser would surface a doctype as text).
  html = html.replace(/<!doctype[^>]*>/gi, '').replace(/<!--[\s\S]*?-->/g, '');
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/[ \t\u00a0]+$/u, '').replace(/^[ \u00a0]+/u, '');
    if (line.trim() !== '') lines.push(line);
    current = '';
  };
  const walk = (node: Node, inCell: boolean) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      const text = (node as unknown as { text: string }).text.replace(/[\r\n\t ]+/g, ' ');
      current += text;
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const el = node as HTMLElement;
    const tag = el.rawTagName?.toLowerCase() ?? '';
    if (SKIP.has(tag)) return;
    if (tag === 'br') {
      if (inCell) current += ' ';
      else flush();
      return;
    }
    if (tag === 'td' || tag === 'th') {
      if (current !== '' && !current.endsWith('\t')) current += '\t';
      for (const child of el.childNodes) walk(child, true);
      current = current.replace(/ +$/, '') + '\t';
      return;
    }
    const block = BLOCK.has(tag) && !inCell;
    if (block) flush();
    for (const child of el.childNodes) walk(child, inCell);
    if (tag === 'tr') current = current.replace(/\t+$/, '');
    if (block) flush();
  };
  walk(root, false);
  flush();
  return lines.map((l) => l.replace(/ {2,}/g, ' '));
}
