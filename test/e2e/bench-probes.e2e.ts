/**
 * The two measures `npm run bench` (scripts/bench/extras.bench.ts) reads from the product, which
 * must exist and cost readers nothing. The background records its start-up, up to its first answer, as
 * `backstory:kb-load`; the content script times each pointer lookup as `backstory:hit-test`, but
 * only while the page's <html> carries `data-backstory-bench`, so readers' pages pay nothing.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_HOVER, DEMO_PAGE } from './demo-page';
import { chosenBrowser, hoverText } from './driver';
import { launchForSuite } from './suite';

const HIT_TEST = 'backstory:hit-test';

describe(`bench probes (${chosenBrowser()})`, () => {
  const { browser, page } = launchForSuite({ open: DEMO_PAGE });

  it('records the background start-up once, and leaves reading the starter corpus to the builder’s thread', async () => {
    const entries = await browser.evaluateInBackground((bg) =>
      ['backstory:kb-load', 'backstory:read-starterPack'].map((name) => bg.performance.getEntriesByName(name).map((e) => e.duration)),
    );
    const [loads, reads] = entries;
    expect(loads).toHaveLength(1);
    expect(loads![0]).toBeGreaterThan(0);
    // The matcher comes from IndexedDB; the starter corpus is read by the builder's thread, never here.
    expect(reads).toEqual([]);
  });

  it('times pointer lookups only while the page asks for it', async () => {
    const count = () => page.evaluate((name) => performance.getEntriesByName(name).length, HIT_TEST);
    await hoverText(page, DEMO_HOVER.text);
    expect(await count()).toBe(0);

    await page.evaluate(() => {
      document.documentElement.dataset.backstoryBench = '';
    });
    await page.mouse.move(1, 1);
    await hoverText(page, DEMO_HOVER.text);
    const lookups = await page.evaluate((name) => performance.getEntriesByName(name).map((e) => e.duration), HIT_TEST);
    expect(lookups.length).toBeGreaterThan(0);
    expect(lookups.every((ms) => ms >= 0 && ms < 50)).toBe(true);
  });
});
