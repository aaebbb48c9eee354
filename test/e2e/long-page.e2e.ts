/**
 * A long page in real Chromium and Firefox (BACKSTORY_BROWSER): the first scan builds marks only
 * near the viewport (so a long page costs what its first screens cost), yet the popup counts every mention on the page, and a mention
 * far below the fold is marked and hoverable once the reader scrolls to it.
 */
import { describe, expect, it } from 'vitest';
import {
  CARD,
  chosenBrowser,
  click,
  hoverText,
  markedMentions,
  POPUP_VIEWPORT,
  tabIdOf,
  textOf,
  waitForSelector,
} from './driver';
import { gazetteerEntry } from './gazetteer';
import { launchForSuite } from './suite';

const LONG_PAGE = 'long-article.html';

describe(`a long page: mentions far below the fold (${chosenBrowser()})`, () => {
  const { browser, page } = launchForSuite({ open: LONG_PAGE });
  const qaani = gazetteerEntry('esmail-qaani').name;

  it('counts in the popup the mentions the reader has not scrolled to', async () => {
    // Only the top is marked: the three mentions of Qaani are some fifty screens down.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const marked = (await markedMentions(page)).map((m) => m.text);
    expect(marked).toContain('Baghdad');
    expect(marked).not.toContain('Esmail Qaani');

    const tabId = await tabIdOf(browser, page);
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`, POPUP_VIEWPORT);
    await click(popup, { role: 'tab', name: 'On this page' });
    const row = 'li[data-entity="esmail-qaani"]';
    await waitForSelector(popup, row, { state: 'visible', timeout: 5_000 });
    expect(await textOf(popup, `${row} .bs-on-page-count`)).toBe('3 mentions');
    await popup.close();
  });

  it('marks a mention far down once the reader scrolls to it, and its card opens on hover', async () => {
    await page.bringToFront();
    // Scrolls the second mention into view, waits for the marks to settle, rests the pointer on it.
    await hoverText(page, 'Esmail Qaani', 1);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(10 * 900);
    expect((await markedMentions(page)).filter((m) => m.text === 'Esmail Qaani').length).toBeGreaterThan(0);
    await waitForSelector(page, CARD, { state: 'visible', timeout: 5_000 });
    expect(await textOf(page, `${CARD} h2`)).toContain(qaani);
  });
});
