/**
 * The popup's lookup in real Chromium and Firefox (BACKSTORY_BROWSER; popup.html opened in a
 * tab): loosely typed names find the right entity, and Enter opens its view with the accounts by
 * perspective.
 */
import { describe, expect, it } from 'vitest';
import { POPUP_LOOKUP } from './demo-page';
import {
  chosenBrowser,
  count,
  evaluateAll,
  POPUP_VIEWPORT,
  textOf,
  waitForSelector,
} from './driver';
import { gazetteerEntry } from './gazetteer';
import { launchForSuite } from './suite';

describe(`popup lookup (${chosenBrowser()})`, () => {
  const { page: popup } = launchForSuite({ open: (b) => b.openExtensionPage('popup.html', POPUP_VIEWPORT) });

  it('puts the cursor in the search box on open', async () => {
    // By its label, as a screen reader announces it (its role may be combobox: it owns the results).
    const search = { label: 'Look up a name' };
    await waitForSelector(popup, search, { timeout: 10_000 });
    expect(await evaluateAll(popup, search, (boxes) => boxes.map((box) => box.getAttribute('type')))).toEqual([
      'search',
    ]);
    await expect
      .poll(() => evaluateAll(popup, search, (boxes) => boxes[0] === document.activeElement), { timeout: 3_000 })
      .toBe(true);
  });

  it(`finds ${POPUP_LOOKUP.entity} first from “${POPUP_LOOKUP.query}”`, async () => {
    const name = gazetteerEntry(POPUP_LOOKUP.entity).name;
    // Typed into whatever has focus, as a reader would right after opening the popup.
    await popup.keyboard.type(POPUP_LOOKUP.query, { delay: 40 });
    await expect.poll(() => textOf(popup, '[role="listbox"] [role="option"]'), { timeout: 5_000 }).toContain(name);
    await popup.screenshot('popup.png');
  });

  it('opens the entity view with its accounts on Enter', async () => {
    const name = gazetteerEntry(POPUP_LOOKUP.entity).name;
    await popup.keyboard.press('Enter');
    const accounts = 'section.bs-accounts .bs-account';
    await waitForSelector(popup, accounts, { timeout: 5_000 });
    expect(await count(popup, { role: 'heading', name })).toBeGreaterThan(0);
    const perspectives = await evaluateAll(popup, accounts, (items) =>
      items.map((item) => item.querySelector('.bs-account-perspective')?.textContent?.trim() ?? ''),
    );
    expect(new Set(perspectives.filter(Boolean)).size).toBeGreaterThanOrEqual(2);
    await popup.screenshot('popup-entity.png');
  });
});
