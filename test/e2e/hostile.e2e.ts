/**
 * Hostile pages (test/pages/hostile/), Chromium's probes: strict CSP with Trusted
 * Types, a mutation storm (1,000 changes/s for 20 s), 100k elements, one 5 MB text node,
 * 5,000-deep nesting, infinite scroll for 30 s, right-to-left, and a page that patches the DOM
 * API and replaces window.CSS. On each: no uncaught error and no console error from Backstory,
 * no task over 50 ms attributable to Backstory, the page's own behaviour unchanged, names still
 * marked. The storm also checks that the heap stays flat.
 *
 * Attribution (./attribution.ts explains it in full): the browser's own records — the trace's
 * main-thread tasks and V8's sampling profiler, whose stacks name each frame's script — tell
 * Backstory's script time apart from the page's, within a task and across tasks. This replaces
 * "the longest task with the extension vs the same page without it", which compared two runs
 * on a shared 2-core machine and needed retries. A page's own long tasks (the 5 MB text node's
 * layout, 100k elements) are not Backstory's unless Backstory's share made them long. The
 * browser without the extension stays for what only it can tell: the page's own end state and
 * its own errors.
 *
 * `hostile-pages.e2e.ts` runs the checks that need no Chromium probe in Firefox too.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heapUsed, PROBE_SCRIPT } from '../../scripts/bench/browser-probes';
import { BackstoryAttribution, LONG_TASK_MS, type Attribution } from './attribution';
import { chosenBrowser } from './driver';
import { launchWithExtension, launchWithoutExtension, type Harness } from './harness';
import { MAX_RANGES, SCROLL_SECONDS, STORM_SECONDS } from './hostile-limits';

interface Visit {
  page: Page;
  errors: string[];
  /** Backstory's main-thread cost from before navigation, when asked for. */
  recording?: BackstoryAttribution;
}

let harness: Harness;
/** The same browser without Backstory, launched the same way: the page's own behaviour and errors. */
let withoutExtension: { context: BrowserContext; close(): Promise<void> };
let plain: BrowserContext;

beforeAll(async () => {
  harness = await launchWithExtension();
  await harness.context.addInitScript(PROBE_SCRIPT);
  withoutExtension = await launchWithoutExtension();
  plain = withoutExtension.context;
  await plain.addInitScript(PROBE_SCRIPT);
});

afterAll(async () => {
  // The browser without the extension first: the harness's page server stops with the harness.
  await withoutExtension?.close();
  await harness?.close();
});

async function visit(context: BrowserContext, name: string, { record = false } = {}): Promise<Visit> {
  const page = await context.newPage();
  const recording = record ? await BackstoryAttribution.start(context, page, harness.extensionId) : undefined;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(`${harness.pages.origin}/hostile/${name}`, { waitUntil: 'load' });
  return { page, errors, recording };
}

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

/** Backstory's cost on the main thread, as the browser recorded it, with the figures in the log. */
function expectNothingLongFromBackstory(label: string, cost: Attribution): void {
  console.info(`[hostile] ${label}: ${JSON.stringify(cost)}`);
  expect(cost.tasks, 'the trace saw the page’s main thread').toBeGreaterThan(0);
  expect(cost.mostInOneTaskMs, 'Backstory’s script time in one task (ms)').toBeLessThanOrEqual(LONG_TASK_MS);
  expect(cost.blamed, 'long tasks that were long because of Backstory').toEqual([]);
}

/** Opens the page both ways, runs `act` on each, and checks the common promises. */
async function compare(
  name: string,
  act: (page: Page, withExtension: boolean) => Promise<void> = async () => {},
  { expectMarks = true, attribute = true } = {},
) {
  const base = await visit(plain, name);
  await act(base.page, false);
  await base.page.waitForTimeout(500);
  const baseState = await pageState(base.page);

  // Recorded from before navigation, so the first scan is in it.
  const ext = await visit(harness.context, name, { record: true });
  await waitForScan(ext.page, expectMarks);
  await act(ext.page, true);
  await ext.page.waitForTimeout(500);
  const cost = await ext.recording!.stop();
  const extState = await pageState(ext.page);

  expect(ext.errors, 'errors with Backstory').toEqual(base.errors);
  expect(extState, 'the page’s own behaviour').toEqual(baseState);
  if (attribute) expectNothingLongFromBackstory(name, cost);
  await base.page.close();
  return { ...ext, cost };
}

// Chromium only: the probes (trace, V8 profiler, CDP heap) have no Firefox equivalent over
// WebDriver BiDi. No retries: attribution by the browser's own records does not depend on how
// busy the machine is (a descheduled task is long for everyone, but it is not Backstory's).
describe.runIf(chosenBrowser() === 'chromium')('hostile pages', () => {
  it('strict CSP and Trusted Types: marks, opens nothing the policy blocks', async () => {
    const ext = await compare('csp.html');
    expect(await markCount(ext.page)).toBeGreaterThan(0);
    expect((await pageState(ext.page)) as { violations: string[] }).toMatchObject({ violations: [] });
    await ext.page.close();
  });

  it(`a mutation storm, 1,000 changes/s for ${STORM_SECONDS} s: marks follow, nothing long is Backstory's, the heap stays flat`, { timeout: 120_000 }, async () => {
    const ext = await visit(harness.context, 'mutation-storm.html');
    await waitForScan(ext.page, true);
    // Two halves with a full GC between: flat means the second 10,000 changes leave the heap
    // where the first left it (the first half may warm caches and compiled code; the second not).
    const storm = (seconds: number) =>
      ext.page.evaluate((s) => (window as unknown as { startStorm(s: number): Promise<number> }).startStorm(s), seconds);
    const heapBefore = await heapUsed(harness.context, ext.page);
    const recording = await BackstoryAttribution.start(harness.context, ext.page, harness.extensionId);
    await storm(STORM_SECONDS / 2);
    const costFirstHalf = await recording.stop();
    const heapMiddle = await heapUsed(harness.context, ext.page);
    const recordingSecond = await BackstoryAttribution.start(harness.context, ext.page, harness.extensionId);
    await storm(STORM_SECONDS / 2);
    await ext.page.waitForTimeout(1500); // let the last rescans run
    const cost = await recordingSecond.stop();
    const heapAfter = await heapUsed(harness.context, ext.page);
    const rate = await ext.page.evaluate(() => (window as unknown as { stormRate(): { changes: number; maxLagMs: number; longestTimerGapMs: number; elapsedMs: number } }).stormRate());
    console.info(`[hostile] storm: ${JSON.stringify(rate)}, heap ${heapBefore} → ${heapMiddle} → ${heapAfter} bytes`);

    // The page really stormed: 20,000 changes in 20 s, never more than half a second behind its
    // one-change-per-ms schedule (a page starved by someone would fall behind).
    expect(rate.changes).toBe(STORM_SECONDS * 1000);
    expect(rate.elapsedMs, 'the storm’s duration (ms)').toBeLessThan(STORM_SECONDS * 1000 + 500);
    expect(rate.maxLagMs, 'how far the storm fell behind its schedule (ms)').toBeLessThan(500);
    // Its end state is the one the same changes make without Backstory.
    const base = await visit(plain, 'mutation-storm.html');
    await base.page.evaluate((s) => (window as unknown as { replayStorm(s: number): void }).replayStorm(s), STORM_SECONDS);
    expect(await pageState(ext.page), 'the page’s own behaviour').toEqual(await pageState(base.page));
    expect(ext.errors, 'errors with Backstory').toEqual(base.errors);
    await base.page.close();

    expectNothingLongFromBackstory('storm, first half', costFirstHalf);
    expectNothingLongFromBackstory('storm, second half', cost);
    expect(cost.totalMs, 'Backstory followed the storm (it ran)').toBeGreaterThan(0);
    // Flat: the page keeps 41 paragraphs at most, and Backstory's mentions follow them, so the
    // second 10,000 changes may not leave more than 256 kB behind (a leak of one small object
    // per change would be ≥ 320 kB). Measured: 110–160 kB with Backstory, 0 for the page alone.
    // The storm makes ~1,090 `backstory:scan` measures per 10 s; the page's timeline keeps at
    // most MAX_MEASURES_PER_NAME of them (entrypoints/content/measures.ts).
    expect(heapAfter - heapMiddle, 'heap growth over the second half (bytes)').toBeLessThan(256 * 1024);
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
    const ext = await compare('huge-text-node.html', async () => {}, { expectMarks: false, attribute: false });
    const spotted = await ext.page.evaluate(() =>
      performance.getEntriesByName('backstory:scan').reduce((n, m) => n + ((m as PerformanceMeasure).detail as { mentions: number }).mentions, 0),
    );
    expect(spotted).toBeGreaterThan(1000);
    expect(await markCount(ext.page)).toBe(0);
    expect(await pageState(ext.page)).toMatchObject({ nodes: 1 });
    await ext.page.close();
  });

  // Every step of the huge chunk's scan yields when its slice is spent: the matching a window at
  // a time, and the event cues a batch of sentences at a time (`withEventMentionsSliced`; before
  // it, one task held 60–99 ms of Backstory's script here).
  it('one 5 MB text node: no task over 50 ms is Backstory’s', async () => {
    const ext = await visit(harness.context, 'huge-text-node.html', { record: true });
    await waitForScan(ext.page, false);
    await ext.page.waitForTimeout(500);
    const cost = await ext.recording!.stop();
    await ext.page.close();
    expectNothingLongFromBackstory('huge-text-node.html', cost);
  });

  it('5,000-deep nesting: the name at the bottom is marked', async () => {
    const ext = await compare('deep-nesting.html');
    expect(await markCount(ext.page)).toBeGreaterThan(0);
    await ext.page.close();
  });

  it(`infinite scroll for ${SCROLL_SECONDS} s: late stories get marks, ranges stay few, nothing long is Backstory's`, { timeout: 120_000 }, async () => {
    const ext = await visit(harness.context, 'infinite-scroll.html');
    await waitForScan(ext.page, true);
    const recording = await BackstoryAttribution.start(harness.context, ext.page, harness.extensionId);
    let mostRanges = 0;
    const until = Date.now() + SCROLL_SECONDS * 1000;
    while (Date.now() < until) {
      await ext.page.mouse.wheel(0, 1500);
      await ext.page.waitForTimeout(250);
      mostRanges = Math.max(mostRanges, await markCount(ext.page));
    }
    await ext.page.waitForTimeout(500);
    const cost = await recording.stop();
    const state = (await pageState(ext.page)) as { batches: number; stories: number; inOrder: boolean };
    console.info(`[hostile] scroll: ${JSON.stringify(state)}, most ranges registered ${mostRanges}`);

    // The feed kept loading the whole time, every story in its place.
    expect(state.batches).toBeGreaterThan(30);
    expect(state).toMatchObject({ stories: state.batches * 20, inOrder: true });
    expect(ext.errors, 'errors with Backstory').toEqual([]);
    expect(mostRanges, 'ranges registered at once').toBeLessThanOrEqual(MAX_RANGES);
    expectNothingLongFromBackstory('scroll', cost);
    // The stories now on screen came from the last batches: they are marked too.
    const lastBatch = (state.batches - 2) * 20;
    await ext.page.waitForFunction(
      (from) => {
        const h = CSS.highlights.get('backstory-mention');
        if (!h) return false;
        return [...h].some((r) => {
          const story = /Story (\d+)/.exec(r.startContainer.parentElement?.closest('article')?.textContent ?? '');
          return story !== null && Number(story[1]) >= from;
        });
      },
      lastBatch,
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
