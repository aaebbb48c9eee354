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
/** How far either side of the saved position the first fuzzy search looks. */
const NEAR_CHARS = 4096;
/**
 * Fuzzy search goes a window at a time. On text that nearly matches everywhere (a page of
 * repeated boilerplate) the search costs up to ~2.5 µs a character for a 200-character quote,
 * so 8 kB windows keep each step well under the 50 ms long-task line (`npm run bench`).
 */
const WINDOW_CHARS = 8192;
/** A fuzzy match near the saved position this good is taken without searching the whole page. */
const NEAR_ENOUGH = 0.8;

/** Re-anchor in one go (tests, the bench, short pages). */
export function anchorQuote(text: string, quote: TextQuoteSelector, position?: TextPositionSelector): AnchorMatch | null {
  const steps = anchorSteps(text, quote, position);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same chain as a generator that pauses between slices of the fuzzy search (a full search
 * of a 1 MB page costs 70–200 ms: PERFORMANCE.md's long-task line is 50 ms), so the content
 * script can give the page its main thread back between steps.
 */
export function* anchorSteps(
  text: string,
  quote: TextQuoteSelector,
  position?: TextPositionSelector,
): Generator<void, AnchorMatch | null, void> {
  const exact = quote.exact;
  if (!exact) return null;
  if (position && text.slice(position.start, position.end) === exact) {
    return { start: position.start, end: position.end, method: 'position', score: 1 };
  }
  const hint = position?.start;

  // Exact occurrences, best one by context: a quote repeated on the page ("the PMU") lands on
  // the occurrence whose surroundings match.
  // A short quote can occur thousands of times on a long page: each occurrence is scored by how
  // far its surroundings agree with the saved context, read outwards from the quote (O(context)),
  // not by an edit distance.
  let best: AnchorMatch | null = null;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const score = weigh(1, adjacentPrefix(text, at, quote.prefix), adjacentSuffix(text, at + exact.length, quote.suffix), positionScore(text, at, hint));
    if (!best || score > best.score) best = { start: at, end: at + exact.length, method: 'exact', score };
  }
  if (best) return best;

  const maxErrors = Math.min(MAX_ERRORS, Math.floor(exact.length * MAX_ERROR_RATE));
  if (maxErrors === 0) return null;
  // Most edits move a passage only a little: search near where it was first (a few kB instead
  // of the whole page), and the whole text only when nothing convincing is found there.
  if (hint !== undefined) {
    const from = Math.max(0, hint - NEAR_CHARS - exact.length);
    const to = Math.min(text.length, hint + NEAR_CHARS + 2 * exact.length);
    const near = yield* fuzzyInWindows(text, quote, maxErrors, hint, from, to);
    if (near && near.score >= NEAR_ENOUGH) return near;
    if (from === 0 && to === text.length) return near;
  }
  return yield* fuzzyInWindows(text, quote, maxErrors, hint, 0, text.length);
}

/**
 * Fuzzy search of `text[from, to)` a window at a time, pausing between windows; windows overlap
 * by more than a match can be long, so none is missed at a seam.
 */
function* fuzzyInWindows(
  text: string,
  quote: TextQuoteSelector,
  maxErrors: number,
  hint: number | undefined,
  from: number,
  to: number,
): Generator<void, AnchorMatch | null, void> {
  const overlap = quote.exact.length + maxErrors;
  let best: AnchorMatch | null = null;
  for (let at = from; at < to; at += WINDOW_CHARS) {
    const found = bestFuzzy(text, quote, maxErrors, hint, at, Math.min(to, at + WINDOW_CHARS + overlap));
    if (found && (!best || found.score > best.score)) best = found;
    yield;
    if (at + WINDOW_CHARS + overlap >= to) break;
  }
  return best;
}

function bestFuzzy(
  text: string,
  quote: TextQuoteSelector,
  maxErrors: number,
  hint: number | undefined,
  from: number,
  to: number,
): AnchorMatch | null {
  let best: AnchorMatch | null = null;
  for (const match of search(text.slice(from, to), quote.exact, maxErrors)) {
    const start = match.start + from;
    const end = match.end + from;
    const score = scoreCandidate(text, quote, start, end, match.errors, hint);
    if (score >= MIN_FUZZY_SCORE && (!best || score > best.score)) best = { start, end, method: 'fuzzy', score };
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
  const prefixScore = quote.prefix
    ? similarity(text.slice(Math.max(0, start - quote.prefix.length), start), quote.prefix)
    : 1;
  const suffixScore = quote.suffix ? similarity(text.slice(end, end + quote.suffix.length), quote.suffix) : 1;
  return weigh(1 - errors / quote.exact.length, prefixScore, suffixScore, positionScore(text, start, hint));
}

function weigh(quote: number, prefix: number, suffix: number, position: number): number {
  return (WEIGHTS.quote * quote + WEIGHTS.prefix * prefix + WEIGHTS.suffix * suffix + WEIGHTS.position * position) / WEIGHT_SUM;
}

function positionScore(text: string, start: number, hint: number | undefined): number {
  return hint === undefined || text.length === 0 ? 1 : 1 - Math.abs(start - hint) / text.length;
}

/** Share of the saved prefix that the text repeats right before `at`, read backwards. */
function adjacentPrefix(text: string, at: number, prefix: string): number {
  if (!prefix) return 1;
  let n = 0;
  while (n < prefix.length && at - n - 1 >= 0 && text.charCodeAt(at - n - 1) === prefix.charCodeAt(prefix.length - n - 1)) n++;
  return n / prefix.length;
}

/** Share of the saved suffix that the text repeats right after `at`. */
function adjacentSuffix(text: string, at: number, suffix: string): number {
  if (!suffix) return 1;
  let n = 0;
  while (n < suffix.length && at + n < text.length && text.charCodeAt(at + n) === suffix.charCodeAt(n)) n++;
  return n / suffix.length;
}

/** 1 − (edit distance / length), via the same approximate search over the short context. */
function similarity(found: string, wanted: string): number {
  if (wanted.length === 0) return 1;
  if (found.length === 0) return 0;
  const matches = search(found, wanted, wanted.length);
  const errors = matches.length > 0 ? Math.min(...matches.map((m) => m.errors)) : wanted.length;
  return 1 - errors / wanted.length;
}
