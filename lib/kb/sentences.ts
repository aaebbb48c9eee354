/**
 * Splits a paragraph of news prose into sentences, keeping offsets so mentions found in the
 * whole text can be mapped back to the sentence (and passage) they sit in.
 *
 * A boundary is a full stop, question or exclamation mark, optionally followed by closing
 * quotes or brackets, then whitespace, then something a sentence can start with (a capital, a
 * digit, an opening quote, "$"). It is not a boundary when:
 * - the word before the stop is an abbreviation or title ("Mr.", "Gen.", "Sep. 23", "No. 5")
 *   or a single initial ("George W. Bush");
 * - the word before the stop is an initialism ("U.S.", "U.N.") and the next word is not one
 *   that typically opens a sentence ("U.S. officials" stays whole; "... the U.S. The next" splits);
 * - it falls inside a quotation that closes later in the same paragraph in mid-sentence:
 *   quoted speech of several sentences followed by its attribution (“... soil. Iran and Iraq
 *   ...,” the PM said) is one sentence. A quotation that runs on past the paragraph (the newspaper habit of
 *   re-opening quotes on every paragraph of a long quote) is split normally.
 * Decimals ("3.5"), thousands ("$1,000") and ordinals ("29th") never meet the rule because
 * no whitespace follows their punctuation.
 */

export interface Sentence {
  text: string;
  /** UTF-16 offsets into the split string, end exclusive; `text` is trimmed. */
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'sgt',
    'gov', 'sen', 'rep', 'rev', 'pres', 'amb', 'hon', 'no', 'nos', 'vol', 'fig', 'vs', 'etc', 'approx',
    'inc', 'ltd', 'co', 'corp', 'dept', 'est', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
    'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  ],
);

/** Words that open a new sentence after an initialism ("... with the U.S. The talks ..."). */
const SENTENCE_OPENERS = new Set(
  [
    'the', 'a', 'an', 'this', 'these', 'that', 'those', 'it', 'its', 'they', 'their', 'he', 'his', 'she',
    'her', 'we', 'our', 'i', 'in', 'on', 'at', 'but', 'and', 'however', 'although', 'meanwhile', 'there',
    'what', 'when', 'while', 'as', 'after', 'before', 'since', 'if', 'so', 'yet', 'for',
  ],
);

const TERMINATOR = /[.?!…]/u;
const CLOSERS = /[”"’')\]»]/u;
const OPENER = /[\p{Lu}\p{Lt}\p{Lo}\p{N}“"‘'([$£€]/u;
/** How far ahead a quotation may close and still hold its sentences together. */
const QUOTE_LOOKAHEAD = 600;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let sentenceStart = 0;
  let quoteDepth = 0;

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '“') quoteDepth++;
    else if (ch === '”') quoteDepth = Math.max(0, quoteDepth - 1);
    if (!TERMINATOR.test(ch)) continue;

    // Take in repeated terminators ("?!", "...") and the closing quotes or brackets after them.
    let end = i + 1;
    while (end < text.length && (TERMINATOR.test(text[end]!) || CLOSERS.test(text[end]!))) {
      if (text[end] === '”') quoteDepth = Math.max(0, quoteDepth - 1);
      end++;
    }
    let next = end;
    while (next < text.length && /\s/u.test(text[next]!)) next++;
    const boundary =
      next > end &&
      next < text.length &&
      OPENER.test(text[next]!) &&
      !isAbbreviation(text, i, next) &&
      !(quoteDepth > 0 && quoteClosesLater(text, next, quoteDepth));
    i = end - 1;
    if (!boundary) continue;
    push(sentences, text, sentenceStart, end);
    sentenceStart = next;
  }
  push(sentences, text, sentenceStart, text.length);
  return sentences;
}

function push(sentences: Sentence[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const leading = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (!trimmed) return;
  sentences.push({ text: trimmed, start: start + leading, end: start + leading + trimmed.length });
}

/** Is the stop at `stop` part of an abbreviation rather than the end of a sentence? */
function isAbbreviation(text: string, stop: number, next: number): boolean {
  if (text[stop] !== '.') return false;
  const word = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, stop - 20), stop))?.[0] ?? '';
  if (!word) return false;
  const bare = word.replace(/^\.+/, '');
  if (ABBREVIATIONS.has(bare.toLowerCase())) return true;
  // A single capital initial: "George W. Bush".
  if (/^\p{Lu}$/u.test(bare)) return true;
  // An initialism such as "U.S" or "U.N": only ends a sentence before a typical opener.
  if (/^(\p{L}\.)+\p{L}$/u.test(bare)) {
    const following = /^[\p{L}]+/u.exec(text.slice(next))?.[0] ?? '';
    return !SENTENCE_OPENERS.has(following.toLowerCase());
  }
  return false;
}

/**
 * Does the innermost open quotation (at `depth`) close later in this text, within reach, in
 * the middle of a sentence (`...,” the PM said`)? A quotation whose last sentence ends before
 * the closing quote (`... upset Iran.”`) holds whole sentences and is split like any text.
 */
function quoteClosesLater(text: string, from: number, depth: number): boolean {
  let d = depth;
  const limit = Math.min(text.length, from + QUOTE_LOOKAHEAD);
  for (let i = from; i < limit; i++) {
    if (text[i] === '“') d++;
    else if (text[i] === '”' && --d < depth) return !TERMINATOR.test(text[i - 1] ?? '');
  }
  return false;
}
