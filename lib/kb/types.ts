/**
 * The bundled knowledge base: what `npm run corpus` builds from `data/documents.json`,
 * `data/seeds/` and `data/gazetteer/*.json`, and what the background, popup and reader load.
 * DOM-free and browser-free.
 *
 * Bump KB_SCHEMA_VERSION whenever a field changes meaning; the background re-seeds its
 * database when the built knowledge base's `version` (a content hash) changes.
 */
export const KB_SCHEMA_VERSION = 1;

export type EntityType = 'person' | 'organization' | 'place' | 'event';

/**
 * How much evidence a name needs before it is marked on a page.
 * - `unique`: the name only ever means this entity (Soleimani, Popular Mobilization Units).
 * - `common`: a full name another person or thing may share ("David Hale", "United States"
 *   on a page about something else): needs other corpus entities on the page.
 * - `ambiguous`: a short or common word ("PMU", "Hale", "Bush", "Quds", "Kayhan"): needs the
 *   entity's unambiguous form on the same page or a clearly on-topic page.
 */
export type Specificity = 'unique' | 'common' | 'ambiguous';

/** A citation: `"<document id>:<1-based paragraph>"`, e.g. `"iran-meddles:6"`. */
export type Cite = string;

export interface Perspective {
  id: string;
  label: string;
  description: string;
}

export interface KbDocument {
  id: string;
  file: string;
  title: string;
  outlet: string;
  author?: string;
  /** Approximate date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
  dateNote: string;
  perspective: string;
  evidence: string[];
  /** The cleaned article text; paragraph n is `paragraphs[n - 1]`. */
  paragraphs: string[];
}

export interface Statement {
  text: string;
  cites: Cite[];
}

export interface EventDate {
  /** ISO date, as precise as known: `2020`, `2020-06`, `2020-06-11`. */
  start: string;
  end?: string;
  /** Free text when the corpus is vague or disagrees ("January 2020; one outlet says February"). */
  note?: string;
}

export interface EntityLink {
  to: string;
  /** How `to` relates to this entity, in the reader's words: "commander of", "participant". */
  rel: string;
}

/** A gazetteer entry as curated by hand in `data/gazetteer/*.json`. */
export interface GazetteerEntry {
  id: string;
  type: EntityType;
  name: string;
  /** Other names and spellings; Arabic/Persian script included. The name itself is implied. */
  aliases: string[];
  /** Aliases that only count with context (see Specificity `ambiguous`). */
  contextual?: string[];
  /** Specificity of `name` and `aliases`; defaults to `unique`. */
  specificity?: Exclude<Specificity, 'ambiguous'>;
  /**
   * An Arabic or Persian name: `npm run corpus` generates the Latin spellings of its names by
   * the rules in lib/kb/variants.ts (Kadhimi → Kazemi, Kazimi, Kadhemi...).
   */
  transliterated?: boolean;
  /** One line a reader takes in at a glance. */
  summary: string;
  background: Statement[];
  date?: EventDate;
  links?: EntityLink[];
}

/** One account of an entity: what one document says about it. */
export interface Account {
  doc: string;
  perspective: string;
  /** Passage ids, most characterising first. */
  passages: string[];
}

export interface KbEntity extends GazetteerEntry {
  /** Mentions per document id (documents that never name it are absent). */
  mentions: Record<string, number>;
  accounts: Account[];
  /** Curated contrasts this entity takes part in (`data/gazetteer/contrasts.json`), quotes verified. */
  contrasts?: Contrast[];
  /** Disagreements of fact between documents about this entity. */
  disagreements?: FactDisagreement[];
}

// --- Curated contrasts and disagreements of fact ------------------------------------------

/** A quote the builder found verbatim (up to whitespace and quote marks) in a passage. */
export interface VerifiedQuote {
  doc: string;
  perspective: string;
  /** The passage the quote lies in: what "Read in context" opens. */
  passage: string;
  /** The quote exactly as the document's text has it. */
  quote: string;
}

/** One perspective's position on a contrast's topic. */
export interface ContrastPosition extends VerifiedQuote {
  /** The position in a few words, in the curator's words ("Decisive in securing the country"). */
  stance: string;
}

/** A topic on which the corpus's perspectives disagree, with each one's position. */
export interface Contrast {
  id: string;
  topic: string;
  entities: string[];
  positions: ContrastPosition[];
}

/** One document's version of a fact. */
export interface FactClaim extends VerifiedQuote {
  /** The document's version, in a few words ("February"). */
  claim: string;
}

/** Documents that disagree on a fact (a date, a number, who said what). */
export interface FactDisagreement {
  id: string;
  question: string;
  entities: string[];
  /** What the record says, when the curator knows it. */
  note?: string;
  claims: FactClaim[];
}

/** A sentence with enough context to stand alone, from one paragraph of one document. */
export interface Passage {
  /** `"<doc>:<para>:<sentence>"`, 1-based para and 0-based sentence. */
  id: string;
  doc: string;
  para: number;
  text: string;
  /** Entity ids the passage mentions. */
  entities: string[];
}

export interface KnowledgeBase {
  schemaVersion: typeof KB_SCHEMA_VERSION;
  /** Content hash of everything below; changes whenever the corpus or gazetteer does. */
  version: string;
  perspectives: Perspective[];
  documents: KbDocument[];
  entities: KbEntity[];
  passages: Passage[];
}
