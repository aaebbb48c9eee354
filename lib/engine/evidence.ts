/**
 * The context rule: a name that could mean something else counts only when the page is
 * clearly about the corpus.
 * - `unique` names always count;
 * - `common` names ("David Hale", a surname alone) need another entity named uniquely on the
 *   page, or the same entity by a unique name ("Soleimani" beside "Qasem Soleimani");
 * - `ambiguous` names ("PMU", "Hale") need the same entity named unambiguously on the page
 *   (uniquely, or by a common name that itself counts), or two other entities named: both
 *   uniquely, or one uniquely and one by a common name that counts beside it.
 *   A common name counts here only when it is accepted itself: on a page about David Hale the
 *   novelist, "Hale" must not be marked as the diplomat when "David Hale" is not.
 * Entities the reader suppressed ("not this") never count, neither as mentions nor as evidence.
 *
 * The page's topic score: besides other entities, topic words (data/topic-words.json:
 * "Iraqi", "militias", "Shiite"...) found on the page count, every two distinct ones as one
 * entity. A blocker or a topic word is never a mention itself.
 *
 * And the pipeline that applies the rule (`PageSpotting`, `spotText`). DOM-free.
 */
import { runSteps, type Steps } from '../steps';
import { sentencesOnce } from '../text/sentences';
import { compiledRules } from './compiled-rules';
import { eventMentionSteps, findEventMentions } from './events';
import { findInstitutionNouns } from './institution-nouns';
import type { Matcher } from './matcher';
import { dropOtherCountries, dropOtherNames, othersOfTheName, promoteTitledNames, readPossessiveOf } from './name-context';
import type { Mention, RawMatch } from './types';
import { findAllSteps, needsSlicing } from './windowed-match';

export class PageEvidence {
  private readonly matcher: Matcher;
  /** Entities with a `unique` match somewhere on the page. */
  private readonly named = new Set<number>();
  /** Entities with a `unique` or `common` match somewhere on the page (the unique ones are in `named` too). */
  private readonly namedOrCommon = new Set<number>();
  /** Distinct topic words found on the page. */
  private readonly topicWords = new Set<number>();
  /** People whose surname the page writes after someone else's given name (`othersOfTheName`). */
  private readonly otherBearers = new Set<number>();

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

  /** Record people whose surname the page gives someone else too. */
  addOtherBearers(entities: readonly number[]): void {
    for (const e of entities) this.otherBearers.add(e);
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
        // A surname alone ("Soleimani") counts beside its own full name, too.
        return this.named.has(match.entity) || this.othersNamed(match.entity, 1, isSuppressed);
      case 'ambiguous':
        if (this.named.has(match.entity)) return true;
        // "Tareq al-Hashemi ... Hashemi said": the bare surname is the other person's.
        if (this.otherBearers.has(match.entity)) return false;
        if (this.namedOrCommon.has(match.entity) && this.othersNamed(match.entity, 1, isSuppressed)) return true;
        return this.othersNamed(match.entity, 2, isSuppressed) || this.namedThenCommon(match.entity, isSuppressed);
    }
  }

  /** Whether the page names this entity by a `unique` name somewhere. */
  namesUniquely(entity: number): boolean {
    return this.named.has(entity);
  }

  /**
   * One other entity named uniquely and a second named by a common name that counts beside it:
   * "Mike Pompeo" and "Iraq" make a page about the corpus as two unique names would.
   */
  private namedThenCommon(entity: number, isSuppressed: (entity: number) => boolean): boolean {
    if (!this.othersNamed(entity, 1, isSuppressed)) return false;
    for (const other of this.namedOrCommon) {
      if (other === entity || this.named.has(other) || isSuppressed(other)) continue;
      if (this.othersNamed(other, 1, (e) => e === entity || isSuppressed(e))) return true;
    }
    return false;
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

/** One text spotted: the mentions to mark, and the names waiting for more evidence from the page. */
export interface SpottedText {
  /** Accepted mentions, institution nouns and events included, in text order. */
  found: Mention[];
  /**
   * Names the page's evidence does not accept yet, and institution nouns waiting for the page to
   * mark what they need; later texts may tip the balance.
   */
  pending: RawMatch[];
}

/**
 * The spotting pipeline, the one path from a text to its mentions for the content script (each
 * scan chunk of a page, sliced or not), the CLI, the eval, the reader and the knowledge-base
 * builder: match (a window at a time on a huge text) → drop names inside other names, event
 * phrases qualified as another country's, and let a title vouch for a surname (name-context.ts)
 * → weigh the page's evidence → add the institutions named by their common noun
 * (institution-nouns.ts; not in a huge text, whose sentences are never all split at once) →
 * add the events the sentences talk about. The texts of one page go through one instance: the
 * evidence is the page's.
 */
export class PageSpotting {
  readonly evidence: PageEvidence;
  /** Entities the page marks so far, over every text spotted. */
  private readonly marked = new Set<number>();
  /** Pending institution nouns, with what the page must mark before they count. */
  private readonly nounNeeds = new WeakMap<RawMatch, readonly number[]>();
  /** How often the page names each noun's institution, and another one of its kind. */
  private readonly nounTopic = new NounTopic();
  /** The last text spotted and its names, for a second look at it. */
  private lastMatches: { text: string; matches: RawMatch[] } | undefined;
  /**
   * The names of each text that left some pending in this pass, for its second look once the
   * whole pass is in (`endPass` forgets them): on a long page most texts with an institution
   * noun get one, and matching them again was a fifth of the first scan.
   */
  private readonly pendingMatches = new Map<string, RawMatch[]>();

  constructor(
    private readonly matcher: Matcher,
    /** Read at each use: the content script adds to it when the reader says "not this". */
    private readonly suppressed: ReadonlySet<string> = new Set(),
  ) {
    this.evidence = new PageEvidence(matcher);
  }

  /**
   * Spot one text of the page, pausing (on a huge text only) between windows of matching and
   * batches of sentences. `addEvidence: false` re-spots a text whose names already count, once
   * the whole page has been read: only then are its institution nouns decided.
   */
  *spot(text: string, addEvidence = true): Steps<SpottedText> {
    const { matcher, suppressed } = this;
    const rules = compiledRules(matcher);
    const huge = needsSlicing(text);
    // A second look at the text just spotted (spotText's), or at one of the pass's, matches nothing anew.
    let matches = this.lastMatches?.text === text ? this.lastMatches.matches : this.pendingMatches.get(text);
    if (!matches) {
      const raw = huge ? yield* findAllSteps(matcher, text) : matcher.findAll(text);
      const read = readPossessiveOf(text, raw, matcher.entities, (tail) => matcher.findAll(tail));
      if (addEvidence) this.evidence.addOtherBearers(othersOfTheName(text, read, matcher.entities, (name) => matcher.findAll(name)));
      matches = promoteTitledNames(text, dropOtherCountries(text, dropOtherNames(text, read), matcher.entities, rules.countries), matcher.entities);
      this.lastMatches = huge ? undefined : { text, matches };
    }
    if (addEvidence) this.evidence.add(matches);
    const pending: RawMatch[] = [];
    let accepted: RawMatch[] = [];
    for (const match of matches) {
      const entity = matcher.entities[match.entity];
      // Blockers and topic words are evidence only: never marked, never waiting for more.
      if (!entity || entity.blocker || entity.topic || suppressed.has(entity.id)) continue;
      if (this.evidence.accepts(match, suppressed)) accepted.push(match);
      else pending.push(match);
    }
    for (const m of accepted) this.marked.add(m.entity);
    if (addEvidence) for (const m of accepted) this.nounTopic.own(m.entity);
    // Split into sentences at most once, for the nouns and the cues (never a huge text whole).
    const sentences = huge ? undefined : sentencesOnce(text);
    // "parliament", "the coalition" on a page about them.
    if (sentences && rules.institutionNouns.list.length > 0) {
      const isPlace = (e: number) => matcher.entities[e]?.type === 'place';
      const nouns = findInstitutionNouns(rules.institutionNouns, rules.countries, text, accepted, sentences, isPlace);
      if (addEvidence) for (const e of nouns.rivals) this.nounTopic.rival(e);
      const kept: RawMatch[] = [];
      for (const { match, needs } of nouns.found) {
        if (suppressed.has(matcher.entities[match.entity]?.id ?? '')) continue;
        // A first look never decides: what the page says of other parliaments may come later.
        if (!addEvidence && this.nounCounts(match.entity, needs)) kept.push(match);
        else {
          this.nounNeeds.set(match, needs);
          pending.push(match);
        }
      }
      if (kept.length > 0) accepted = [...accepted, ...kept].sort((a, b) => a.start - b.start);
    }
    if (addEvidence && !huge && pending.length > 0) this.pendingMatches.set(text, matches);
    // Events the sentences talk about ("the drone strike that killed Soleimani").
    const events = sentences ? findEventMentions(rules.eventCues, text, accepted, sentences) : yield* eventMentionSteps(rules.eventCues, text, accepted);
    return { found: withEvents(matcher, accepted, events, suppressed), pending };
  }

  /** The pass is over (its second looks done): forget the names kept for them. */
  endPass(): void {
    this.pendingMatches.clear();
  }

  /** Whether the page marks this entity by name: a mention accepted, or a unique name seen. */
  private marks(entity: number): boolean {
    return this.marked.has(entity) || this.evidence.namesUniquely(entity);
  }

  /**
   * Whether an institution noun counts on this page: the page marks what it needs (Iraq, for
   * Iraq's parliament), and it is not about another one of its kind — it does not name another
   * country's parliament, or another coalition, more often than this one by name.
   */
  private nounCounts(entity: number, needs: readonly number[]): boolean {
    return needs.some((e) => this.marks(e)) && this.nounTopic.about(entity);
  }

  /** Whether the page's evidence now accepts one of the names a text left pending. */
  acceptsAny(pending: readonly RawMatch[]): boolean {
    return pending.some((m) => {
      const needs = this.nounNeeds.get(m);
      return needs ? this.nounCounts(m.entity, needs) : this.evidence.accepts(m, this.suppressed);
    });
  }
}

/** Per institution: how often a page names it (by name or own noun) and another one of its kind. */
class NounTopic {
  private readonly owns = new Map<number, number>();
  private readonly rivals = new Map<number, number>();

  own(entity: number): void {
    this.owns.set(entity, (this.owns.get(entity) ?? 0) + 1);
  }

  rival(entity: number): void {
    this.rivals.set(entity, (this.rivals.get(entity) ?? 0) + 1);
  }

  /** Whether the page is about this institution rather than another of its kind, as far as it says. */
  about(entity: number): boolean {
    return (this.rivals.get(entity) ?? 0) <= (this.owns.get(entity) ?? 0);
  }
}

/**
 * A whole text as one page: the CLI's, the reader's and the builder's way in. Looked at twice
 * when something it left pending may count now, as the content script looks again at the end of
 * its pass (an institution noun is only decided on that second look).
 */
export function spotText(matcher: Matcher, text: string, options?: { suppressed?: ReadonlySet<string> }): Mention[] {
  const page = new PageSpotting(matcher, options?.suppressed);
  const first = runSteps(page.spot(text));
  return page.acceptsAny(first.pending) ? runSteps(page.spot(text, false)).found : first.found;
}

/** The accepted mentions plus the events found for them that are not suppressed, in text order. */
function withEvents(matcher: Matcher, accepted: RawMatch[], events: readonly RawMatch[], suppressed: ReadonlySet<string>): Mention[] {
  const kept = events.filter((m) => !suppressed.has(matcher.entities[m.entity]?.id ?? ''));
  if (kept.length === 0) return accepted;
  return [...accepted, ...kept].sort((a, b) => a.start - b.start);
}
