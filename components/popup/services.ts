/**
 * What the popup asks of the browser, as an interface: the extension page implements it with
 * `browser.*` (`entrypoints/popup/services.ts`), the unit tests with plain objects. Keeps the
 * components free of `browser` and testable in happy-dom.
 */
import type { EntityAutomatic } from '../../lib/message-schemas-automatic';
import type { ReviewDecision } from '../../lib/contrasts/review';
import type { PageMention, ReaderSettings } from '../../lib/messages';

/** The tab the popup is about ("this page", "this site"). */
export type TargetTab =
  | { status: 'ok'; tabId: number; host: string }
  /** Not a web page (a new tab, the browser's settings, a PDF): nothing to spot, no site to turn off. */
  | { status: 'not-web' };

export type PageMentionsAnswer =
  | { status: 'ok'; mentions: PageMention[] }
  /** The page has no content script answering (still loading, paused, or opened before install). */
  | { status: 'unavailable'; reason: string };

export interface PopupServices {
  targetTab(): Promise<TargetTab>;
  pageMentions(tabId: number): Promise<PageMentionsAnswer>;
  /** Scroll the page to the n-th mention (0-based, document order) of an entity and flash it. */
  reveal(tabId: number, entity: string, index: number): Promise<boolean>;
  recentLookups(): Promise<string[]>;
  rememberLookup(entity: string): Promise<void>;
  getSettings(): Promise<ReaderSettings>;
  setPaused(paused: boolean): Promise<ReaderSettings>;
  setSiteEnabled(host: string, enabled: boolean): Promise<ReaderSettings>;
  setSuppressed(host: string, entity: string, suppressed: boolean): Promise<ReaderSettings>;
  /** Open an extension page (the reader) in a tab. */
  openTab(url: string): void;
  /** The reader's keep/dismiss on automatic contrasts (absent: the entity view only labels them). */
  contrastReviews?(): Promise<ReviewDecision[]>;
  reviewContrast?(entity: string, id: string, decision: 'kept' | 'dismissed' | null): Promise<ReviewDecision[]>;
  /** An entity's automatic contrasts and stance strip as computed from the reader's corpus (null until computed). */
  entityAutomatic?(entity: string): Promise<EntityAutomatic | null>;
}

/** Recent lookups kept at most: the empty box shows them as a short list. */
export const MAX_RECENT = 6;

/** The new list of recent lookups after looking `entity` up: most recent first, each once. */
export function withRecent(recent: readonly string[], entity: string): string[] {
  return [entity, ...recent.filter((id) => id !== entity)].slice(0, MAX_RECENT);
}
