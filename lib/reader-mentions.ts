/**
 * The document reader's marks: the same matcher and evidence rules as on any web page, run over
 * the document's paragraphs joined the way a page's text joins its blocks (and the knowledge-
 * base builder joins them: `documentText`), and each paragraph cut into runs of plain text,
 * mentions and the linked passage so the reader can render them as elements (text, never
 * HTML). DOM-free.
 */
import { spotText } from './engine/evidence';
import type { Matcher } from './engine/matcher';
import { documentText } from './kb/passages';

export interface ParagraphMention {
  /** Offsets into the paragraph's text, end exclusive. */
  start: number;
  end: number;
  entity: string;
}

/**
 * Paragraphs are spotted as one text, as a page's are, so context in one paragraph counts for
 * the others while no name or sentence runs from one into the next.
 */
export function spotParagraphs(
  matcher: Matcher,
  paragraphs: readonly string[],
  suppressed?: ReadonlySet<string>,
): ParagraphMention[][] {
  const { text, paragraphStarts: starts } = documentText(paragraphs);
  const result: ParagraphMention[][] = paragraphs.map(() => []);
  let i = 0;
  for (const m of spotText(matcher, text)) {
    const entity = matcher.entities[m.entity]?.id;
    if (!entity || suppressed?.has(entity)) continue;
    while (i + 1 < starts.length && starts[i + 1]! <= m.start) i++;
    const base = starts[i]!;
    result[i]!.push({ start: m.start - base, end: m.end - base, entity });
  }
  return result;
}

export type Run =
  | { kind: 'text'; text: string }
  | { kind: 'mention'; text: string; entity: string }
  | { kind: 'passage'; runs: Run[] };

/**
 * The paragraph as runs: mentions as their own runs, and the passage (when it is in this
 * paragraph) as one run holding its own text and mentions. A mention that straddles the
 * passage's edge is taken into it, so no name is cut in two.
 */
export function paragraphRuns(text: string, mentions: readonly ParagraphMention[], passage?: string): Run[] {
  let from = passage ? text.indexOf(passage) : -1;
  if (from < 0 || !passage) return plainRuns(text, 0, text.length, mentions);
  let to = from + passage.length;
  for (const m of mentions) {
    if (m.start < from && m.end > from) from = m.start;
    if (m.start < to && m.end > to) to = m.end;
  }
  return [
    ...plainRuns(text, 0, from, mentions),
    { kind: 'passage', runs: plainRuns(text, from, to, mentions) },
    ...plainRuns(text, to, text.length, mentions),
  ];
}

function plainRuns(text: string, from: number, to: number, mentions: readonly ParagraphMention[]): Run[] {
  const runs: Run[] = [];
  let at = from;
  for (const m of mentions) {
    if (m.start < from || m.end > to) continue;
    if (m.start > at) runs.push({ kind: 'text', text: text.slice(at, m.start) });
    runs.push({ kind: 'mention', text: text.slice(m.start, m.end), entity: m.entity });
    at = m.end;
  }
  if (at < to) runs.push({ kind: 'text', text: text.slice(at, to) });
  return runs;
}
