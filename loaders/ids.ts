/**
 * Node ids (docs/architecture.md): stable, so the same input gives the same ids on any machine,
 * in any order. Built only from the document's file name and what its text says.
 */

/** File name without its extension: "huadu-14th-five-year-plan.txt" → "huadu-14th-five-year-plan". */
export function documentStem(document: string): string {
  return document.replace(/\.[^./\\]+$/, '');
}

/** `plan:<doc>`; a news page's articles `plan:<doc>#<n>` (n from 1 in reading order). */
export function planId(document: string, article?: number): string {
  return article === undefined ? planIdOfStem(documentStem(document)) : `${planIdOfStem(documentStem(document))}#${article}`;
}

/** `plan:<stem>` for a document stem as given (a user typing the document's name without its extension). */
export function planIdOfStem(stem: string): string {
  return `plan:${stem}`;
}

/** `<planId>/<ref>`, e.g. `plan:huadu-14th-five-year-plan/第二章第一节一`. */
export function taskId(plan: string, ref: string): string {
  return `${plan}/${ref}`;
}

/** `<planId>/goal/<name>@<targetYear>`, `@-` without a year. */
export function goalId(plan: string, name: string, targetYear?: number): string {
  return `${plan}/goal/${name}@${targetYear ?? '-'}`;
}

/** `dept:<canonical full name>`. */
export function departmentId(canonicalName: string): string {
  return `dept:${canonicalName}`;
}

/**
 * `dept:?<document>/<name>`: a body written relative to a division the document does not name (区财政局 in a
 * plan whose district is unknown). Each document's is its own: two plans' 区财政局 are different bodies.
 */
export function unresolvedDepartmentId(document: string, name: string): string {
  return `dept:?${document}/${name}`;
}

/**
 * An NBS code (2/4/6/9/12 digits) trimmed of its trailing zero groups, as ids and the gazetteer
 * keep it: 440114000000 → 440114, 440100 → 4401. Anything that is not a code is returned trimmed.
 */
export function trimDivisionCode(code: string): string {
  let c = code.trim();
  if (!/^\d+$/.test(c)) return c;
  // 2-2-2-3-3 digit groups: village, town (3 digits each), then district, city (2 each).
  if (c.length === 12 && c.endsWith('000')) c = c.slice(0, 9);
  if (c.length === 9 && c.endsWith('000')) c = c.slice(0, 6);
  if (c.length === 6 && c.endsWith('00')) c = c.slice(0, 4);
  if (c.length === 4 && c.endsWith('00')) c = c.slice(0, 2);
  return c;
}

/** `div:<code>` with trailing zero groups trimmed (440114000000 → 440114). */
export function divisionId(code: string): string {
  return `div:${trimDivisionCode(code.replace(/\D/g, ''))}`;
}

/** `zone:<name>`. */
export function zoneId(name: string): string {
  return `zone:${name}`;
}

/** `project:<name with spaces/punctuation removed>`. */
export function projectId(name: string): string {
  return `project:${name.replace(/[\s\p{P}\p{S}]/gu, '')}`;
}
