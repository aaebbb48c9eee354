/**
 * Re-anchoring a saved highlight in a page's text: the fallback chain Hypothesis uses
 * (src/annotator/anchoring/match-quote.ts), cheapest first —
 *   1. position: the saved offsets still hold the quote;
 *   2. exact: the quote occurs elsewhere (best occurrence by context and closeness);
 *   3. fuzzy: an approximate match of the quote (Myers' bit-parallel search from
 *      `approx-string-match`), scored by quote 50 / prefix 20 / suffix 20 / position 2.
 * No match good enough → null, and the caller lists the highlight as an orphan. DOM-free.
 */
import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from './selectors';

export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

export interface AnchorMatch {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0..1: how well quote, context and position agree. */
  score: number;
}

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const WEIGHT_SUM = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;
/**
 * A fuzzy match may differ from the quote in at most a quarter of its characters: enough for
 * edited punctuation, a changed word or two, not enough to land on unrelated text.
 */
const MAX_ERROR_RATE = 0.25;
/** Myers' search cost grows with the error budget; Hypothesis caps it the same way. */
const MAX_ERRORS = 256;
/** Below this overall score a fuzzy candidate is not the reader's passage. */
const MIN_FUZZY_SCORE = 0.5;

export function anchorQuote(text: string, quote: TextQuoteSelector, position?: TextPositionSelector): AnchorMatch | null {
  const exact = quote.exact;
  if (!exact) return null;
  if (position && text.slice(position.start, position.end) === exact) {
    return { start: position.start, end: position.end, method: 'position', score: 1 };
  }
  const hint = position?.start;

  // Exact occurrences, best one by context: a quote repeated on the page ("the PMU") lands on
  // the occurrence whose surroundings match.
  let best: AnchorMatch | null = null;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const score = scoreCandidate(text, quote, at, at + exact.length, 0, hint);
    if (!best || score > best.score) best = { start: at, end: at + exact.length, method: 'exact', score };
  }
  if (best) return best;

  const maxErrors = Math.min(MAX_ERRORS, Math.floor(exact.length * MAX_ERROR_RATE));
  if (maxErrors === 0) return null;
  for (const match of search(text, exact, maxErrors)) {
    const score = scoreCandidate(text, quote, match.start, match.end, match.errors, hint);
    if (score >= MIN_FUZZY_SCORE && (!best || score > best.score)) {
      best = { start: match.start, end: match.end, method: 'fuzzy', score };
    }
  }
  return best;
}

function scoreCandidate(
  text: string,
  quote: TextQuoteSelector,
  start: number,
  end: number,
  errors: number,
  hint: number | undefined,
): number {
  const quoteScore = 1 - errors / quote.exact.length;
  const prefixScore = quote.prefix
    ? similarity(text.slice(Math.max(0, start - quote.prefix.length), start), quote.prefix)
    : 1;
  const suffixScore = quote.suffix ? similarity(text.slice(end, end + quote.suffix.length), quote.suffix) : 1;
  const positionScore = hint === undefined || text.length === 0 ? 1 : 1 - Math.abs(start - hint) / text.length;
  return (
    (WEIGHTS.quote * quoteScore +
      WEIGHTS.prefix * prefixScore +
      WEIGHTS.suffix * suffixScore +
      WEIGHTS.position * positionScore) /
    WEIGHT_SUM
  );
}

/** 1 − (edit distance / length), via the same approximate search over the short context. */
function similarity(found: string, wanted: string): number {
  if (wanted.length === 0) return 1;
  if (found.length === 0) return 0;
  const matches = search(found, wanted, wanted.length);
  const errors = matches.length > 0 ? Math.min(...matches.map((m) => m.errors)) : wanted.length;
  return 1 - errors / wanted.length;
}
