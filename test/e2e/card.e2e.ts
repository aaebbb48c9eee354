/**
 * The hover card in real Chromium and Firefox (BACKSTORY_BROWSER): resting the pointer on a
 * mention opens the card for the right entity, with contrasting accounts whose links open the
 * document reader at the passage.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_ALIASES, DEMO_HOVER, DEMO_PAGE } from './demo-page';
import {
  CARD,
  chosenBrowser,
  count,
  evaluateAll,
  hoverText,
  isVisible,
  textOf,
  waitForSelector,
} from './driver';
import { gazetteerEntry } from './gazetteer';
import { launchForSuite } from './suite';

interface ShownAccount {
  outlet: string;
  perspective: string;
  quote: string;
  href: string;
}

const ACCOUNTS = `${CARD} section.bs-accounts .bs-account`;

/** Normalises whitespace and strips the ellipses and quotation marks a card may add around a quote. */
function quoteSnippet(quote: string): string {
  const bare = quote.replace(/\s+/g, ' ').replace(/^[\s“"‘'…]+|[\s”"’'…]+$/g, '');
  // The longest stretch between ellipses is the one certain to be verbatim.
  const longest = bare.split('…').reduce((a, b) => (b.trim().length > a.length ? b.trim() : a), '');
  return longest.slice(0, 60).trim();
}

describe(`hover card (${chosenBrowser()})`, () => {
  const { browser, page } = launchForSuite({ open: DEMO_PAGE });

  /** Opens a fresh card: one still open (or closing) from the last test would answer for this. */
  async function openCardOn(text: string, occurrence = 0) {
    await page.bringToFront();
    if (await isVisible(page, CARD)) await closeCard();
    await hoverText(page, text, occurrence);
    await waitForSelector(page, CARD, { state: 'visible', timeout: 5_000 });
  }

  async function closeCard() {
    await page.keyboard.press('Escape');
    await waitForSelector(page, CARD, { state: 'hidden', timeout: 5_000 });
  }

  const shownAccounts = () =>
    evaluateAll(page, ACCOUNTS, (items) =>
      items.map((item) => ({
        outlet: item.querySelector('.bs-account-outlet')?.textContent?.trim() ?? '',
        perspective: item.querySelector('.bs-account-perspective')?.textContent?.trim() ?? '',
        quote: item.querySelector('blockquote.bs-account-quote')?.textContent?.trim() ?? '',
        href: item.querySelector<HTMLAnchorElement>('a.bs-account-link')?.href ?? '',
      })),
    );

  it('opens for the name under the pointer, with accounts from different perspectives', async () => {
    const entity = gazetteerEntry(DEMO_HOVER.entity);
    await openCardOn(DEMO_HOVER.text);

    expect(await textOf(page, `${CARD} h2.bs-card-name`)).toBe(entity.name);
    // Labelled by the name, so a screen reader announces whose card this is.
    expect(await count(page, { role: 'dialog', name: entity.name })).toBe(1);
    expect((await textOf(page, `${CARD} .bs-card-type`))?.trim()).not.toBe('');
    expect((await textOf(page, `${CARD} .bs-card-summary`))?.trim()).not.toBe('');

    const accounts: ShownAccount[] = await shownAccounts();
    expect(new Set(accounts.map((account) => account.perspective)).size).toBeGreaterThanOrEqual(2);
    for (const account of accounts) {
      expect(account.outlet).not.toBe('');
      expect(account.quote).not.toBe('');
      const link = new URL(account.href);
      // Node's URL gives non-web schemes an opaque origin ("null"): compare scheme and host.
      expect(`${link.protocol}//${link.host}`).toBe(browser.extensionOrigin);
      expect(link.pathname).toBe('/reader.html');
      expect(link.searchParams.get('passage')).toMatch(new RegExp(`^${link.searchParams.get('doc')}:\\d+:\\d+$`));
    }
    await page.screenshot('card.png');
  });

  it('links each account to its passage in the document reader', async () => {
    await openCardOn(DEMO_HOVER.text);
    const accounts = await shownAccounts();
    expect(accounts.length).toBeGreaterThanOrEqual(2);
    for (const account of accounts) {
      const reader = await browser.newPage();
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
        expect(shown).toBe(true);
      } finally {
        await reader.close();
      }
    }
  });

  it('closes on Esc', async () => {
    await openCardOn(DEMO_HOVER.text);
    await closeCard();
    expect(await isVisible(page, CARD)).toBe(false);
  });

  it.each(DEMO_ALIASES)('$text opens the card for $entity', async ({ text, occurrence, entity }) => {
    await openCardOn(text, occurrence);
    await expect
      .poll(() => textOf(page, `${CARD} h2.bs-card-name`), { timeout: 3_000 })
      .toBe(gazetteerEntry(entity).name);
    await closeCard();
  });
});
