/**
 * Contrasts and disagreements of fact that Backstory finds itself, beside the curated ones of
 * `data/gazetteer/contrasts.json`. Everything here is marked as found automatically and not
 * reviewed until the reader keeps it; each has a stable id so that the reader's "dismiss" or
 * "keep" survives recomputation and travels in exported corpus packs. DOM-free.
 */
import type { PhraseKind } from '../accounts/phrase';

/** How a contrast or disagreement came to be, for the card's honest label. */
export type Origin = 'curated' | 'automatic';

/** The reader's verdict on something found automatically; absent until the reader gives one. */
export type Review = 'kept' | 'dismissed';

export interface AutoPosition {
  doc: string;
  perspective: string;
  /** The passage quoted: what "Read in context" opens. */
  passage: string;
  /** The passage's text, verbatim. */
  quote: string;
  /** Stance of this passage toward the entity, −1 … +1. */
  stance: number;
  /** What characterises the entity in the passage, verbatim, when something does. */
  characterisation?: { kind: PhraseKind; text: string };
  /**
   * In a contrast of whom documents blame for violence: the entity this passage holds
   * responsible, the contrast's own or another one (then `stance` is toward that one).
   */
  blames?: Blame;
}

export interface Blame {
  entity: string;
  name: string;
}

export interface AutoContrast {
  /** Stable: `auto-contrast:<entity>:<docA>+<docB>` (documents sorted), whatever passages are chosen. */
  id: string;
  origin: 'automatic';
  entity: string;
  /** A template or the passages' own words, never generated prose: "How outlets describe the PMU". */
  topic: string;
  /** Two positions from different perspectives, the more negative first. */
  positions: [AutoPosition, AutoPosition];
  /** How opposed the two are (stance gap plus characterisation), for ranking. */
  strength: number;
  review?: Review;
}

/** What kind of fact the documents disagree on. */
export type FactKind = 'date' | 'number' | 'speaker';

export interface AutoClaim {
  doc: string;
  perspective: string | null;
  /** Passage ids the claim's quote spans (a date may come from the sentence before). */
  passages: string[];
  /** Verbatim text of those passages. */
  quote: string;
  /** The value as the document gives it, verbatim ("in February", "June 10", "5,000", "Kayhan"). */
  value: string;
  /** The value normalised for comparison ("2020-02", "2020-06-10", "5000", "kayhan"). */
  normalised: string;
  /** Who the document says says so, when the claim is quoted from someone ("Kayhan", "Telegraph"). */
  source?: string;
}

export interface AutoDisagreement {
  /** Stable: `auto-fact:<kind>:<key>:<docs sorted>`. */
  id: string;
  origin: 'automatic';
  kind: FactKind;
  /** A plain template over the claims' own words: "Documents give different dates: decision … withdraw foreign troops". */
  question: string;
  /** Entities the claims are about. */
  entities: string[];
  claims: AutoClaim[];
  review?: Review;
}
