/**
 * Which parts of a result's text answered the query, so the popup can show them marked
 * (`<mark>`, as text). Word by word, with the same folding and typo allowance as the search:
 * "kazimi" marks "al-Kadhimi"'s "Kadhimi", "strategic dialog" marks "Strategic Dialogue".
 */
import { searchKey, searchKeys } from './fold';

export interface Span {
  /** UTF-16 offsets into the text, end exclusive. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Typos allowed in a query word; the same rule as the index it marks results of. */
export type Allowance = (key: string) => number;

/** The names index's allowance: none for short words. */
export function nameAllowance(key: string): number {
  if (!/^[a-z0-9]+$/.test(key)) return 0;
  return key.length >= 9 ? 2 : key.length >= 5 ? 1 : 0;
}

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Whether a word's key answers one query key: as a prefix (typing goes on) or within the typo allowance. */
function answers(wordKey: string, queryKey: string, allowance: Allowance): boolean {
  if (wordKey.startsWith(queryKey)) return true;
  const max = allowance(queryKey);
  if (max === 0) return false;
  // Whole word with a typo ("dialog" ~ "dialogue" is a prefix already; "khamenai" ~ "khamenei"),
  // or a typo in the part typed so far.
  return (
    boundedDistance(wordKey, queryKey, max) <= max ||
    boundedDistance(wordKey.slice(0, queryKey.length), queryKey, max) <= max
  );
}

/** The spans of `text` whose words answer `query`, in order, adjacent ones not merged. */
export function matchedSpans(text: string, query: string, allowance: Allowance = nameAllowance): Span[] {
  const queryKeys = searchKeys(query);
  if (queryKeys.length === 0) return [];
  const spans: Span[] = [];
  for (const match of text.matchAll(WORD)) {
    const key = searchKey(match[0]);
    if (key && queryKeys.some((q) => answers(key, q, allowance))) {
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return spans;
}

/** `text` cut into pieces, each marked or not, for rendering as text. */
export function splitBySpans(text: string, spans: readonly Span[]): { text: string; marked: boolean }[] {
  const pieces: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) pieces.push({ text: text.slice(at, span.start), marked: false });
    pieces.push({ text: text.slice(span.start, span.end), marked: true });
    at = span.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

/**
 * A window of a long text around its first marked span (a passage is a sentence or three; a
 * result row has room for a line or two), with the spans shifted to the window.
 */
export function excerptAround(text: string, spans: readonly Span[], width = 140): { text: string; spans: Span[] } {
  if (text.length <= width) return { text, spans: [...spans] };
  const first = spans[0]?.start ?? 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  // Start at a word boundary.
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(text.length, start + width);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: prefix + text.slice(start, end) + suffix,
    spans: spans
      .filter((s) => s.start >= start && s.end <= end)
      .map((s) => ({ start: s.start + shift, end: s.end + shift })),
  };
}
