/**
 * When something shown on hover opens and closes — the card of a mention, the note of a saved
 * highlight: after the pointer rests on its target for the open delay (passing over names on
 * the way elsewhere opens nothing), it stays while the pointer moves into it, and closes the
 * close delay after the pointer has left both. Pure timing logic. DOM-free.
 */

/** The card's delays (SPEC: an intent delay of about 250 ms). */
export const OPEN_DELAY_MS = 250;
export const CLOSE_DELAY_MS = 300;

/** The timers the intent runs on (the content script's `ctx` owns them). */
export interface Timers {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface IntentDelays {
  open: number;
  close: number;
}

export interface IntentCallbacks<M> {
  open(target: M): void;
  close(): void;
  /**
   * The pointer has just landed on a target that may open: a chance to fetch what it shows
   * (a mention's card) during the intent delay, so it paints as soon as the delay is over.
   */
  prefetch?(target: M): void;
}

export class HoverIntent<M> {
  private hovered: M | null = null;
  private shown: M | null = null;
  private inCard = false;
  /** The reader pinned the card: only Esc, the close button or "Not this" close it. */
  private pinned = false;
  private openTimer = 0;
  private closeTimer = 0;

  constructor(
    private timers: Timers,
    private callbacks: IntentCallbacks<M>,
    /** Two values for the same target (a rescan may rebuild the object for the same name). */
    private same: (a: M, b: M) => boolean = (a, b) => a === b,
    private delays: IntentDelays = { open: OPEN_DELAY_MS, close: CLOSE_DELAY_MS },
  ) {}

  /** The open card's mention, if a card is open. */
  get current(): M | null {
    return this.shown;
  }

  /**
   * The mention under the pointer now (null: none). Called at most once per frame, so the
   * pointer may have been on it for up to a frame already (`restedMs`, from the pointer event's
   * timestamp): the delay counts from when the pointer got there, not from the frame that
   * noticed, or every card would open a frame late (a warm card must paint within one frame).
   */
  pointerOn(mention: M | null, restedMs = 0): void {
    // A pinned card stays, and other names do not replace it under the reader's pointer.
    if (this.pinned) return;
    if (this.isSame(mention, this.hovered)) return;
    this.hovered = mention;
    this.timers.clearTimeout(this.openTimer);
    if (mention) {
      this.timers.clearTimeout(this.closeTimer);
      if (!this.isSame(mention, this.shown)) {
        this.callbacks.prefetch?.(mention);
        const delay = Math.max(0, this.delays.open - Math.max(0, restedMs));
        this.openTimer = this.timers.setTimeout(() => this.show(mention), delay);
      }
    } else {
      this.scheduleClose();
    }
  }

  /** The pointer entered or left the card. */
  pointerInCard(inside: boolean): void {
    if (inside === this.inCard) return;
    this.inCard = inside;
    if (inside) {
      this.hovered = null;
      this.timers.clearTimeout(this.openTimer);
      this.timers.clearTimeout(this.closeTimer);
    } else {
      this.scheduleClose();
    }
  }

  /** Pin or unpin the open card. */
  pin(pinned: boolean): void {
    this.pinned = pinned && this.shown !== null;
    this.timers.clearTimeout(this.closeTimer);
    if (!this.pinned) {
      this.hovered = null;
      this.scheduleClose();
    }
  }

  get isPinned(): boolean {
    return this.pinned;
  }

  /** Open at once (keyboard command, a related entity chosen in the card). */
  openNow(mention: M): void {
    this.pinned = false;
    this.timers.clearTimeout(this.openTimer);
    this.timers.clearTimeout(this.closeTimer);
    this.show(mention);
  }

  /** Close at once (Esc, scrolled away, the mention left the page). */
  dismiss(): void {
    this.timers.clearTimeout(this.openTimer);
    this.timers.clearTimeout(this.closeTimer);
    this.inCard = false;
    this.pinned = false;
    if (this.shown === null) return;
    this.shown = null;
    this.callbacks.close();
  }

  private isSame(a: M | null, b: M | null): boolean {
    return a === b || (a !== null && b !== null && this.same(a, b));
  }

  private show(mention: M): void {
    this.shown = mention;
    this.callbacks.open(mention);
  }

  private scheduleClose(): void {
    if (this.shown === null || this.inCard || this.hovered || this.pinned) return;
    this.timers.clearTimeout(this.closeTimer);
    this.closeTimer = this.timers.setTimeout(() => this.dismiss(), this.delays.close);
  }
}
