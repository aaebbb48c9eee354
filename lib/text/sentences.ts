/**
 * Backstory's one sentence splitter, for the knowledge-base builder (passages), the event cues
 * (a trigger and a participant in one sentence) and highlights (the card's Save keeps the
 * sentence around a mention). DOM-free.
 *
 * The boundaries come from `Intl.Segmenter` (Unicode's sentence rules, UAX #29, built into
 * Chromium, Firefox and Node): it knows the terminators of every script (Arabic "؟", CJK "。"),
 * closing quotes and brackets after a stop, decimals ("2.5") and a stop before a lower-case word
 * ("U.S. officials"). On top of it, news prose needs rules it does not have:
 * - a title, a month or an initial does not end a sentence ("Gen. Soleimani", "Sep. 23",
 *   "No. 5", "George W. Bush"), and an initialism or a company's "Inc." ends one only before a
 *   word that typically opens a sentence ("the U.S. The talks" ends, "U.S. President" does not);
 * - quoted speech of several sentences followed by its attribution is one sentence
 *   (“... soil. Iran and Iraq ...,” the PM said); a quotation that runs on past the paragraph
 *   (re-opened on every paragraph of a long quote) is split normally;
 * - a sentence may open with an amount ("... looted. $435 billion was ..."), which UAX #29 joins
 *   to the one before because the first letter after the stop is lower case, and one ends after
 *   reference marks ("... groups.[39][40] The ..."), which UAX #29 splits inside the first mark;
 * - a sentence never opens with a lower-case letter (“No!” he cried);
 * - a block break (BLOCK_BREAK, between paragraphs, cells, list items) or a blank line always
 *   ends a sentence, while a single line break is whitespace: the page text keeps the source's
 *   line breaks and <br>s inside a paragraph, and names run across them too.
 *
 * Sentences are yielded one by one, a block at a time, and a block is segmented a window at a
 * time: a huge text's sentence list is never built whole, and the Segmenter never sees a long
 * string (Node 20's iterates a 2 MB string in quadratic time). A block that can hold only one
 * sentence (a heading, a one-sentence paragraph) is not segmented at all: in Chromium a page's
 * first Segmenter costs 10–20 ms, and most blocks of most pages are like that.
 */
import { BLOCK_BREAK } from '../engine/alphabet';

/** A sentence of a text: UTF-16 offsets, end exclusive, without surrounding whitespace. */
export interface SentenceSpan {
  start: number;
  end: number;
}

export interface Sentence extends SentenceSpan {
  text: string;
}

/**
 * Words whose full stop never ends a sentence: titles and ranks before a name, months and days
 * before a date, and words before a number (`No`, `p`: only when a number follows). Written as
 * they appear: a capitalised entry matches only a capitalised word ("Sun." is Sunday, "in the
 * sun." ends a sentence), a lower-case one any case.
 */
const BEFORE_NAME_OR_DATE = [
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Gen', 'Lt', 'Col', 'Maj', 'Brig', 'Capt', 'Cmdr', 'Adm', 'Sgt', 'Gov',
  'Sen', 'Rep', 'Rev', 'Pres', 'Amb', 'Hon', 'St', 'Mt', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug',
  'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat',
  'Sun', 'vs', 'approx',
];
const BEFORE_NUMBER = ['No', 'Nos', 'Vol', 'Fig', 'p', 'pp'];
/** Abbreviations that may close a sentence: like initialisms, they end one only before an opener. */
const MAY_END = ['Jr', 'Sr', 'Inc', 'Ltd', 'Co', 'Corp', 'Bros', 'Dept', 'etc', 'est'];

/** Words that open a new sentence after an initialism ("... with the U.S. The talks ..."). */
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'this', 'these', 'that', 'those', 'it', 'its', 'they', 'their', 'he', 'his', 'she',
  'her', 'we', 'our', 'i', 'in', 'on', 'at', 'but', 'and', 'however', 'although', 'meanwhile', 'there',
  'what', 'when', 'while', 'as', 'after', 'before', 'since', 'if', 'so', 'yet', 'for',
]);

type WordList = { exact: Set<string>; anyCase: Set<string> };
function wordList(words: readonly string[]): WordList {
  const list: WordList = { exact: new Set(), anyCase: new Set() };
  for (const w of words) (w[0] === w[0]!.toLowerCase() ? list.anyCase : list.exact).add(w.toLowerCase());
  return list;
}
const inList = (list: WordList, word: string) =>
  list.anyCase.has(word.toLowerCase()) || (/^\p{Lu}/u.test(word) && list.exact.has(word.toLowerCase()));

const NEVER_ENDS = wordList(BEFORE_NAME_OR_DATE);
const NUMBER_WORDS = wordList(BEFORE_NUMBER);
const ENDS_BEFORE_OPENER = wordList(MAY_END);

/** Closing quotes and brackets that may follow a stop and belong to its sentence. */
const CLOSER = /[”"’')\]»›」』]/u;
const OPEN_QUOTE = '“';
const CLOSE_QUOTE = '”';
/** How far ahead a quotation may close and still hold its sentences together. */
const QUOTE_LOOKAHEAD = 600;
/**
 * Sentence ends UAX #29 does not break at: a stop before an amount ("... looted. $435 billion
 * was ...": its rule looks for the next letter, and "billion" is lower case), and a stop before
 * reference marks ("... groups.[39][40] The ...", where it breaks inside the first mark).
 */
const UNBROKEN_ENDS = /\.(?:[”"’')\]»]*\s+(?=[\p{N}\p{Sc}])|(?:\[[^\][\n]{1,40}\])+\s+)/gu;
/** Opening quotes and brackets: a sentence never ends just after one. */
const OPENER = /[“‘„‚«‹([{「『]/u;
/** Where a block may hold more than one sentence: a terminator before its very end, or a blank line. */
const MAY_BREAK = /[\p{Sentence_Terminal}][\p{Sentence_Terminal}”"’')\]»›\s]*[^\p{Sentence_Terminal}”"’')\]»›\s]|[\n\r\u0085\u2028][^\S\n\r\u0085\u2028]*[\n\r\u0085\u2028]/u;

/** Characters given to the Segmenter at a time, and how near a window's end a break is re-read. */
const WINDOW = 4096;
const MARGIN = 256;

let segmenter: Intl.Segmenter | undefined;

/**
 * Builds the Segmenter ahead of the first split. Its first construction loads ICU's break rules
 * (about 11 ms in Chromium, 20 ms in Node), which a caller that works in short slices should pay
 * in a task of its own rather than inside a slice.
 */
export function prepareSentenceSplitter(): void {
  sentenceSegmenter();
}

function sentenceSegmenter(): Intl.Segmenter {
  // The root locale: UAX #29's rules are the same for every language, and the result must not
  // depend on the reader's browser language.
  return (segmenter ??= new Intl.Segmenter('und', { granularity: 'sentence' }));
}

/**
 * Candidate boundaries after `from`, in order, each the offset where the next sentence would
 * start: the Segmenter's breaks, and the sentence ends it does not break at.
 */
function* candidates(text: string, from: number, to: number): Generator<number, void, void> {
  const split = sentenceSegmenter();
  let pos = from;
  while (pos < to) {
    const end = Math.min(to, pos + WINDOW);
    const isLast = end === to;
    // A break near the window's end may depend on what follows it ("looted. $435 billion"):
    // the next window, starting at the last sure break, reads it again with its context.
    const sure = isLast ? end : end - MARGIN;
    const chunk = text.slice(pos, end);
    const unbroken: number[] = [];
    UNBROKEN_ENDS.lastIndex = 0;
    for (let m = UNBROKEN_ENDS.exec(chunk); m; m = UNBROKEN_ENDS.exec(chunk)) unbroken.push(pos + m.index + m[0].length);
    let a = 0;
    let next = pos;
    for (const { index } of split.segment(chunk)) {
      if (index === 0) continue;
      const b = pos + index;
      if (b > sure) break;
      while (a < unbroken.length && unbroken[a]! < b) yield unbroken[a++]!;
      if (a < unbroken.length && unbroken[a] === b) a++;
      next = b;
      yield b;
    }
    while (a < unbroken.length && unbroken[a]! <= sure) {
      next = Math.max(next, unbroken[a]!);
      yield unbroken[a++]!;
    }
    if (isLast) return;
    // A sentence longer than the window goes on into the next one.
    pos = next > pos ? next : sure;
  }
}

/** JavaScript's `\s`, on a code unit (a regular expression per character costs more than the rest). */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x85 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
const isLineBreak = (c: string) => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028';

/** The word just before the stop at `stop`: letters and inner dots ("U.S", "Gen", "W"). */
function wordBefore(text: string, stop: number): string {
  let from = stop;
  const floor = Math.max(0, stop - 20);
  while (from > floor && isLetterOrDot(text.charCodeAt(from - 1))) from--;
  while (from < stop && text.charCodeAt(from) === 0x2e) from++;
  return text.slice(from, stop);
}

function isLetterOrDot(c: number): boolean {
  if (c < 0x80) return c === 0x2e || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return /\p{L}/u.test(String.fromCharCode(c));
}

/** Does the stop at `stop` belong to an abbreviation or initial rather than end a sentence? */
function isAbbreviation(text: string, stop: number, next: number): boolean {
  const word = wordBefore(text, stop);
  if (!word) return false;
  if (inList(NEVER_ENDS, word)) return true;
  const following = /^[\p{L}\p{N}]+/u.exec(text.slice(next, next + 40))?.[0] ?? '';
  if (inList(NUMBER_WORDS, word)) return /^\p{N}/u.test(following);
  // "George W. Bush", "U.S", "U.N", "Inc": end a sentence only before a typical opener.
  const isInitialism = /^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
  if (isInitialism || inList(ENDS_BEFORE_OPENER, word)) return !SENTENCE_OPENERS.has(following.toLowerCase());
  return false;
}

/**
 * Does the open quotation (at `depth`) close later in this paragraph, within reach, in the
 * middle of a sentence (`...,” the PM said`)? A quotation whose last sentence ends before the
 * closing quote (`... upset Iran.”`) holds whole sentences and is split like any text.
 */
function quoteClosesLater(text: string, from: number, depth: number): boolean {
  let d = depth;
  const limit = Math.min(text.length, from + QUOTE_LOOKAHEAD);
  for (let i = from; i < limit; i++) {
    const c = text[i]!;
    if (c === BLOCK_BREAK) return false;
    if (c === OPEN_QUOTE) d++;
    else if (c === CLOSE_QUOTE && --d < depth) return !/[\p{Sentence_Terminal}]/u.test(text[i - 1] ?? '');
  }
  return false;
}

type Gap = 'block' | 'line' | 'space';

/** What separates `end` (end of the content before a break) from `next` (the next content). */
function gapKind(text: string, end: number, next: number): Gap {
  let lines = 0;
  for (let i = end; i < next; i++) {
    const c = text[i]!;
    if (c === BLOCK_BREAK) return 'block';
    // "\r\n" is one line break.
    if (isLineBreak(c) && !(c === '\n' && text[i - 1] === '\r')) lines++;
  }
  return lines >= 2 ? 'block' : lines === 1 ? 'line' : 'space';
}

/**
 * The sentences of `text` from offset `from` on (where a sentence is taken to start), one at a
 * time: the caller may stop early or pause between them.
 */
export function* sentenceSpans(text: string, from = 0): Generator<SentenceSpan, void, void> {
  // Block by block: a block break always ends a sentence, and most blocks of a page (headings,
  // captions, one-sentence paragraphs) need no Segmenter at all.
  for (let start = from; start < text.length; ) {
    const blockBreak = text.indexOf(BLOCK_BREAK, start);
    const end = blockBreak < 0 ? text.length : blockBreak;
    yield* blockSentences(text, start, end);
    start = end + 1;
  }
}

/** The sentences of the block `text[from, to)`, which has no block break inside. */
function* blockSentences(text: string, from: number, to: number): Generator<SentenceSpan, void, void> {
  let start = from;
  while (start < to && isSpace(text.charCodeAt(start))) start++;
  if (start >= to) return;
  if (!MAY_BREAK.test(text.slice(start, to))) {
    yield { start, end: trimmedEnd(text, start, to) };
    return;
  }
  const quotes = quoteDepth(text, start);
  for (const b of candidates(text, start, to)) {
    if (b <= start) continue;
    const end = trimmedEnd(text, start, b);
    let next = b;
    while (next < to && isSpace(text.charCodeAt(next))) next++;
    const gap = gapKind(text, end, next);
    // A single line break is whitespace: it ends a sentence only where a stop does.
    if (gap === 'line' && !endsWithStop(text, end)) continue;
    if (gap !== 'block' && !endsSentence(text, end, next, quotes.at(b))) continue;
    if (end > start) yield { start, end };
    if (gap === 'block') quotes.reset(next);
    start = next;
    if (start >= to) return;
  }
  const end = trimmedEnd(text, start, to);
  if (end > start) yield { start, end };
}

/** The stop that content ending at `end` ends with, before its closing quotes and brackets (-1: none). */
function stopBefore(text: string, end: number): number {
  let stop = end - 1;
  while (stop >= 0 && CLOSER.test(text[stop]!)) stop--;
  return stop;
}

function endsWithStop(text: string, end: number): boolean {
  return /[\p{Sentence_Terminal}]/u.test(text[stopBefore(text, end)] ?? '');
}

/** Whether the break between content ending at `end` and the next at `next` ends a sentence. */
function endsSentence(text: string, end: number, next: number, depth: number): boolean {
  // UAX #29 counts opening brackets among the closers it keeps with a stop ("groups.[39]").
  if (OPENER.test(text[end - 1] ?? '')) return false;
  const stop = stopBefore(text, end);
  const opening = /^[“"‘'([«]*(.)/u.exec(text.slice(next, next + 8))?.[1] ?? '';
  if (/\p{Ll}/u.test(opening)) return false;
  if (text[stop] === '.' && isAbbreviation(text, stop, next)) return false;
  if (depth > 0 && quoteClosesLater(text, next, depth)) return false;
  return true;
}

/**
 * How many quotations are open at an offset, counted from the start of the paragraph; offsets
 * are asked in increasing order. Jumps from quote to quote (most text has none).
 */
function quoteDepth(text: string, from: number) {
  let depth = 0;
  let nextOpen = text.indexOf(OPEN_QUOTE, from);
  let nextClose = text.indexOf(CLOSE_QUOTE, from);
  return {
    at(offset: number): number {
      for (;;) {
        const open = nextOpen >= 0 && nextOpen < offset;
        const close = nextClose >= 0 && nextClose < offset;
        if (!open && !close) break;
        if (open && (!close || nextOpen < nextClose)) {
          depth++;
          nextOpen = text.indexOf(OPEN_QUOTE, nextOpen + 1);
        } else {
          depth = Math.max(0, depth - 1);
          nextClose = text.indexOf(CLOSE_QUOTE, nextClose + 1);
        }
      }
      return depth;
    },
    /** A new paragraph starts at `offset`: quotations left open before it are forgotten. */
    reset(offset: number): void {
      this.at(offset);
      depth = 0;
    },
  };
}

function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

/** Every sentence of a short text (a paragraph), with its text. */
export function splitSentences(text: string): Sentence[] {
  return [...sentenceSpans(text)].map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
}

/**
 * A text's sentences, split on first use and kept: for the rules that each read the same text
 * sentence by sentence (institution nouns, event cues), so that it is split once.
 */
export function sentencesOnce(text: string): Iterable<SentenceSpan> {
  let spans: SentenceSpan[] | undefined;
  return { [Symbol.iterator]: () => (spans ??= [...sentenceSpans(text)])[Symbol.iterator]() };
}
