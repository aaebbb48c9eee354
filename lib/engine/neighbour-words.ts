/**
 * The words right next to a phrase, as the context rules read them ("Yousry" before "Nasrallah",
 * "Bahrain's" before "parliament", "of Bahrain" after it): within 40 characters, across spaces
 * only (a line or block break ends the neighbourhood). DOM-free.
 */

const AFTER = /^[ \u00A0]+([\p{L}][\p{L}\p{M}'’-]*)/u;
const LINKED_AFTER = /^[ \u00A0]+(of|in)[ \u00A0]+(?:the[ \u00A0]+)?([\p{L}][\p{L}\p{M}'’-]*)/u;
const REACH = 40;

const SPACE = /[ \u00A0]/;
const IN_WORD = /[\p{L}\p{M}\p{N}'’.-]/u;
const STARTS_WORD = /[\p{L}\p{N}]/u;

/**
 * The word that ends right before `at` (not before `floor`, nor further back than the reach), if
 * a space separates them. Scanned backwards by hand: it runs for most matches on a page, and a
 * regular expression anchored at the end tries every start.
 */
export function wordBefore(text: string, at: number, floor = 0): string | undefined {
  const limit = Math.max(floor, at - REACH);
  let end = at;
  while (end > limit && SPACE.test(text[end - 1]!)) end--;
  if (end === at || end === limit) return undefined;
  let start = end;
  while (start > limit && IN_WORD.test(text[start - 1]!)) start--;
  while (start < end && !STARTS_WORD.test(text[start]!)) start++;
  return start < end ? text.slice(start, end) : undefined;
}

/** The word that starts right after `at`, if a space separates them. */
export function wordAfter(text: string, at: number): string | undefined {
  return AFTER.exec(text.slice(at, at + REACH))?.[1];
}

/** "of X" or "in (the) X" right after `at`: the link and the word X. */
export function linkedWordAfter(text: string, at: number): { link: string; word: string } | undefined {
  const m = LINKED_AFTER.exec(text.slice(at, at + REACH + 20));
  return m ? { link: m[1]!, word: m[2]! } : undefined;
}

/** The word starts with a capital letter. */
export function capitalised(word: string): boolean {
  const first = word[0]!;
  return first !== first.toLowerCase();
}
