/**
 * A government page's information rows (发布机构, 文号, 索引号, 统一社会信用代码 …) and issuers
 * named by level only (区府办).
 */
import type { Paragraph } from '../../model.ts';
import { clue, DATE_LINE, ORG_SUFFIX, SPACES, type Clue } from './clues.ts';
import { divisionOfCode } from './credit-code.ts';
import { readDocNumber } from './doc-number.ts';
import { leadingDivision } from './leading.ts';

const LABELS = ['索引号', '统一社会信用代码', '信用代码', '发布机构', '发布机关', '发文机关', '发文机构', '发文单位', '发布单位', '印发单位', '制发机关', '来源', '信息来源', '文章来源', '文号', '发文字号', '发文文号', '文件编号', '文件字号'];
/** Labels as pages space them out ("文  号"); longest first so 信息来源 is not read as 来源. */
const ROW_LABELS = [...LABELS].sort((a, b) => b.length - a.length).map((l) => [...l].join('[ \\u3000]*')).join('|');
const labelOf = (written: string) => written.replace(/[ \u3000]/gu, '');
const ROW = new RegExp(`(${ROW_LABELS})[\\s\\u3000]*[：:][\\s\\u3000]*([^\\s\\u3000：:|｜]*(?:[（(][^）)]{1,12}[）)])?)`, 'gu');
const LABEL_ALONE = new RegExp(`^(?:[•·\\-*]\\s*)?(${ROW_LABELS})[\\s\\u3000]*[：:]?$`, 'u');

/**
 * A government page's information rows: 发布机构 / 来源 name the body, 文号 the number, 索引号
 * often the issuer's credit code; several rows may share a line, or a label may stand on its
 * own line with its value on the next. Breadcrumbs (首页 > …) are navigation, never evidence.
 */
export function metadataRowClues(window: Paragraph[]): Clue[] {
  const out: Clue[] = [];
  for (let i = 0; i < window.length; i++) {
    const p = window[i];
    if (p.text.length > 200 || /[>›»]|当前位置|所在位置/u.test(p.text)) continue;
    const rows: [string, string][] = [];
    const alone = LABEL_ALONE.exec(p.text.trim());
    if (p.text.includes('\t')) {
      // A table row (tab-separated, Markdown pipes): a label cell, then its value cell.
      const cells = p.text.split('\t').map((c) => c.trim());
      cells.forEach((c, k) => {
        const label = LABEL_ALONE.exec(c)?.[1];
        if (label && cells[k + 1]) rows.push([labelOf(label), cells[k + 1]]);
      });
      if (rows.length) {
        for (const [label, value] of rows) {
          const c = rowClue(label, value, p);
          if (c) out.push(c);
        }
        continue;
      }
    }
    if (alone && window[i + 1]) rows.push([labelOf(alone[1]), window[i + 1].text.trim()]);
    else if (p.text.includes('：') || p.text.includes(':')) {
      for (const m of p.text.matchAll(ROW)) {
        // Rows may run together when a copy lost its line breaks, but 数据来源 in a table note is no row.
        const label = labelOf(m[1]);
        if (label === '来源' && m.index! > 0 && /[\p{Script=Han}]/u.test(p.text[m.index! - 1])) continue;
        rows.push([label, m[2]]);
      }
    }
    for (const [label, value] of rows) {
      const c = rowClue(label, value, alone ? window[i + 1] : p);
      if (c) out.push(c);
    }
  }
  return out;
}

function rowClue(label: string, value: string, p: Paragraph): Clue | undefined {
  if (!value) return undefined;
  if (label === '索引号' || label.endsWith('信用代码')) {
    const code = divisionOfCode(value);
    return code ? clue('creditCode', [code.division], p) : undefined;
  }
  if (/号$/u.test(label)) {
    const n = readDocNumber(value.replace(SPACES, ''));
    return n ? clue('docNumber', n.options, p) : undefined;
  }
  const body = value.replace(/[（(][^）)]*[）)]$/u, '');
  const at = leadingDivision(body);
  if (!at) return undefined;
  const named = new RegExp(`${ORG_SUFFIX}$`, 'u').test(body);
  // "来源：广州日报" is a paper, not an issuer: only a body's name counts in full.
  return named || label !== '来源' ? clue('metadataRow', at.options, p, named ? body : undefined) : undefined;
}


/** "区府办", "市政府办公室": a government office named by level only. */
const RELATIVE_OFFICE = /^([省市区县])(?:人民政府办公厅|人民政府办公室|政府办公厅|政府办公室|政府办|府办|人民政府|政府)$/u;

/**
 * An issuer named relative to the plan's own division: a signature or 发布机构 row "区府办",
 * "市政府办公室". It stays as written: the bodies resolver names it in full against the
 * jurisdiction (区府办 in a 花都区 plan is 广州市花都区人民政府办公室), as it does every relative name.
 */
export function relativeIssuer(window: Paragraph[]): { level: string; surface: string } | undefined {
  for (let i = 0; i < window.length; i++) {
    const t = window[i].text.trim();
    const row = /^(?:发布机构|发文机关|发文机构|发文单位|发布单位)[\s\u3000]*[：:]?[\s\u3000]*(\S{2,8})$/u.exec(t)?.[1];
    const signed = !row && t.length <= 8 && window[i + 1] && DATE_LINE.test(window[i + 1].text.trim()) ? t : undefined;
    const alone = !row && LABEL_ALONE.test(t) && window[i + 1] ? window[i + 1].text.trim() : undefined;
    const m = RELATIVE_OFFICE.exec(row ?? signed ?? alone ?? '');
    if (m) return { level: m[1], surface: m[0] };
  }
  return undefined;
}

const ADDRESSEE = /([省市区县])(?:政府|人民政府|府|直)(?:各|有关|直属)/u;

/** The level an addressee line speaks from: "区政府各部门" (a district's), "市直各单位" (a city's). */
export function addresseeLevel(head: Paragraph[]): string | undefined {
  for (const p of head) {
    if (p.text.length > 120 || !/[：:]$/u.test(p.text.trim())) continue;
    const m = ADDRESSEE.exec(p.text);
    if (m) return m[1];
  }
  return undefined;
}
