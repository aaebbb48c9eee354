/**
 * The popup's lookup in real Chromium (popup.html opened in a tab): loosely typed names find the
 * right entity, and Enter opens its view with the accounts by perspective.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POPUP_LOOKUP } from './demo-page';
import { gazetteerEntry } from './gazetteer';
import { launchWithExtension, openPopup, saveScreenshot, type Harness } from './harness';

describe('popup lookup', () => {
  let harness: Harness;
  let popup: Page;

  beforeAll(async () => {
    harness = await launchWithExtension();
    popup = await openPopup(harness);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('puts the cursor in the search box on open', async () => {
    // By its label, as a screen reader announces it (its role may be combobox: it owns the results).
    const search = popup.getByLabel('Look up a name');
    await search.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await search.getAttribute('type')).toBe('search');
    await expect.poll(() => search.evaluate((box) => box === document.activeElement), { timeout: 3_000 }).toBe(true);
  });

  it(`finds ${POPUP_LOOKUP.entity} first from “${POPUP_LOOKUP.query}”`, async () => {
    const name = gazetteerEntry(POPUP_LOOKUP.entity).name;
    // Typed into whatever has focus, as a reader would right after opening the popup.
    await popup.keyboard.type(POPUP_LOOKUP.query, { delay: 40 });
    const first = popup.getByRole('listbox').getByRole('option').first();
    await expect.poll(() => first.textContent(), { timeout: 5_000 }).toContain(name);
    await saveScreenshot(popup, 'popup.png');
  });

  it('opens the entity view with its accounts on Enter', async () => {
    const name = gazetteerEntry(POPUP_LOOKUP.entity).name;
    await popup.keyboard.press('Enter');
    const accounts = popup.locator('section.bs-accounts .bs-account');
    await accounts.first().waitFor({ state: 'visible', timeout: 5_000 });
    expect(await popup.getByRole('heading', { name }).count()).toBeGreaterThan(0);
    const perspectives = await accounts.evaluateAll((items) =>
      items.map((item) => item.querySelector('.bs-account-perspective')?.textContent?.trim() ?? ''),
    );
    expect(new Set(perspectives.filter(Boolean)).size).toBeGreaterThanOrEqual(2);
    await saveScreenshot(popup, 'popup-entity.png');
  });
});
