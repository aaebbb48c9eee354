/**
 * Every message between Backstory's parts: one typed map per direction, each message
 * documented, each validated with valibot at the receiving end (see `lib/message-schemas.ts`),
 * and each receiver checks the sender (see `entrypoints/background/`).
 *
 * Content scripts run inside pages we do not trust: a message from one can only ask for
 * public knowledge-base data or act on that tab's own state.
 */
import type { EntityType, EventDate, Statement } from './kb/types';
import type { MatcherData } from './engine/types';
import type { ReaderSources, Source } from './recognition/sources';
import type { HighlightRow } from './storage/types';

/** Content script → background. */
export interface ContentToBackground {
  /** The prebuilt matcher and the reader's settings for this page's site. */
  'matcher/get': { request: { url: string }; response: { matcher: MatcherData; settings: SiteSettings } };
  /** Everything the hover card shows for one entity. */
  'card/get': { request: { entity: string }; response: CardData | null };
  /** "Not this": suppress an entity on the sender's site. */
  'suppress/add': { request: { entity: string }; response: { ok: true } };
  // --- hover card (issue 4): a web page cannot open extension pages itself ---
  /** "Read in context": open the document reader at a passage in a new tab. */
  'reader/open': { request: { doc: string; passage: string }; response: { ok: boolean } };
  /** "Open in Backstory": open the entity view in a new tab. */
  'entity/open': { request: { entity: string }; response: { ok: boolean } };
  // --- Recognising the page (issue 9) ---
  /**
   * The page's text fingerprint (shingle hashes, see lib/recognition/shingles.ts), kept when
   * `hash % modulus === 0`: which corpus document, copy or outlet is this page?
   */
  'page/recognise': { request: { shingles: number[]; modulus: number }; response: PageRecognition };
  // --- highlights (issue 6) ---
  /** Save a passage of the sender's page; the background adds id, entities and timestamps. */
  'highlights/save': { request: HighlightDraft; response: SaveHighlightResult };
  /** The sender's page's highlights, to re-anchor and draw; `reveal`: scroll to this one (popup "open"). */
  'highlights/for-page': { request: { url: string; canonicalUrl: string }; response: { highlights: HighlightRow[]; reveal?: string } };
  /** Set the note of a highlight on the sender's site (the toast's "add note"). */
  'highlights/note': { request: { id: string; note: string }; response: { ok: boolean } };
  /** Remove a highlight on the sender's site (hover a highlight → Remove). */
  'highlights/remove': { request: { id: string }; response: { ok: boolean } };
  /** How re-anchoring went on the sender's page: the popup lists orphans. */
  'highlights/anchored': { request: { anchored: string[]; orphans: string[] }; response: { ok: true } };
  // --- lazy page UI (issue 7: content-script size) ---
  /** Inject the page UI (`/page-ui.js`: Preact, card, toast, markers) into the sender's frame. */
  'ui/load': { request: Record<string, never>; response: { ok: boolean } };
}

/** Popup or reader page → background. */
export interface PageToBackground {
  'card/get': ContentToBackground['card/get'];
  // --- Popup settings (issue 5): every change is applied to open tabs at once. ---
  /** The reader's settings, as stored. */
  'settings/get': { request: Record<string, never>; response: ReaderSettings };
  /** Pause or resume spotting everywhere. */
  'settings/set-paused': { request: { paused: boolean }; response: ReaderSettings };
  /** Turn spotting on or off on one site (a host name). */
  'settings/set-site': { request: { host: string; enabled: boolean }; response: ReaderSettings };
  /** Suppress a name on a site ("not this"), or show it again (the settings' list, with undo). */
  'settings/set-suppressed': {
    request: { host: string; entity: string; suppressed: boolean };
    response: ReaderSettings;
  };
  // --- Recognising the page (issue 9) ---
  /** What the content script of a tab recognised (null: it has not said, or spotting is off). */
  'page/recognition': { request: { tabId: number }; response: PageRecognition | null };
  /** The source registry in effect, and the reader's edits to it. */
  'sources/get': { request: Record<string, never>; response: SourceRegistry };
  /** Replace the reader's edits to the source registry. */
  'sources/set': { request: ReaderSources; response: SourceRegistry };
  // --- highlights (issue 6): the popup's manage view ---
  /** Every highlight, most recent first. */
  'highlights/list': { request: Record<string, never>; response: HighlightRow[] };
  'highlights/update': { request: { id: string; note: string; tags: string[] }; response: HighlightRow | null };
  /** Deletes and returns the highlight, for undo. */
  'highlights/delete': { request: { id: string }; response: HighlightRow | null };
  /** Undo a delete: put the highlight back as it was. */
  'highlights/restore': { request: { highlight: HighlightRow }; response: { ok: boolean; error?: string } };
  'highlights/export': { request: { format: 'json' | 'markdown' }; response: { filename: string; text: string } };
  'highlights/import': { request: { text: string }; response: ImportResult };
  /** Go to the highlight's page (a tab already showing it, else a new one) and scroll to it. */
  'highlights/open': { request: { id: string }; response: { ok: boolean } };
}

/** All of the reader's settings (the popup's Settings view); `SiteSettings` is one site's share. */
export interface ReaderSettings {
  paused: boolean;
  /** Host names where spotting is off. */
  disabledSites: string[];
  /** Host name → entity ids marked "not this" there. */
  suppressed: Record<string, string[]>;
}

/** What the content script knows of a selection it saves (issue 6): a row without what the background adds. */
export type HighlightDraft = Pick<
  HighlightRow,
  'url' | 'canonicalUrl' | 'title' | 'quote' | 'prefix' | 'suffix' | 'start' | 'end' | 'note'
>;

export type SaveHighlightResult =
  | { ok: true; highlight: HighlightRow }
  /** `retry`: worth trying again (storage full); the content script keeps the draft. */
  | { ok: false; error: string; retry: boolean };

export type ImportResult =
  | { ok: true; added: number; updated: number; unchanged: number }
  | { ok: false; error: string };

/** Background or popup → content script of one tab. */
export interface ToContent {
  /** The entities spotted in the page with their counts ("On this page"). */
  'page/mentions': { request: Record<string, never>; response: PageMention[] };
  /** Scroll to and flash the n-th mention of an entity. */
  'page/reveal': { request: { entity: string; index: number }; response: { ok: boolean } };
  /** Settings changed: re-apply (pause, disabled site, suppressed names). */
  'settings/changed': { request: { settings: SiteSettings }; response: { ok: true } };
  /** Keyboard command: open the card at or after the caret. */
  'card/open-at-caret': { request: Record<string, never>; response: { ok: boolean } };
  /**
   * The site the page is on (issue 5). Without the `tabs` permission the browser hides a tab's
   * URL from the popup and the background; the content script knows its own page's host.
   */
  'page/site': { request: Record<string, never>; response: { host: string } };
  // --- highlights (issue 6) ---
  /** Context menu or keyboard command: save the page's current selection. */
  'highlights/save-selection': { request: Record<string, never>; response: { ok: boolean } };
  /** Scroll to a saved highlight (the popup's "open" on a tab already showing the page). */
  'highlights/reveal': { request: { id: string }; response: { ok: boolean } };
  /** Highlights were edited, deleted or imported elsewhere: fetch and draw them again. */
  'highlights/refresh': { request: Record<string, never>; response: { ok: true } };
}

export interface SiteSettings {
  /** Spotting paused everywhere or disabled on this site. */
  enabled: boolean;
  /** Entity ids the reader marked "not this" on this site. */
  suppressed: string[];
}

export interface PageMention {
  entity: string;
  name: string;
  type: EntityType;
  count: number;
}

export interface CardAccount {
  doc: string;
  title: string;
  outlet: string;
  perspective: { id: string; label: string };
  /** The passage, as text. */
  quote: string;
  passage: string;
  /** The document reader at that passage. */
  readerUrl: string;
}

export interface CardData {
  id: string;
  name: string;
  type: EntityType;
  summary: string;
  background: Statement[];
  date?: EventDate;
  accounts: CardAccount[];
  related: { id: string; name: string; type: EntityType; rel: string }[];
  /** How many corpus documents mention it. */
  documentCount: number;
  /** How many documents the corpus has ("Mentioned in 3 of 5 documents"). Optional: added by content. */
  documentTotal?: number;
  // --- hover card (issue 4) ---
  /** Curated topics on which the perspectives disagree, shown first under "Accounts differ". */
  contrasts?: CardContrast[];
  /** Disagreements of fact between documents (dates, numbers, who said what). */
  disagreements?: CardDisagreement[];
  /** Dates of the events it took part in, oldest first. */
  keyDates?: { id: string; name: string; date: EventDate }[];
  /** The page the card is on, when Backstory recognised it (issue 9): its accounts contrast with it. */
  thisPage?: ThisPage;
}

/** One perspective's position on a curated topic: an account plus the position in a few words. */
export type CardPosition = CardAccount & { stance: string };

export interface CardContrast {
  id: string;
  topic: string;
  positions: CardPosition[];
}

/** One document's version of a disputed fact. */
export type CardClaim = CardAccount & { claim: string };

export interface CardDisagreement {
  id: string;
  question: string;
  note?: string;
  claims: CardClaim[];
}

// --- Recognising the page (issue 9) ---

/** The page the reader is on, as one account among the corpus's. */
export interface ThisPage {
  /**
   * `document`: the page is a corpus document (here or syndicated elsewhere); `copy`: an edited
   * or trimmed copy of one; `outlet`: not a corpus document, but from an outlet the source
   * registry knows.
   */
  kind: 'document' | 'copy' | 'outlet';
  /** The corpus document it is or copies (not for `outlet`). */
  doc?: string;
  title?: string;
  outlet: string;
  perspective: { id: string; label: string };
}

export interface QuotedDocument {
  doc: string;
  title: string;
  outlet: string;
  /** The document's paragraphs (1-based) the page carries. */
  paragraphs: number[];
}

export interface PageRecognition {
  thisPage: ThisPage | null;
  /** Corpus documents the page quotes a paragraph or more of (besides the one it is). */
  quotes: QuotedDocument[];
  /** For `document`/`copy`: the document's paragraphs (1-based) the page carries. */
  paragraphs: number[];
  /**
   * For `document`/`copy`: the carried paragraphs that entities' accounts quote, those entities,
   * and the paragraph's shingles (so the content script can find it on the page and mark it).
   */
  cited: { para: number; entities: string[]; shingles: number[] }[];
}

export interface SourceRegistry {
  /** The registry in effect (shipped entries with the reader's edits applied). */
  sources: Source[];
  edits: ReaderSources;
  perspectives: { id: string; label: string }[];
}

export type MessageName<M> = keyof M & string;
export type Request<M, K extends keyof M> = M[K] extends { request: infer R } ? R : never;
export type Response<M, K extends keyof M> = M[K] extends { response: infer R } ? R : never;
/** The envelope every message travels in. */
export interface Envelope<M, K extends keyof M = keyof M> {
  backstory: 1;
  name: K;
  data: Request<M, K>;
}
