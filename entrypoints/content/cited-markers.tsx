/**
 * Quiet markers beside the paragraphs of a recognised page that the corpus's accounts quote
 * (issue 9): a small button in the margin that opens the card for the entity whose contrast
 * the paragraph belongs to, with the other documents' accounts set against this page.
 *
 * They live in their own `<backstory-ui>` shadow host (page CSS cannot reach them, the spotter
 * skips them), created only on recognised pages. They sit in document coordinates, so scrolling
 * costs nothing; a resize or a rescan places them again.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { Box } from '../../components/card/position';
import { OWN_UI_TAG } from './chunks';

export interface CitedMarker {
  /** The page element showing the paragraph. */
  element: Element;
  /** 1-based paragraph of the recognised document. */
  para: number;
  entity: { id: string; name: string };
}

const MARKER_CSS = `
:host { all: initial; }
.bs-cited-marker {
  position: absolute;
  width: 20px;
  height: 20px;
  padding: 0;
  border: 1px solid rgb(37 99 235 / 0.35);
  border-radius: 50%;
  background: rgb(255 255 255 / 0.9);
  color: #1d4ed8;
  font: 12px/18px system-ui, sans-serif;
  text-align: center;
  cursor: pointer;
  opacity: 0.55;
  z-index: 2147483646;
}
.bs-cited-marker:hover, .bs-cited-marker:focus-visible { opacity: 1; }
.bs-cited-marker:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .bs-cited-marker { background: rgb(29 33 41 / 0.9); color: #93c5fd; border-color: rgb(96 165 250 / 0.45); }
}
`;

/** Gap between a marker and the paragraph's left edge. */
const MARGIN = 26;

export class CitedMarkers {
  private ui: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  private container: HTMLElement | null = null;
  private markers: CitedMarker[] = [];

  constructor(
    private ctx: ContentScriptContext,
    private onOpen: (entity: CitedMarker['entity'], anchor: Box) => void,
  ) {
    ctx.addEventListener(window, 'resize', () => this.render(), { passive: true });
  }

  async show(markers: CitedMarker[]): Promise<void> {
    this.markers = markers;
    if (markers.length === 0 && !this.ui) return;
    await this.ensureMounted();
    this.render();
  }

  private ensureMounted(): Promise<ShadowRootContentScriptUi<HTMLElement>> {
    this.ui ??= createShadowRootUi(this.ctx, {
      name: OWN_UI_TAG,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      css: MARKER_CSS,
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
    const placed = this.markers
      .filter((m) => m.element.isConnected)
      .map((m) => ({ marker: m, rect: m.element.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 || rect.height > 0);
    render(
      <>
        {placed.map(({ marker, rect }) => (
          <button
            type="button"
            key={`${marker.para}:${marker.entity.id}`}
            class="bs-cited-marker"
            data-para={marker.para}
            data-entity={marker.entity.id}
            aria-label={`Other accounts of ${marker.entity.name}`}
            title={`Other documents on ${marker.entity.name}`}
            style={{ top: `${rect.top + window.scrollY}px`, left: `${Math.max(0, rect.left + window.scrollX - MARGIN)}px` }}
            onClick={(e) => {
              const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
              this.onOpen(marker.entity, { top: box.top, left: box.left, width: box.width, height: box.height });
            }}
          >
            ⇄
          </button>
        ))}
      </>,
      this.container,
    );
  }
}
