/**
 * The issuer's unified social credit code (统一社会信用代码, 18 characters: 11440114007xxxxxxx),
 * whose characters 3–8 are the division code where the body is registered (440114 = 花都区).
 * Government pages print it inside the 索引号 ("11440114007499925Q/2024-00123"); other 索引号
 * start with the division code itself ("6107280000/2024-001005").
 */
import type { Division } from '../../model.ts';
import { divisionById } from '../../gazetteer/divisions.ts';

/** GB 32100: digits and capitals without I, O, Z, S, V. */
const CODE_CHAR = '[0-9A-HJ-NPQRTUWXY]';
const CREDIT_CODE = new RegExp(`(?<![0-9A-Z])(?:1[1-9]|[2-9A-Y]${CODE_CHAR})(\\d{6})${CODE_CHAR}{10}(?![0-9A-Z])`, 'u');
/** A division code opening an 索引号, padded with zeros, before the year part: "6107280000/2024-001005". */
const DIVISION_FIRST = /^(\d{6})(?:0{2,6})?(?=[/\-_－—])/u;

export interface CodeReading {
  division: Division;
  /** The code as printed (the credit code, or the leading division code). */
  code: string;
}

/** The division a credit code or an 索引号 value names, when the gazetteer knows the code. */
export function divisionOfCode(value: string): CodeReading | undefined {
  const text = value.trim();
  const credit = CREDIT_CODE.exec(text);
  if (credit) {
    const d = divisionById(credit[1]);
    if (d) return { division: d, code: credit[0] };
  }
  const lead = DIVISION_FIRST.exec(text);
  if (lead) {
    const d = divisionById(lead[1]);
    if (d) return { division: d, code: lead[1] };
  }
  return undefined;
}
