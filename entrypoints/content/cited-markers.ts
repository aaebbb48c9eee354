/**
 * Quiet markers beside the paragraphs of a recognised page that the corpus's accounts quote:
 * a small button in the margin that opens the card for the entity whose contrast
 * the paragraph belongs to, with the other documents' accounts set against this page.
 *
 * They live in their own `<backstory-ui>` shadow host (page CSS cannot reach them, the spotter
 * skips them), created only on recognised pages; the buttons are drawn by the page UI, loaded
 * then (./page-ui-loader.ts). They sit in document coordinates, so scrolling costs nothing; a
 * resize or a rescan places them again.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Box } from '../../components/card/position';
import type { PlacedMarker } from './page-ui-contract';
import { LazySurface } from './page-ui-loader';

export interface CitedMarker {
  /** The page element showing the paragraph. */
  element: Element;
  /** 1-based paragraph of the recognised document. */
  para: number;
  entity: { id: string; name: string };
}

/** Gap between a marker and the paragraph's left edge. */
const MARGIN = 26;

export class CitedMarkers {
  private readonly surface: LazySurface<PlacedMarker[]>;
  private markers: CitedMarker[] = [];

  constructor(
    ctx: ContentScriptContext,
    private onOpen: (entity: CitedMarker['entity'], anchor: Box) => void,
  ) {
    this.surface = new LazySurface((ui) => ui.markers(ctx));
    ctx.addEventListener(window, 'resize', () => this.render(), { passive: true });
  }

  async show(markers: CitedMarker[]): Promise<void> {
    this.markers = markers;
    if (markers.length === 0 && !this.surface.current) return;
    // Not loaded: no markers this time; the next rescan's recognition tries again.
    if (await this.surface.mount()) this.render();
  }

  private render(): void {
    const surface = this.surface.current;
    if (!surface) return;
    const placed: PlacedMarker[] = [];
    for (const marker of this.markers) {
      if (!marker.element.isConnected) continue;
      const rect = marker.element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      placed.push({
        para: marker.para,
        entity: marker.entity,
        top: rect.top + window.scrollY,
        left: Math.max(0, rect.left + window.scrollX - MARGIN),
        onOpen: (anchor) => this.onOpen(marker.entity, anchor),
      });
    }
    surface.render(placed);
  }
}
