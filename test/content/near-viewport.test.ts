// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NearViewport, type NearChange } from '../../entrypoints/content/near-viewport';

/** The browser's observer, driven by the test: `report` is what a scroll would make it say. */
class FakeIntersectionObserver {
  static last: FakeIntersectionObserver;
  observed = new Set<Element>();
  constructor(private callback: (entries: Partial<IntersectionObserverEntry>[]) => void) {
    FakeIntersectionObserver.last = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  report(changes: [Element, boolean][]) {
    this.callback(changes.filter(([el]) => this.observed.has(el)).map(([target, isIntersecting]) => ({ target, isIntersecting })));
  }
}

const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number, clearTimeout: (id: number) => clearTimeout(id) };

describe('NearViewport: the page’s one IntersectionObserver', () => {
  beforeEach(() => vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver));
  afterEach(() => vi.unstubAllGlobals());

  it('observes an element once for all its listeners, and stops when the last one leaves', () => {
    const near = new NearViewport(timers);
    const io = FakeIntersectionObserver.last;
    const el = document.createElement('p');
    const chunkReports: NearChange[][] = [];
    const markReports: NearChange[][] = [];
    const chunks = (c: readonly NearChange[]) => chunkReports.push([...c]);
    const marks = (c: readonly NearChange[]) => markReports.push([...c]);
    near.watch(el, chunks);
    near.watch(el, marks);
    expect(near.isNear(el)).toBeUndefined();
    io.report([[el, true]]);
    expect(chunkReports).toEqual([[{ element: el, near: true }]]);
    expect(markReports).toEqual([[{ element: el, near: true }]]);
    expect(near.isNear(el)).toBe(true);

    near.unwatch(el, chunks);
    expect(io.observed.has(el)).toBe(true);
    io.report([[el, false]]);
    expect(chunkReports).toHaveLength(1);
    expect(markReports[1]).toEqual([{ element: el, near: false }]);
    near.unwatch(el, marks);
    expect(io.observed.has(el)).toBe(false);
    expect(near.isNear(el)).toBeUndefined();
  });

  it('gives each listener one batch per report, with every element’s state known first', () => {
    const near = new NearViewport(timers);
    const [a, b] = [document.createElement('p'), document.createElement('p')];
    const seen: boolean[] = [];
    near.watch(a, () => seen.push(near.isNear(b) === true));
    near.watch(b, () => {});
    let batches = 0;
    const counter = () => batches++;
    near.watch(a, counter);
    near.watch(b, counter);
    FakeIntersectionObserver.last.report([
      [a, true],
      [b, true],
    ]);
    expect(seen).toEqual([true]);
    expect(batches).toBe(1);
  });

  it('is settled once every watched element had its first report, or after a timeout', async () => {
    vi.useFakeTimers();
    try {
      const near = new NearViewport(timers);
      const [a, b] = [document.createElement('p'), document.createElement('p')];
      near.watch(a, () => {});
      near.watch(b, () => {});
      let settled = false;
      void near.settled().then(() => (settled = true));
      FakeIntersectionObserver.last.report([[a, false]]);
      await Promise.resolve();
      expect(settled).toBe(false);
      FakeIntersectionObserver.last.report([[b, true]]);
      await Promise.resolve();
      expect(settled).toBe(true);

      near.watch(document.createElement('div'), () => {});
      let late = false;
      void near.settled().then(() => (late = true));
      await vi.advanceTimersByTimeAsync(250);
      expect(late).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('NearViewport: first reports', () => {
  beforeEach(() => vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver));
  afterEach(() => vi.unstubAllGlobals());

  it('does not bother listeners with elements first reported far, but tells them when those come near', () => {
    const near = new NearViewport(timers);
    const el = document.createElement('p');
    const reports: NearChange[][] = [];
    near.watch(el, (c) => reports.push([...c]));
    FakeIntersectionObserver.last.report([[el, false]]);
    expect(reports).toEqual([]);
    expect(near.isNear(el)).toBe(false);
    FakeIntersectionObserver.last.report([[el, true]]);
    expect(reports).toEqual([[{ element: el, near: true }]]);
  });
});
