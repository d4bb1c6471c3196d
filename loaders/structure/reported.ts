/**
 * A report of a division of work ("推进产业园区扩能增效由省经济和信息化委牵头，省发展改革委、省科技厅配合；…")
 * states tasks the way a plan's annex does, only in sentences (or in a table it reprints). In a news article,
 * each clause that assigns a task with 由…牵头/负责 or X牵头，Y配合 is a task of the article, titled by the
 * words before the assignment; each row of a reprinted allocation table is one too.
 */
import type { Paragraph, TaskDraft } from '../model.ts';
import { headerKind, isHeaderRow } from '../normalise/tables/index.ts';
import { slice } from './enumeration.ts';
import { shortQuote, verbatimText } from '../text/provenance.ts';

/** A clause assigning a task: 由X牵头/负责, X牵头，Y配合/参与, X负责. */
const ASSIGNS = /由[^，。；;]{2,60}?(?:牵头|负责)|[^，。；;]{2,40}?牵头[，,][^。；;]{2,80}?(?:配合|参与|协助|协同|按职责分工负责)/u;
/** Words that open a reported clause without naming the task: 在…方面，会议要求，根据分工方案，. */
const OPENER = /^(?:在[^，,]{2,16}方面|会议(?:要求|明确|强调|指出)|方案(?:明确|要求|提出)|根据[^，,]{2,20}|其中|同时|此外|另外|今年|同时要)[，,：:]?/u;

export interface Reported {
  tasks: TaskDraft[];
  loose: Paragraph[];
}

export function reportedTasks(paragraphs: Paragraph[], document: string): Reported {
  const tasks: TaskDraft[] = [];
  const loose: Paragraph[] = [];
  let n = 0;
  let taskColumn = -1;
  for (const p of paragraphs) {
    if (p.kind === 'table-cell') {
      const cells = p.text.split('\t').map((c) => c.trim());
      if (isHeaderRow(cells)) {
        taskColumn = cells.findIndex((c) => headerKind(c) === 'task');
        loose.push(p);
        continue;
      }
      const title = taskColumn >= 0 ? cells[taskColumn] : '';
      if (title) {
        const at = p.text.indexOf(title);
        tasks.push(draft(`任务${++n}`, p.original.slice(at, at + title.length), p, document));
        continue;
      }
      loose.push(p);
      continue;
    }
    taskColumn = -1;
    if (p.kind !== 'body' || !ASSIGNS.test(p.text)) {
      loose.push(p);
      continue;
    }
    // Sentences and ；-clauses: each that assigns is a task; the rest stays loose text.
    let from = 0;
    const ends = [...p.text.matchAll(/[。；;！!？?]/gu)].map((m) => m.index! + 1);
    if (ends[ends.length - 1] !== p.text.length) ends.push(p.text.length);
    for (const to of ends) {
      const clause = p.text.slice(from, to);
      if (ASSIGNS.test(clause)) {
        const part = slice(p, from, to);
        tasks.push(draft(`任务${++n}`, titleOf(part), part, document));
      } else if (clause.trim()) loose.push(slice(p, from, to));
      from = to;
    }
  }
  return { tasks, loose };
}

/** The words naming the task: the clause before 由 or before the body that 牵头 (opener words cut). */
function titleOf(p: Paragraph): string {
  const source = verbatimText(p);
  const t = p.text;
  let start = OPENER.exec(t)?.[0].length ?? 0;
  const rest = t.slice(start);
  const by = rest.search(/由/u);
  const comma = rest.search(/[，,]/u);
  let end = by > 1 ? by : comma > 1 ? comma : Math.min(rest.length, 40);
  // "推进X，由Y负责": the words before the comma.
  if (comma > 1 && comma < end) end = comma;
  while (start < t.length && /[\s\u3000]/u.test(t[start])) start++;
  return source.slice(start, start + end).replace(/[，,。；;\s]+$/u, '').slice(0, 60);
}

function draft(ref: string, title: string, p: Paragraph, document: string): TaskDraft {
  return {
    kind: 'leadPhrase',
    ref,
    title,
    text: p.original,
    paragraphs: [p],
    evidence: { document, line: p.line, quote: shortQuote(p.original) },
    children: [],
    endLine: p.segments[p.segments.length - 1]?.line ?? p.line,
  };
}
