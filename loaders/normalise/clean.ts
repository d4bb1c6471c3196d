/**
 * Per-line cleaning that keeps the verbatim line and its Simplified copy aligned character for
 * character: markup (markdown `**`, `#`, bullets), inline footnote markers (^②) and edge blanks
 * are cut at the same positions from both.
 */
import { INLINE_MARKER, isBlank } from './patterns.ts';

export interface CleanLine {
  /** Verbatim text minus markup. */
  original: string;
  /** Simplified copy, same length as `original`. */
  text: string;
  /** Footnote marker cut from the start of a footnote line, if any. */
  marker?: string;
  /** The line was a markdown heading ("## 标题"): a paragraph of its own. */
  markdownHeading: boolean;
}

/** A markdown/pipe table row "| 1 | 推进完整社区建设 | 市住房城乡建设局 |" (separator rows are not content). */
export const PIPE_ROW = /^[\s\u3000]*\|.*\|.*\|[\s\u3000]*$/u;
export const PIPE_SEPARATOR = /^[\s\u3000]*\|?(?:[\s\u3000]*:?-{2,}:?[\s\u3000]*\|)+(?:[\s\u3000]*:?-{2,}:?[\s\u3000]*)?$/u;

/** Blanks, a markdown heading's hashes or a bullet at a line's start: cut. */
const LEAD = /^[\s\u3000\u00a0]*(?:#{1,6}[ \t]+|[•·▪●◆■][ \t\u3000]*)?[\s\u3000\u00a0]*/u;
/** What cleaning may cut inside a line: form feeds, ** and ^ note markers. */
const INNER_MARKUP = /[\f*^]/;

/**
 * Cleans one line. A pipe-table row loses its outer pipes and its matching text gets tabs between
 * cells (like HTML/Word rows); `original` keeps the inner pipes, so quotes show the row as written.
 */
export function cleanLine(original: string, simplified: string, footnoteMarker?: RegExp, pipeRow = false): CleanLine {
  // Most lines hold no markup inside (no form feed, **, ^ marker): only their edges are cut, so one slice does.
  if (!footnoteMarker && !pipeRow && original.length === simplified.length && !INNER_MARKUP.test(simplified)) {
    const lead = LEAD.exec(simplified)![0];
    let end = simplified.length;
    while (end > lead.length && isBlank(simplified.charCodeAt(end - 1))) end--;
    let start = lead.length;
    while (start < end && isBlank(simplified.charCodeAt(start))) start++;
    const whole = start === 0 && end === simplified.length;
    return {
      original: whole ? original : original.slice(start, end),
      text: whole ? simplified : simplified.slice(start, end),
      marker: undefined,
      markdownHeading: /#{1,6}[ \t]/.test(lead),
    };
  }
  const cut: boolean[] = new Array(original.length).fill(false);
  const cutMatches = (re: RegExp) => {
    re.lastIndex = 0;
    for (const m of simplified.matchAll(re)) for (let i = m.index!; i < m.index! + m[0].length; i++) cut[i] = true;
  };
  cutMatches(/\f/g);
  cutMatches(/\*\*/g);
  const lead = LEAD.exec(simplified)!;
  const markdownHeading = /#{1,6}[ \t]/.test(lead[0]);
  for (let i = 0; i < lead[0].length; i++) cut[i] = true;
  let marker: string | undefined;
  if (footnoteMarker) {
    const rest = keep(simplified, cut);
    const m = footnoteMarker.exec(rest.text);
    if (m) {
      marker = m[1].replace(/^\^/, '').replace(/[[\]]/g, '');
      // cut the first m[0].length kept characters
      let n = m[0].length;
      for (let i = 0; i < cut.length && n > 0; i++) if (!cut[i]) { cut[i] = true; n--; }
    }
  }
  // Inline note markers last, so a footnote line's own leading marker was read first.
  cutMatches(INLINE_MARKER);
  if (pipeRow) {
    const first = simplified.indexOf('|');
    const last = simplified.lastIndexOf('|');
    cut[first] = true;
    cut[last] = true;
  }
  for (let i = original.length - 1; i >= 0 && (cut[i] || /[\s\u3000\u00a0]/u.test(simplified[i])); i--) cut[i] = true;
  for (let i = 0; i < original.length && (cut[i] || /[\s\u3000\u00a0]/u.test(simplified[i])); i++) cut[i] = true;
  const a = keep(original, cut);
  const b = keep(simplified, cut);
  const text = pipeRow ? b.text.replace(/\|/g, '\t') : b.text;
  return { original: a.text, text, marker, markdownHeading };
}

function keep(s: string, cut: boolean[]): { text: string } {
  // Whole runs of kept characters are sliced at once: appending one character at a time made
  // a string per character of every line.
  let out = '';
  let from = -1;
  for (let i = 0; i < s.length; i++) {
    if (!cut[i]) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      out += s.slice(from, i);
      from = -1;
    }
  }
  if (from >= 0) out += from === 0 ? s : s.slice(from);
  return { text: out };
}
