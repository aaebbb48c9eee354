/**
 * Anchor selectors for a saved highlight, over the page's text (see `entrypoints/content/
 * highlight-text.ts` for what "the page's text" is): the quote with context either side
 * (Hypothesis's TextQuoteSelector) and its offsets (TextPositionSelector). DOM-free.
 */

/** Characters of context kept either side of the quote, as Hypothesis does. */
export const CONTEXT_CHARS = 32;

export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  start: number;
  end: number;
}

export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** Describe `text[start, end)` by both selectors. */
export function describe(text: string, start: number, end: number): Selectors {
  if (start < 0 || end > text.length || start >= end) throw new RangeError(`bad range ${start}-${end}`);
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, Math.min(text.length, end + CONTEXT_CHARS)),
    },
    position: { start, end },
  };
}
