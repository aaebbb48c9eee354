/**
 * Matching a very long text (one 5 MB text node, a log dumped into a <pre>) a window at a time,
 * yielding between windows, so no single task runs long. Each window is scanned with lookahead
 * past its end and keeps only the matches that start inside it; the next window starts after
 * the last kept match. Leftmost-longest matching up to a point depends only on the text up to
 * the end of the longest name, so the result equals one `findAll` over the whole text.
 */
import { eventMentionSteps } from '../../lib/engine/events';
import { mergeEventMentions } from '../../lib/engine/evidence';
import type { Matcher } from '../../lib/engine/matcher';
import type { Mention, RawMatch } from '../../lib/engine/types';
import type { SliceClock } from './yield';

/** Characters per window: a few ms of matching, well inside one slice. */
export const WINDOW_CHARS = 64 * 1024;
/** Longer than any name in the gazetteer (the longest are event names of ~60 characters). */
const LOOKAHEAD_CHARS = 512;

/** Texts this long are matched in windows; shorter ones in one go. */
export function needsSlicing(text: string): boolean {
  return text.length > WINDOW_CHARS * 2;
}

export async function findAllSliced(
  matcher: Matcher,
  text: string,
  clock: SliceClock,
  isCancelled: () => boolean,
): Promise<RawMatch[] | null> {
  const found: RawMatch[] = [];
  let from = 0;
  while (from < text.length) {
    if (clock.due()) {
      await clock.yield();
      if (isCancelled()) return null;
    }
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

/**
 * `withEventMentions` on a very long text: its sentences are weighed a batch at a time, yielding
 * when the slice is spent (the 5 MB <pre> has ~100k sentences: 60-100 ms in one go). Same result.
 */
export async function withEventMentionsSliced(
  matcher: Matcher,
  text: string,
  accepted: RawMatch[],
  suppressed: ReadonlySet<string>,
  clock: SliceClock,
  isCancelled: () => boolean,
): Promise<Mention[] | null> {
  const steps = eventMentionSteps(matcher.eventCues, text, accepted);
  for (;;) {
    const step = steps.next();
    if (step.done) return mergeEventMentions(matcher, accepted, step.value, suppressed);
    if (clock.due()) {
      await clock.yield();
      if (isCancelled()) return null;
    }
  }
}
