/**
 * Words and punctuation of a passage with their offsets, for the stance and characterisation
 * rules: they look at what stands next to a name (a determiner, a copula, a comma, a quote
 * mark), so a token keeps its exact place in the passage and the quotes cut from it stay
 * verbatim. DOM-free.
 */

export type TokenKind = 'word' | 'punct' | 'open-quote' | 'close-quote' | 'quote';

export interface Token {
  text: string;
  /** Lower-cased, curly apostrophes straightened, a trailing possessive ’s dropped: the lexicon's key. */
  key: string;
  kind: TokenKind;
  /** Offsets in the tokenised text, end exclusive. */
  start: number;
  end: number;
  /** The word ended in a possessive ’s ("Khamenei’s"). */
  possessive?: true;
}

/** A word: letters and digits, joined by inner apostrophes, hyphens and decimal points ("anti-American", "don’t", "3.5"). */
const WORD = String.raw`[\p{L}\p{N}\p{M}]+(?:['’\-.,][\p{L}\p{N}\p{M}]+)*`;
const TOKEN = new RegExp(String.raw`(${WORD})|([“”"‘’'«»])|([^\s\p{L}\p{N}\p{M}])`, 'gu');

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      // A thousands separator or decimal point belongs to a number, not to "Iraq,the".
      let word = m[1];
      if (/[.,]/u.test(word) && !/^\p{N}[\p{N}.,]*$/u.test(word)) {
        word = word.split(/[.,]/u)[0]!;
      }
      const straight = word.replace(/’/gu, "'");
      const possessive = /'s$/iu.test(straight) && straight.length > 2;
      tokens.push({
        text: word,
        key: (possessive ? straight.slice(0, -2) : straight).toLowerCase(),
        kind: 'word',
        start,
        end: start + word.length,
        ...(possessive ? { possessive: true as const } : {}),
      });
      if (word.length < m[1].length) {
        // Re-tokenise what the split left over ("Iraq,the" → "Iraq" "," "the").
        const rest = text.slice(start + word.length, end);
        for (const t of tokenise(rest)) tokens.push({ ...t, start: t.start + start + word.length, end: t.end + start + word.length });
      }
    } else if (m[2] !== undefined) {
      tokens.push({ text: m[2], key: m[2], kind: quoteKind(m[2], text, start), start, end });
    } else {
      tokens.push({ text: m[0], key: m[0], kind: 'punct', start, end });
    }
  }
  return tokens;
}

/** Curly quotes say which side they are; straight ones are read from what surrounds them. */
function quoteKind(mark: string, text: string, at: number): TokenKind {
  if (mark === '“' || mark === '‘' || mark === '«') return 'open-quote';
  if (mark === '”' || mark === '’' || mark === '»') return 'close-quote';
  const before = at === 0 ? ' ' : text[at - 1]!;
  return /[\s([{—–-]/u.test(before) ? 'open-quote' : /[\p{L}\p{N}.,!?;:]/u.test(before) ? 'close-quote' : 'quote';
}
