/**
 * The page's one pointer tracker, shared by everything shown on hover (a mention's card, a saved
 * highlight's note): one `pointermove` listener, looked at once per frame, one caret lookup per
 * look (hit-test.ts), then each hover layer says what of its own is under the caret and its
 * hover intent decides when to open and close. A layer's "at" is an index lookup plus one
 * target's rectangles, never a walk over all of them (PERFORMANCE.md).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HoverIntent } from '../../lib/page/hover-intent';
import { isOwnUi } from '../../lib/page/dom-elements';
import type { TextIndex } from '../../lib/page/text-index';
import { pointInRects } from '../../components/card/position';
import { textCaretAt } from './hit-test';
import { isBenchPage, measure } from './measures';
import type { PageTimers } from './page-timers';

/** One hit-test per frame, timed on pages `npm run bench` marks. */
export const HIT_TEST_MEASURE = 'backstory:hit-test';

export interface HoverLayer<T> {
  /** What of this layer's is at the caret (a text node and offset), confirmed at the point. */
  at(node: Text, offset: number, x: number, y: number): T | null;
  /** The pointer is over this layer's own UI (the card, the note): what is open stays. */
  ownsUi(target: EventTarget | null): boolean;
  intent: HoverIntent<T>;
}

export interface PointerPosition {
  x: number;
  y: number;
}

export class PointerTracker {
  private layers = new Set<HoverLayer<unknown>>();
  /** The latest pointer move; `at` is its event timestamp (when the pointer got there). */
  private latest: { x: number; y: number; target: EventTarget | null; at: number } | null = null;
  private frame = 0;
  private listening = false;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly timers: Pick<PageTimers, 'requestAnimationFrame'>,
  ) {}

  /** Where the pointer was last seen, if it has moved over the page. */
  get position(): PointerPosition | null {
    return this.latest;
  }

  /** Follow the pointer for this layer until the returned function is called. */
  add<T>(layer: HoverLayer<T>): () => void {
    this.layers.add(layer as HoverLayer<unknown>);
    this.listen();
    return () => {
      this.layers.delete(layer as HoverLayer<unknown>);
      layer.intent.dismiss();
    };
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    const { ctx } = this;
    ctx.addEventListener(
      document,
      'pointermove',
      (e: PointerEvent) => {
        // One look per frame, at where the pointer is by then: the moves that arrive before the
        // frame replace the position, so a pointer that stops right after a frame was asked for
        // (Firefox often delivers several moves per frame) is not judged at a stale point.
        this.latest = { x: e.clientX, y: e.clientY, target: e.target, at: e.timeStamp };
        if (!this.frame) this.frame = this.timers.requestAnimationFrame(() => this.look());
      },
      { passive: true },
    );
    ctx.addEventListener(document, 'mouseout', (e: MouseEvent) => {
      // Left the window altogether.
      if (e.relatedTarget) return;
      for (const layer of this.layers) layer.intent.pointerOn(null);
    });
  }

  private look(): void {
    this.frame = 0;
    const pointer = this.latest;
    if (!pointer || this.layers.size === 0) return;
    const { x, y, target } = pointer;
    // Only the lookups are timed, not what the intents then do with them.
    const timed = isBenchPage() ? performance.now() : -1;
    const overOwnUi = target instanceof Element && isOwnUi(target);
    const caret = overOwnUi ? null : textCaretAt(document, x, y);
    const found = [...this.layers].map((layer) => (caret ? layer.at(caret.node, caret.offset, x, y) : null));
    if (timed >= 0) measure(HIT_TEST_MEASURE, timed);
    // The event's timestamp and performance.now() share the page's time origin.
    const restedMs = performance.now() - pointer.at;
    let i = 0;
    for (const layer of this.layers) {
      const under = found[i++] ?? null;
      const inside = layer.ownsUi(target);
      layer.intent.pointerInCard(inside);
      // Over one of Backstory's surfaces (its own, or a toast over the text): what is open stays.
      if (inside || overOwnUi) continue;
      layer.intent.pointerOn(under, restedMs);
    }
  }
}

/** A layer's `at`: the index entry at the caret, if the point is on one of its rectangles. */
export function indexedAt<T>(index: TextIndex<Text, T>, rectsOf: (value: T) => Iterable<DOMRect>) {
  return (node: Text, offset: number, x: number, y: number): T | null => {
    const value = index.at(node, offset);
    // The caret snaps to the nearest text even when the pointer is in a margin.
    return value !== undefined && pointInRects(x, y, rectsOf(value)) ? value : null;
  };
}
