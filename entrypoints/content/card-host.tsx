/**
 * The hover card's home on the page: one `<backstory-ui>` shadow host, created the first time
 * a card opens (most pages never need it), with Preact rendering the card inside. Card data
 * comes from the background once per entity and is cached for the page's life.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Card, type CardContent } from '../../components/card/Card';
import type { Box } from '../../components/card/position';
import accountsCss from '../../components/card/accounts.css?inline';
import cardCss from '../../components/card/card.css?inline';
import type { MatcherEntity } from '../../lib/engine/types';
import type { CardData } from '../../lib/messages';
import { OWN_UI_TAG } from './chunks';

export interface CardHostDeps {
  loadCard(entity: string): Promise<CardData | null>;
  onSuppress(entity: string): void;
  /** Save the sentence around the open card's mention as a highlight (issue 6). */
  onSave?(entity: string): void;
  /** The reader closed the card (Esc, the close button). */
  onClose(): void;
}

export class CardHost {
  private ui: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  private container: HTMLElement | null = null;
  private cache = new Map<string, Promise<CardData | null>>();
  private content: CardContent | null = null;
  private anchor: Box | null = null;
  /** Bumped on every open/close so a late answer cannot overwrite a newer card. */
  private generation = 0;

  constructor(
    private ctx: ContentScriptContext,
    private deps: CardHostDeps,
  ) {}

  get isOpen(): boolean {
    return this.content !== null;
  }

  /** The element hosting the card (to tell the pointer is over it). */
  isHost(target: EventTarget | null): boolean {
    return target instanceof Element && target.localName === OWN_UI_TAG;
  }

  async open(entity: MatcherEntity, anchor: Box, options: { focus?: boolean } = {}): Promise<void> {
    const generation = ++this.generation;
    this.anchor = anchor;
    this.content = { status: 'loading', entity };
    await this.ensureMounted();
    if (generation !== this.generation) return;
    this.render();
    if (options.focus) this.focusCard();

    const data = await this.load(entity.id);
    if (generation !== this.generation) return;
    this.content = data ? { status: 'ready', data } : { status: 'missing', entity };
    this.render();
  }

  /** Follow the mention as the page scrolls. */
  moveTo(anchor: Box): void {
    if (!this.content) return;
    this.anchor = anchor;
    this.render();
  }

  close(): void {
    this.generation++;
    if (!this.content) return;
    this.content = null;
    this.anchor = null;
    this.render();
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

  private ensureMounted(): Promise<ShadowRootContentScriptUi<HTMLElement>> {
    this.ui ??= createShadowRootUi(this.ctx, {
      name: OWN_UI_TAG,
      position: 'overlay',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      isolateEvents: true,
      css: `${cardCss}\n${accountsCss}`,
      onMount: (container) => {
        this.container = container;
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container);
        this.container = null;
      },
    }).then((ui) => {
      ui.mount();
      return ui;
    });
    return this.ui;
  }

  private render(): void {
    if (!this.container) return;
    const { content, anchor } = this;
    if (!content || !anchor) {
      render(null, this.container);
      return;
    }
    render(
      <Card
        content={content}
        anchor={anchor}
        onClose={() => {
          this.close();
          this.deps.onClose();
        }}
        onSuppress={(id) => this.deps.onSuppress(id)}
        onSave={this.deps.onSave && ((id: string) => this.deps.onSave?.(id))}
        onRelated={(related) => this.openRelated(related)}
      />,
      this.container,
    );
  }

  /** A related entity chosen in the card replaces the card's content, in the same place. */
  private openRelated(id: string): void {
    if (!this.content || !this.anchor) return;
    const related =
      this.content.status === 'ready' ? this.content.data.related.find((r) => r.id === id) : undefined;
    if (!related) return;
    void this.open({ id: related.id, name: related.name, type: related.type }, this.anchor);
  }

  private focusCard(): void {
    this.container?.querySelector<HTMLElement>('.bs-card')?.focus();
  }
}
