/**
 * Extracting one document: its passages, its mentions of each known entity with the passages
 * ranked (most characterising first), and its text fingerprint. Pure and per document, so a
 * document is read once, on its own, wherever the builder runs (the CLI's worker threads, the
 * extension's builder), and the rows it gives are merged without reading any other document.
 *
 * Mentions are found with the engine's own `spotText` over the document's whole text, so a
 * document shows the same mentions in the reader as it would on a web page, plus the names
 * nested in a match ("the death of Qassem Soleimani" also mentions Soleimani).
 */
import { spotText } from '../engine/evidence';
import { loadMatcher, type Matcher } from '../engine/matcher';
import type { MatcherData, RawMatch } from '../engine/types';
import { documentFingerprint } from '../corpus/identity';
import type { PackMention } from '../corpus/pack';
import type { DocumentFingerprint } from '../recognition/types';
import { characterise, rankPassages, type ScoredPassage } from './accounts';
import { foldedKey, type MatcherInput } from './gazetteer';
import { documentPassages, documentText } from './passages';
import type { Passage } from './types';

/** What extraction reads a document with: the matcher, and every unambiguous name by its folded key. */
export interface Extractor {
  matcher: Matcher;
  /** Folded key → matcher entity index, for names nested inside a longer match. */
  nestedNames: ReadonlyMap<string, number>;
}

export function createExtractor(matcher: MatcherData, input: MatcherInput): Extractor {
  const nestedNames = new Map<string, number>();
  // Names that need no context (unique and common ones) of entities a page can show: not the
  // blockers and topic words, which the matcher learns only to weigh evidence.
  for (const p of input.patterns) {
    const entity = input.entities[p.entity];
    if (p.specificity !== 'ambiguous' && entity && !entity.blocker && !entity.topic) nestedNames.set(foldedKey(p.text), p.entity);
  }
  return { matcher: loadMatcher(matcher), nestedNames };
}

/** The document as extraction reads it: its id, title (for the fingerprint) and paragraphs. */
export interface ExtractionSource {
  id: string;
  title: string;
  paragraphs: readonly string[];
}

export interface DocumentScan {
  text: string;
  paragraphStarts: number[];
  /** Every name the matcher finds, before the context rule, plus the names nested in them. */
  raw: RawMatch[];
  rawEntityIds: string[];
}

export interface DocumentExtraction {
  doc: string;
  /** Every passage of the document (one per sentence), with the entities it names. */
  passages: Passage[];
  /** One row per entity the document mentions, by entity id. */
  mentions: PackMention[];
  fingerprint: DocumentFingerprint;
  /** What the matcher saw, for the curator's report (`npm run corpus`); never stored. */
  scan: DocumentScan;
}

export function extractDocument(doc: ExtractionSource, extractor: Extractor): DocumentExtraction {
  const { matcher, nestedNames } = extractor;
  const { text, paragraphStarts } = documentText(doc.paragraphs);
  const withNested = (matches: readonly RawMatch[]) =>
    matches.flatMap((m) => [m, ...nestedMatches(text, m, nestedNames)]).sort((a, b) => a.start - b.start || b.end - a.end);
  const found = matcher.findAll(text);
  const spotted = spotText(matcher, text);
  // Events spotted from their cues count as found, so cites to a paragraph that
  // describes an event without naming it are checked against that.
  const taken = new Set(found.map((m) => `${m.start}:${m.end}`));
  const cued = spotted.filter((m) => !taken.has(`${m.start}:${m.end}`));
  const raw = withNested([...found, ...cued]);
  const mentions = withNested(spotted).map((m) => ({ start: m.start, end: m.end, entity: matcher.entities[m.entity]!.id }));

  const spans = documentPassages(doc.id, doc.paragraphs);
  // A mention lies in its own paragraph's passages only (a name never runs across paragraphs).
  const byParagraph = new Map<number, number[]>();
  spans.forEach((span, i) => byParagraph.set(span.para, [...(byParagraph.get(span.para) ?? []), i]));
  const perPassage = spans.map(() => new Set<string>());
  const best = spans.map(() => new Map<string, number>()); // entity → best characterisation in own sentence
  const counts = new Map<string, number>();
  for (const mention of mentions) {
    counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1);
    for (const i of byParagraph.get(paragraphAt(paragraphStarts, mention.start)) ?? []) {
      const span = spans[i]!;
      if (mention.start >= span.textStart && mention.end <= span.end) perPassage[i]!.add(mention.entity);
      if (mention.start >= span.start && mention.end <= span.end) {
        const score = characterise(text.slice(span.start, span.end), mention.start - span.start, mention.end - span.start);
        best[i]!.set(mention.entity, Math.max(score, best[i]!.get(mention.entity) ?? 0));
      }
    }
  }
  const passages: Passage[] = [];
  const scored = new Map<string, ScoredPassage[]>(); // entity → its passages
  spans.forEach((span, i) => {
    passages.push({ id: span.id, doc: span.doc, para: span.para, text: span.text, entities: [...perPassage[i]!].sort() });
    for (const [entity, score] of best[i]!) {
      scored.set(entity, [...(scored.get(entity) ?? []), { id: span.id, order: i, score: score as ScoredPassage['score'] }]);
    }
  });
  const rows = [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([entity, count]): PackMention => ({ entity, doc: doc.id, count, passages: rankPassages(scored.get(entity) ?? []) }));
  return {
    doc: doc.id,
    passages,
    mentions: rows,
    fingerprint: documentFingerprint({ id: doc.id, title: doc.title, paragraphs: doc.paragraphs }),
    scan: { text, paragraphStarts, raw, rawEntityIds: raw.map((m) => matcher.entities[m.entity]!.id) },
  };
}

/**
 * The names of other entities inside a match. The matcher keeps only the longest name at a
 * place (right for marking a page), but for the knowledge base "the death of Qassem Soleimani"
 * also mentions Soleimani, and "rocket landed inside Baghdad airport" the airport.
 * Longest first, non-overlapping, on word boundaries.
 */
function nestedMatches(text: string, outer: RawMatch, index: ReadonlyMap<string, number>): RawMatch[] {
  const words = [...text.slice(outer.start, outer.end).matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((w) => ({
    start: outer.start + w.index,
    end: outer.start + w.index + w[0].length,
  }));
  const candidates: RawMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i; j < words.length; j++) {
      if (i === 0 && j === words.length - 1) continue;
      const start = words[i]!.start;
      const end = words[j]!.end;
      const entity = index.get(foldedKey(text.slice(start, end)));
      if (entity !== undefined && entity !== outer.entity) candidates.push({ start, end, entity, specificity: outer.specificity });
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: RawMatch[] = [];
  for (const c of candidates) if (!chosen.some((o) => o.start < c.end && c.start < o.end)) chosen.push(c);
  return chosen;
}

/** 1-based paragraph containing `offset`. */
export function paragraphAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
