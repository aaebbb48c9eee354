/**
 * Matching a very long text (one 5 MB text node, a log dumped into a <pre>) a window at a time,
 * pausing between windows, so the content script can keep every task short. Each window is
 * scanned with lookahead past its end and keeps only the matches that start inside it; the next
 * window starts after the last kept match. Leftmost-longest matching up to a point depends only
 * on the text up to the end of the longest name, so the result equals one `findAll` over the
 * whole text. DOM-free.
 */
import type { Steps } from '../steps';
import type { Matcher } from './matcher';
import type { RawMatch } from './types';

/** Characters per window: a few ms of matching, well inside one slice. */
export const WINDOW_CHARS = 64 * 1024;
/** Longer than any name in the gazetteer (the longest are event names of ~60 characters). */
const LOOKAHEAD_CHARS = 512;

/** Texts this long are matched in windows; shorter ones in one go. */
export function needsSlicing(text: string): boolean {
  return text.length > WINDOW_CHARS * 2;
}

/** `matcher.findAll(text)`, pausing before each window after the first. */
export function* findAllSteps(matcher: Matcher, text: string): Steps<RawMatch[]> {
  const found: RawMatch[] = [];
  let from = 0;
  while (from < text.length) {
    if (from > 0) yield;
    const to = Math.min(text.length, from + WINDOW_CHARS);
    let next = to;
    for (const match of matcher.findAll(text, from, Math.min(text.length, to + LOOKAHEAD_CHARS))) {
      if (match.start >= to) break;
      found.push(match);
      next = Math.max(next, match.end);
    }
    from = next;
  }
  return found;
}
