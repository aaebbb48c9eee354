/**
 * What the browser benchmarks and hostile-page tests read from Chromium beyond the page's own
 * API: `PROBE_SCRIPT`, installed in a page before its own scripts run, and the renderer's heap.
 */
import type { BrowserContext, Page } from 'playwright-core';

/**
 * The probe installed before the page's own scripts (Playwright init script, main world): a
 * record of every long task, and the moment the first mention mark appears. The highlight
 * registry is shared by the page and the content script's isolated world, so the main world sees
 * Backstory's marks.
 *
 * Written as a string: page functions must not go through tsx's keepNames helper.
 */
export const PROBE_SCRIPT = `(() => {
  // Keep the browser's own CSS object: a hostile page may replace window.CSS after this.
  const css = window.CSS;
  const marks = () => {
    const h = css && css.highlights && css.highlights.get('backstory-mention');
    return h ? h.size : 0;
  };
  const probe = { longtasks: [], firstMark: null, errors: [], marks };
  Object.defineProperty(window, '__backstoryProbe', { value: probe });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { probe.errors.push(String(e)); }
  const until = performance.now() + 30000;
  const poll = () => {
    if (marks() > 0) probe.firstMark = performance.now();
    else if (performance.now() < until) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

export interface ProbeReport {
  longtasks: { start: number; duration: number }[];
  firstMark: number | null;
}

/** The longest task that started in [from, to], or 0. */
export function longestTask(report: ProbeReport, from = 0, to = Number.POSITIVE_INFINITY): number {
  return report.longtasks.filter((t) => t.start >= from && t.start <= to).reduce((max, t) => Math.max(max, t.duration), 0);
}

/**
 * The JS heap of `page`'s renderer after a forced GC (CDP `Performance.getMetrics`
 * `JSHeapUsedSize`): the renderer's isolate, so the page and the content script's isolated world
 * together. NaN if the browser does not report it.
 */
export async function heapUsed(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}
