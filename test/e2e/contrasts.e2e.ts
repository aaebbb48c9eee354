/**
 * Accounts differ, found automatically, in real Chromium and Firefox (BACKSTORY_BROWSER): the
 * hover card shows the curated contrasts first and then the automatic ones, labelled, with both
 * outlets; the popup's entity view shows the stance strip, walked with the arrow keys, and lets
 * the reader dismiss an automatic contrast, which the next card leaves out. axe finds nothing,
 * light and dark.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PAGE } from './demo-page';
import { axeViolations } from './driver/axe';
import { CARD, chosenBrowser, click, count, evaluateAll, hoverText, POPUP_VIEWPORT, textOf, waitForMentions, waitForSelector, type E2EPage } from './driver';
import { gazetteerEntry } from './gazetteer';
import { launchForSuite } from './suite';

/** On demo.html, and an entity with a curated contrast and automatic ones. */
const KADHIMI = { text: 'Mustafa al-Kazimi', entity: 'mustafa-al-kadhimi' };
const AUTOMATIC = `${CARD} .bs-contrast[data-origin="automatic"]`;

async function axeLightAndDark(page: E2EPage, context: unknown): Promise<void> {
  expect(await axeViolations(page, context), 'light').toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  try {
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    expect(await axeViolations(page, context), 'dark').toEqual([]);
  } finally {
    await page.emulateMedia({ colorScheme: null });
  }
}

describe(`accounts differ, found automatically (${chosenBrowser()})`, () => {
  const { browser } = launchForSuite();

  const automaticOnCard = (page: E2EPage) =>
    evaluateAll(page, AUTOMATIC, (items) =>
      items.map((item) => ({
        id: item.getAttribute('data-contrast') ?? '',
        label: item.querySelector('.bs-origin-label')?.textContent?.trim() ?? '',
        outlets: [...item.querySelectorAll('.bs-account-outlet')].map((o) => o.textContent?.trim() ?? ''),
        perspectives: [...item.querySelectorAll('.bs-account-perspective')].map((o) => o.textContent?.trim() ?? ''),
      })),
    );

  async function openCard(page: E2EPage) {
    await hoverText(page, KADHIMI.text);
    await waitForSelector(page, CARD, { state: 'visible', timeout: 5_000 });
    await expect.poll(() => count(page, AUTOMATIC), { timeout: 5_000 }).toBeGreaterThan(0);
  }

  it('the card shows the curated contrast first, then automatic ones labelled, each with both outlets', async () => {
    const page = await browser.openTestPage(DEMO_PAGE);
    await waitForMentions(page);
    await openCard(page);
    const origins = await evaluateAll(page, `${CARD} .bs-contrast`, (items) => items.map((i) => i.getAttribute('data-origin')));
    expect(origins[0]).toBe('curated');
    expect(origins.slice(origins.indexOf('automatic')).every((o) => o === 'automatic')).toBe(true);
    for (const shown of await automaticOnCard(page)) {
      expect(shown.label).toBe('Found automatically, not reviewed');
      expect(shown.outlets).toHaveLength(2);
      expect(shown.outlets.every((o) => o !== '')).toBe(true);
      expect(new Set(shown.perspectives).size).toBe(2);
    }
    await axeLightAndDark(page, { include: { fromShadowDom: ['backstory-ui', '.bs-card'] } });
    await page.close();
  });

  it('the entity view shows the stance strip, walked with the arrow keys, and has no violations', async () => {
    const popup = await browser.openExtensionPage(`popup.html?entity=${KADHIMI.entity}`, POPUP_VIEWPORT);
    // The strip is computed on the device after the starter corpus is installed: a popup opened
    // before that shows none, the next one does.
    await expect
      .poll(
        async () => {
          await popup.reload();
          await expect.poll(() => textOf(popup, 'h1'), { timeout: 5_000 }).toContain(gazetteerEntry(KADHIMI.entity).name);
          return count(popup, '.bs-strip-mark');
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBeGreaterThanOrEqual(2);
    const marks = await count(popup, '.bs-strip-mark');
    expect(marks).toBeGreaterThanOrEqual(2);
    const labels = await evaluateAll(popup, '.bs-strip-mark', (items) => items.map((i) => i.getAttribute('aria-label') ?? ''));
    expect(labels.every((l) => /: (negative|neutral|positive) \(/.test(l))).toBe(true);
    const first = await textOf(popup, '.bs-strip-chosen blockquote');
    await click(popup, '.bs-strip-mark[aria-pressed="true"]');
    await popup.keyboard.press('End');
    await expect.poll(() => evaluateAll(popup, '.bs-strip-mark', (items) => items.findIndex((i) => i === document.activeElement))).toBe(marks - 1);
    expect(await textOf(popup, '.bs-strip-chosen blockquote')).not.toBe(first);
    await popup.keyboard.press('ArrowLeft');
    await expect.poll(() => evaluateAll(popup, '.bs-strip-mark', (items) => items.findIndex((i) => i.getAttribute('aria-pressed') === 'true'))).toBe(marks - 2);
    expect(await count(popup, '.bs-strip-table tbody tr')).toBe(marks);
    await axeLightAndDark(popup, 'html');
    await popup.close();
  });

  it('dismissing an automatic contrast in the entity view leaves it off the next card', async () => {
    const popup = await browser.openExtensionPage(`popup.html?entity=${KADHIMI.entity}`, POPUP_VIEWPORT);
    await waitForSelector(popup, '.bs-contrast[data-origin="automatic"] .bs-review-dismiss', { timeout: 5_000 });
    const id = (await evaluateAll(popup, '.bs-contrast[data-origin="automatic"]', (items) => items[0]?.getAttribute('data-contrast') ?? ''))!;
    await click(popup, `.bs-contrast[data-contrast="${id}"] .bs-review-dismiss`);
    await expect.poll(() => count(popup, `.bs-contrast[data-contrast="${id}"]`), { timeout: 5_000 }).toBe(0);
    await popup.close();

    const page = await browser.openTestPage(DEMO_PAGE);
    await waitForMentions(page);
    await openCard(page);
    expect((await automaticOnCard(page)).map((c) => c.id)).not.toContain(id);
    await page.close();
  });
});
