// opencc-js ships no type declarations; the converter factory and the locale dictionaries it builds from are used.
declare module 'opencc-js' {
  /** "a alpha|b beta" or [["a", "alpha"], ["b", "beta"]] */
  export type DictLike = string | string[][];
  export function Converter(options: { from: string; to: string }): (text: string) => string;
  export const Locale: { from: Record<string, DictLike[]>; to: Record<string, DictLike[]> };
}
