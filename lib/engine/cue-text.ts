/**
 * What an event cue's trigger needs of a sentence beyond a regular expression (events.ts uses
 * these):
 * - Arabic and Persian letter forms are folded as the matcher folds them (ی ي, ک ك, ة ه, أ إ آ ا),
 *   one code unit for one, so a trigger written زيارة finds the Persian-lettered زیارة and every
 *   offset stays the page's;
 * - Arabic's one-letter proclitics (و ف ب ك ل) may be joined to a trigger, and are not part of it
 *   (بزيارة → زيارة);
 * - a sentence dated only with other years is about another event ("Qaani's 2022 visit");
 * - a trigger after a possessive pronoun ("his appointment", "his first visit") is attached to
 *   the participant the sentence before named. (A trigger after a participant's own possessive
 *   still needs what its cue also needs: "Kadhimi's visit" to Washington is not the one to Tehran.)
 * DOM-free.
 */

const FOLDS: Record<string, string> = {
  '\u06CC': '\u064A', // ی
  '\u0649': '\u064A', // ى
  '\u0626': '\u064A', // ئ
  '\u06A9': '\u0643', // ک
  '\u0629': '\u0647', // ة
  '\u0623': '\u0627', // أ
  '\u0625': '\u0627', // إ
  '\u0622': '\u0627', // آ
  '\u0671': '\u0627', // ٱ
  '\u0624': '\u0648', // ؤ
};
const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'gu');

/** `text` with Arabic letter variants folded, code unit for code unit (offsets unchanged). */
export function foldArabicLetters(text: string): string {
  return text.replace(FOLDABLE, (c) => FOLDS[c]!);
}

/**
 * A trigger's regular expression (an event cue's, an institution noun's): word-bounded, after up to two proclitics, which group 1 holds
 * so that the mention starts after them; its source is folded like the text. A source with no
 * Arabic letters gets ASCII word boundaries and no Unicode mode, which the regex engine scans
 * several times faster (triggers run on most sentences of a page on the subject): `\b` does not
 * know Arabic letters, so those get "not a letter or digit" lookarounds instead.
 */
export function triggerPattern(source: string, caseSensitive = false): RegExp {
  const flags = caseSensitive ? 'g' : 'gi';
  if (!ARABIC.test(source)) return new RegExp(`\\b()(?:${source})\\b`, flags);
  return new RegExp(`(?<![\\p{L}\\p{N}])([وفبكل]{0,2})(?:${foldArabicLetters(source)})(?![\\p{L}\\p{N}])`, `${flags}u`);
}

/** Words that must occur (a participant's, an also-word): word-bounded like a trigger, no proclitics. */
export function wordsPattern(source: string): RegExp {
  if (!ARABIC.test(source)) return new RegExp(`\\b(?:${source})\\b`, 'i');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${foldArabicLetters(source)})(?![\\p{L}\\p{N}])`, 'iu');
}

const ARABIC = /[\u0600-\u06FF]/;

/** Whether one of `patterns` (`wordsPattern`s) occurs in `text`, folded as their sources are. */
export function anyWordsOccur(patterns: readonly RegExp[], text: string): boolean {
  if (patterns.length === 0) return false;
  const folded = hasArabicScript(text) ? foldArabicLetters(text) : text;
  return patterns.some((pattern) => pattern.test(folded));
}

let lastText: string | undefined;
let lastHasArabic = false;

/**
 * Whether `text` has Arabic-script letters at all (most pages have none, and need no folding).
 * The last answer is kept: the rules ask it of the same text one after another.
 */
export function hasArabicScript(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastHasArabic = ARABIC.test(text);
  }
  return lastHasArabic;
}

const YEAR = /(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/g;

/** Whether `sentence` gives years and none of them is the event's (its first to last year). */
export function datedOtherwise(sentence: string, years: readonly [number, number] | undefined): boolean {
  if (!years) return false;
  let any = false;
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(sentence); m; m = YEAR.exec(sentence)) {
    const year = Number(m[1]);
    if (year >= years[0] && year <= years[1]) return false;
    any = true;
  }
  return any;
}

const PRONOUN_BEFORE = /(?<![\p{L}])(?:his|her|their)\s+(?:[\p{Ll}]+\s+)?$/iu;
const PRONOUN = /(?<![\p{L}])(?:his|her|their)(?![\p{L}])/iu;

/** Whether a sentence has a possessive pronoun a trigger could follow. */
export function hasPossessivePronoun(sentence: string): boolean {
  return PRONOUN.test(sentence);
}

/** Whether text[start] follows a possessive pronoun, with at most one word between ("his first visit"). */
export function afterPronoun(text: string, start: number): boolean {
  return PRONOUN_BEFORE.test(text.slice(Math.max(0, start - 30), start));
}
