/**
 * Loads the page UI (Preact, the card, the highlight toast and note, the paragraph markers) the
 * first time this frame needs it, so that the content script every page boots stays small
 * (≤ 30 kB gzipped before the first mark), and mounts each piece of it in its own
 * `<backstory-ui>` host (`LazySurface`).
 *
 * How: the background injects `/page-ui.js` into this very frame with
 * `scripting.executeScript` (message `ui/load`). An injected file runs in the same isolated
 * world as this script, in Chrome and in Firefox, so it can hand its API over on a global
 * (`PAGE_UI_KEY`), and it needs no web-accessible resource a page could probe for. The
 * alternative, `import(runtime.getURL(...))` of a web-accessible module, would expose the
 * file to every page (Chrome's `use_dynamic_url` hides its address, Firefox has no
 * equivalent) — hence the injection.
 *
 * Called early (the pointer landing on a mention, while the hover intent waits), so that the
 * card usually finds the UI ready when its delay is over.
 */
import { injectedScript } from './injected-script';
import { registeredPageUi, type PageUi, type UiSurface } from './page-ui-contract';

export const loadPageUi: () => Promise<PageUi> = injectedScript('ui/load', registeredPageUi, 'Backstory could not load its card on this page');

/**
 * One piece of page UI (the card's host, the toast and note's, the markers'), mounted the first
 * time it is needed. The one policy when the page UI cannot load (the background restarting):
 * nothing is shown this time, the reason goes to the console, and nothing is remembered, so the
 * next need (a hover, a save, a rescan) tries again.
 */
export class LazySurface<S> {
  private mounting: Promise<UiSurface<S>> | null = null;
  private surface: UiSurface<S> | null = null;

  /** `mountIn`: which piece of the page UI, e.g. `(ui) => ui.card(ctx)`. */
  constructor(private readonly mountIn: (ui: PageUi) => Promise<UiSurface<S>>) {}

  /** The surface, once mounted. */
  get current(): UiSurface<S> | null {
    return this.surface;
  }

  /** The shadow host this surface renders in (to tell the pointer is over it). */
  isHost(target: EventTarget | null): boolean {
    const root = this.surface?.container?.getRootNode();
    return target !== null && root instanceof ShadowRoot && root.host === target;
  }

  /** Start loading now, while something the reader may want opens (a hover intent's delay). */
  preload(): void {
    void this.mount();
  }

  /** The mounted surface, or null when the page UI could not load this time. */
  async mount(): Promise<UiSurface<S> | null> {
    this.mounting ??= loadPageUi()
      .then((ui) => this.mountIn(ui))
      .then((surface) => (this.surface = surface));
    try {
      return await this.mounting;
    } catch (error) {
      this.mounting = null;
      console.warn('[backstory]', error);
      return null;
    }
  }
}
