/**
 * When a goal stated in prose is the same indicator as one already known (a table row, an
 * earlier paragraph): plans restate their indicators with small variations — "城镇每百户拥有
 * 的社区综合服务设施面积" / "城镇每百户拥有社区综合服务设施面积", "PM2.5年均浓度" / "PM2.5年度浓度".
 */

/** Whitespace removed (PDF layout spaces are not part of a name). */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** A name reduced for comparison: no spaces, no 的, no leading scope (全省/全市/全区). */
export function compactName(name: string): string {
  return squeeze(name).replace(/的/g, '').replace(/^(全省|全市|全区|全县|我省|我市|我区)/, '');
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Dice coefficient over character bigrams. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.length || !y.length) return a === b ? 1 : 0;
  const pool = [...y];
  let shared = 0;
  for (const g of x) {
    const k = pool.indexOf(g);
    if (k >= 0) { shared++; pool.splice(k, 1); }
  }
  return (2 * shared) / (x.length + y.length);
}

/**
 * Same indicator, for names already compacted (compactName: the caller compacts each name once, not per
 * comparison): equal; or nearly equal (Dice ≥ 0.85); or fairly close (≥ 0.7) when the value and unit stated
 * are also the same.
 */
export function sameCompactIndicator(a: string, b: string, sameValue: boolean): boolean {
  if (a === b) return true;
  // Names of very different lengths share too few bigrams to reach 0.7, whatever they hold.
  const x = a.length - 1;
  const y = b.length - 1;
  if (x > 0 && y > 0 && (2 * Math.min(x, y)) / (x + y) < 0.7) return false;
  const s = similarity(a, b);
  return s >= 0.85 || (sameValue && s >= 0.7);
}
