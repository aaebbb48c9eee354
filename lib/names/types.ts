/**
 * Names learned from the reader's documents: what is kept per document, the state that grows
 * one document at a time, the reader's edits, and the entities they resolve to. Everything here
 * is plain JSON so the state can be stored (IndexedDB) and exported as it is. DOM-free.
 */
import type { Cite, EntityType, Specificity, Statement } from '../kb/types';

/** A document as name learning reads it: the same shape as a knowledge-base document's text. */
export interface NameDocument {
  id: string;
  title: string;
  /** The cleaned article text; paragraph n is `paragraphs[n - 1]`, as cites count them. */
  paragraphs: string[];
}

/** What a learned name is, as far as cues tell: the knowledge base's types less events, plus "other". */
export type LearnedType = Exclude<EntityType, 'event'> | 'other';

/** Votes for each type from the cues around a name's mentions. */
export type TypeVotes = Record<LearnedType, number>;

/**
 * Why one document is enough to believe a name:
 * - `title`: a title or role word before a full name ("President Hassan Rouhani");
 * - `acronym`: an acronym with its expansion ("Popular Mobilization Units (PMU)");
 * - `script`: the name in Arabic or Persian script beside its Latin spelling;
 * - `definition`: a defining phrase ("X, the leader of Y");
 * - `head`: a name of two words or more ending in an organisation's or place's head word
 *   ("Supreme National Security Council", "Anbar Province");
 * - `initial`: a full name with a middle initial ("George W. Bush");
 * - `listed`: a country or major city in the place list.
 */
export type StrongCue = 'title' | 'acronym' | 'script' | 'definition' | 'head' | 'initial' | 'listed';

/** A person's name in parts: "Mohammed Sadiq al-Sadr" → given [Mohammed, Sadiq], surname "al-Sadr". */
export interface PersonParts {
  given: string[];
  /** Middle initials without their stop: "George W. Bush" → ["W"]. */
  initials: string[];
  /** The surname as written, its particles included ("al-Sadr", "Abdul Mahdi"). */
  surname: string;
}

/** One spelling of a name in one document. */
export interface FormCount {
  text: string;
  /** The matcher's folding of `text` (`foldedKey`): two forms with one key are one form. */
  key: string;
  count: number;
  /** Paragraphs it occurs in (1-based; 0 is the title). */
  paras: number[];
  /** Seen only where a capital proves nothing (a sentence's first word, a headline). */
  tentative?: true;
  /** A short form (surname, acronym) that stands for a longer one in this document. */
  short?: true;
  /** Its lower-case form is an ordinary word in this document ("Hale" beside "hale"). */
  lowercaseSeen?: true;
}

/** A defining phrase, verbatim, with where it is. */
export interface Definition {
  text: string;
  cite: Cite;
  /** Higher is clearer (a role noun, an appositive; see definitions.ts). */
  score: number;
}

/** The names one document gives one entity: its forms there, and what the document says of it. */
export interface DocName {
  forms: FormCount[];
  votes: TypeVotes;
  strong: StrongCue[];
  /** The longest person-like form in parts, when the name is a person's. */
  person?: PersonParts;
  /** Initials of its longest form of two words or more ("IRGC" for Islamic Revolutionary Guard Corps). */
  initials?: string;
  /** The folded key of an organisation's name without its head word ("al fatah" for Al-Fatah Alliance). */
  headless?: string;
  definitions: Definition[];
  /** Every form is tentative: it can join an entity found elsewhere but not found one. */
  tentative?: true;
}

export interface DocNames {
  doc: string;
  names: DocName[];
}

/** A reference to an entity that survives re-learning: its id when made, and its forms' keys. */
export interface EntityRef {
  id: string;
  keys: string[];
}

/** The reader's edits, kept as data and applied after every re-learning, in order. */
export type NameEdit =
  | { kind: 'rename'; entity: EntityRef; name: string }
  | { kind: 'retype'; entity: EntityRef; type: LearnedType }
  | { kind: 'merge'; entities: [EntityRef, EntityRef] }
  | { kind: 'split'; entity: EntityRef; key: string }
  | { kind: 'reject'; entity: EntityRef };

/** The whole learned state: per document what it names, the reader's edits, the ids given so far. */
export interface NameState {
  format: 1;
  /** In the order they were added. */
  docs: DocNames[];
  edits: NameEdit[];
  /** Form key → entity id, so an entity keeps its id as documents come and go. */
  ids: Record<string, string>;
}

/** A curated entity name learning may meet: its id, type and every name the matcher knows it by. */
export interface KnownEntity {
  id: string;
  type: EntityType;
  name: string;
  /** Every name (curated aliases and generated spellings). */
  names: string[];
}

/** A learned spelling with how much page evidence it needs before it is marked. */
export interface LearnedForm {
  text: string;
  key: string;
  /** Mentions over all documents. */
  count: number;
  docs: string[];
  specificity: Specificity;
}

/** An entity as learning resolves it: a new one, or new spellings of a curated one (`known`). */
export interface LearnedEntity {
  id: string;
  /** The curated entity these forms belong to, when they are new spellings of one. */
  known?: string;
  name: string;
  type: LearnedType;
  forms: LearnedForm[];
  /** Documents naming it, in the order they were added. */
  docs: string[];
  mentions: number;
  /** Counts: marked on pages (see `activation` in resolve.ts). */
  active: boolean;
  /** Why it is active or not, in the reader's words. */
  reason: string;
  strong: StrongCue[];
  /** The clearest defining phrases from the documents, verbatim and cited, best first. */
  background: Statement[];
  /** The reader renamed, retyped or merged it. */
  edited?: true;
  rejected?: true;
}
