/**
 * Whether the spotting pipeline (evidence.ts) could mark anything on a page whose texts are
 * these: one of them has a name the matcher finds, or the words of an event cue (a cue fires on
 * its participants' words alone, events.ts). Only then does the content script load the
 * pipeline; until then it keeps the texts it read, to spot them first once it has (what they
 * say of other parliaments counts then). A huge text always counts: matching it whole in one go
 * would hold the page, and the pipeline slices it. The page got the matcher only once the token
 * gate (token-gate.ts) found a word of a name in it; this gate decides what comes after. DOM-free.
 */
import { anyWordsOccur, wordsPattern } from './cue-text';
import type { Matcher } from './matcher';
import { needsSlicing } from './windowed-match';

const cueWords = new WeakMap<Matcher, readonly RegExp[]>();

export function mayMention(matcher: Matcher, text: string): boolean {
  if (needsSlicing(text)) return true;
  if (matcher.findAll(text).length > 0) return true;
  let words = cueWords.get(matcher);
  if (!words) {
    words = matcher.rules.eventCues.flatMap((cue) => (cue.words ? [wordsPattern(cue.words)] : []));
    cueWords.set(matcher, words);
  }
  return anyWordsOccur(words, text);
}
