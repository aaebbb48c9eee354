/**
 * The hover card in real Chromium: resting the pointer on a mention opens the card for the right
 * entity, with contrasting accounts whose links open the document reader at the passage.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ALIASES, DEMO_HOVER, DEMO_PAGE } from './demo-page';
import { gazetteerEntry } from './gazetteer';
import {
  card,
  hoverText,
  launchWithExtension,
  openTestPage,
  saveScreenshot,
  waitForMentions,
  type Harness,
} from './harness';

interface ShownAccount {
  outlet: string;
  perspective: string;
  quote: string;
  href: string;
}

/** Normalises whitespace and strips the ellipses and quotation marks a card may add around a quote. */
function quoteSnippet(quote: string): string {
  const bare = quote.replace(/\s+/g, ' ').replace(/^[\s“"‘'…]+|[\s”"’'…]+$/g, '');
  // The longest stretch between ellipses is the one certain to be verbatim.
  const longest = bare.split('…').reduce((a, b) => (b.trim().length > a.length ? b.trim() : a), '');
  return longest.slice(0, 60).trim();
}

describe('hover card', () => {
  let harness: Harness;
  let page: Page;

  beforeAll(async () => {
    harness = await launchWithExtension();
    page = await openTestPage(harness, DEMO_PAGE);
    await waitForMentions(page);
  });
  afterAll(async () => {
    await harness?.close();
  });

  /** Opens a fresh card: one still open (or closing) from the last test would answer for this. */
  async function openCardOn(text: string, occurrence = 0) {
    await page.bringToFront();
    if (await card(page).isVisible()) await closeCard();
    await hoverText(page, text, occurrence);
    await card(page).waitFor({ state: 'visible', timeout: 5_000 });
    return card(page);
  }

  async function closeCard() {
    await page.keyboard.press('Escape');
    await card(page).waitFor({ state: 'hidden', timeout: 5_000 });
  }

  it('opens for the name under the pointer, with accounts from different perspectives', async () => {
    const entity = gazetteerEntry(DEMO_HOVER.entity);
    const dialog = await openCardOn(DEMO_HOVER.text);

    await expect(dialog.locator('h2.bs-card-name').textContent()).resolves.toBe(entity.name);
    // Labelled by the name, so a screen reader announces whose card this is.
    expect(await page.getByRole('dialog', { name: entity.name }).count()).toBe(1);
    expect((await dialog.locator('.bs-card-type').textContent())?.trim()).not.toBe('');
    expect((await dialog.locator('.bs-card-summary').textContent())?.trim()).not.toBe('');

    const accounts: ShownAccount[] = await dialog.locator('section.bs-accounts .bs-account').evaluateAll((items) =>
      items.map((item) => ({
        outlet: item.querySelector('.bs-account-outlet')?.textContent?.trim() ?? '',
        perspective: item.querySelector('.bs-account-perspective')?.textContent?.trim() ?? '',
        quote: item.querySelector('blockquote.bs-account-quote')?.textContent?.trim() ?? '',
        href: item.querySelector<HTMLAnchorElement>('a.bs-account-link')?.href ?? '',
      })),
    );
    expect(new Set(accounts.map((account) => account.perspective)).size).toBeGreaterThanOrEqual(2);
    for (const account of accounts) {
      expect(account.outlet).not.toBe('');
      expect(account.quote).not.toBe('');
      const link = new URL(account.href);
      // Node's URL gives non-web schemes an opaque origin ("null"): compare scheme and host.
      expect(`${link.protocol}//${link.host}`).toBe(`chrome-extension://${harness.extensionId}`);
      expect(link.pathname).toBe('/reader.html');
      expect(link.searchParams.get('passage')).toMatch(new RegExp(`^${link.searchParams.get('doc')}:\\d+:\\d+$`));
    }
    await saveScreenshot(page, 'card.png');
  });

  it('links each account to its passage in the document reader', async () => {
    const dialog = await openCardOn(DEMO_HOVER.text);
    const accounts = await dialog
      .locator('section.bs-accounts .bs-account')
      .evaluateAll((items) =>
        items.map((item) => ({
          quote: item.querySelector('blockquote.bs-account-quote')?.textContent ?? '',
          href: item.querySelector<HTMLAnchorElement>('a.bs-account-link')?.href ?? '',
        })),
      );
    expect(accounts.length).toBeGreaterThanOrEqual(2);
    for (const account of accounts) {
      const reader = await harness.context.newPage();
      try {
        await reader.goto(account.href);
        const snippet = quoteSnippet(account.quote);
        // The passage is on the page and scrolled into view.
        const shown = await reader.waitForFunction(
          (snippet) => {
            const blocks = [...document.querySelectorAll<HTMLElement>('p, blockquote, li, article, section, div')];
            const block = blocks
              .filter((el) => el.textContent?.replace(/\s+/g, ' ').includes(snippet))
              .sort((a, b) => (a.textContent?.length ?? 0) - (b.textContent?.length ?? 0))[0];
            if (!block) return null;
            const box = block.getBoundingClientRect();
            return box.bottom > 0 && box.top < window.innerHeight ? true : null;
          },
          snippet,
          { timeout: 10_000, polling: 200 },
        );
        expect(await shown.jsonValue()).toBe(true);
      } finally {
        await reader.close();
      }
    }
  });

  it('closes on Esc', async () => {
    await openCardOn(DEMO_HOVER.text);
    await closeCard();
    expect(await card(page).isVisible()).toBe(false);
  });

  it.each(DEMO_ALIASES)('$text opens the card for $entity', async ({ text, occurrence, entity }) => {
    const dialog = await openCardOn(text, occurrence);
    await expect
      .poll(() => dialog.locator('h2.bs-card-name').textContent(), { timeout: 3_000 })
      .toBe(gazetteerEntry(entity).name);
    await closeCard();
  });
});
