/**
 * Where an entity is named in a passage. The knowledge base records which entities a passage
 * mentions, not where; the stance and characterisation rules need the place. DOM-free.
 */
import { foldForQuote } from '../kb/contrasts';
import type { Matcher } from '../engine/matcher';

export interface Span {
  /** Offsets in the passage text, end exclusive. */
  start: number;
  end: number;
}

export interface NamedSpan extends Span {
  entity: string;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Lower-cased per character so that offsets into the folded text stay one-to-one. */
function foldCase(text: string): string {
  let out = '';
  for (const ch of text) out += ch.length === 1 ? (ch.toLowerCase()[0] ?? ch) : ch;
  return out;
}

/**
 * Every word-bounded occurrence of any of `names` in `text`, case, quote marks, dashes and
 * whitespace folded; longest first where two overlap.
 */
export function findNames(text: string, names: readonly string[]): Span[] {
  const { folded, offsets } = foldForQuote(text);
  const hay = foldCase(folded);
  const found: Span[] = [];
  const needles = [...new Set(names.map((n) => foldCase(foldForQuote(n).folded)).filter((n) => n.length > 0))];
  needles.sort((a, b) => b.length - a.length);
  for (const needle of needles) {
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
      const before = at > 0 ? hay[at - 1]! : ' ';
      const after = at + needle.length < hay.length ? hay[at + needle.length]! : ' ';
      if (WORD_CHAR.test(before) || WORD_CHAR.test(after)) continue;
      const start = offsets[at]!;
      const end = offsets[at + needle.length - 1]! + 1;
      if (found.some((s) => s.start < end && start < s.end)) continue;
      found.push({ start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The names the matcher finds in a passage (blockers and topic words left out), with entity ids. */
export function matcherMentions(text: string, matcher: Matcher): NamedSpan[] {
  return matcher
    .findAll(text)
    .filter((m) => {
      const entity = matcher.entities[m.entity]!;
      return !entity.blocker && !entity.topic;
    })
    .map((m) => ({ start: m.start, end: m.end, entity: matcher.entities[m.entity]!.id }));
}
