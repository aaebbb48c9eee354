/**
 * The hover card's home on the page: one `<backstory-ui>` shadow host, created the first time
 * a card opens (most pages never need it). What the card shows, and when, is decided here; the
 * drawing (Preact, the card's components) lives in the page UI, loaded on first need
 * (./page-ui-loader.ts) so that pages that never open a card never load it. Card data comes
 * from the background once per entity and is cached for the page's life.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardContent, CardProps } from '../../components/card/Card';
import type { Box } from '../../components/card/position';
import type { MatcherEntity } from '../../lib/engine/types';
import type { CardData } from '../../lib/messages';
import { measure } from './measures';
import { LazySurface } from './page-ui-loader';

/** The performance measure of a card's latency: open decision → data painted. */
export const CARD_MEASURE = 'backstory:card';

export interface CardHostDeps {
  loadCard(entity: string): Promise<CardData | null>;
  onSuppress(entity: string): void;
  /** Save the sentence around the open card's mention as a highlight. */
  onSave?(entity: string): void;
  /** The reader closed the card (Esc, the close button). */
  onClose(): void;
  /** The pin was toggled: the hover logic must stop (or resume) closing the card. */
  onPin(pinned: boolean): void;
  openReader(doc: string, passage: string): void;
  openEntity(entity: string): void;
}

export class CardHost {
  private readonly surface: LazySurface<CardProps>;
  private cache = new Map<string, Promise<CardData | null>>();
  private content: CardContent | null = null;
  private anchor: Box | null = null;
  /** Bumped on every open/close so a late answer cannot overwrite a newer card. */
  private generation = 0;
  private pinned = false;
  /** Entities whose card has opened on this page (for the latency measure's detail). */
  private opened = new Set<string>();
  /** Where focus was before the keyboard moved it into the card; it goes back there on close. */
  private returnFocus: HTMLElement | null = null;

  constructor(
    private ctx: ContentScriptContext,
    private deps: CardHostDeps,
  ) {
    this.surface = new LazySurface((ui) => ui.card(ctx));
  }

  get isOpen(): boolean {
    return this.content !== null;
  }

  /** The element hosting the card (to tell the pointer is over it). */
  isHost(target: EventTarget | null): boolean {
    return this.surface.isHost(target);
  }

  async open(entity: MatcherEntity, anchor: Box, options: { focus?: boolean; keepPin?: boolean } = {}): Promise<void> {
    const generation = ++this.generation;
    const start = performance.now();
    const first = !this.opened.has(entity.id);
    this.opened.add(entity.id);
    if (!options.keepPin) this.pinned = false;
    this.anchor = anchor;
    this.content = { status: 'loading', entity };
    if (!(await this.surface.mount())) {
      // No card this time; the next hover or command tries again.
      if (generation === this.generation) this.content = null;
      return;
    }
    if (generation !== this.generation) return;
    this.render();
    if (options.focus) {
      // Keep the first owner of focus across repeated commands: that is where the reader was.
      if (!this.returnFocus) {
        const active = document.activeElement;
        this.returnFocus = active instanceof HTMLElement && !this.isHost(active) ? active : null;
      }
      this.focusCard();
    }

    const data = await this.load(entity.id);
    if (generation !== this.generation) return;
    this.content = data ? { status: 'ready', data } : { status: 'missing', entity };
    this.render();
    this.measurePainted(start, entity.id, first);
  }

  /**
   * Fetch an entity's card data, and create the shadow root, while the hover intent waits:
   * by the time the card opens both are usually ready.
   */
  prefetch(entity: string): void {
    void this.load(entity);
    // Loads the page UI too, while the intent delay runs (the first card of a page needs it).
    this.surface.preload();
  }

  /**
   * Drop cached card data: the page was just recognised, so cards loaded before then
   * lack "This page" and may quote the page's own document.
   */
  forgetCards(): void {
    this.cache.clear();
  }

  /** Follow the mention as the page scrolls. */
  moveTo(anchor: Box): void {
    if (!this.content) return;
    this.anchor = anchor;
    this.render();
  }

  close(): void {
    this.generation++;
    this.pinned = false;
    if (!this.content) return;
    const root = this.surface.current?.container?.getRootNode();
    const hadFocus = root instanceof ShadowRoot && root.activeElement !== null;
    this.content = null;
    this.anchor = null;
    this.render();
    const back = this.returnFocus;
    this.returnFocus = null;
    // Only when focus was in the card: a hover card closing must not steal focus.
    if (hadFocus && back?.isConnected) back.focus({ preventScroll: true });
  }

  /**
   * One `backstory:card` measure per card, from the open decision (hover intent or command) to
   * the frame that paints its data, on the page's own timeline (`npm run bench` reads it).
   * The task after the next animation frame runs once that frame has been painted.
   */
  private measurePainted(start: number, entity: string, first: boolean): void {
    this.ctx.requestAnimationFrame(() => {
      this.ctx.setTimeout(() => {
        measure(CARD_MEASURE, start, { entity, first });
      }, 0);
    });
  }

  private load(entity: string): Promise<CardData | null> {
    let pending = this.cache.get(entity);
    if (!pending) {
      pending = this.deps.loadCard(entity).catch(() => {
        // Not cached: the background may come back (a service worker restarting).
        this.cache.delete(entity);
        return null;
      });
      this.cache.set(entity, pending);
    }
    return pending;
  }

  private render(): void {
    const surface = this.surface.current;
    if (!surface) return;
    const { content, anchor } = this;
    if (!content || !anchor) {
      surface.render(null);
      return;
    }
    surface.render({
      content,
      anchor,
      onClose: () => {
        this.close();
        this.deps.onClose();
      },
      onSuppress: (id) => this.deps.onSuppress(id),
      onSave: this.deps.onSave && ((id: string) => this.deps.onSave?.(id)),
      onRelated: (related) => this.openRelated(related),
      pinned: this.pinned,
      onPin: (pinned) => {
        this.pinned = pinned;
        this.deps.onPin(pinned);
        this.render();
      },
      onOpenReader: (doc, passage) => this.deps.openReader(doc, passage),
      onOpenEntity: (entity) => this.deps.openEntity(entity),
    });
  }

  /** A related entity chosen in the card replaces the card's content, in the same place. */
  private openRelated(id: string): void {
    if (!this.content || !this.anchor) return;
    const related =
      this.content.status === 'ready' ? this.content.data.related.find((r) => r.id === id) : undefined;
    if (!related) return;
    void this.open({ id: related.id, name: related.name, type: related.type }, this.anchor, { keepPin: true });
  }

  private focusCard(): void {
    this.surface.current?.container?.querySelector<HTMLElement>('.bs-card')?.focus();
  }
}
