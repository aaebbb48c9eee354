/**
 * Rows of Backstory's IndexedDB database (`lib/storage/db.ts`).
 *
 * Knowledge-base rows are copies of the bundled knowledge base, replaced wholesale whenever its
 * version changes; user rows (highlights) belong to the reader and survive every re-seed and
 * every schema upgrade.
 */
import type { KbDocument, KbEntity, Passage, Perspective } from '../kb/types';

export type EntityRow = KbEntity;
export type DocumentRow = KbDocument;
export type PassageRow = Passage;

/** Facts about the seeded knowledge base, one row per key. */
export type MetaRow =
  | { key: 'kbVersion'; value: string }
  | { key: 'perspectives'; value: Perspective[] };

export type MetaKey = MetaRow['key'];

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
