/**
 * The content script's timers (timeouts, idle callbacks, animation frames), all cancelled when
 * its context is invalidated (extension reload or update), as WXT's `ctx.setTimeout` & co. are.
 * Those add an `abort` listener to `ctx.signal` per call and never remove it, even once the
 * callback has run: a page that changes a hundred times a second (one idle callback per batch of
 * mutations, one frame per scroll) piled up ~1,000 listeners and their closures per 10 s, held
 * until the page closed. Here the signal gets one listener, and a timer is held only while it is
 * pending.
 */
import type { Timers } from '../../lib/page/hover-intent';

/** What the timers need of WXT's `ContentScriptContext`. */
export interface TimerOwner {
  readonly signal: AbortSignal;
  /** False once the extension is gone; WXT's getter also notices a reload here and aborts. */
  readonly isValid: boolean;
}

/** Without `requestIdleCallback` (Safari), an idle callback is this long a timeout. */
const IDLE_FALLBACK_MS = 50;

export class PageTimers implements Timers {
  private readonly timeouts = new Set<number>();
  private readonly idles = new Set<number>();
  private readonly frames = new Set<number>();

  constructor(private readonly owner: TimerOwner) {
    owner.signal.addEventListener('abort', () => this.cancelAll(), { once: true });
  }

  /** Timers scheduled and neither run nor cancelled yet. */
  get pending(): number {
    return this.timeouts.size + this.idles.size + this.frames.size;
  }

  setTimeout(fn: () => void, ms: number): number {
    if (this.owner.signal.aborted) return 0;
    const id = window.setTimeout(() => {
      this.timeouts.delete(id);
      if (this.owner.isValid) fn();
    }, ms);
    this.timeouts.add(id);
    return id;
  }

  clearTimeout(id: number | undefined): void {
    if (id === undefined) return;
    this.timeouts.delete(id);
    window.clearTimeout(id);
  }

  /** `requestIdleCallback(fn, { timeout })`, or a short timeout where the browser has none. */
  requestIdleCallback(fn: () => void, timeoutMs: number): number {
    if (typeof window.requestIdleCallback !== 'function') return this.setTimeout(fn, IDLE_FALLBACK_MS);
    if (this.owner.signal.aborted) return 0;
    const id = window.requestIdleCallback(
      () => {
        this.idles.delete(id);
        if (this.owner.isValid) fn();
      },
      { timeout: timeoutMs },
    );
    this.idles.add(id);
    return id;
  }

  cancelIdleCallback(id: number | undefined): void {
    if (id === undefined) return;
    if (typeof window.cancelIdleCallback !== 'function') {
      this.clearTimeout(id);
      return;
    }
    this.idles.delete(id);
    window.cancelIdleCallback(id);
  }

  requestAnimationFrame(fn: () => void): number {
    if (this.owner.signal.aborted) return 0;
    const id = window.requestAnimationFrame(() => {
      this.frames.delete(id);
      if (this.owner.isValid) fn();
    });
    this.frames.add(id);
    return id;
  }

  cancelAnimationFrame(id: number | undefined): void {
    if (id === undefined) return;
    this.frames.delete(id);
    window.cancelAnimationFrame(id);
  }

  private cancelAll(): void {
    for (const id of this.timeouts) window.clearTimeout(id);
    for (const id of this.idles) window.cancelIdleCallback(id);
    for (const id of this.frames) window.cancelAnimationFrame(id);
    this.timeouts.clear();
    this.idles.clear();
    this.frames.clear();
  }
}
