/**
 * axe-core on Backstory's own UI in a real browser, light and dark: the onboarding page, the
 * popup (in Firefox with the site-access notice showing) and the hover card. Contrast is checked
 * here because only a real browser lays pages out.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_HOVER, DEMO_PAGE } from './demo-page';
import { axeViolations } from './driver/axe';
import {
  CARD,
  chosenBrowser,
  click,
  count,
  hoverText,
  POPUP_VIEWPORT,
  waitForMentions,
  waitForSelector,
} from './driver';
import { launchForSuite } from './suite';

const GRANT = { role: 'button', name: 'Allow access to websites' };
/** The popup's site-access button in Firefox, which opens the onboarding page that asks. */
const OPEN_ONBOARDING = { role: 'button', name: 'Open the page to allow access' };

describe.each(['light', 'dark'] as const)(`accessibility in %s mode (${chosenBrowser()})`, (colorScheme) => {
  // Firefox starts without site access, so the notice is checked too; Chromium always has it.
  const { browser } = launchForSuite({ colorScheme, grantSiteAccess: false, acceptPermissionPrompts: true });

  it('the popup has no violations', async () => {
    const popup = await browser.openExtensionPage('popup.html', POPUP_VIEWPORT);
    await waitForSelector(popup, { label: 'Look up a name' }, { timeout: 10_000 });
    if (chosenBrowser() === 'firefox') await waitForSelector(popup, OPEN_ONBOARDING);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('the onboarding page has no violations, before and after the grant', async () => {
    const onboarding = await browser.openExtensionPage('onboarding.html');
    await waitForSelector(onboarding, 'main h2', { timeout: 10_000 });
    expect(await axeViolations(onboarding)).toEqual([]);
    if (await count(onboarding, GRANT)) {
      await click(onboarding, GRANT);
      await waitForSelector(onboarding, { role: 'heading', name: 'Backstory can read the pages you visit' });
      expect(await axeViolations(onboarding)).toEqual([]);
    }
    await onboarding.close();
  });

  it('the hover card has no violations', async () => {
    const page = await browser.openTestPage(DEMO_PAGE);
    await waitForMentions(page);
    await hoverText(page, DEMO_HOVER.text);
    await waitForSelector(page, CARD);
    expect(await axeViolations(page, { include: { fromShadowDom: ['backstory-ui', '.bs-card'] } })).toEqual([]);
    await page.close();
  });
});
