/**
 * Project tables: "序号 | 项目名称 | 建设地点 | 总投资（亿元）" rows (tab-separated cells, as the
 * reader renders HTML/DOCX tables and as tab-separated text arrives). The header says which
 * column is the name, the place and the investment, and the investment's unit.
 */
import type { Paragraph } from '../model.ts';
import { squeeze } from './items.ts';

export interface TableProject {
  name: string;
  place?: string;
  investment?: string;
  category?: string;
  paragraph: Paragraph;
  /** Offset of the name cell in the paragraph text. */
  offset: number;
}

interface Columns { name: number; place: number; investment: number; category: number; unit: string }

function header(cells: string[]): Columns | undefined {
  const c = cells.map((x) => squeeze(x));
  const name = c.findIndex((x) => /^(项目名称|项目|名称|工程名称|项目名)$/.test(x));
  if (name < 0) return undefined;
  const investment = c.findIndex((x) => /投资/.test(x));
  const unit = investment >= 0 ? (/[（(]([^）)]+)[）)]/.exec(c[investment])?.[1] ?? '') : '';
  return {
    name,
    place: c.findIndex((x) => /建设地点|地点|位置|所在|实施地点|选址/.test(x)),
    investment,
    category: c.findIndex((x) => /类别|类型|领域/.test(x)),
    unit,
  };
}

/** Projects in the tab-separated table rows among `paragraphs` (rows follow their header). */
export function tableProjects(paragraphs: Paragraph[]): TableProject[] {
  const out: TableProject[] = [];
  let cols: Columns | undefined;
  for (const p of paragraphs) {
    if (!p.text.includes('\t')) { cols = undefined; continue; }
    const cells = p.text.split('\t');
    const h = header(cells);
    if (h) { cols = h; continue; }
    if (!cols) continue;
    const name = squeeze(cells[cols.name] ?? '');
    if (name.length < 2) continue;
    const cell = (i: number) => (i >= 0 ? squeeze(cells[i] ?? '') : '');
    const amount = cell(cols.investment);
    out.push({
      name,
      place: cell(cols.place) || undefined,
      investment: amount && /\d/.test(amount) ? (/[元亿]/.test(amount) ? amount : amount + cols.unit) : undefined,
      category: cell(cols.category) || undefined,
      paragraph: p,
      offset: cells.slice(0, cols.name).reduce((n, x) => n + x.length + 1, 0),
    });
  }
  return out;
}
