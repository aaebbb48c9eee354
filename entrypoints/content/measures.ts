/**
 * Backstory's measures on the page's own performance timeline (`backstory:gate`, `…:scan`, `…:build`,
 * `…:card`, `…:highlights`, `…:fingerprint`, `…:hit-test`), so the page's developer tools show
 * what Backstory costs. User timing is never trimmed by the browser, and a busy page (a live
 * ticker rescanned a hundred times a second) would grow its timeline without end: once a name
 * has MAX_MEASURES_PER_NAME entries, they are cleared and counting starts again, so the timeline
 * holds at most that many of each, the most recent ones. Cleared, not re-recorded: a page's own
 * PerformanceObserver would see each re-recorded entry twice.
 *
 * `npm run bench` marks the page (`data-backstory-bench` on <html>) when it reads every measure
 * of a long run (hundreds of hit-tests): nothing is cleared then.
 */

/** More than any one bench or e2e run reads of a name (≤ 60 cards, ≤ 100 scans or builds). */
export const MAX_MEASURES_PER_NAME = 200;

const recorded = new Map<string, number>();

export function isBenchPage(): boolean {
  return document.documentElement.dataset.backstoryBench !== undefined;
}

/** `performance.measure(name, { start, end: now, detail })`, keeping the timeline bounded. */
export function measure(name: string, start: number, detail?: Record<string, unknown>): void {
  try {
    const count = (recorded.get(name) ?? 0) + 1;
    if (count > MAX_MEASURES_PER_NAME && !isBenchPage()) {
      performance.clearMeasures(name);
      recorded.set(name, 1);
    } else {
      recorded.set(name, count);
    }
    performance.measure(name, { start, end: performance.now(), detail });
  } catch {
    // Very old engines lack the options form of measure(); what was measured is unaffected.
  }
}
