/**
 * Rows of Backstory's IndexedDB database (`lib/storage/db.ts`).
 *
 * The knowledge base is derived from documents and corpus packs and written only by the builder:
 * documents (metadata; their text in `texts`), their passages, one mention row per entity and
 * document (an entity's accounts are a query over these, not a list every import rewrites),
 * fingerprints, the curated entities and contrasts of the installed packs, the matcher. User
 * rows (highlights) belong to the reader and survive every rebuild and every schema upgrade; so
 * do the reader's documents, which only the reader removes.
 */
import type { AccountReading } from '../accounts/account';
import type { StanceMark } from '../contrasts/entity';
import type { ClaimRecord } from '../contrasts/facts';
import type { AutoContrast, AutoDisagreement } from '../contrasts/types';
import type { MatcherData, TokenGateData } from '../engine/types';
import type { CuratedContrast, CuratedDisagreement, PackHeader } from '../corpus/pack';
import type { DraftOrigin } from '../corpus/draft';
import type { MatcherInput } from '../kb/gazetteer';
import type { MatcherRules } from '../kb/matcher-rules';
import type { LearnedEntity, NameState } from '../names/types';
import type { GazetteerEntry, Passage, Perspective } from '../kb/types';
import type { ImportItem, ImportStatus } from '../message-schemas';

/** A document of the corpus, without its text (lists and lookups never read the text). */
export interface DocumentRow {
  id: string;
  title: string;
  /** The address kept and linked to; `canonicalUrl` is its identity key (lib/corpus/url.ts). */
  url?: string;
  canonicalUrl?: string;
  /** Host without `www.`: the source registry labels outlets by it. */
  domain?: string;
  /** The outlet as the document names itself (or as the reader or a pack gave it). */
  outlet?: string;
  byline?: string;
  published?: string;
  language?: string;
  /** A perspective id, only when one was chosen for the document (a pack's label, the reader's). */
  perspective?: string;
  dateNote?: string;
  evidence?: string[];
  origin?: DraftOrigin;
  /** SHA-256 of the normalised text: the same text under any title or address. */
  contentHash: string;
  /** Epoch milliseconds. */
  addedAt: number;
  /** Order of addition, 1-based: an entity's accounts are listed newest first by it. */
  seq: number;
  /** The corpus pack that brought it; absent for the reader's own documents. */
  pack?: string;
  paragraphCount: number;
  /** Distinct known entities it mentions. */
  names: number;
  /** The extraction key its rows were computed with: rows of another key are computed again. */
  extractionKey: string;
  /** Search keys of its title and outlet (lib/search/fold.ts): "documents by title" in lookup. */
  titleTerms: string[];
}

export interface TextRow {
  doc: string;
  /** Paragraph n is `paragraphs[n - 1]`; passages cite `doc:para`. */
  paragraphs: string[];
}

export interface PassageRow extends Passage {
  /** Search keys of its words, stop words left out: lookup finds passages through this index. */
  terms: string[];
}

/** One entity's mentions in one document: an account. */
export interface MentionRow {
  entity: string;
  doc: string;
  count: number;
  /** Passage ids, most characterising first. */
  passages: string[];
  /** `-seq` of the document: the index `[entity+rank]` lists an entity's accounts newest first. */
  rank: number;
  /** What later readers of the document say about the entity there (its stance, its phrase): their JSON. */
  reading?: unknown;
}

/** An entity Backstory knows: curated by the packs that name it (merged), later also learned. */
export interface EntityRow extends GazetteerEntry {
  origin: 'curated' | 'learned';
  /** The packs whose gazetteer has it; the entry is theirs merged, in installation order. */
  packs: string[];
  /** The entities its links point to (index: "what links to this one" for related entities). */
  linksTo: string[];
  /** What the installed packs' builders found about it (lib/kb/curated.ts `mergeAutomatic`). */
  automaticContrasts?: AutoContrast[];
  automaticDisagreements?: AutoDisagreement[];
}

/** A curated quote, resolved to its passage once its document is in the corpus. */
export interface ResolvedQuote {
  doc: string;
  /** As the curator wrote it; `text` is the document's own wording once found. */
  quote: string;
  passage?: string;
  text?: string;
}

export interface ContrastRow extends Omit<CuratedContrast, 'positions'> {
  pack: string;
  origin: 'curated';
  docs: string[];
  positions: (ResolvedQuote & { stance: string })[];
}

export interface DisagreementRow extends Omit<CuratedDisagreement, 'claims'> {
  pack: string;
  origin: 'curated';
  docs: string[];
  claims: (ResolvedQuote & { claim: string })[];
}

export interface FingerprintRow {
  doc: string;
  title: number[];
  paragraphs: number[][];
  /** A sample of its shingles (lib/corpus/identity.ts `duplicateProbes`): finds copies without reading every fingerprint. */
  probes: number[];
}

/** What other readers of a document keep per document (learned names, claims), as their JSON. */
export interface ReadingRow {
  doc: string;
  [reader: string]: unknown;
}

/**
 * One entity's automatic contrasts and stance strip as the device computed them from every
 * document that mentions it (lib/storage/automatic-contrasts.ts), the reader's decisions not
 * applied: the card applies them, so a decision survives every recomputation. Since schema v4.
 */
export interface AutomaticRow {
  entity: string;
  /** The strongest first, a few more than a card shows so that dismissing one leaves others. */
  contrasts: AutoContrast[];
  /** Every document's account, most negative first. */
  strip: StanceMark[];
  /** Disagreements of fact the entity takes part in, among the documents that mention it. */
  disagreements?: AutoDisagreement[];
  /** The documents the contrasts and the strip draw on (index: a removed document's entities). */
  docs: string[];
  /** Epoch milliseconds. */
  computedAt: number;
}

/** A document's account readings (lib/contrasts/document.ts), kept in its `readings` row under `contrasts`. */
export interface StoredAccountReadings {
  /** The extraction key the document's rows had when read: another key, read again. */
  extractionKey: string;
  /** Perspective left null: it is the outlet's label at merge time, which the reader may change. */
  accounts: AccountReading[];
  /** Its claims of fact (dates, numbers, who said what), perspective null too; absent in readings kept before claims were. */
  claims?: ClaimRecord[];
}

/** A corpus pack installed (or, for the starter corpus, removed and restorable). */
export interface PackRow {
  id: string;
  header: PackHeader;
  installedAt: number;
  starter: boolean;
  /** The starter corpus removed by the reader: its documents are gone until restored. */
  removed?: boolean;
}

/** Facts about the knowledge base, one row per key. */
export type MetaRow =
  | { key: 'matcher'; value: MatcherData }
  /**
   * The stored matcher's token gate, written with it (`kbVersion` is the matcher's): a worker
   * that starts answers a page's first question without reading or unpacking the matcher.
   */
  | { key: 'gate'; value: { kbVersion: string; gate: TokenGateData } }
  | { key: 'matcherInput'; value: MatcherInput }
  | { key: 'extractionKey'; value: string }
  /** Per earlier extraction key, the names its matcher differs by from the current one (lib/storage/stale-documents.ts). */
  | { key: 'changedNames'; value: Record<string, string[]> }
  | { key: 'perspectives'; value: Perspective[] }
  /** Increases with every change of the knowledge base. */
  | { key: 'generation'; value: number }
  /** The last document `seq` given. */
  | { key: 'seq'; value: number }
  /** Written last by the first installation: the knowledge base is there. */
  | { key: 'installed'; value: number };

export type MetaKey = MetaRow['key'];

/** The `names` table (schema v5): what learning names from the reader's documents keeps. */
export type NamesRow =
  /** Per document the names it gives, the reader's edits, the ids given (lib/names/state.ts). */
  | { key: 'state'; value: NameState }
  /** What the state resolved to last, for *Your documents*' list. */
  | { key: 'entities'; value: LearnedEntity[] }
  /**
   * The matcher input compiled from the curated names alone, its extraction key, and the
   * compiled matcher's rules (event cues, countries, institution nouns): learning adds names to
   * the input and carries the rules over. Stored before the rules were kept: `rules` absent.
   */
  | { key: 'curated'; value: { input: MatcherInput; key: string; rules?: MatcherRules } }
  /** The signature of the learned names the stored matcher was built with. */
  | { key: 'signature'; value: string };

export type NamesValue<K extends NamesRow['key']> = Extract<NamesRow, { key: K }>['value'];

/** An import's journal header; its items wait in `importItems` until built. */
export type ImportRow = ImportStatus & {
  /** The page sent `corpus/import-end`: no more items will come. */
  ended: boolean;
  /** Items received so far: the next item's `seq`. */
  nextSeq: number;
  /** The files the page said it would send, and those of which an item arrived. */
  files?: string[];
  arrivedFiles?: string[];
};

export interface ImportItemRow {
  import: string;
  seq: number;
  status: 'pending';
  item: ImportItem;
}

/**
 * A passage of a web page the reader saved (context menu, keyboard command, card action).
 * Schema v1 had every field up to `updatedAt`; v2 added `tags`, `site` and `anchor`.
 */
export interface HighlightRow {
  id: string;
  /** The page as visited. */
  url: string;
  /** `<link rel=canonical>` when the page has one, else `url` without its fragment. */
  canonicalUrl: string;
  title: string;
  /** Anchor selectors: the quote with ~32 characters either side, and its text position. */
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  note: string;
  /** Entity ids the quote mentions (multi-entry index: "highlights about Soleimani"). */
  entities: string[];
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** The reader's own labels (multi-entry index). Since schema v2. */
  tags: string[];
  /** Host name of `url`, for "filter by site". Since schema v2. */
  site: string;
  /** How re-anchoring went the last time the page was open; absent until then. Since v2. */
  anchor?: HighlightAnchorState;
}

export interface HighlightAnchorState {
  status: 'anchored' | 'orphan';
  /** Epoch milliseconds. */
  at: number;
}
