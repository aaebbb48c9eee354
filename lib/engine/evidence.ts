/**
 * The context rule: a name that could mean something else counts only when the page is
 * clearly about the corpus.
 * - `unique` names always count;
 * - `common` names ("David Hale") need another entity named uniquely on the page;
 * - `ambiguous` names ("PMU", "Hale") need the same entity named unambiguously on the page
 *   (uniquely, or by a common name that itself counts), or two other entities named uniquely.
 *   A common name counts here only when it is accepted itself: on a page about David Hale the
 *   novelist, "Hale" must not be marked as the diplomat when "David Hale" is not.
 * Entities the reader suppressed ("not this") never count, neither as mentions nor as evidence.
 *
 * Issue 3, the page's topic score: besides other entities, topic words (data/topic-words.json:
 * "Iraqi", "militias", "Shiite"...) found on the page count, every two distinct ones as one
 * entity. A blocker or a topic word is never a mention itself.
 */
import type { Mention, RawMatch } from './types';
import type { Matcher } from './matcher';
import { findEventMentions } from './events';
import { dropOtherNames } from './name-context';

export class PageEvidence {
  private readonly matcher: Matcher;
  /** Entities with a `unique` match somewhere on the page. */
  private readonly named = new Set<number>();
  /** Entities with a `unique` or `common` match somewhere on the page (the unique ones are in `named` too). */
  private readonly namedOrCommon = new Set<number>();
  /** Distinct topic words found on the page. */
  private readonly topicWords = new Set<number>();

  constructor(matcher: Matcher) {
    this.matcher = matcher;
  }

  /** Record matches found anywhere on the page; incremental scans call it once per chunk. */
  add(matches: readonly RawMatch[]): void {
    for (const m of matches) {
      const entity = this.matcher.entities[m.entity];
      if (entity?.topic) {
        this.topicWords.add(m.entity);
        continue;
      }
      if (m.specificity === 'ambiguous' || entity?.blocker) continue;
      this.namedOrCommon.add(m.entity);
      if (m.specificity === 'unique') this.named.add(m.entity);
    }
  }

  /** Whether the page's evidence so far lets this match count as a mention. */
  accepts(match: RawMatch, suppressed?: ReadonlySet<string>): boolean {
    const isSuppressed = (entity: number) => suppressed !== undefined && suppressed.has(this.matcher.entities[entity]?.id ?? '');
    if (isSuppressed(match.entity)) return false;
    const entity = this.matcher.entities[match.entity];
    if (entity?.blocker || entity?.topic) return false; // learnt only to win over shorter names, or as evidence
    switch (match.specificity) {
      case 'unique':
        return true;
      case 'common':
        return this.othersNamed(match.entity, 1, isSuppressed);
      case 'ambiguous':
        if (this.named.has(match.entity)) return true;
        if (this.namedOrCommon.has(match.entity) && this.othersNamed(match.entity, 1, isSuppressed)) return true;
        return this.othersNamed(match.entity, 2, isSuppressed);
    }
  }

  /** At least `needed` entities other than `entity`, not suppressed, named uniquely (two topic words count as one). */
  private othersNamed(entity: number, needed: number, isSuppressed: (entity: number) => boolean): boolean {
    let count = Math.floor(this.topicWords.size / 2);
    if (count >= needed) return true;
    for (const other of this.named) {
      if (other === entity || isSuppressed(other)) continue;
      if (++count >= needed) return true;
    }
    return false;
  }
}

/** Match a whole text and keep what the context rule accepts: the CLI's and reader's path. */
export function spotText(matcher: Matcher, text: string, options?: { suppressed?: ReadonlySet<string> }): Mention[] {
  const matches = dropOtherNames(text, matcher.findAll(text));
  const evidence = new PageEvidence(matcher);
  evidence.add(matches);
  const accepted = matches.filter((m) => evidence.accepts(m, options?.suppressed));
  return withEventMentions(matcher, text, accepted, options?.suppressed);
}

/** Issue 3: add the events the accepted mentions' sentences talk about, in text order. */
export function withEventMentions(matcher: Matcher, text: string, accepted: RawMatch[], suppressed?: ReadonlySet<string>): Mention[] {
  return mergeEventMentions(matcher, accepted, findEventMentions(matcher.eventCues, text, accepted), suppressed);
}

/** The accepted mentions plus the events found for them that are not suppressed, in text order. */
export function mergeEventMentions(
  matcher: Matcher,
  accepted: RawMatch[],
  found: readonly RawMatch[],
  suppressed?: ReadonlySet<string>,
): Mention[] {
  const events = found.filter((m) => !suppressed?.has(matcher.entities[m.entity]?.id ?? ''));
  if (events.length === 0) return accepted;
  return [...accepted, ...events].sort((a, b) => a.start - b.start);
}
