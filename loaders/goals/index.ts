/**
 * Goals: one Goal per indicator and target year from indicator tables, quantified goals stated
 * in prose, PART_OF Goal → Plan, and TARGETS Task → Goal where a task's own text states the
 * goal or names the indicator.
 */
import type { ExtractContext, Extractor, GraphFragment, GraphNode, GraphRelationship, Paragraph, TaskDraft } from '../model.ts';
import { simplify } from '../read/script.ts';
import { proseGoals } from './prose.ts';
import { findIndicatorTables, type IndicatorTable } from './tables.ts';
import { tableRowReadings, type RowReading } from './table-rows.ts';
import { compactName, sameCompactIndicator, squeeze } from './match.ts';
import { allTasks } from '../structure/tasks.ts';
import { clip, lineAt, verbatim, verbatimText } from '../text/provenance.ts';
import { goalId } from '../ids.ts';

export { findIndicatorTables } from './tables.ts';
export type { IndicatorTable } from './tables.ts';
export type { IndicatorRow } from './indicator.ts';
export { proseGoals } from './prose.ts';

interface GoalEntry {
  node: GraphNode;
  name: string;
  /** The name as compared with restatements (compactName). */
  compact: string;
  year: number;
  value: string;
  unit?: string;
  /** Table indicators are matched by name in task text; prose goals only where restated. */
  fromTable: boolean;
}

export const extractGoals: Extractor = (ctx: ExtractContext): GraphFragment => {
  const document = ctx.source.document;
  const goals = new Map<string, GoalEntry>();
  const relationships: GraphRelationship[] = [];
  const targets = new Set<string>();
  const tasks = allTasks(ctx.plan.tasks);
  const boxed = new Set(ctx.plan.tasks.flatMap(function inside(t: TaskDraft): TaskDraft[] {
    return t.kind === 'box' ? allTasks([t]) : t.children.flatMap(inside);
  }));
  const inBox = (t: TaskDraft) => boxed.has(t);

  const addTargets = (task: TaskDraft, goal: GoalEntry, line: number, quote: string) => {
    const start = ctx.taskId(task.ref);
    const key = `${start}>${goal.node.id}`;
    if (targets.has(key)) return;
    targets.add(key);
    relationships.push({ type: 'TARGETS', start, end: goal.node.id, properties: { document, line, quote: clip(quote) } });
  };

  // 1. Indicator tables, read from raw lines (matched on a Simplified copy, quoted verbatim).
  const lines = ctx.source.script === 'traditional' ? ctx.source.lines.map(simplify) : ctx.source.lines;
  // A news page holds several articles: each sees only the tables inside its own lines.
  const planFirst = ctx.plan.kind === 'news' ? ctx.plan.evidence.line : 1;
  const planLast = ctx.plan.kind === 'news' ? (ctx.plan.endLine ?? Infinity) : Infinity;
  const tables = findIndicatorTables(lines).filter((t) => t.line >= planFirst && t.line <= planLast);
  for (const table of tables) {
    for (const row of table.rows) {
      const quote = ctx.source.script === 'traditional' ? clip(ctx.source.lines[row.line - 1].trim()) : row.quote;
      for (const target of row.targets) {
        const id = goalId(ctx.planId, row.name, target.year);
        if (goals.has(id)) continue;
        const properties: GraphNode['properties'] = {
          id,
          name: row.name,
          indicator: row.indicator,
          targetYear: target.year,
          targetValue: target.value,
          document,
          line: row.line,
          quote,
        };
        if (row.unit) properties.unit = row.unit;
        if (row.baselineYear) properties.baselineYear = row.baselineYear;
        if (row.baselineValue) properties.baselineValue = row.baselineValue;
        if (row.attribute) properties.attribute = row.attribute;
        if (row.category) properties.category = row.category;
        if (row.serial) properties.serial = row.serial;
        if (table.caption) properties.table = table.caption;
        goals.set(id, { node: { id, labels: ['Goal'], properties }, name: row.name, compact: compactName(row.name), year: target.year, value: target.value, unit: row.unit, fromTable: true });
      }
    }
  }

  // 2. Prose: each quantified clause in a task's own text (or in loose text) states a goal;
  // a restatement of a goal already known (a table row, an earlier paragraph) is a TARGETS link.
  const minYear = ctx.plan.periodStart ?? 2021;
  const inTable = (p: Paragraph) => tables.some((t) => p.line >= t.line && p.line <= t.endLine);
  const owned: { task?: TaskDraft; paragraph: Paragraph }[] = [
    ...tasks.flatMap((task) => task.paragraphs.map((paragraph) => ({ task, paragraph }))),
    ...ctx.plan.looseParagraphs.map((paragraph) => ({ paragraph })),
  ].filter(({ paragraph }) => paragraph.kind !== 'footnote' && !inTable(paragraph));

  // An implementation plan (方案, 行动计划) sets its task text's targets for its own period.
  // So does an annual one (2019年工作要点, 2024年重点工作任务清单): its period is its year.
  const annual = ctx.plan.periodStart !== undefined && ctx.plan.periodStart === ctx.plan.periodEnd;
  const implementation = ctx.plan.kind === 'plan' && ctx.plan.periodEnd !== undefined && (annual || /方案|行动计划|工作计划|实施意见/.test(ctx.plan.title));
  const implicitYear = (task?: TaskDraft) =>
    implementation && task && !inBox(task) && !/现状|基础|成效|回顾|形势|背景|意义|指导思想|原则/.test(task.title) ? ctx.plan.periodEnd : undefined;
  // Table rows in any layout (one tab-joined paragraph each): only the cells that state work or a target.
  const rows = tableRowReadings(owned.map(({ paragraph }) => paragraph).sort((a, b) => a.line - b.line));
  /** A row's target year: its deadline's, else the task's implicit one, else an annual plan's year. */
  const rowYear = (task: TaskDraft | undefined, row: RowReading) => row.deadlineYear ?? implicitYear(task) ?? (annual ? ctx.plan.periodEnd : undefined);
  const addRowIndicator = (task: TaskDraft | undefined, paragraph: Paragraph, indicator: NonNullable<RowReading['indicator']>, year: number | undefined) => {
    if (year === undefined) return;
    const line = lineAt(paragraph, indicator.cell.offset);
    const quote = clip(verbatimText(paragraph).replace(/\t/g, ' '));
    const id = goalId(ctx.planId, indicator.name, year);
    let goal = goals.get(id);
    if (!goal) {
      const properties: GraphNode['properties'] = { id, name: indicator.name, indicator: indicator.name, targetYear: year, targetValue: indicator.value, document, line, quote };
      if (indicator.unit) properties.unit = indicator.unit;
      goal = { node: { id, labels: ['Goal'], properties }, name: indicator.name, compact: compactName(indicator.name), year, value: indicator.value, unit: indicator.unit, fromTable: true };
      goals.set(id, goal);
    }
    if (task) addTargets(task, goal, line, quote);
  };
  /** The texts of a paragraph read for goals: a table row's work cells (with the row's year), else the whole text. */
  const goalTexts = (task: TaskDraft | undefined, paragraph: Paragraph, row: RowReading | undefined): { text: string; offset: number; minYear: number; year?: number }[] => {
    if (!row) return [{ text: paragraph.text, offset: 0, minYear, year: implicitYear(task) }];
    const year = rowYear(task, row);
    return row.textCells.map((c) => ({ text: c.text, offset: c.offset, minYear: Math.min(minYear, year ?? minYear), year }));
  };
  for (const { task, paragraph } of owned) {
    const row = rows.get(paragraph);
    // An indicator table's row is a goal of its own, for its header's year (else the row's).
    if (row?.indicator) addRowIndicator(task, paragraph, row.indicator, row.indicator.year ?? rowYear(task, row));
    for (const piece of goalTexts(task, paragraph, row)) {
      for (const found of proseGoals(piece.text, piece.minYear, piece.year).map((g) => ({ ...g, offset: g.offset + piece.offset }))) {
        const line = lineAt(paragraph, found.offset);
        const quote = clauseQuote(paragraph, found.offset, found.quote);
        let goal: GoalEntry | undefined;
        const compact = compactName(found.name);
        for (const g of goals.values()) {
          if (g.year === found.targetYear && sameCompactIndicator(g.compact, compact, g.value === found.targetValue && g.unit === found.unit)) { goal = g; break; }
        }
        if (!goal) {
          const id = goalId(ctx.planId, found.name, found.targetYear);
          const properties: GraphNode['properties'] = { id, name: found.name, targetYear: found.targetYear, targetValue: found.targetValue, document, line, quote };
          if (found.unit) properties.unit = found.unit;
          if (found.aspiration) properties.aspiration = found.aspiration;
          goal = { node: { id, labels: ['Goal'], properties }, name: found.name, compact, year: found.targetYear, value: found.targetValue, unit: found.unit, fromTable: false };
          goals.set(id, goal);
        }
        if (task) addTargets(task, goal, line, quote);
      }
    }
  }

  // 3. A task whose own text names a table indicator serves it (both target years unless the
  // paragraph names one of them). Short names (< 5 chars) are too common to be a link.
  const boxesHoldingTables = new Set(tasks.filter((t) => t.kind === 'box' && tables.some((tb) => holds(t, tb))).map((t) => t.ref));
  const byIndicator = new Map<string, GoalEntry[]>();
  for (const g of goals.values()) {
    if (!g.fromTable) continue;
    const key = squeeze(g.name);
    if (key.length < 5 || /（.+）$/.test(g.name)) continue;
    byIndicator.set(key, [...(byIndicator.get(key) ?? []), g]);
  }
  const linked = new Set(relationships.map((r) => `${r.start}>${goals.get(r.end)?.name}`));
  const findKeys = byIndicator.size ? firstOccurrences([...byIndicator.keys()]) : undefined;
  for (const { task, paragraph } of owned) {
    if (!findKeys) break; // no indicator to look for
    if (!task || boxesHoldingTables.has(task.ref)) continue;
    const text = squeeze(paragraph.text);
    const found = findKeys(text);
    if (!found) continue;
    for (const [key, list] of byIndicator) {
      const at = found.get(key) ?? -1;
      if (at < 0) continue;
      // Already linked through a restated target; or the mention reports a value (达 97.66%,
      // 由 2.60 缩小到 2.50): a past result or a target the prose pass has read, not a new link.
      if (linked.has(`${ctx.taskId(task.ref)}>${list[0].name}`)) continue;
      if (/^.{0,4}?[\d由]/.test(text.slice(at + key.length))) continue;
      const years = list.filter((g) => text.includes(`${g.year}年`));
      for (const g of years.length ? years : list) {
        const offset = mapCompactOffset(paragraph.text, at);
        addTargets(task, g, lineAt(paragraph, offset), sentenceAround(paragraph, offset));
      }
    }
  }

  // 4. The goals section an indicator table sits in ("发展目标", "主要目标", "总体目标") sets those
  // indicators: it TARGETS every goal of the table, with the row as evidence. The box holding the
  // table is the list of goals itself, not a task serving them.
  for (const table of tables) {
    const section = goalsSectionOf(tasks, table);
    if (!section) continue;
    for (const g of goals.values()) {
      const p = g.node.properties;
      if (!g.fromTable || (p.line as number) < table.line || (p.line as number) > table.endLine) continue;
      addTargets(section, g, p.line as number, p.quote as string);
    }
  }

  const nodes = [...goals.values()].map((g) => g.node);
  for (const g of nodes) {
    relationships.push({
      type: 'PART_OF',
      start: g.id,
      end: ctx.planId,
      properties: { document, line: g.properties.line as number, quote: g.properties.quote as string },
    });
  }
  return { nodes, relationships };
};

/**
 * Where each of `keys` first occurs in a text (undefined when none does), in one pass over the text: a text is
 * searched for every indicator of the plan's tables, and most texts name none.
 */
function firstOccurrences(keys: string[]): (text: string) => Map<string, number> | undefined {
  const byFirst = new Map<number, string[]>();
  // A small filter on the first characters' low bits before the map (a false hit only costs the map lookup).
  const opens = new Uint8Array(1024);
  for (const k of keys) {
    const c = k.charCodeAt(0);
    opens[c & 1023] = 1;
    const list = byFirst.get(c);
    if (list) list.push(k);
    else byFirst.set(c, [k]);
  }
  return (text) => {
    let found: Map<string, number> | undefined;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (opens[c & 1023] === 0) continue;
      const list = byFirst.get(c);
      if (!list) continue;
      for (const k of list) {
        if (found?.has(k) || !text.startsWith(k, i)) continue;
        (found ??= new Map()).set(k, i);
      }
    }
    return found;
  };
}

/** The innermost task (not a box) whose lines hold the table, when its title says it sets goals. */
function goalsSectionOf(tasks: TaskDraft[], table: IndicatorTable): TaskDraft | undefined {
  let best: TaskDraft | undefined;
  for (const t of tasks) {
    if (t.kind === 'box' || t.endLine === undefined) continue;
    if (t.evidence.line > table.line || t.endLine < table.line) continue;
    if (!best || t.evidence.line >= best.evidence.line) best = t;
  }
  return best && /目标/.test(best.title) ? best : undefined;
}

/** A box holds a table when the table's caption or header sits among the box's first lines. */
function holds(box: TaskDraft, table: IndicatorTable): boolean {
  const first = box.evidence.line;
  if (box.endLine !== undefined) return table.line >= first && table.line <= box.endLine;
  const last = Math.max(first, ...box.paragraphs.map((p) => p.segments.at(-1)?.line ?? p.line));
  return table.line >= first && table.line <= Math.max(last, first + 3);
}

/** The verbatim text for a clause found in the Simplified copy (same offsets, same length). */
function clauseQuote(p: Paragraph, offset: number, clause: string): string {
  const at = p.text.indexOf(clause, offset);
  return clip(at >= 0 ? verbatim(p, at, at + clause.length) : clause);
}

function sentenceAround(p: Paragraph, offset: number): string {
  const source = verbatimText(p);
  const before = Math.max(source.lastIndexOf('。', offset - 1), source.lastIndexOf('；', offset - 1));
  const after = source.slice(before + 1).search(/[。；]/);
  return clip(source.slice(before + 1, after < 0 ? undefined : before + 1 + after + 1).trim());
}

/** Offset in `text` of the character at `compactOffset` once whitespace is removed. */
function mapCompactOffset(text: string, compactOffset: number): number {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) continue;
    if (seen === compactOffset) return i;
    seen++;
  }
  return 0;
}
