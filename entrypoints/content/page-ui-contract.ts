/**
 * What the lazily loaded page UI (`entrypoints/page-ui/`, Preact and every component drawn on
 * a web page) offers the content script. Types only, plus the key it registers under: the boot
 * bundle imports this file and must stay free of Preact (the content script's size budget).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardProps } from '../../components/card/Card';
import type { HighlightNoteProps } from '../../components/highlights/HighlightNote';
import type { HighlightToastProps } from '../../components/highlights/HighlightToast';

/**
 * Where the UI script leaves its API: a global of the content script's isolated world (pages
 * cannot see it), under a registry symbol so no other code's global can collide with it.
 */
export const PAGE_UI_KEY = Symbol.for('backstory.page-ui');

/** One `<backstory-ui>` shadow host on the page; `render(null)` empties it. */
export interface UiSurface<S> {
  /** The element inside the shadow root that the UI renders into (null once removed). */
  readonly container: HTMLElement | null;
  render(state: S | null): void;
}

export interface HighlightsUiState {
  toast: HighlightToastProps | null;
  /** A new toast replaces the old one: a new key makes Preact start its state afresh. */
  toastKey: number;
  note: HighlightNoteProps | null;
}

/** A recognised paragraph's marker, already placed in document coordinates. */
export interface PlacedMarker {
  para: number;
  entity: { id: string; name: string };
  top: number;
  left: number;
  onOpen(anchor: { top: number; left: number; width: number; height: number }): void;
}

export interface PageUi {
  /** The hover card's host (overlay on the root element). */
  card(ctx: ContentScriptContext): Promise<UiSurface<CardProps>>;
  /** The save toast and the highlight note's host. */
  highlights(ctx: ContentScriptContext): Promise<UiSurface<HighlightsUiState>>;
  /** The recognised paragraphs' markers' host. */
  markers(ctx: ContentScriptContext): Promise<UiSurface<PlacedMarker[]>>;
}

/** The UI, if its script has already run in this frame. */
export function registeredPageUi(): PageUi | undefined {
  return (globalThis as Record<symbol, PageUi | undefined>)[PAGE_UI_KEY];
}
