/**
 * A saved highlight's note on hover, with Remove: the highlights' layer of the page's pointer
 * tracker (the same tracker, caret lookup and hover intent as mentions' cards). The note opens
 * after NOTE_OPEN_MS, long enough to load the page UI on a first hover, stays while the pointer
 * is on it, and closes NOTE_CLOSE_MS after the pointer has left both.
 */
import { HoverIntent } from '../../../lib/page/hover-intent';
import { TextIndex } from '../../../lib/page/text-index';
import type { PageParts, Teardown } from '../page-parts';
import { indexedAt, type HoverLayer } from '../pointer';
import { liveRange } from '../spotted';
import type { Anchored } from './anchors';
import type { HighlightUi } from './ui';

const NOTE_OPEN_MS = 300;
const NOTE_CLOSE_MS = 400;
/** Room the note needs below its highlight and beside it. */
const NOTE_HEIGHT = 90;
const NOTE_WIDTH = 290;

export class HoverNote {
  private readonly index = new TextIndex<Text, Anchored>();
  private readonly intent: HoverIntent<Anchored>;
  private stopFollowing: Teardown | null = null;

  constructor(
    private readonly page: PageParts,
    private readonly ui: HighlightUi,
    private readonly onRemove: (id: string) => void,
  ) {
    this.intent = new HoverIntent<Anchored>(
      page.timers,
      { open: (a) => this.open(a), close: () => ui.hideNote(), prefetch: () => ui.preload() },
      (a, b) => a.row.id === b.row.id,
      { open: NOTE_OPEN_MS, close: NOTE_CLOSE_MS },
    );
  }

  /** The highlights now anchored; the pointer is followed once there is any. */
  update(anchored: ReadonlyMap<string, Anchored>): void {
    this.index.clear();
    for (const a of anchored.values()) {
      for (const s of a.segments) this.index.add(s.node, s.from, s.to, a);
    }
    const open = this.intent.current;
    if (open && anchored.get(open.row.id) !== open) this.intent.dismiss();
    if (anchored.size > 0 && !this.stopFollowing) this.stopFollowing = this.page.pointer.add(this.layer());
  }

  stop(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
  }

  private layer(): HoverLayer<Anchored> {
    const rectsOf = (a: Anchored) => liveRange(a.range)?.getClientRects() ?? [];
    return {
      at: indexedAt(this.index, rectsOf),
      ownsUi: (target) => this.ui.isHost(target),
      intent: this.intent,
    };
  }

  private open(anchored: Anchored): void {
    const rect = liveRange(anchored.range)?.getClientRects()[0];
    if (!rect) {
      this.intent.dismiss();
      return;
    }
    void this.ui.showNote({
      note: anchored.row.note,
      at: {
        top: Math.min(rect.bottom + 6, window.innerHeight - NOTE_HEIGHT),
        left: Math.max(8, Math.min(rect.left, window.innerWidth - NOTE_WIDTH)),
      },
      onRemove: () => {
        this.intent.dismiss();
        this.onRemove(anchored.row.id);
      },
      onClose: () => this.intent.dismiss(),
    });
  }
}
