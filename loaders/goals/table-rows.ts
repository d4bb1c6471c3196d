/**
 * Goals in the rows of the tables normalise gives as one tab-joined paragraph per row (allocation tables and
 * small indicator tables, in any layout: space-aligned, box-drawn, Markdown, HTML, Word). The header decides what
 * each column is, so only the cells that state work or a target are read for goals, never the bodies or the dates:
 *   序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限    the task cell is read like task prose, its target year the
 *                                                    deadline's year (2024年12月 → 2024) when it states none;
 *   指标名称 | 2023年目标值 | 责任单位               each row is one goal: the indicator (its unit in brackets),
 *                                                    the value as printed, the header's year.
 * The raw-line indicator readers (tables.ts) keep the layouts they know (tab-separated 表2-1, scattered cells).
 */
import type { Paragraph } from '../model.ts';
import { headerKey, headerKind, isHeaderRow } from '../normalise/tables/index.ts';
import { isNoValue, joinPieces } from './indicator.ts';

export interface RowCell {
  text: string;
  /** Offset of the cell in the paragraph text. */
  offset: number;
}

/** What one table row holds for goals. */
export interface RowReading {
  /** Cells stating the row's work (the task column), read like prose. */
  textCells: RowCell[];
  /** The year of the row's deadline cell (完成时限 2024年12月 → 2024). */
  deadlineYear?: number;
  /** An indicator row: name, unit (from its bracket), value as printed, the target year its header names. */
  indicator?: { name: string; unit?: string; value: string; year?: number; cell: RowCell };
}

type Column = 'serial' | 'task' | 'role' | 'deadline' | 'indicator' | 'target' | 'other';

interface Header {
  columns: Column[];
  /** The year a target column's header names (2023年目标值). */
  targetYear?: number;
}

const DEADLINE = /时限|时间|进度|年份|日期/u;
const INDICATOR = /^(?:主要)?指标(?:名称)?$/u;
/** A target column: 目标值, 2020年目标, 预期目标, 2025年 (a year alone). */
const TARGET = /^(?:(?:19|20)\d\d年?)?(?:目标值?|预期目标|预期值|目标任务)$|^(?:19|20)\d\d年?$/u;
const YEAR = /((?:19|20)\d\d)\s*年/u;

function columnOf(cell: string): Column {
  const key = headerKey(cell);
  if (INDICATOR.test(key)) return 'indicator';
  if (TARGET.test(key)) return 'target';
  const kind = headerKind(cell);
  if (kind === 'serial' || kind === 'role' || kind === 'task') return kind;
  if (DEADLINE.test(key)) return 'deadline';
  return kind === 'other' ? 'other' : 'task';
}

/** Cells of a tab-joined row with their offsets. */
function cellsOf(text: string): RowCell[] {
  const out: RowCell[] = [];
  let from = 0;
  for (const part of text.split('\t')) {
    const lead = part.length - part.trimStart().length;
    out.push({ text: part.trim(), offset: from + lead });
    from += part.length + 1;
  }
  return out;
}

/** "海水养殖产量（万吨）" → name 海水养殖产量, unit 万吨. */
function splitUnit(cell: string): { name: string; unit?: string } {
  const m = /^(.+?)[（(]([^（()）]{1,8})[）)]$/u.exec(cell);
  return m ? { name: m[1].trim(), unit: m[2] } : { name: cell };
}

/**
 * The rows of every table among `paragraphs` (in reading order), with what their header says of each cell.
 * A header row starts a table; a paragraph that is no table row ends it.
 */
export function tableRowReadings(paragraphs: Paragraph[]): Map<Paragraph, RowReading> {
  const out = new Map<Paragraph, RowReading>();
  let header: Header | undefined;
  for (const p of paragraphs) {
    if (p.kind !== 'table-cell' || !p.text.includes('\t')) {
      // A row spanning the table ("一、主要指标") is one cell: the table goes on below it.
      if (!(p.kind === 'table-cell' && p.text.length <= 40)) header = undefined;
      continue;
    }
    const cells = cellsOf(p.text);
    if (isHeaderRow(cells.map((c) => c.text))) {
      const columns = cells.map((c) => columnOf(c.text));
      const target = cells.find((_, i) => columns[i] === 'target');
      // A target header names at most its year (TARGET): 2023年目标值, 2025.
      const year = target && /(?:19|20)\d\d/u.exec(target.text.replace(/\s+/gu, ''));
      header = { columns, targetYear: year ? Number(year[0]) : undefined };
      continue;
    }
    if (!header || cells.every((c) => /^[-:\s]*$/u.test(c.text))) continue;
    const reading: RowReading = { textCells: [] };
    let indicatorCell: RowCell | undefined;
    let targetCell: RowCell | undefined;
    cells.forEach((cell, i) => {
      const column = header!.columns[i];
      if (!cell.text || column === undefined) return;
      if (column === 'task') reading.textCells.push(cell);
      else if (column === 'deadline') {
        const y = YEAR.exec(cell.text);
        if (y) reading.deadlineYear = Number(y[1]);
      } else if (column === 'indicator') indicatorCell = cell;
      else if (column === 'target') targetCell = cell;
    });
    if (indicatorCell && targetCell) {
      const value = joinPieces([targetCell.text]);
      if (/\d/u.test(value) && !isNoValue(value)) {
        const { name, unit } = splitUnit(joinPieces([indicatorCell.text]));
        reading.indicator = { name, unit, value, year: header.targetYear, cell: indicatorCell };
      }
    } else if (targetCell) reading.textCells.push(targetCell);
    out.set(p, reading);
  }
  return out;
}
