/**
 * Hostile pages (test/pages/hostile/): strict CSP with Trusted Types, a mutation storm, 100k
 * elements, one 5 MB text node, 5,000-deep nesting, infinite scroll, right-to-left, and a page
 * that patches the DOM API and replaces window.CSS. Each page is opened with Backstory and in a
 * browser without it; on each: no uncaught error and no console error from Backstory, no long
 * task above what the page causes on its own, the page's own behaviour unchanged, and names
 * still marked. The storm also checks that the heap stays flat.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBE_SCRIPT, longestTask, type ProbeReport } from '../../scripts/bench/browser-probes';
import { chosenBrowser } from './driver';
import { findChromium, launchWithExtension, type Harness } from './harness';

/** A long task is > 50 ms; a page's own tasks vary from run to run on a busy machine. */
const LONG_TASK_MS = 50;
const STORM_SECONDS = 3;

interface Visit {
  page: Page;
  errors: string[];
}

let harness: Harness;
let plainBrowser: Browser;
let plain: BrowserContext;

beforeAll(async () => {
  harness = await launchWithExtension();
  await harness.context.addInitScript(PROBE_SCRIPT);
  plainBrowser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  plain = await plainBrowser.newContext({ viewport: { width: 1280, height: 900 } });
  await plain.addInitScript(PROBE_SCRIPT);
});

afterAll(async () => {
  await harness?.close();
  await plainBrowser?.close();
});

async function visit(context: BrowserContext, name: string): Promise<Visit> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(`${harness.pages.origin}/hostile/${name}`, { waitUntil: 'load' });
  return { page, errors };
}

const probe = (page: Page) => page.evaluate(() => (window as unknown as { __backstoryProbe: ProbeReport }).__backstoryProbe);
const markCount = (page: Page) => page.evaluate(() => (window as unknown as { __backstoryProbe: { marks(): number } }).__backstoryProbe.marks());
const pageState = (page: Page) => page.evaluate(() => (window as unknown as { pageState(): unknown }).pageState());

/** Waits for Backstory's first scan to end and its marks to appear. */
async function waitForScan(page: Page, expectMarks: boolean): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0, undefined, { timeout: 30_000, polling: 100 });
  if (!expectMarks) return;
  await page.waitForFunction(
    () => (window as unknown as { __backstoryProbe: { marks(): number } }).__backstoryProbe.marks() > 0,
    undefined,
    { timeout: 15_000, polling: 100 },
  );
}

async function heapUsed(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}

/**
 * Long tasks Backstory is to blame for: with the extension, after its first scan began, longer
 * than 50 ms and longer than anything the page did on its own (with a margin for a busy machine).
 */
function blamedTasks(withExt: ProbeReport, without: ProbeReport, since: number): number[] {
  const own = longestTask(without);
  const limit = Math.max(LONG_TASK_MS, own * 1.25 + 10);
  return withExt.longtasks.filter((t) => t.start >= since && t.duration > limit).map((t) => Math.round(t.duration));
}

const scanStart = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('backstory:scan')[0]?.startTime ?? 0);

/** Opens the page both ways, runs `act` on each, and checks the common promises. */
async function compare(
  name: string,
  act: (page: Page, withExtension: boolean) => Promise<void> = async () => {},
  { expectMarks = true } = {},
) {
  const base = await visit(plain, name);
  await act(base.page, false);
  await base.page.waitForTimeout(500);
  const baseState = await pageState(base.page);
  const baseReport = await probe(base.page);

  const ext = await visit(harness.context, name);
  await waitForScan(ext.page, expectMarks);
  const since = await scanStart(ext.page);
  await act(ext.page, true);
  await ext.page.waitForTimeout(500);
  const extState = await pageState(ext.page);
  const extReport = await probe(ext.page);

  expect(ext.errors, 'errors with Backstory').toEqual(base.errors);
  expect(extState, 'the page’s own behaviour').toEqual(baseState);
  expect(blamedTasks(extReport, baseReport, since), 'long tasks Backstory caused').toEqual([]);
  await base.page.close();
  return ext;
}

// Long tasks are timed by the browser on a shared 2-core machine: another process can stretch one
// of ours past the limit now and then. A real regression fails every attempt; a scheduling
// hiccup does not fail the suite.
// Chromium only for now: its probes (longtask entries, CDP heap metrics) have no Firefox
// equivalent over WebDriver BiDi, and a Firefox pass that started Chromium would prove nothing.
describe.runIf(chosenBrowser() === 'chromium')('hostile pages', { retry: 2 }, () => {
  it('strict CSP and Trusted Types: marks, opens nothing the policy blocks', async () => {
    const ext = await compare('csp.html');
    expect(await markCount(ext.page)).toBeGreaterThan(0);
    expect((await pageState(ext.page)) as { violations: string[] }).toMatchObject({ violations: [] });
    await ext.page.close();
  });

  it('a mutation storm (1,000 changes/s): marks follow, the heap stays flat', async () => {
    let heapBefore = 0;
    let heapAfter = 0;
    let baseGrowth = 0;
    const ext = await compare('mutation-storm.html', async (page, withExtension) => {
      const context = withExtension ? harness.context : plain;
      const before = await heapUsed(context, page);
      await page.evaluate((s) => (window as unknown as { startStorm(s: number): Promise<number> }).startStorm(s), STORM_SECONDS);
      await page.waitForTimeout(1500); // let the last batch of rescans run
      const after = await heapUsed(context, page);
      if (withExtension) {
        heapBefore = before;
        heapAfter = after;
      } else {
        baseGrowth = after - before;
      }
    });
    // Flat: Backstory keeps at most 2 MB more than the page itself after 3,000 changes.
    expect(heapAfter - heapBefore - baseGrowth).toBeLessThan(2 * 1024 * 1024);
    // The ticker's latest paragraphs, written during the storm, are marked.
    await ext.page.waitForFunction(
      () => (window as unknown as { __backstoryProbe: { marks(): number } }).__backstoryProbe.marks() > 20,
      undefined,
      { timeout: 10_000 },
    );
    await ext.page.close();
  });

  it('100,000 elements', async () => {
    const ext = await compare('many-elements.html');
    expect(await markCount(ext.page)).toBeGreaterThan(0);
    await ext.page.close();
  });

  it('one 5 MB text node: spotted in slices, not drawn (Chromium cannot afford highlights there)', async () => {
    const ext = await compare('huge-text-node.html', async () => {}, { expectMarks: false });
    const spotted = await ext.page.evaluate(() =>
      performance.getEntriesByName('backstory:scan').reduce((n, m) => n + ((m as PerformanceMeasure).detail as { mentions: number }).mentions, 0),
    );
    expect(spotted).toBeGreaterThan(1000);
    expect(await markCount(ext.page)).toBe(0);
    expect(await pageState(ext.page)).toMatchObject({ nodes: 1 });
    await ext.page.close();
  });

  it('5,000-deep nesting: the name at the bottom is marked', async () => {
    const ext = await compare('deep-nesting.html');
    expect(await markCount(ext.page)).toBeGreaterThan(0);
    await ext.page.close();
  });

  it('infinite scroll: stories loaded while scrolling get marks', async () => {
    const scrollFor = async (page: Page) => {
      for (let i = 0; i < 12; i++) {
        await page.mouse.wheel(0, 1500);
        await page.waitForTimeout(250);
      }
    };
    const ext = await compare('infinite-scroll.html', scrollFor);
    const { batches } = (await pageState(ext.page)) as { batches: number };
    expect(batches).toBeGreaterThan(3);
    // The stories now on screen came from the last batches: they are marked too.
    await ext.page.waitForFunction(
      () => {
        const h = CSS.highlights.get('backstory-mention');
        if (!h) return false;
        return [...h].some((r) => /Story (\d+)/.test(r.startContainer.parentElement?.closest('article')?.textContent ?? '') &&
          Number(/Story (\d+)/.exec(r.startContainer.parentElement!.closest('article')!.textContent!)![1]) >= 60);
      },
      undefined,
      { timeout: 10_000, polling: 200 },
    );
    await ext.page.close();
  });

  it('right-to-left Arabic page: the Arabic and the Latin names are marked', async () => {
    const ext = await compare('rtl.html');
    const marked = await ext.page.evaluate(() =>
      [...(CSS.highlights.get('backstory-mention') ?? [])].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      }),
    );
    expect(marked).toContain('مصطفى الكاظمي');
    expect(marked).toContain('Qasem Soleimani');
    await ext.page.close();
  });

  it('a page that patches Node.prototype and replaces window.CSS: Backstory neither breaks nor calls the patches', async () => {
    const ext = await compare('overrides.html');
    expect(await markCount(ext.page)).toBeGreaterThan(0);
    await ext.page.close();
  });
});
