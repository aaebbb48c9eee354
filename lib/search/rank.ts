/**
 * How well a passage or a title answers a query, for ordering lookup's documents and passages:
 * the query's words as a phrase first, then all of them close together, then scattered; a
 * word typed in full (the last one is a prefix while it is typed) above one only begun. Read
 * from the text's words folded as the index folds them (terms.ts), so it agrees with what the
 * index matched. Cheap: one pass over the words of each of a few hundred candidates.
 */
import { indexKeys } from './terms';

/**
 * A score for `text` against the query's `terms` (queryTerms; the last one a prefix), higher
 * better; undefined when some term is not in the text. `textTerms`, the text's stored index
 * terms (indexTerms), when at hand. A phrase scores 3, adjacent words out of
 * order 2, and each word between them lowers that; +0.25 when the last word is a whole word.
 */
export function proseScore(text: string, terms: readonly string[], textTerms?: readonly string[]): number | undefined {
  if (terms.length === 0) return undefined;
  const last = terms.length - 1;
  // One word needs no positions: the text's stored index terms say it all, without folding the text again.
  if (terms.length === 1 && textTerms) return textTerms.some((k) => k.startsWith(terms[0]!)) ? 1 + (textTerms.includes(terms[0]!) ? 0.25 : 0) : undefined;
  const keys = indexKeys(text);
  const matches = (key: string, t: number) => (t === last ? key.startsWith(terms[t]!) : key === terms[t]);
  const whole = keys.some((k) => k === terms[last]) ? 0.25 : 0;
  if (terms.length === 1) return keys.some((k) => matches(k, 0)) ? 1 + whole : undefined;
  // The phrase: the terms at consecutive keys, in order.
  for (let i = 0; i + terms.length <= keys.length; i++) {
    if (terms.every((_, t) => matches(keys[i + t]!, t))) return 3 + whole;
  }
  // The shortest run of keys holding every term (a sliding window over the keys).
  const seen = new Array<number>(terms.length).fill(0);
  let covered = 0;
  let best = Infinity;
  let start = 0;
  const termsOf = keys.map((k) => terms.flatMap((_, t) => (matches(k, t) ? [t] : [])));
  for (let end = 0; end < keys.length; end++) {
    for (const t of termsOf[end]!) if (seen[t]!++ === 0) covered++;
    while (covered === terms.length) {
      best = Math.min(best, end - start + 1);
      for (const t of termsOf[start]!) if (--seen[t]! === 0) covered--;
      start++;
    }
  }
  if (best === Infinity) return undefined;
  return 2 / (1 + Math.max(0, best - terms.length)) + whole;
}

/** Newer first: the publication date when known (ISO, as precise as known), then the order of addition. */
export function newerFirst(a: { published?: string; seq: number }, b: { published?: string; seq: number }): number {
  const byDate = (b.published ?? '').localeCompare(a.published ?? '');
  return byDate || b.seq - a.seq;
}
