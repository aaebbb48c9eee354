/**
 * The words right next to a phrase, as the context rules read them ("Yousry" before "Nasrallah",
 * "Bahrain's" before "parliament", "of Bahrain" after it): within 40 characters, across spaces
 * only (a line or block break ends the neighbourhood). DOM-free.
 */

const BEFORE = /([\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*)[ \u00A0]+$/u;
const AFTER = /^[ \u00A0]+([\p{L}][\p{L}\p{M}'’-]*)/u;
const LINKED_AFTER = /^[ \u00A0]+(of|in)[ \u00A0]+(?:the[ \u00A0]+)?([\p{L}][\p{L}\p{M}'’-]*)/u;
const REACH = 40;

/** The word that ends right before `at` (not before `floor`), if a space separates them. */
export function wordBefore(text: string, at: number, floor = 0): string | undefined {
  return BEFORE.exec(text.slice(Math.max(floor, at - REACH), at))?.[1];
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
