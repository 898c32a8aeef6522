// Text folded for search: Russian and English, case- and ё/е-insensitive.
// JavaScript's toLowerCase handles Cyrillic; "ё" is then written as "е", as
// most people type it.

export function foldText(text: string): string {
  return text.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
}

/** Search words of a query (at least one letter or digit each). */
export function searchWords(query: string): string[] {
  return foldText(query)
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => w.length > 0);
}

/** True when every word of the query occurs in the folded text. */
export function matchesAll(folded: string, words: readonly string[]): boolean {
  return words.every((w) => folded.includes(w));
}
