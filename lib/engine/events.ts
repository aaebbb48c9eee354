/**
 * Events spotted from how a page talks about them, not only by name: "the US drone strike that
 * killed Qasem Soleimani", "Iraq's parliament voted to expel foreign troops". A cue pairs a
 * trigger phrase with a participant (an accepted mention of one of its entities, or one of its
 * words) in the same sentence; the trigger is then a mention of the dated event, so the card
 * says which event and when. A trigger after "his" refers to the participant of the sentence
 * before ("His appointment"), what a cue also needs (where, or with whom) may be in the sentence
 * before, and a sentence dated only another year is another event. Cues are
 * curated in data/event-cues.json and shipped inside the matcher (MatcherData.eventCues). DOM-free.
 */
import { sentenceSpans, type SentenceSpan } from '../text/sentences';
import { BLOCK_BREAK } from './alphabet';
import { afterPronoun, datedOtherwise, foldArabicLetters, hasArabicScript, hasPossessivePronoun, triggerPattern, wordsPattern } from './cue-text';
import type { MatcherEventCue, RawMatch } from './types';

interface CompiledCue {
  event: number;
  /** Group 1: the proclitics before an Arabic trigger, not part of the mention (cue-text.ts). */
  trigger: RegExp;
  years?: readonly [number, number];
  participants: ReadonlySet<number>;
  words?: RegExp;
  also?: ReadonlySet<number>;
  alsoWords?: RegExp;
}

// Sources and sentences are folded alike, and bounded as words in any script (cue-text.ts).
export function compileCues(cues: readonly MatcherEventCue[]): CompiledCue[] {
  return cues.map((c) => ({
    event: c.event,
    trigger: triggerPattern(c.trigger),
    ...(c.years ? { years: c.years } : {}),
    participants: new Set(c.participants ?? []),
    ...(c.words ? { words: wordsPattern(c.words) } : {}),
    ...(c.also ? { also: new Set(c.also) } : {}),
    ...(c.alsoWords ? { alsoWords: wordsPattern(c.alsoWords) } : {}),
  }));
}

const NO_ENTITIES: ReadonlySet<number> = new Set();

/** Whether the sets meet; walks the smaller one (a text's entities are usually none or few, a cue's participants many). */
function hasAny(ids: ReadonlySet<number>, present: ReadonlySet<number>): boolean {
  if (ids.size === 0 || present.size === 0) return false;
  if (present.size < ids.size) {
    for (const id of present) if (ids.has(id)) return true;
    return false;
  }
  for (const id of ids) if (present.has(id)) return true;
  return false;
}

/**
 * The cues that could fire anywhere in `text`: one of its participants is among the accepted
 * mentions or its participant words occur, what it also needs is there too, and its trigger
 * occurs. Most paragraphs of most pages leave none, and then
 * splitting them into sentences (the dearest part of the cues, and in Chromium a first use of
 * Intl.Segmenter costs a page 10–20 ms) can be skipped; the others are tried with these cues only.
 */
function liveCues(cues: readonly CompiledCue[], text: string, accepted: readonly RawMatch[]): CompiledCue[] {
  if (cues.length === 0) return [];
  const entities = new Set<number>();
  for (const m of accepted) entities.add(m.entity);
  const folded = hasArabicScript(text) ? foldArabicLetters(text) : text;
  return cues.filter((cue) => {
    if (!hasAny(cue.participants, entities) && !(cue.words?.test(folded) ?? false)) return false;
    const needsAlso = cue.also !== undefined || cue.alsoWords !== undefined;
    if (needsAlso && !(cue.also !== undefined && hasAny(cue.also, entities)) && !(cue.alsoWords?.test(folded) ?? false)) return false;
    cue.trigger.lastIndex = 0;
    const triggered = cue.trigger.test(folded);
    cue.trigger.lastIndex = 0;
    return triggered;
  });
}

/** A place in capitals opening its sentence before an agency or a dash: "TEHRAN (FNA)-", "BAGHDAD —". */
const DATELINE_AFTER = /^(?:,? [A-Z][A-Z .]+)? ?(?:\(|[-–—])/;
function isDateline(text: string, m: RawMatch, sentenceStart: number): boolean {
  if (text.slice(sentenceStart, m.start).trim() !== '') return false;
  const name = text.slice(m.start, m.end);
  return name.length >= 3 && name === name.toUpperCase() && /[A-Z]/.test(name) && DATELINE_AFTER.test(text.slice(m.end, m.end + 40));
}

/** The entities of a sentence that may say where its event was: all but a dateline's. */
function placesHere(text: string, inside: readonly RawMatch[], entities: ReadonlySet<number>, sentenceStart: number): ReadonlySet<number> {
  if (!inside.some((x) => isDateline(text, x, sentenceStart))) return entities;
  return new Set(inside.filter((x) => !isDateline(text, x, sentenceStart)).map((x) => x.entity));
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
 * sentence that already names the event or gives only other years than the event's.
 */
export function findEventMentions(
  cues: readonly CompiledCue[],
  text: string,
  accepted: readonly RawMatch[],
  sentences: Iterable<SentenceSpan> = sentenceSpans(text),
): RawMatch[] {
  const live = liveCues(cues, text, accepted);
  if (live.length === 0) return [];
  const steps = eventMentionSteps(live, text, accepted, SENTENCES_PER_STEP, sentences);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `findEventMentions` as a generator that pauses every `batch` sentences, so the content script
 * can give the page its thread back between batches on one huge text (a 5 MB <pre> holds
 * ~100k sentences: tens of ms in one go). Returns the same mentions. It skips the whole-text
 * pre-check (`liveCues`): on a huge text that check is itself one long regex pass, and the
 * per-sentence checks below find the same.
 */
export function* eventMentionSteps(
  cues: readonly CompiledCue[],
  text: string,
  accepted: readonly RawMatch[],
  batch = SENTENCES_PER_STEP,
  /** The text's sentences, when another rule has split it already. */
  sentences: Iterable<SentenceSpan> = sentenceSpans(text),
): Generator<void, RawMatch[], void> {
  const found: RawMatch[] = [];
  if (cues.length === 0) return found;
  const anyWords = cues.some((c) => c.words);
  let m = 0;
  let sinceYield = 0;
  let charsSinceYield = 0;
  // The entities of the sentence before in the same block: "his appointment" refers back to
  // them (never across blocks: the content script spots a page a block at a time).
  let before: ReadonlySet<number> = NO_ENTITIES;
  // And its text, folded, for the words a cue also needs (read only when a cue asks).
  let beforeSpan: { start: number; end: number } | undefined;
  let lastEnd = 0;
  const arabic = hasArabicScript(text);
  const folded = (span: { start: number; end: number }) => {
    const raw = text.slice(span.start, span.end);
    return arabic ? foldArabicLetters(raw) : raw;
  };
  for (const sentence of sentences) {
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
    const blockBreak = text.indexOf(BLOCK_BREAK, lastEnd);
    const sameBlock = !(blockBreak >= 0 && blockBreak < sentence.start);
    const previous = sameBlock ? before : NO_ENTITIES;
    const previousSpan = sameBlock ? beforeSpan : undefined;
    before = entities;
    beforeSpan = sentence;
    lastEnd = sentence.end;
    // Most sentences name nothing and match no cue word: skip them without slicing.
    if (entities.size === 0 && previous.size === 0 && !anyWords) continue;
    const slice = folded(sentence);
    const foundBefore = found.length;
    // One mention per event per sentence: the cues of an event are tried in their file order,
    // so an event noun ("attack") listed before an instrument ("missiles") or a verb wins.
    let eventsHere: Set<number> | undefined;
    let hereNotDateline: ReadonlySet<number> | undefined;
    // A possessive pronoun may refer back to the sentence before ("his visit"): only then does it count.
    const pronoun = previous.size > 0 && hasPossessivePronoun(slice);
    for (const cue of cues) {
      if (entities.has(cue.event) || eventsHere?.has(cue.event)) continue;
      const hasParticipant = hasAny(cue.participants, entities) || (cue.words?.test(slice) ?? false);
      // Named in the sentence before, a participant is still there for a trigger it owns ("his visit").
      const referredTo = !hasParticipant && pronoun && hasAny(cue.participants, previous);
      if ((!hasParticipant && !referredTo) || datedOtherwise(slice, cue.years)) continue;
      if (cue.also || cue.alsoWords) {
        // What a cue also needs (where, or with whom) may have been said in the sentence before, in
        // the same block: "US troops are stationed in Iraq. … citing repeated rocket attacks".
        // A dateline ("TEHRAN (FNA)-") says where the copy was filed, not where the event was.
        hereNotDateline ??= placesHere(text, inside, entities, sentence.start);
        const hasAlso =
          (cue.also !== undefined && (hasAny(cue.also, hereNotDateline) || hasAny(cue.also, previous))) ||
          (cue.alsoWords !== undefined && (cue.alsoWords.test(slice) || (previousSpan !== undefined && cue.alsoWords.test(folded(previousSpan)))));
        if (!hasAlso) continue;
      }
      cue.trigger.lastIndex = 0;
      for (let t = cue.trigger.exec(slice); t; t = cue.trigger.exec(slice)) {
        const start = sentence.start + t.index + t[1]!.length;
        const end = sentence.start + t.index + t[0].length;
        const overlaps = (x: { start: number; end: number }) => x.start < end && start < x.end;
        if (inside.some(overlaps) || found.slice(foundBefore).some(overlaps)) continue;
        if (referredTo && !afterPronoun(text, start)) continue;
        found.push({ start, end, entity: cue.event, specificity: 'unique' });
        (eventsHere ??= new Set()).add(cue.event);
        break;
      }
    }
  }
  return found;
}
