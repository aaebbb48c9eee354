/**
 * The one IntersectionObserver Backstory keeps on a page: which elements are in or
 * near the viewport (one screen above and below). The spotter watches scan chunks, so a
 * chunk's mentions are built only when the reader comes near it; the marks watch the mentions'
 * block elements, so only those near are registered as highlights (PERFORMANCE.md).
 */
import type { Timers } from '../../lib/page/hover-intent';

/** Hears, in one call per observer report, which of its elements came near or went away. */
export type NearListener = (changes: readonly NearChange[]) => void;

export interface NearChange {
  element: Element;
  near: boolean;
}

export interface Nearness {
  /** Report `element`'s nearness to `listener`: its first report says where it is now. */
  watch(element: Element, listener: NearListener): void;
  unwatch(element: Element, listener: NearListener): void;
  /** Where `element` was last reported: undefined until its first report. */
  isNear(element: Element): boolean | undefined;
  /** Resolves once every watched element had its first report (or after a timeout). */
  settled(): Promise<void>;
  /** Stop observing everything. */
  disconnect(): void;
}

/** How long `settled()` waits for the observer's first report: hidden tabs may not run it soon. */
const SETTLE_TIMEOUT_MS = 200;

export class NearViewport implements Nearness {
  private observer: IntersectionObserver;
  /** One listener per element mostly (a Set each for 10k+ chunks was a measurable cost). */
  private listeners = new Map<Element, NearListener | NearListener[]>();
  private state = new Map<Element, boolean>();
  private unreported = new Set<Element>();
  private settleWaiters: (() => void)[] = [];

  constructor(private timers: Timers) {
    // One screen above and one below: marks are in place before the reader scrolls to them.
    this.observer = new IntersectionObserver((entries) => this.onReport(entries), { rootMargin: '100% 0px' });
  }

  watch(element: Element, listener: NearListener): void {
    const current = this.listeners.get(element);
    if (current === undefined) {
      this.listeners.set(element, listener);
      this.unreported.add(element);
      this.observer.observe(element);
    } else if (Array.isArray(current)) {
      if (!current.includes(listener)) current.push(listener);
    } else if (current !== listener) {
      this.listeners.set(element, [current, listener]);
    }
  }

  unwatch(element: Element, listener: NearListener): void {
    const current = this.listeners.get(element);
    if (current === undefined) return;
    if (Array.isArray(current)) {
      const rest = current.filter((l) => l !== listener);
      if (rest.length > 0) {
        this.listeners.set(element, rest.length === 1 ? rest[0]! : rest);
        return;
      }
    } else if (current !== listener) {
      return;
    }
    this.observer.unobserve(element);
    this.listeners.delete(element);
    this.state.delete(element);
    this.unreported.delete(element);
    if (this.unreported.size === 0) this.resolveSettled();
  }

  isNear(element: Element): boolean | undefined {
    return this.state.get(element);
  }

  settled(): Promise<void> {
    if (this.unreported.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.settleWaiters.push(resolve);
      this.timers.setTimeout(() => this.resolveSettled(), SETTLE_TIMEOUT_MS);
    });
  }

  disconnect(): void {
    this.observer.disconnect();
    this.listeners.clear();
    this.state.clear();
    this.unreported.clear();
    this.resolveSettled();
  }

  private onReport(entries: IntersectionObserverEntry[]): void {
    // Every element's state first: a listener may ask about another element of the same report.
    const batches = new Map<NearListener, NearChange[]>();
    for (const entry of entries) {
      const element = entry.target;
      const current = this.listeners.get(element);
      if (current === undefined) continue;
      this.state.set(element, entry.isIntersecting);
      const first = this.unreported.delete(element);
      // A first report of "far" changes nothing for any listener: on a long page that is most
      // of the 10k+ chunks observed, so they are not dispatched at all.
      if (first && !entry.isIntersecting) continue;
      for (const listener of Array.isArray(current) ? current : [current]) {
        let batch = batches.get(listener);
        if (!batch) batches.set(listener, (batch = []));
        batch.push({ element, near: entry.isIntersecting });
      }
    }
    for (const [listener, changes] of batches) listener(changes);
    if (this.unreported.size === 0) this.resolveSettled();
  }

  private resolveSettled(): void {
    const waiters = this.settleWaiters;
    this.settleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

/**
 * Everything counts as near, reported at once: where there is no viewport to follow (unit
 * tests, engines without IntersectionObserver) every mention is built as it is found.
 */
export class EverythingNear implements Nearness {
  watch(element: Element, listener: NearListener): void {
    listener([{ element, near: true }]);
  }
  unwatch(): void {}
  isNear(): boolean {
    return true;
  }
  settled(): Promise<void> {
    return Promise.resolve();
  }
  disconnect(): void {}
}
