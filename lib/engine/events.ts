/**
 * Events spotted from how a page talks about them, not only by name: "the US drone strike that
 * killed Qasem Soleimani", "Iraq's parliament voted to expel foreign troops". A cue pairs a
 * trigger phrase with a participant (an accepted mention of one of its entities, or one of its
 * words) in the same sentence; the trigger is then a mention of the dated event, so the card
 * says which event and when. Cues are curated in data/event-cues.json and shipped inside the
 * matcher (MatcherData.eventCues). DOM-free.
 */
import { sentenceSpans } from '../text/sentences';
import type { MatcherEventCue, RawMatch } from './types';

interface CompiledCue {
  event: number;
  trigger: RegExp;
  participants: ReadonlySet<number>;
  words?: RegExp;
  also?: ReadonlySet<number>;
  alsoWords?: RegExp;
}

// \b does not know Arabic letters: bound by "not a letter or digit" instead.
const wordBounded = (source: string, flags: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, flags);

/** Cues' participant words as the cues test them (a cue may fire on these words alone). */
export function compileCueWords(sources: readonly string[]): RegExp[] {
  return sources.map((source) => wordBounded(source, 'iu'));
}

export function compileCues(cues: readonly MatcherEventCue[]): CompiledCue[] {
  return cues.map((c) => ({
    event: c.event,
    trigger: wordBounded(c.trigger, 'giu'),
    participants: new Set(c.participants ?? []),
    ...(c.words ? { words: wordBounded(c.words, 'iu') } : {}),
    ...(c.also ? { also: new Set(c.also) } : {}),
    ...(c.alsoWords ? { alsoWords: wordBounded(c.alsoWords, 'iu') } : {}),
  }));
}

function hasAny(ids: ReadonlySet<number>, present: ReadonlySet<number>): boolean {
  for (const id of ids) if (present.has(id)) return true;
  return false;
}

/**
 * Whether some cue could fire anywhere in `text`: one of its participants is among the accepted
 * mentions or its participant words occur, what it also needs is there too, and its trigger
 * occurs. Most paragraphs of most pages fail this, and then splitting them into sentences (the
 * dearest part of the cues, and in Chromium a first use of Intl.Segmenter costs a page 10–20 ms)
 * can be skipped without changing what is found.
 */
function anyCueCanFire(cues: readonly CompiledCue[], text: string, accepted: readonly RawMatch[]): boolean {
  if (cues.length === 0) return false;
  const entities = new Set<number>();
  for (const m of accepted) entities.add(m.entity);
  return cues.some((cue) => {
    if (!hasAny(cue.participants, entities) && !(cue.words?.test(text) ?? false)) return false;
    const needsAlso = cue.also !== undefined || cue.alsoWords !== undefined;
    if (needsAlso && !(cue.also !== undefined && hasAny(cue.also, entities)) && !(cue.alsoWords?.test(text) ?? false)) return false;
    cue.trigger.lastIndex = 0;
    const triggered = cue.trigger.test(text);
    cue.trigger.lastIndex = 0;
    return triggered;
  });
}

/** Sentences between pauses of `eventMentionSteps`: well under a millisecond of work; the caller decides whether to yield. */
export const SENTENCES_PER_STEP = 256;
/**
 * And characters: a text of long sentences (a log in a <pre>, a page that never ends one) must
 * pause as often as prose does (256 sentences of news prose are about 25,000 characters).
 */
const CHARS_PER_STEP = 32 * 1024;

/**
 * The event mentions a text's cues give, given the mentions already accepted in it (sorted by
 * start). At most one per event per sentence, never overlapping a mention, and none in a
 * sentence that already names the event.
 */
export function findEventMentions(cues: readonly CompiledCue[], text: string, accepted: readonly RawMatch[]): RawMatch[] {
  if (!anyCueCanFire(cues, text, accepted)) return [];
  const steps = eventMentionSteps(cues, text, accepted);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `findEventMentions` as a generator that pauses every `batch` sentences, so the content script
 * can give the page its thread back between batches on one huge text (a 5 MB <pre> holds
 * ~100k sentences: tens of ms in one go). Returns the same mentions. It skips the whole-text
 * pre-check (`anyCueCanFire`): on a huge text that check is itself one long regex pass, and
 * the per-sentence checks below find the same.
 */
export function* eventMentionSteps(
  cues: readonly CompiledCue[],
  text: string,
  accepted: readonly RawMatch[],
  batch = SENTENCES_PER_STEP,
): Generator<void, RawMatch[], void> {
  const found: RawMatch[] = [];
  if (cues.length === 0) return found;
  const anyWords = cues.some((c) => c.words);
  let m = 0;
  let sinceYield = 0;
  let charsSinceYield = 0;
  for (const sentence of sentenceSpans(text)) {
    charsSinceYield += sentence.end - sentence.start;
    if (++sinceYield >= batch || charsSinceYield >= CHARS_PER_STEP) {
      sinceYield = 0;
      charsSinceYield = 0;
      yield;
    }
    while (m < accepted.length && accepted[m]!.start < sentence.start) m++;
    const inside: RawMatch[] = [];
    for (let k = m; k < accepted.length && accepted[k]!.start < sentence.end; k++) inside.push(accepted[k]!);
    const entities = new Set(inside.map((x) => x.entity));
    // Most sentences name nothing and match no cue word: skip them without slicing.
    if (entities.size === 0 && !anyWords) continue;
    const slice = text.slice(sentence.start, sentence.end);
    const foundBefore = found.length;
    for (const cue of cues) {
      if (entities.has(cue.event)) continue;
      const hasParticipant = hasAny(cue.participants, entities) || (cue.words?.test(slice) ?? false);
      if (!hasParticipant) continue;
      if (cue.also || cue.alsoWords) {
        const hasAlso = (cue.also !== undefined && hasAny(cue.also, entities)) || (cue.alsoWords?.test(slice) ?? false);
        if (!hasAlso) continue;
      }
      cue.trigger.lastIndex = 0;
      for (let t = cue.trigger.exec(slice); t; t = cue.trigger.exec(slice)) {
        const start = sentence.start + t.index;
        const end = start + t[0].length;
        const overlaps = (x: { start: number; end: number }) => x.start < end && start < x.end;
        if (inside.some(overlaps) || found.slice(foundBefore).some(overlaps)) continue;
        found.push({ start, end, entity: cue.event, specificity: 'unique' });
        break;
      }
    }
  }
  return found;
}
