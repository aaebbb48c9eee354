/**
 * The sentence around a mention, for the card's Save button, in the page's text: the one
 * sentence splitter's (lib/text/sentences.ts) sentence that holds the mention. DOM-free.
 */
import { sentenceSpans } from '../text/sentences';

/** A sentence longer than this either way is cut: a Save must stay a passage, not a page. */
const MAX_REACH = 600;

export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  const floor = Math.max(0, start - MAX_REACH);
  const ceiling = Math.min(text.length, end + MAX_REACH);
  let from = start;
  let to = end;
  // Read from further back than the reach, so that the sentence the mention is in starts where
  // it really does (an abbreviation or an open quotation before the floor counts).
  for (const sentence of sentenceSpans(text, Math.max(0, floor - MAX_REACH))) {
    if (sentence.start > end) break;
    const holds = end > start ? sentence.start < end && sentence.end > start : sentence.start <= start && sentence.end >= start;
    if (!holds) continue;
    from = Math.min(from, sentence.start);
    to = Math.max(to, sentence.end);
  }
  from = Math.max(from, floor);
  to = Math.min(to, ceiling);
  // A cut at the reach may fall inside whitespace.
  while (from < to && /\s/u.test(text[from]!)) from++;
  while (to > from && /\s/u.test(text[to - 1]!)) to--;
  return { start: from, end: Math.max(to, from) };
}
