/**
 * The sentence around a mention, for the card's Save button: from the end of the previous
 * sentence (or line) to the end of this one, in the page's text. DOM-free.
 */

/** A sentence longer than this either way is cut: a Save must stay a passage, not a page. */
const MAX_REACH = 600;

export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  const floor = Math.max(0, start - MAX_REACH);
  while (from > floor && !endsSentenceBefore(text, from)) from--;
  let to = end;
  const ceiling = Math.min(text.length, end + MAX_REACH);
  while (to < ceiling && !isLineBreak(text[to]!) && !endsSentenceAt(text, to)) to++;
  if (to < ceiling && endsSentenceAt(text, to)) {
    to++;
    while (to < text.length && /["'”’)\]]/.test(text[to]!)) to++;
  }
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return { start: from, end: Math.max(to, from) };
}

function isLineBreak(c: string): boolean {
  return c === '\n' || c === '\r';
}

/** Does a sentence (or line) end just before `at`? "…talks. Kadhimi" → yes at "K". */
function endsSentenceBefore(text: string, at: number): boolean {
  const prev = text[at - 1]!;
  if (isLineBreak(prev)) return true;
  if (!/\s/.test(prev)) return false;
  let i = at - 2;
  while (i >= 0 && /["'”’)\]]/.test(text[i]!)) i--;
  return i >= 0 && /[.!?]/.test(text[i]!) && !isInitial(text, i);
}

/** "U.S." and "J. Smith": a full stop after a lone capital is an abbreviation, not an end. */
function isInitial(text: string, dot: number): boolean {
  return text[dot] === '.' && /\p{Lu}/u.test(text[dot - 1] ?? '') && (dot < 2 || /[\s.]/.test(text[dot - 2]!));
}

/** `.`, `!` or `?` followed by space or the end: "U.S." inside a word is not an end. */
function endsSentenceAt(text: string, at: number): boolean {
  if (!/[.!?]/.test(text[at]!) || isInitial(text, at)) return false;
  let next = at + 1;
  while (next < text.length && /["'”’)\]]/.test(text[next]!)) next++;
  return next >= text.length || /\s/.test(text[next]!);
}
